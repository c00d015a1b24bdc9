"""Case `hostile_body`: the worst bracket form body the reference server accepts, and what another
client sees meanwhile.

The server reads a body of up to `reference_server.core.app.MAX_BODY` (2 MiB) and parses a form body with
`reference_server.core.protocol.parse_query` (PHP's bracket notation, `max_input_vars` 1000, nesting 64)
before it looks at anything else but a webhook's credentials. Of the shapes in `SHAPES`, the run uses
the one that parses slowest in this process now (full mode, `details["shapes_ms"]`; quick mode takes
`WORST`, one variable whose value is nothing but `%` signs up to the cap, which was the slowest
before the parser decoded long values in pieces). Parameters over 64 KiB are parsed in a worker
thread (`reference_server.core.app.LARGE_PARAMETERS`), long values in pieces of 32 KiB, so the event
loop keeps answering other callers meanwhile: that is what the innocent latency measures.

Figures, one server (`python -m reference_server --no-limits`, the shared helper in
benchmarks.servers) on loopback:

- parse in-process: `parse_query` of the worst body in this process (no HTTP);
- POST over HTTP, each on a fresh connection, as application/x-www-form-urlencoded to
  `tasks.flow.Flow.isExists`: with valid webhook credentials (the body is read and parsed), without
  credentials (`auth` may be in the body, so the body is parsed before the call is refused), and with
  a wrong webhook code (refused before the body is read);
- the latency of innocent calls (`isExists` with a tiny JSON body, valid webhook) sent at a fixed
  pace (`INNOCENT_RATE` per second, open loop: latency runs from the moment a request was due, so a
  stalled server cannot hide it by delaying the next request) while a second client POSTs the worst
  body in a loop, against the same calls to the same server idle (the peer). The added latency is
  p99 under load minus p99 idle (target: <= 50 ms).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.harness import CaseResult, Row, Settings, Target
from benchmarks.loadgen import _read_response
from benchmarks.servers import Server, reference_server
from benchmarks.stats import median, percentile
from reference_server.core.app import MAX_BODY
from reference_server.core.protocol import MAX_NESTING, MAX_VARS, parse_query
from reference_server.process import free_port

METHOD = "tasks.flow.Flow.isExists"
INNOCENT_BODY = json.dumps({"flowData": {"name": "bench innocent"}}).encode()
INNOCENT_RATE = 100.0  # innocent requests per second, at a fixed pace
TARGET_ADDED_MS = 50.0
MAX_REPEATS = 3  # keeps a full run near 30 s
HOST = "127.0.0.1"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _worst() -> str:
    """One variable, its value `%` signs up to the cap: two million failed unquotes."""
    return "a=" + "%" * (MAX_BODY - 2)


def _per_var(head: str, filler: str) -> str:
    """MAX_VARS variables `head` + `filler` repeated, filling the cap between them."""
    room = MAX_BODY // MAX_VARS - len(head) - 1
    return "&".join([head + _fill(filler, room)] * MAX_VARS)


SHAPES: dict[str, Callable[[], str]] = {
    "a=%%%... (one value of bare %, to the cap)": _worst,
    "a=%41%41... (one value of valid escapes)": lambda: "a=" + "%41" * ((MAX_BODY - 2) // 3),
    "a=%D0%90... (one value of UTF-8 escapes)": lambda: "a=" + "%D0%90" * ((MAX_BODY - 2) // 6),
    "1000 x a[]=%%%...": lambda: _per_var("a[]=", "%"),
    "1000 x a[]...[] (64 levels)=%%%...": lambda: _per_var("a" + "[]" * MAX_NESTING + "=", "%"),
    "1000 x a%5B%5D... (64 levels)=%%%...": lambda: _per_var("a" + "%5B%5D" * MAX_NESTING + "=", "%"),
    "1000 x a[kkk]... (64 levels, long keys)": lambda: "&".join(
        f"h{i}" + ("[" + "k" * (MAX_BODY // MAX_VARS // MAX_NESTING - 3) + "]") * MAX_NESTING + "=v"
        for i in range(MAX_VARS)
    ),
    "1000 x 65 levels (dropped whole)": lambda: _per_var("a" + "[k]" * (MAX_NESTING + 1) + "=", "v"),
    "a[]=&a[]=... (beyond max_input_vars)": lambda: _fill("a[]=&", MAX_BODY),
}
WORST = next(iter(SHAPES))


def _parse_ms(body: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        parse_query(body)
        best = min(best, time.perf_counter() - started)
    return best * 1000.0


def _post(path: str, body: bytes, content_type: str) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: {content_type}\r\n"
        f"Accept: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


async def _send_once(port: int, request: bytes) -> tuple[float, int]:
    """One request on a fresh connection: (seconds to the whole answer, status; 0 if the server
    hung up before answering)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        try:
            writer.write(request)
            await writer.drain()
        except ConnectionError:
            pass  # refused before the body was read: the answer may already be there
        try:
            status, _ = await _read_response(reader)
        except (ConnectionError, asyncio.IncompleteReadError):
            status = 0
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    return time.perf_counter() - started, status


