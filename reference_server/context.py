"""What a handler sees: the caller, the portal state and the identities, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .identities import Caller, Identities
from .store import Store

if TYPE_CHECKING:
    from .dispatch import Dispatcher, Outcome


@dataclass
class CallContext:
    caller: Caller
    store: Store
    identities: Identities
    clock: Callable[[], float]
    operation_id: str
    dispatcher: Dispatcher
    in_batch: bool = False
    # what a check before the handler learned for it (a flow create that switched the trial on)
    notes: dict[str, Any] = field(default_factory=dict)

    def call(self, method: str, params: dict[str, Any]) -> Outcome:
        """Run a command of a batch as the same caller."""
        return self.dispatcher.invoke(self.caller, method, params, in_batch=True)
