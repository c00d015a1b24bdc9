"""One call from credentials to result: method lookup, scope, faults, limits, validation, handler.

Kept apart from HTTP so that `batch` can run its commands through exactly the same steps.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from b24_spec.model import Model, Operation

from .context import CallContext
from .errors import BitrixError, Wire
from .identities import Caller, Identities
from .limits import Faults, LeakyBucket, OperatingBudget
from .protocol import coerce, declared_names, time_block, unstorable
from .registry import HANDLERS, Page
from .store import Store
from .validation import RequestValidator

# insufficient_scope as the OAuth layer words it (rest 20.150.0 lib/oauth/auth.php); the webhook
# layer's text is the example's value
OAUTH_SCOPE_TEXT = "The request requires higher privileges than provided by the access token"

# Consumed by the REST core before a method sees its parameters (protocol notes 1.2).
RESERVED = ("auth", "start")


@dataclass
class Outcome:
    operation_id: str | None
    result: Any = None
    time: dict[str, Any] | None = None
    error: BitrixError | None = None
    total: int | None = None  # list methods: the count of all matches, and the next page's offset
    next: int | None = None


class Dispatcher:
    def __init__(
        self,
        *,
        spec: Model,
        identities: Identities,
        store: Store,
        clock: Any,
        bucket: LeakyBucket | None,
        budget: OperatingBudget | None,
        faults: Faults,
        wire: Wire | None = None,
    ) -> None:
        self.spec = spec
        self.identities = identities
        self.store = store
        self.clock = clock
        self.bucket = bucket
        self.budget = budget
        self.faults = faults
        self.wire = wire or Wire(lang=identities.lang)
        self.validator = RequestValidator(spec)

    def _admit(
        self,
        caller: Caller,
        operation_id: str | None,
        in_batch: bool,
        fault: str | None,
        fault_status: int | None = None,
    ) -> Operation:
        """The checks every call passes before it runs: the method exists, may run here, is in the
        caller's scopes; then a requested fault fails it (so a refused call consumes no fault)."""
        if operation_id is None or operation_id not in HANDLERS:
            raise BitrixError.named("MethodNotFound")
        op = self.spec.operations[operation_id]
        if in_batch and not op.batchable:
            raise BitrixError.named("BatchMethodNotAllowed")
        if not caller.has_scope(op.scope):
            # the text names the credential; inside batch the entry's text is empty (D45)
            if in_batch:
                raise BitrixError.named("InsufficientScope", message="")
            if caller.application is not None:
                raise BitrixError.named("InsufficientScope", message=OAUTH_SCOPE_TEXT)
            raise BitrixError.named("InsufficientScope")
        if fault is not None and op.statuses_of(fault):
            raise BitrixError.named(fault, status=fault_status)
        return op

    def run(self, caller: Caller, method: str, params: dict[str, Any]) -> Outcome:
        """A command of a batch: the method, as the same caller, counted against the batch's limits."""
        return self.invoke(caller, method, params, in_batch=True)

    def error_body(self, error: BitrixError) -> dict[str, Any]:
        return error.body(self.spec, self.wire)

    def invoke(
        self,
        caller: Caller,
        method: str,
        params: dict[str, Any],
        *,
        typed: dict[str, Any] | None = None,
        in_batch: bool = False,
        fault: str | None = None,
        fault_status: int | None = None,
    ) -> Outcome:
        """Run one call. `params` hold strings (query, form, batch command) and are coerced to the
        spec's types; `typed` (a JSON body) is taken as sent and overrides them. `fault` (an error
        example name, from the X-Reference-Fault header; `fault_status` from X-Reference-Fault-Status
        picks one of its declared statuses) fails just this call, once it has passed
        the credential and scope checks: a refused call leaves nothing behind for the next one."""
        start = self.clock()
        operation_id = self.spec.canonical(method)
        try:
            op = self._admit(caller, operation_id, in_batch, fault, fault_status)
            assert operation_id is not None  # _admit refuses unknown methods
            queued = self.faults.take(operation_id)
            if queued is not None and queued.error is not None:
                raise BitrixError.named(queued.error, status=queued.status)
            budget_key = (caller.key, operation_id)
            # a call marked x-bitrix-operating-budget: false (batch) is not counted in `operating`;
            # its commands are, each against its own method
            counted = self.budget is not None and op.operating_budget
            if counted and self.budget is not None:
                self.budget.check(budget_key)
            if self.bucket is not None and not in_batch:
                self.bucket.take()
            handler = HANDLERS[operation_id]
            ctx = CallContext(caller, self.store, self.identities, self.clock, operation_id, self, in_batch)
            if handler.guard is not None:
                handler.guard(ctx)
            args = self._arguments(op, params, typed)
            if handler.precheck is not None:
                handler.precheck(ctx, args)
            if handler.validate and (bad := unstorable(args, op.request_schema)) is not None:
                self.validator.refuse(handler, bad)
            if handler.validate:
                self.validator.check(handler, args)
            began = time.perf_counter()
            with self.store.lock:
                result = handler.fn(ctx, args)
            processing = time.perf_counter() - began
            finish = max(self.clock(), start)
            timing = time_block(start, finish, processing)
            if counted and self.budget is not None:
                self.budget.record(budget_key, processing + (queued.operating if queued else 0.0))
                # batch entries carry the report too, each of its own method (D46)
                timing.update(self.budget.report(budget_key))
            elif self.budget is not None:
                timing.update(self.budget.unbudgeted(start))
            if isinstance(result, Page):
                return Outcome(operation_id, result.rows, timing, total=result.total, next=result.next)
            return Outcome(operation_id, result=result, time=timing)
        except BitrixError as error:
            return Outcome(operation_id, error=error)

    def _arguments(
        self, op: Operation, params: dict[str, Any], typed: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Query/form strings coerced to the spec's types, overridden by the typed JSON body; reserved
        keys dropped (`start` stays for list methods)."""
        if op.scope == "bizproc":
            params, typed = (
                self._upper_keys(op.request_schema, params),
                self._upper_keys(op.request_schema, typed),
            )
        args = {
            **coerce(params, op.request_schema, strings=True),
            **coerce(typed or {}, op.request_schema, strings=False),
        }
        return {k: v for k, v in args.items() if k not in RESERVED or (op.paginated and k == "start")}

    def _upper_keys(self, schema: dict[str, Any], params: dict[str, Any] | None) -> dict[str, Any]:
        """Bizproc handlers upper-case their top-level keys (D14): `select` is `SELECT`. The declared
        spelling wins over another spelling of the same name; `start` stays lower-case only."""
        if not params:
            return {}
        names = {n.upper(): n for n in declared_names(schema) if n.isupper()}
        out: dict[str, Any] = {}
        for key, value in params.items():
            name = names.get(key.upper(), key) if isinstance(key, str) else key
            if name != key and name in params:
                continue
            out[name] = value
        return out
