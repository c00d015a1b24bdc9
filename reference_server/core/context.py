"""What a handler sees: the caller, the portal state and the identities, the clock, and a way to
run other methods (batch's commands); never the dispatcher itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .errors import BitrixError
from .identities import Caller, Identities
from .store import Store

if TYPE_CHECKING:
    from .dispatch import Outcome


class Commands(Protocol):
    """Runs a method as a command inside another call, and writes an error as the portal sends it."""

    def run(self, caller: Caller, method: str, params: dict[str, Any]) -> Outcome: ...

    def error_body(self, error: BitrixError) -> dict[str, Any]: ...


@dataclass
class CallContext:
    caller: Caller
    store: Store
    identities: Identities
    clock: Callable[[], float]
    operation_id: str
    commands: Commands
    in_batch: bool = False
    # what a check before the handler learned for it (a flow create that switched the trial on)
    notes: dict[str, Any] = field(default_factory=dict)

    def call(self, method: str, params: dict[str, Any]) -> Outcome:
        """Run a command of a batch as the same caller."""
        return self.commands.run(self.caller, method, params)

    def error_body(self, error: BitrixError) -> dict[str, Any]:
        """`error` as this portal would send it (its language, its code types)."""
        return self.commands.error_body(error)
