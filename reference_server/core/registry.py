"""`@method("tasks.flow.Flow.create")`: one decorated function per Bitrix24 method."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import CallContext

HandlerFn = Callable[["CallContext", dict[str, Any]], Any]
GuardFn = Callable[["CallContext"], None]
RulesFn = Callable[[dict[str, Any]], None]
PrecheckFn = Callable[["CallContext", dict[str, Any]], None]


@dataclass(frozen=True)
class Page:
    """What a list handler returns: one page of rows, the count of all matches, the next offset."""

    rows: list[Any]
    total: int
    next: int | None = None


@dataclass(frozen=True)
class Handler:
    operation_id: str
    fn: HandlerFn
    # Errors a failed request validation may turn into, in order of preference; the first one the
    # operation declares is used (flows: the field-invalid template where declared, else access denied).
    invalid_errors: tuple[str, ...]
    validate: bool
    # Bizproc methods answer a bad parameter with an error of its own ("empty TASK_ID", "Invalid
    # TO_USER_ID"): the failing parameter's dotted path (list indexes as `*`) maps to an error name,
    # the longest matching prefix wins. None means the handler copes with any value there itself
    # (unknown SELECT names are ignored, a non-object PARAMETERS counts as empty, ...).
    fields: Mapping[str, str | None] = field(default_factory=dict)
    # Runs before validation, as the portal checks who calls before it reads parameters: a webhook
    # calling an application-only method is refused whatever it sent.
    guard: GuardFn | None = None
    # Runs when a request fails schema validation, before the generic field-invalid error: raises the
    # portal's own error for the first rule the parameters break, in the portal's order (flows:
    # `'name': field's length must be ...`), or returns to let the generic error stand.
    rules: RulesFn | None = None
    # Runs after the parameters are read and before they are validated, as a portal checks access
    # before its command validates (flow update/delete: who may change the flow).
    precheck: PrecheckFn | None = None


HANDLERS: dict[str, Handler] = {}


def method(
    operation_id: str,
    *,
    invalid: tuple[str, ...] = (),
    validate: bool = True,
    fields: Mapping[str, str | None] | None = None,
    guard: GuardFn | None = None,
    rules: RulesFn | None = None,
    precheck: PrecheckFn | None = None,
) -> Callable[[HandlerFn], HandlerFn]:
    def register(fn: HandlerFn) -> HandlerFn:
        if operation_id in HANDLERS:
            raise ValueError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = Handler(
            operation_id, fn, invalid, validate, dict(fields or {}), guard, rules, precheck
        )
        return fn

    return register
