# copied from generator/python/runtime/_spec.py by `nox -s generate`; do not edit
"""What the spec says about each operation, as the runtime needs it.

Written by hand in generator/python/runtime/; the table itself, `_operations.OPERATIONS`, is
generated from the bundled spec by generator/python/client.py. Do not edit the copies.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RETRY_CLASSES", "Operation", "lookup", "retry_class"]

# The values of `x-bitrix-retry` (spec/EXTENSIONS.md).
RETRY_CLASSES = ("never", "after-backoff", "after-reset", "after-token-refresh", "if-idempotent")


@dataclass(frozen=True)
class Operation:
    """The markings of one operation: `x-bitrix-idempotent`, `-toggle`, `-batchable`,
    `-operating-budget`, `-pagination` and the `x-bitrix-errors` index as `(status, code, retry)`
    triples."""

    id: str
    idempotent: bool
    toggle: bool
    batchable: bool
    paginated: bool
    errors: tuple[tuple[int, str, str], ...]
    module: str = ""  # the generated endpoint module under `api`, e.g. "tasks_flow.tasks_flow_flow_get"
    filter_param: str = ""  # list methods: the request members for FILTER / ORDER / SELECT
    order_param: str = ""
    select_param: str = ""
    paging: str = ""  # list methods: x-bitrix-pagination.kind, "offset" or "page" (spec D41)
    budgeted: bool = True  # False: the call's own time is not counted; its commands' times are

    @property
    def retry_safe(self) -> bool:
        """May a call whose outcome is unknown (timeout, lost connection) be sent again?"""
        return self.idempotent and not self.toggle


def lookup(table: dict[str, Operation], name: str) -> Operation | None:
    """The operation called `name` (a method name as in a URL: any case, optional `.json`)."""
    key = name.strip().strip("/")
    if key.lower().endswith(".json"):
        key = key[:-5]
    found = table.get(key)
    if found is None:
        lowered = key.lower()
        found = next((op for op_id, op in table.items() if op_id.lower() == lowered), None)
    return found


def retry_class(table: dict[str, Operation], operation: Operation | None, status: int, code: str) -> str:
    """The `x-bitrix-retry` of the error `(status, code)` of `operation`; for an operation the spec
    does not know, the class the same error has everywhere else; `never` for undeclared errors."""
    candidates = [operation] if operation is not None else list(table.values())
    for op in candidates:
        for err_status, err_code, retry in op.errors:
            if err_status == status and err_code == code:
                return retry
    for op in candidates:  # the same code under another status (e.g. an error sent with HTTP 200)
        for _status, err_code, retry in op.errors:
            if err_code == code and code not in {"", "0"}:
                return retry
    return "never"
