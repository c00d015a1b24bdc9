# copied from generator/python/runtime/_paging.py by `nox -s generate`; do not edit
"""Every item of a list method, page by page: the offset way and the fast way (`start=-1` with an
`ID` cursor). The planners here do no I/O; `Bitrix24.items` / `aitems` / `fetch_all` drive them.

Two paging kinds (`x-bitrix-pagination.kind`, spec D41): `offset` methods read `start` as the exact
row offset and always count; `page` methods (bizproc.task.list) round `start` down to a multiple of
50, answer `next` = page * 50, and skip counting only for a negative `start`.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._spec import Operation

__all__ = ["PAGE_SIZE", "BatchPager", "Pager"]

PAGE_SIZE = 50  # x-bitrix-pagination pageSize: the portal's fixed page size
MAX_COMMANDS = 50  # commands per batch


def _names(operation: Operation | None) -> tuple[str, str, str]:
    if operation is None:
        return ("FILTER", "ORDER", "SELECT")
    return (
        operation.filter_param or "FILTER",
        operation.order_param or "ORDER",
        operation.select_param or "SELECT",
    )


def _member(params: Mapping[str, Any], name: str) -> tuple[str, Any]:
    """The key under which `params` carries `name` (matched case-insensitively, as the portal
    does) and its value."""
    for key, value in params.items():
        if key.lower() == name.lower():
            return key, value
    return name, None


def _kind(operation: Operation | None) -> str:
    """The paging kind, `offset` or `page`; empty for a method the spec does not know (then the
    pager follows `next` as sent and uses `start=-1` for the fast way, the generic Bitrix24 rule)."""
    return operation.paging if operation is not None else ""


class _Plan:
    def __init__(self, operation: Operation | None, params: Mapping[str, Any], id_field: str) -> None:
        self.id_field = id_field
        self.kind = _kind(operation)
        self.filter_name, self.order_name, self.select_name = _names(operation)
        base = {k: v for k, v in params.items() if k.lower() != "start"}
        select_key, select = _member(base, self.select_name)
        if isinstance(select, list) and select and not any(str(s).upper() == id_field for s in select):
            base[select_key] = [*select, id_field]  # the cursor and the de-duplication need the id
        self.base = base
        self.seen: set[str] = set()

    def with_order(self, order: Any) -> dict[str, Any]:
        params = dict(self.base)
        key, current = _member(params, self.order_name)
        params[key] = current if order is None else order
        return params

    def fresh(self, rows: Any) -> list[dict[str, Any]]:
        """The rows not seen before (by id), in order."""
        out: list[dict[str, Any]] = []
        for row in rows if isinstance(rows, list) else []:
            if not isinstance(row, dict):
                continue
            row_id = row.get(self.id_field)
            if row_id is not None:
                if str(row_id) in self.seen:
                    continue
                self.seen.add(str(row_id))
            out.append(row)
        return out


class Pager(_Plan):
    """One request per page.

    The offset way (`fast=False`) sends `start=0, 50, ...` until the answer has no `next`. Without
    an ORDER of the caller's it sorts by ID ascending, so that items added meanwhile land after
    the pages already read instead of shifting them; rows are de-duplicated by ID either way.

    On a `page` method `next` is the following page's first row; a `next` that is no page start
    (a portal never sends one) is rounded down and must still move forward, or the walk ends.

    The fast way (`fast=True`) sends `start=-1` (no counting) with `>ID` of the last row seen and
    ORDER ID ascending, until a page comes back short: no offsets, so items added or removed
    meanwhile never shift anything, and counting large tables is skipped. On an `offset` method
    `-1` is no special value (the portal counts anyway and answers a `next` of its own), so the
    fast way sends `start=0` there: the same rows, and the cursor does the rest.
    """

    def __init__(
        self, operation: Operation | None, params: Mapping[str, Any], *, fast: bool, id_field: str = "ID"
    ) -> None:
        super().__init__(operation, params, id_field)
        self.fast = fast
        self.offset = 0
        self.cursor: Any = None
        self.done = False

    def next_params(self) -> dict[str, Any] | None:
        if self.done:
            return None
        if not self.fast:
            _key, order = _member(self.base, self.order_name)
            params = self.with_order(None if order else {self.id_field: "ASC"})
            params["start"] = self.offset
            return params
        params = self.with_order({self.id_field: "ASC"})
        key, current = _member(params, self.filter_name)
        condition = dict(current) if isinstance(current, Mapping) else {}
        if self.cursor is not None:
            condition[f">{self.id_field}"] = self.cursor
        if condition:
            params[key] = condition
        params["start"] = 0 if self.kind == "offset" else -1
        return params

    def feed(self, body: Mapping[str, Any]) -> list[dict[str, Any]]:
        rows = body.get("result")
        page = rows if isinstance(rows, list) else []
        if self.fast:
            if len(page) < PAGE_SIZE:
                self.done = True
            else:
                last = page[-1]
                self.cursor = last.get(self.id_field) if isinstance(last, dict) else None
                self.done = self.cursor is None
        else:
            following = body.get("next")
            if isinstance(following, int) and not isinstance(following, bool) and self.kind == "page":
                following -= following % PAGE_SIZE
            if isinstance(following, int) and following > self.offset and page:
                self.offset = following
            else:
                self.done = True
        return self.fresh(page)


class BatchPager(_Plan):
    """Pages fetched in parallel through `batch`: up to 50 offset pages per request.

    The first request asks for `first_pages` pages at once (page 0 carries `total`); each later one
    for the next 50 pages up to the largest `total` seen. Sorted by ID ascending unless the caller
    orders, de-duplicated by ID; items added while the pages are read are picked up because the
    last `total` decides where to stop.
    """

    def __init__(
        self,
        operation: Operation | None,
        method: str,
        params: Mapping[str, Any],
        *,
        first_pages: int = MAX_COMMANDS,
        id_field: str = "ID",
    ) -> None:
        super().__init__(operation, params, id_field)
        self.method = method
        _key, order = _member(self.base, self.order_name)
        self.params = self.with_order(None if order else {id_field: "ASC"})
        self.first_pages = max(1, min(MAX_COMMANDS, first_pages))
        self.next_offset = 0
        self.total: int | None = None

    def commands(self, limit: int = MAX_COMMANDS) -> dict[str, tuple[str, dict[str, Any]]] | None:
        """The next batch: command id → (method, params); None when everything has been read."""
        if self.total is None:
            count = self.first_pages if self.next_offset == 0 else 1
        else:
            remaining = self.total - self.next_offset
            if remaining <= 0:
                return None
            count = -(-remaining // PAGE_SIZE)
        count = max(1, min(count, limit))
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        for _ in range(count):
            out[f"p{self.next_offset}"] = (self.method, {**self.params, "start": self.next_offset})
            self.next_offset += PAGE_SIZE
        return out

    def feed(self, pages: Mapping[str, Any], totals: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Take one batch's pages (command id → rows) and totals; return the new rows in order."""
        for value in totals.values():
            if isinstance(value, int):
                self.total = max(self.total or 0, value)
        if self.total is None:
            self.total = 0
        rows: list[dict[str, Any]] = []
        for key in sorted(pages, key=lambda k: int(k[1:])):
            rows.extend(self.fresh(pages[key]))
        return rows
