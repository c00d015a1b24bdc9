"""`Bitrix24.batch(..., parallel=N)`: requests awaited at once, in threads (sync) or tasks (async),
with the same outcome as in order; a request that refers to a command still awaited waits for it;
`halt` refuses it; a failed request is raised."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24, Command, Limits

from tests.client.runtime.support import (
    BASE_URL,
    AsyncCountingTransport,
    CountingTransport,
    Wire,
    app_with,
)
from tests.client.runtime.test_batch import creates


class Overlap:
    """Watches requests in flight. Until `overlapped` (a second request started while one was in
    flight), each request waits up to `patience` seconds for a companion; in order, none comes."""

    def __init__(self, patience: float = 2.0) -> None:
        self.patience = patience
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0
        self.overlapped = threading.Event()
        self.log: list[tuple[str, frozenset[str]]] = []  # ("start" | "end", the request's command ids)

    def started(self, request: httpx.Request) -> None:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            self.log.append(("start", _ids(request)))
            if self.in_flight > 1:
                self.overlapped.set()

    def ended(self, request: httpx.Request) -> None:
        with self.lock:
            self.in_flight -= 1
            self.log.append(("end", _ids(request)))


def _ids(request: httpx.Request) -> frozenset[str]:
    body = httpx.Response(200, content=request.content).json() if request.content else {}
    return frozenset(body.get("cmd", {})) if isinstance(body, dict) else frozenset()


class OverlapTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, overlap: Overlap) -> None:
        self.inner, self.overlap = inner, overlap

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.overlap.started(request)
        try:
            self.overlap.overlapped.wait(self.overlap.patience)
            return self.inner.handle_request(request)
        finally:
            self.overlap.ended(request)

    def close(self) -> None:
        self.inner.close()


class AsyncOverlapTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, overlap: Overlap) -> None:
        self.inner, self.overlap = inner, overlap

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.overlap.started(request)
        try:
            for _ in range(int(self.overlap.patience / 0.01)):
                if self.overlap.overlapped.is_set():
                    break
                await asyncio.sleep(0.01)
            return await self.inner.handle_async_request(request)
        finally:
            self.overlap.ended(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def connect(app: Any, wire: Wire, overlap: Overlap) -> Bitrix24:
    # real time here: the requests of one batch overlap only if they are truly awaited together
    return Bitrix24.webhook(
        BASE_URL + "/",
        limits=Limits(),
        transport=OverlapTransport(CountingTransport(app, wire), overlap),
        async_transport=AsyncOverlapTransport(AsyncCountingTransport(app, wire), overlap),
    )


@pytest.fixture
def real_time_app() -> Any:
    return app_with()


def test_parallel_requests_overlap_and_give_the_outcome_in_command_order(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap()
    commands = creates(170)
    with connect(real_time_app, wire, overlap) as b24:
        outcome = b24.batch(commands, parallel=4)
    assert overlap.most > 1, "no two requests were ever in flight together"
    assert outcome.ok and outcome.requests == 4 and wire.requests["batch"] == 4
    assert list(outcome.results) == list(commands)  # in command order, whatever order answers came in
    assert [outcome[f"flow{i}"]["name"] for i in range(170)] == [f"Flow {i}" for i in range(170)]
    assert len(real_time_app.state.portal.store.flows) == 170


def test_in_order_by_default(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap(patience=0.05)
    with connect(real_time_app, wire, overlap) as b24:
        outcome = b24.batch(creates(120))
    assert outcome.ok and overlap.most == 1
    starts = [ids for kind, ids in overlap.log if kind == "start"]
    ends = [ids for kind, ids in overlap.log if kind == "end"]
    assert starts == ends  # each request ended before the next began


def test_a_request_waits_for_the_commands_it_refers_to(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap(patience=0.3)
    commands: dict[str, Command] = dict(creates(50))  # the first request: flow0..flow49
    commands.update(  # the second: independent of the first
        {f"free{i}": Command("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}) for i in range(50)}
    )
    commands["read"] = Command("tasks.flow.Flow.get", {"flowId": "$result[flow7][id]"})  # the third
    with connect(real_time_app, wire, overlap) as b24:
        outcome = b24.batch(commands, parallel=3)
    assert outcome.ok and outcome.requests == 3
    assert outcome["read"]["name"] == "Flow 7"
    first = frozenset(f"flow{i}" for i in range(50))
    log = overlap.log
    assert log.index(("start", frozenset({"read"}))) > log.index(("end", first))
    assert overlap.most == 2  # the first two went together; the third waited for the first


def test_async_parallel(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap()
    commands = creates(120)

    async def run() -> Any:
        async with connect(real_time_app, wire, overlap) as b24:
            return await b24.abatch(commands, parallel=3)

    outcome = asyncio.run(run())
    assert overlap.most > 1
    assert outcome.ok and outcome.requests == 3
    assert list(outcome.results) == list(commands)
    assert len(real_time_app.state.portal.store.flows) == 120


@pytest.mark.parametrize("parallel", [0, -1, True, 1.5, "2"])
def test_parallel_must_be_a_count(app: Any, parallel: Any) -> None:
    with (
        Bitrix24.webhook(BASE_URL + "/", transport=CountingTransport(app, Wire())) as b24,
        pytest.raises(ValueError, match="parallel must be"),
    ):
        b24.batch(creates(2), parallel=parallel)
    assert wire_untouched(app)


def test_halt_needs_the_order(app: Any) -> None:
    with (
        Bitrix24.webhook(BASE_URL + "/", transport=CountingTransport(app, Wire())) as b24,
        pytest.raises(ValueError, match="halt"),
    ):
        b24.batch(creates(2), halt=True, parallel=2)
    assert wire_untouched(app)


def wire_untouched(app: Any) -> bool:
    return not app.state.portal.store.flows


def test_a_failed_request_is_raised_after_the_others_end(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap(patience=0.2)
    failure = httpx.ConnectError("the portal went away")
    wire.fail = lambda request, count: failure if count == 2 else None
    with connect(real_time_app, wire, overlap) as b24, pytest.raises(httpx.ConnectError):
        b24.batch(creates(150), parallel=3)
    assert overlap.in_flight == 0  # nothing left running behind the caller's back


def test_async_failed_request_cancels_the_others(real_time_app: Any) -> None:
    wire, overlap = Wire(), Overlap(patience=0.2)
    wire.fail = lambda request, count: httpx.ConnectError("gone") if count == 1 else None

    async def run() -> None:
        async with connect(real_time_app, wire, overlap) as b24:
            await b24.abatch(creates(150), parallel=3)

    with pytest.raises(httpx.ConnectError):
        asyncio.run(run())
    assert overlap.in_flight == 0
