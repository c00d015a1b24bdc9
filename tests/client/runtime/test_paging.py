"""Every item of `bizproc.workflow.instances` (reference server handlers, 10,000 running workflows):
the offset way, the fast way (`start=-1` + `>ID` cursor) and parallel pages through batch, sync
and async, complete and without duplicates, also when workflows start meanwhile."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24, Limits
from b24_client._operations import OPERATIONS
from b24_client._paging import Pager

from reference_server.domains.bizproc import lists
from tests.client.runtime.support import (
    BASE_URL,
    AsyncCountingTransport,
    CountingTransport,
    FakeClock,
    Wire,
    method_of,
)

LIST = "bizproc.workflow.instances"
COUNT = 10_000  # the figure; each page costs the server a sort of all of them


def workflow(seq: int) -> dict[str, Any]:
    """A running workflow record as the engine stores it, with an engine-shaped id (rising)."""
    stamp = f"2024-01-01T00:{seq // 3600 % 60:02d}:{seq // 60 % 60:02d}+00:00"
    return {
        "ID": f"{0x65920080 + seq // 1000:08x}{seq:06x}.{seq * 7919 % 10**8:08d}",
        "TEMPLATE_ID": 1,
        "MODULE_ID": "lists",
        "ENTITY": "BizprocDocument",
        "DOCUMENT": ["lists", "BizprocDocument", str(seq)],
        "STARTED": stamp,
        "STARTED_BY": 1,
        "MODIFIED": stamp,
        "OWNED_UNTIL": None,
        "STATE": "running",
    }


class Portal:
    def __init__(self, app: Any) -> None:
        self.store = app.state.portal.store
        self.next = 0

    def start(self, count: int) -> None:
        records = [workflow(self.next + i) for i in range(count)]
        self.next += count
        self.store.save([("workflow", r["ID"], r) for r in records])


@pytest.fixture
def portal(app: Any) -> Portal:
    seeded = Portal(app)
    seeded.start(COUNT)
    return seeded


def connect(app: Any, clock: FakeClock, wire: Wire) -> Bitrix24:
    return Bitrix24.webhook(
        BASE_URL + "/",
        limits=Limits(clock=clock),
        transport=CountingTransport(app, wire),
        async_transport=AsyncCountingTransport(app, wire, clock),
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
    )


def start_meanwhile(wire: Wire, portal: Portal, every: int, count: int, times: int = 1000) -> list[int]:
    """After every `every`-th list request (at most `times` times), `count` more workflows start
    (someone else's work)."""
    started: list[int] = []

    def after(request: httpx.Request, response: httpx.Response) -> None:
        method = method_of(request)
        if method in {LIST, "batch"} and wire.requests[method] % every == 0 and len(started) < times:
            portal.start(count)
            started.append(count)

    wire.after = after
    return started


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [str(r["ID"]) for r in rows]


def assert_complete(rows: list[dict[str, Any]], portal: Portal) -> None:
    got = ids(rows)
    assert len(got) == len(set(got)), "duplicates"
    assert set(got) == set(portal.store.of("workflow")), "gaps"


@pytest.mark.parametrize("fast", [False, True], ids=["offset", "fast"])
def test_every_item_one_page_at_a_time(app: Any, clock: FakeClock, portal: Portal, fast: bool) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        rows = list(b24.items(LIST, {"SELECT": ["ID", "STARTED"]}, fast=fast))
    assert len(rows) == COUNT
    assert_complete(rows, portal)
    assert wire.requests[LIST] == COUNT // 50 + (1 if fast else 0)  # fast: one short page ends it
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 0


@pytest.mark.parametrize("fast", [False, True], ids=["offset", "fast"])
def test_items_added_meanwhile_are_neither_lost_nor_doubled(
    app: Any, clock: FakeClock, portal: Portal, fast: bool
) -> None:
    wire = Wire()
    started = start_meanwhile(wire, portal, every=20, count=37)
    with connect(app, clock, wire) as b24:
        rows = list(b24.items(LIST, {}, fast=fast))
    assert started and len(rows) == COUNT + sum(started)
    assert_complete(rows, portal)


def test_the_naive_offset_loop_would_double_items(app: Any, clock: FakeClock, portal: Portal) -> None:
    """The control for the test above: the portal's default order (newest first) with offsets
    repeats rows when workflows start meanwhile."""
    wire = Wire()
    start_meanwhile(wire, portal, every=20, count=37)
    got: list[str] = []
    with connect(app, clock, wire) as b24:
        start = 0
        while True:
            page = b24.call(LIST, {"start": start})
            got.extend(ids(page["result"]))
            if "next" not in page:
                break
            start = page["next"]
    assert len(got) != len(set(got))


def test_fetch_all_reads_10000_items_in_4_requests(app: Any, clock: FakeClock, portal: Portal) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        rows = b24.fetch_all(LIST, {"SELECT": ["ID", "STARTED_BY"]})
    assert len(rows) == COUNT
    assert_complete(rows, portal)
    assert wire.requests["batch"] == 4  # 200 pages, 50 per batch
    assert wire.requests[LIST] == 0


def test_fetch_all_picks_up_items_added_between_batches(app: Any, clock: FakeClock, portal: Portal) -> None:
    wire = Wire()
    started = start_meanwhile(wire, portal, every=1, count=120, times=4)
    with connect(app, clock, wire) as b24:
        rows = b24.fetch_all(LIST)
    assert len(started) == 4
    assert len(rows) == COUNT + 480
    assert_complete(rows, portal)


def test_async_paging_and_parallel_batches(app: Any, clock: FakeClock, portal: Portal) -> None:
    wire = Wire()

    async def run() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        async with connect(app, clock, wire) as b24:
            one_by_one = [row async for row in b24.aitems(LIST, {"SELECT": ["ID"]}, fast=True)]
            together = await b24.afetch_all(LIST, {"SELECT": ["ID"]})
            return one_by_one, together

    one_by_one, together = asyncio.run(run())
    assert_complete(one_by_one, portal)
    assert_complete(together, portal)
    assert wire.requests["batch"] == 4
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 0


def test_a_filter_of_the_caller_is_kept(app: Any, clock: FakeClock, portal: Portal) -> None:
    wire = Wire()
    portal.store.save([("workflow", "zz-other", {**workflow(99_999), "ID": "zz-other", "STARTED_BY": 2})])
    with connect(app, clock, wire) as b24:
        fast = list(b24.items(LIST, {"FILTER": {"STARTED_BY": 2}}, fast=True))
        slow = list(b24.items(LIST, {"filter": {"STARTED_BY": 2}}))
    assert ids(fast) == ids(slow) == ["zz-other"]


# --- the two paging kinds (spec D41): planners only, against the reference server's page cutter ---


def _answer(rows: list[dict[str, Any]], params: dict[str, Any], kind: str) -> dict[str, Any]:
    """What a portal of that paging kind answers, with ORDER ID asc and a `>ID` filter applied."""
    cursor = next((v for k, v in (params.get("FILTER") or {}).items() if k == ">ID"), None)
    chosen = [r for r in rows if cursor is None or int(r["ID"]) > int(cursor)]
    page = lists.page(chosen, params.get("start"), ["ID"], kind)
    body: dict[str, Any] = {"result": page.rows, "total": page.total}
    if page.next is not None:
        body["next"] = page.next
    return body


def _walk(method: str, fast: bool, rows: list[dict[str, Any]], kind: str) -> tuple[list[str], list[Any]]:
    pager = Pager(OPERATIONS[method], {}, fast=fast)
    got: list[str] = []
    starts: list[Any] = []
    while (request := pager.next_params()) is not None:
        starts.append(request["start"])
        got.extend(ids(pager.feed(_answer(rows, request, kind))))
        assert len(starts) < 100, "the walk does not end"
    return got, starts


@pytest.mark.parametrize("fast", [False, True], ids=["next", "fast"])
def test_task_list_pages_by_page_number(fast: bool) -> None:
    assert OPERATIONS["bizproc.task.list"].paging == "page"
    assert OPERATIONS["bizproc.workflow.instances"].paging == "offset"
    rows = [{"ID": str(n)} for n in range(1, 138)]
    got, starts = _walk("bizproc.task.list", fast, rows, "page")
    assert got == [str(n) for n in range(1, 138)]
    # following `next` gives page starts; the fast way never counts (start=-1)
    assert starts == ([-1, -1, -1] if fast else [0, 50, 100])


def test_the_fast_way_on_an_offset_method_starts_at_zero() -> None:
    """`-1` is no special value on an offset method (it counts anyway, and its `next` is -1 +
    rows): the fast way sends 0 there and lets the `>ID` cursor move on."""
    rows = [{"ID": str(n)} for n in range(1, 138)]
    got, starts = _walk("bizproc.workflow.template.list", True, rows, "offset")
    assert got == [str(n) for n in range(1, 138)] and starts == [0, 0, 0]


def test_a_next_that_is_no_page_start_is_rounded_down() -> None:
    pager = Pager(OPERATIONS["bizproc.task.list"], {}, fast=False)
    assert pager.next_params() is not None
    pager.feed({"result": [{"ID": str(n)} for n in range(50)], "total": 200, "next": 75})
    request = pager.next_params()
    assert request is not None and request["start"] == 50
