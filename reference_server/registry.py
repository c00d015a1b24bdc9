"""`@method("tasks.flow.Flow.create")`: one decorated function per Bitrix24 method."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import CallContext

HandlerFn = Callable[["CallContext", dict[str, Any]], Any]


@dataclass(frozen=True)
class Handler:
    operation_id: str
    fn: HandlerFn
    # Errors a failed request validation may turn into, in order of preference; the first one the
    # operation declares is used (flows: the field-invalid template where declared, else access denied).
    invalid_errors: tuple[str, ...]
    validate: bool


HANDLERS: dict[str, Handler] = {}


def method(
    operation_id: str, *, invalid: tuple[str, ...] = (), validate: bool = True
) -> Callable[[HandlerFn], HandlerFn]:
    def register(fn: HandlerFn) -> HandlerFn:
        if operation_id in HANDLERS:
            raise ValueError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = Handler(operation_id, fn, invalid, validate)
        return fn

    return register
