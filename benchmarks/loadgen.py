"""A small closed-loop HTTP/1.1 load generator on asyncio streams.

A fixed number of keep-alive connections each send one request, read the whole response and send
the next, until the request budget or the deadline runs out. Raw streams instead of httpx: the
generator shares a 2-core machine with the server it measures, and httpx would spend more CPU per
request than the servers do, measuring itself instead of them. Every server gets the same generator,
the same concurrency and the same request bodies.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.stats import percentile

BodyFactory = Callable[[int], dict[str, Any]]


@dataclass
class LoadResult:
    """What one load run measured: completed requests, wall time and per-request latencies."""

    requests: int
    errors: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        """Successful (HTTP 200) requests per second."""
        return (self.requests - self.errors) / self.seconds if self.seconds > 0 else 0.0

    def latency_ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000.0


class HTTPError(Exception):
    """The server answered something the generator cannot read as HTTP/1.1."""


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise HTTPError(f"not an HTTP/1.1 status line: {lines[0]!r}")
    status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        return status, b"".join(chunks)
    length = int(headers.get("content-length", "0"))
    return status, await reader.readexactly(length)


def _request(host: str, port: int, path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Accept: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


async def run_load(
    host: str,
    port: int,
    path: str,
    bodies: BodyFactory,
    *,
    concurrency: int,
    duration: float,
    max_requests: int | None = None,
) -> LoadResult:
    """POST `bodies(i)` (i = 0, 1, ...) to `path` from `concurrency` connections for `duration`
    seconds or `max_requests` requests, whichever ends first."""
    counter = 0
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    deadline = time.perf_counter() + duration

    def take() -> int | None:
        nonlocal counter
        if time.perf_counter() >= deadline or (max_requests is not None and counter >= max_requests):
            return None
        counter += 1
        return counter - 1

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while (index := take()) is not None:
                payload = _request(host, port, path, json.dumps(bodies(index)).encode())
                started = time.perf_counter()
                writer.write(payload)
                status, _ = await _read_response(reader)
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                if status != 200:
                    errors += 1
        finally:
            writer.close()
            await writer.wait_closed()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    seconds = time.perf_counter() - started
    return LoadResult(len(latencies), errors, seconds, latencies, statuses)
