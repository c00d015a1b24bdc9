"""Helpers for the runtime tests: a fake clock shared by the client and an in-process reference
server, transports that count, fail on purpose and stay thread-safe."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import json
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx

from reference_server import ServerConfig, create_app
from tests.client.conftest import BASE_URL

START = 1_700_000_000.0


class FakeClock:
    """Seconds that only move when someone sleeps.

    `sleep` jumps ahead. `async_sleep` is virtual time for many tasks: a sleeper waits until it is
    the earliest one still waiting and no request is in flight (`busy`, kept by
    `AsyncCountingTransport`), then moves the clock to its own wake-up time. So concurrent tasks
    wake in order, each request reaches the server at the time it was meant for, and the clock
    never runs ahead of what anyone asked for.
    """

    def __init__(self, start: float = START) -> None:
        self.now = start
        self.slept = 0.0
        self._lock = threading.Lock()
        self._waiting: list[tuple[float, int]] = []
        self._ids = itertools.count()
        self.busy = 0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept += max(0.0, seconds)
            self.now += max(0.0, seconds)

    async def async_sleep(self, seconds: float) -> None:
        wake = self.now + max(0.0, seconds)
        entry = (wake, next(self._ids))
        heapq.heappush(self._waiting, entry)
        while self._waiting[0] != entry or self.busy:
            await asyncio.sleep(0)
        heapq.heappop(self._waiting)
        self.slept += max(0.0, wake - self.now)
        self.now = max(self.now, wake)


def app_with(clock: FakeClock | None = None, *, limits: bool = True, plan: str = "standard") -> Any:
    config = (
        ServerConfig(limits=limits, plan=plan)
        if clock is None
        else ServerConfig(limits=limits, plan=plan, clock=clock)
    )
    return create_app(config)


def method_of(request: httpx.Request) -> str:
    return request.url.path.rstrip("/").rsplit("/", 1)[-1]


def error_code(response: httpx.Response) -> str | None:
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    return str(body["error"]) if isinstance(body, dict) and "error" in body else None


class Wire:
    """What crossed the wire: requests per method, error codes the server answered, and an
    optional `fail` hook that may raise after the server has answered (a lost answer)."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.fail: Callable[[httpx.Request, int], Exception | None] | None = None
        self.after: Callable[[httpx.Request, httpx.Response], None] | None = None
        self.lock = threading.Lock()

    def saw(self, request: httpx.Request, response: httpx.Response) -> Exception | None:
        with self.lock:
            method = method_of(request)
            self.requests[method] += 1
            count = self.requests[method]
            code = error_code(response)
            if code is not None:
                self.errors[code] += 1
        if self.after is not None:
            self.after(request, response)
        return self.fail(request, count) if self.fail is not None else None


class CountingTransport(httpx.BaseTransport):
    """Drives the ASGI app synchronously, one request at a time (safe from many threads)."""

    def __init__(self, app: Any, wire: Wire) -> None:
        self._transport = httpx.ASGITransport(app=app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()
        self.wire = wire

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def run() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
            response = self._loop.run_until_complete(run())
        error = self.wire.saw(request, response)
        if error is not None:
            raise error
        return response

    def close(self) -> None:
        if self._loop is not None:
            self._loop.close()
            self._loop = None


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    """Drives the ASGI app; tells `clock` while a request is in flight."""

    def __init__(self, app: Any, wire: Wire, clock: FakeClock | None = None) -> None:
        self._transport = httpx.ASGITransport(app=app)
        self.wire = wire
        self.clock = clock

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.clock is not None:
            self.clock.busy += 1
        try:
            response = await self._transport.handle_async_request(request)
            content = await response.aread()
        finally:
            if self.clock is not None:
                self.clock.busy -= 1
        answer = httpx.Response(response.status_code, headers=response.headers, content=content)
        error = self.wire.saw(request, answer)
        if error is not None:
            raise error
        return answer


def admin(app: Any, path: str, body: dict[str, Any] | None = None) -> Any:
    """Call a `/_reference/` admin endpoint of the app (fault injection, limit reset)."""
    transport = CountingTransport(app, Wire())
    with httpx.Client(transport=transport, base_url="http://testserver") as http:
        response = http.post(path, json=body) if body is not None else http.post(path)
        response.raise_for_status()
        return response.json()


__all__ = [
    "BASE_URL",
    "START",
    "AsyncCountingTransport",
    "CountingTransport",
    "FakeClock",
    "Wire",
    "admin",
    "app_with",
    "error_code",
    "method_of",
]

FLOW = {"plannedCompletionTime": 3600, "distributionType": "queue", "responsibleList": [["user", "2"]]}
