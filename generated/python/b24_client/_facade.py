# copied from generator/python/runtime/_facade.py by `nox -s generate`; do not edit
"""`Bitrix24`: raw calls, pagination and batch on top of a generated `Client`, sync and async.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import httpx

from ._areas import Areas
from ._batch import BatchPlan, BatchResult, Commands
from ._bitrix import _NOT_JSON, Bitrix24Error, decode, oauth_client, runtime_of, webhook_client
from ._errors import MalformedResponse
from ._operations import OPERATIONS
from ._paging import BatchPager, Pager
from ._spec import lookup
from ._transport import Runtime
from .client import Client

__all__ = ["Bitrix24"]


def _body(response: httpx.Response, method: str) -> dict[str, Any]:
    body = decode(response.content)
    if isinstance(body, dict) and "error" in body and "result" not in body:
        raise Bitrix24Error.from_body(body, response.status_code, method, response.content)
    if body is _NOT_JSON:
        raise MalformedResponse(response.status_code, response.content, method, "not JSON")
    if response.status_code != 200 or not isinstance(body, dict) or "result" not in body:
        raise MalformedResponse(response.status_code, response.content, method, "not a success body")
    return body


def _request(method: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    return {"method": "POST", "url": f"/{method}", "json": dict(params or {})}


class Bitrix24(Areas):
    """A generated `Client` plus the helpers the portal's limits call for.

    Typed calls by area: `b24.tasks.flow.create(name=..., ...)` returns the typed `result`
    (`await b24.tasks.flow.acreate(...)` in async code); the namespaces are generated (`_areas`).

    Build it with `Bitrix24.webhook(url, ...)` or `Bitrix24.oauth(portal, token, refresh=...)`
    (arguments as for `webhook_client` / `oauth_client`), or wrap a client you made yourself.
    The generated endpoint functions take `b24.client`; every method here has an async twin
    prefixed with `a`.
    """

    def __init__(self, client: Client) -> None:
        self.client = client

    @classmethod
    def webhook(cls, url: str, **kwargs: Any) -> Bitrix24:
        return cls(webhook_client(url, **kwargs))

    @classmethod
    def oauth(cls, portal: str, token: str, **kwargs: Any) -> Bitrix24:
        return cls(oauth_client(portal, token, **kwargs))

    @property
    def runtime(self) -> Runtime | None:
        """Limiter, budgets, retry policy, token and `stats` (None for a plain `Client`)."""
        return runtime_of(self.client)

    def __enter__(self) -> Bitrix24:
        self.client.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.client.__exit__(*args)

    async def __aenter__(self) -> Bitrix24:
        await self.client.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.client.__aexit__(*args)

    # -- one call ---------------------------------------------------------------------------------

    def call(self, method: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Call `method` with a JSON body; return the whole success body (`result`, `time`, and
        `total` / `next` for lists); raise `Bitrix24Error` for an error body."""
        response = self.client.get_httpx_client().request(**_request(method, params))
        return _body(response, method)

    async def acall(self, method: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        response = await self.client.get_async_httpx_client().request(**_request(method, params))
        return _body(response, method)

    # -- pagination ---------------------------------------------------------------------------------

    def items(
        self, method: str, params: Mapping[str, Any] | None = None, *, fast: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Every row of a list method, one request per page, without duplicates.

        `fast=False`: offsets (`start=0, 50, ...`), sorted by ID unless you pass an ORDER.
        `fast=True`: an `>ID` cursor with ORDER ID ascending, the way for large sets (with `start=-1`,
        no counting, on methods paged by page number; from 0 on offset methods, spec D41).
        """
        pager = Pager(lookup(OPERATIONS, method), params or {}, fast=fast)
        while (request := pager.next_params()) is not None:
            yield from pager.feed(self.call(method, request))

    async def aitems(
        self, method: str, params: Mapping[str, Any] | None = None, *, fast: bool = False
    ) -> AsyncIterator[dict[str, Any]]:
        pager = Pager(lookup(OPERATIONS, method), params or {}, fast=fast)
        while (request := pager.next_params()) is not None:
            for row in pager.feed(await self.acall(method, request)):
                yield row

    def fetch_all(
        self, method: str, params: Mapping[str, Any] | None = None, *, first_pages: int = 50
    ) -> list[dict[str, Any]]:
        """Every row of a list method through `batch`, 50 pages (2,500 rows) per request.

        The first request reads `first_pages` pages at once and learns `total`; 10,000 rows take
        4 requests. Sorted by ID unless you pass an ORDER; de-duplicated by ID.
        """
        pager = BatchPager(lookup(OPERATIONS, method), method, params or {}, first_pages=first_pages)
        rows: list[dict[str, Any]] = []
        while (commands := pager.commands()) is not None:
            outcome = self.batch(commands)
            rows.extend(pager.feed(_pages(outcome), outcome.totals))
        return rows

    async def afetch_all(
        self, method: str, params: Mapping[str, Any] | None = None, *, first_pages: int = 50
    ) -> list[dict[str, Any]]:
        """As `fetch_all`; once `total` is known the remaining batches are sent concurrently (the
        limiter still spaces them)."""
        pager = BatchPager(lookup(OPERATIONS, method), method, params or {}, first_pages=first_pages)
        rows: list[dict[str, Any]] = []
        while True:
            rounds = []
            while (commands := pager.commands()) is not None:
                rounds.append(commands)
                if pager.total is None:
                    break
            if not rounds:
                return rows
            outcomes = await asyncio.gather(*(self.abatch(c) for c in rounds))
            pages: dict[str, Any] = {}
            totals: dict[str, int] = {}
            for outcome in outcomes:
                pages.update(_pages(outcome))
                totals.update(outcome.totals)
            rows.extend(pager.feed(pages, totals))

    # -- batch ------------------------------------------------------------------------------------

    def batch(self, commands: Commands, *, halt: bool = False, parallel: int = 1) -> BatchResult:
        """Run any number of commands, 50 per `batch` request, in order.

        `commands`: a mapping of command id → `Command(method, params)` (or a `(method, params)`
        pair), or a sequence of them (ids "0", "1", ...). Parameters may hold `$result[id][field]`
        references to earlier commands, also across requests. With `halt`, nothing after the first
        failed command runs. Per-command results and `Bitrix24Error`s are in the `BatchResult`.

        `parallel=N` lets up to N requests be awaited at once (in threads here, as tasks in
        `abatch`), for commands that do not depend on each other's order: each request's commands
        still run in order, and a request that refers to a command of one still awaited waits for
        it, but requests may otherwise reach the portal in any order. The limiter still spaces
        them. It cannot be combined with `halt`. When a whole request fails (an error body for the
        `batch` call itself, a dropped connection), that error is raised once the requests then in
        flight have ended.
        """
        plan = self._plan(commands, halt, parallel)
        if plan.parallel == 1:
            while (body := plan.next_body()) is not None:
                plan.feed(self._send_batch(plan, body), body)
            return plan.result()
        with ThreadPoolExecutor(max_workers=plan.parallel, thread_name_prefix="b24-batch") as pool:
            flying: dict[Future[dict[str, Any]], dict[str, Any]] = {}
            while True:
                while plan.ready() and (body := plan.next_body()) is not None:
                    flying[pool.submit(self._send_batch, plan, body)] = body
                if not flying:
                    return plan.result()
                done, _ = wait(flying, return_when=FIRST_COMPLETED)
                for future in done:
                    plan.feed(future.result(), flying.pop(future))

    async def abatch(self, commands: Commands, *, halt: bool = False, parallel: int = 1) -> BatchResult:
        plan = self._plan(commands, halt, parallel)
        flying: dict[asyncio.Task[dict[str, Any]], dict[str, Any]] = {}
        try:
            while True:
                while plan.ready() and (body := plan.next_body()) is not None:
                    flying[asyncio.ensure_future(self._asend_batch(plan, body))] = body
                if not flying:
                    return plan.result()
                done, _ = await asyncio.wait(flying, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    plan.feed(task.result(), flying.pop(task))
        finally:  # a request failed (or the caller was cancelled): the others' answers are not wanted
            for task in flying:
                task.cancel()
            await asyncio.gather(*flying, return_exceptions=True)

    def _plan(self, commands: Commands, halt: bool, parallel: int) -> BatchPlan:
        runtime = self.runtime
        budgets = None if runtime is None else runtime.budgets
        return BatchPlan(commands, halt=halt, budgets=budgets, parallel=parallel)

    def _send_batch(self, plan: BatchPlan, body: dict[str, Any]) -> dict[str, Any]:
        """One `batch` request, held back first while one of its methods is over budget."""
        runtime = self.runtime
        if runtime is not None and (pause := plan.delay(body)) > 0:
            runtime.sleep(pause)
        return self.call("batch", body)

    async def _asend_batch(self, plan: BatchPlan, body: dict[str, Any]) -> dict[str, Any]:
        runtime = self.runtime
        if runtime is not None and (pause := plan.delay(body)) > 0:
            await runtime.async_sleep(pause)
        return await self.acall("batch", body)


def _pages(outcome: BatchResult) -> dict[str, Any]:
    """The page rows of a paging batch; a failed page raises its error."""
    for error in outcome.errors.values():
        raise error
    return dict(outcome.results)