@dataclass
class _Innocent:
    """Innocent calls at a fixed pace over a pool of keep-alive connections."""

    port: int
    request: bytes
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    _free: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = field(default_factory=list)
    _all: list[asyncio.StreamWriter] = field(default_factory=list)

    async def _one(self, due: float) -> None:
        if self._free:
            reader, writer = self._free.pop()
        else:
            reader, writer = await asyncio.open_connection(HOST, self.port)
            self._all.append(writer)
        writer.write(self.request)
        status, _ = await _read_response(reader)
        self.latencies.append(time.perf_counter() - due)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self._free.append((reader, writer))

    async def run(self, seconds: float, until: Callable[[], bool] = lambda: True) -> None:
        """Send for `seconds`, and on until `until()` (the hostile side has had its turn)."""
        tasks: list[asyncio.Task[None]] = []
        start = time.perf_counter()
        step = 1.0 / INNOCENT_RATE
        i = 0
        while True:
            due = start + i * step
            if due - start >= seconds and until():
                break
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            tasks.append(asyncio.create_task(self._one(due)))
            i += 1
        await asyncio.gather(*tasks)
        for writer in self._all:
            writer.close()


@dataclass
class _Phase:
    """One measured phase: innocent latencies (s) and, under load, the hostile POSTs' wall times."""

    innocent: list[float]
    statuses: dict[int, int]
    hostile: list[float] = field(default_factory=list)
    hostile_statuses: dict[int, int] = field(default_factory=dict)


async def _idle(server: Server, seconds: float) -> _Phase:
    innocent = _Innocent(server.port, _post(f"{server.prefix}/{METHOD}", INNOCENT_BODY, "application/json"))
    await innocent.run(seconds)
    return _Phase(innocent.latencies, innocent.statuses)


async def _loaded(server: Server, seconds: float, hostile_request: bytes) -> _Phase:
    innocent = _Innocent(server.port, _post(f"{server.prefix}/{METHOD}", INNOCENT_BODY, "application/json"))
    phase = _Phase([], {})
    stop = asyncio.Event()

    async def hostile() -> None:
        while not stop.is_set():
            wall, status = await _send_once(server.port, hostile_request)
            phase.hostile.append(wall)
            phase.hostile_statuses[status] = phase.hostile_statuses.get(status, 0) + 1

    attacker = asyncio.create_task(hostile())
    await asyncio.sleep(0.05)  # the first hostile body is on its way before the innocent calls start
    await innocent.run(seconds, until=lambda: len(phase.hostile) >= 1)
    stop.set()
    await attacker
    phase.innocent, phase.statuses = innocent.latencies, innocent.statuses
    return phase


def _ms(values: list[float], q: float) -> float:
    return percentile(values, q) * 1000.0


