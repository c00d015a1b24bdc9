"""Case `server`: the reference server vs the Prism mock, both serving generated/openapi.yaml.

Same load generator (benchmarks.loadgen), same concurrency, same request bodies, same duration, one
run: every repeat measures each operation on both servers back to back (the order alternates), and
the figures are medians with the ratio taken per repeat. Ours runs as `python -m reference_server
--no-limits` (uvicorn, one process); Prism as `prism mock` with `-v warn` (both log warnings only).
"""

from __future__ import annotations

import asyncio
import json
import urllib.request
from typing import Any

from benchmarks.harness import CaseResult, Row, Settings, Target
from benchmarks.loadgen import BodyFactory, LoadResult, run_load
from benchmarks.servers import PRISM, Server, flow_data, null_server, prism, reference_server
from reference_server.process import free_port

OPERATIONS = ("tasks.flow.Flow.get", "tasks.flow.Flow.create")


def _post(server: Server, method: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}{server.prefix}/{method}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer


def _bodies(method: str, flow_id: int, tag: str) -> BodyFactory:
    if method == "tasks.flow.Flow.get":
        return lambda i: {"flowId": flow_id}
    return lambda i: {"flowData": flow_data(f"bench {tag} {i}")}


def _load(server: Server, method: str, bodies: BodyFactory, settings: Settings) -> LoadResult:
    path = f"{server.prefix}/{method}"
    return asyncio.run(
        run_load(
            "127.0.0.1",
            server.port,
            path,
            bodies,
            concurrency=settings.concurrency,
            duration=settings.load_seconds,
        )
    )


def run(settings: Settings) -> CaseResult:
    if not PRISM.exists():
        return CaseResult(skipped="Prism is not installed: run `npm ci` (package-lock.json pins it)")
    samples: dict[tuple[str, str], list[LoadResult]] = {}
    with reference_server(free_port()) as ours, prism(free_port()) as peer:
        servers = (ours, peer)
        flow_ids = {
            s.name: int(
                _post(s, "tasks.flow.Flow.create", {"flowData": flow_data("bench seed")})["result"]["id"]
            )
            for s in servers
        }
        # Warm both up (imports, Node's JIT, caches) with the same load; not measured.
        for server in servers:
            for method in OPERATIONS:
                warm = Settings.for_mode(
                    quick=True, concurrency=settings.concurrency, load_seconds=settings.load_seconds
                )
                _load(server, method, _bodies(method, flow_ids[server.name], f"warm {server.name}"), warm)
        for repeat in range(settings.repeats):
            order = servers if repeat % 2 == 0 else servers[::-1]
            for method in OPERATIONS:
                for server in order:
                    tag = f"{server.name} {repeat} {method}"
                    result = _load(server, method, _bodies(method, flow_ids[server.name], tag), settings)
                    samples.setdefault((server.name, method), []).append(result)
    with null_server(free_port()) as null:
        ceiling = _load(null, "ping", lambda i: {"flowId": 1}, settings)
    rows: list[Row] = []
    details: dict[str, Any] = {
        "concurrency": settings.concurrency,
        "seconds_per_run": settings.load_seconds,
        "load_generator_floor_req_s": ceiling.throughput,
    }
    for method in OPERATIONS:
        mine, theirs = samples[(ours.name, method)], samples[(peer.name, method)]
        short = method.rsplit(".", 1)[-1]
        rows.append(
            Row(
                f"{short}: throughput",
                "req/s",
                [r.throughput for r in mine],
                peer.name,
                [r.throughput for r in theirs],
                Target(">=", 2.0),
            )
        )
        for q in (50, 99):
            rows.append(
                Row(
                    f"{short}: p{q} latency",
                    "ms",
                    [r.latency_ms(q) for r in mine],
                    peer.name,
                    [r.latency_ms(q) for r in theirs],
                )
            )
        details[method] = {
            name: [
                {"requests": r.requests, "errors": r.errors, "seconds": r.seconds, "statuses": r.statuses}
                for r in runs
            ]
            for name, runs in ((ours.name, mine), (peer.name, theirs))
        }
    rows.append(
        Row(
            "load generator: req/s to a null server",
            "req/s",
            [ceiling.throughput],
            note="a floor on what the generator drives; the servers above are measured well below it",
        )
    )
    return CaseResult(rows, details)