def run(settings: Settings) -> CaseResult:
    form = "application/x-www-form-urlencoded"
    seconds = 0.5 if settings.quick else 1.5
    repeats = min(settings.repeats, MAX_REPEATS)  # each worst body costs the server seconds
    details: dict[str, Any] = {"innocent_rate_per_s": INNOCENT_RATE, "seconds_per_phase": seconds}
    worst = WORST
    if not settings.quick:  # the worst shape is whichever parses slowest now, not a fixed guess
        shapes = {name: _parse_ms(make(), 1) for name, make in SHAPES.items()}
        details["shapes_ms"] = shapes
        worst = max(shapes, key=lambda name: shapes[name])
    body = SHAPES[worst]().encode()
    assert len(body) <= MAX_BODY
    details.update(worst_shape=worst, body_bytes=len(body), max_body=MAX_BODY)
    parse = [_parse_ms(body.decode(), 1) for _ in range(repeats)]

    idle: list[_Phase] = []
    loaded: list[_Phase] = []
    posts: dict[str, list[float]] = {"no credentials": [], "wrong webhook code": []}
    post_statuses: dict[str, dict[int, int]] = {name: {} for name in posts}
    with reference_server(free_port()) as server:
        paths = {
            "no credentials": f"/rest/{METHOD}",
            "wrong webhook code": f"/rest/1/not-the-code/{METHOD}",
        }
        hostile = _post(f"{server.prefix}/{METHOD}", body, form)
        asyncio.run(_idle(server, 0.3))  # warm-up (imports, caches), not measured
        for repeat in range(repeats):
            if repeat % 2 == 0:
                idle.append(asyncio.run(_idle(server, seconds)))
                loaded.append(asyncio.run(_loaded(server, seconds, hostile)))
            else:
                loaded.append(asyncio.run(_loaded(server, seconds, hostile)))
                idle.append(asyncio.run(_idle(server, seconds)))
            for name, path in paths.items():
                wall, status = asyncio.run(_send_once(server.port, _post(path, body, form)))
                posts[name].append(wall)
                post_statuses[name][status] = post_statuses[name].get(status, 0) + 1

    webhook = [median(p.hostile) * 1000.0 for p in loaded]
    p99_idle = [_ms(p.innocent, 99) for p in idle]
    p99_loaded = [_ms(p.innocent, 99) for p in loaded]
    peer = "same server idle"
    rows = [
        Row("worst body: parse in-process", "ms", parse, note=worst),
        Row("worst body: POST, valid webhook", "ms", webhook, note="median per repeat, fresh connection"),
        Row("worst body: POST, no credentials", "ms", [v * 1000.0 for v in posts["no credentials"]]),
        Row("worst body: POST, wrong webhook code", "ms", [v * 1000.0 for v in posts["wrong webhook code"]]),
        Row(
            "innocent p50 latency",
            "ms",
            [_ms(p.innocent, 50) for p in loaded],
            peer,
            [_ms(p.innocent, 50) for p in idle],
        ),
        Row("innocent p99 latency", "ms", p99_loaded, peer, p99_idle),
        Row(
            "innocent max latency",
            "ms",
            [_ms(p.innocent, 100) for p in loaded],
            peer,
            [_ms(p.innocent, 100) for p in idle],
        ),
        Row(
            "innocent p99 added by the hostile bodies",
            "ms",
            [a - b for a, b in zip(p99_loaded, p99_idle, strict=True)],
            target=Target("<=", TARGET_ADDED_MS, on="ours"),
            note="p99 under load minus p99 idle, per repeat",
        ),
    ]
    details["innocent"] = [
        {
            "idle": {"requests": len(i.innocent), "statuses": i.statuses},
            "loaded": {"requests": len(p.innocent), "statuses": p.statuses},
        }
        for i, p in zip(idle, loaded, strict=True)
    ]
    details["hostile"] = [{"posts": len(p.hostile), "statuses": p.hostile_statuses} for p in loaded]
    details["other_posts"] = post_statuses
    return CaseResult(rows, details)
