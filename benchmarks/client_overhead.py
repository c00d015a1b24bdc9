"""Case `client`: the same calls through the generated client (b24_client) and through raw httpx.

Both drive the same in-process reference server (limits off) through httpx's ASGI transport, one
call at a time, so the difference is what the client adds per call: building the typed body, the
runtime transport (retry policy; no limiter, `limits=None`), parsing the typed response. Every
repeat times a block of calls on each side back to back (the order alternates); the figure is the
mean time per call, its ratio b24_client / raw httpx.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from benchmarks.harness import ROOT, CaseResult, Row, Settings, Target
from benchmarks.servers import flow_data

BASE = "http://testserver/rest/1/reference-admin"

Call = Callable[[int], Awaitable[Any]]


def _import_client() -> Any:
    path = str(ROOT / "generated" / "python")
    if path not in sys.path:
        sys.path.insert(0, path)
    import b24_client  # noqa: PLC0415  (needs generated/python on sys.path)

    return b24_client


async def _time_block(call: Call, start: int, count: int) -> float:
    started = time.perf_counter()
    for i in range(start, start + count):
        await call(i)
    return (time.perf_counter() - started) / count


async def _measure(settings: Settings) -> tuple[dict[str, dict[str, list[float]]], dict[str, Any]]:
    from reference_server import ServerConfig, create_app  # noqa: PLC0415  (server group only)

    b24_client = _import_client()
    from b24_client.api.tasks_flow import tasks_flow_flow_create, tasks_flow_flow_get  # noqa: PLC0415
    from b24_client.models import TasksFlowFlowCreateBody, TasksFlowFlowGetBody  # noqa: PLC0415

    app = create_app(ServerConfig(limits=False))
    raw = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE)
    client = b24_client.webhook_client(f"{BASE}/", limits=None, async_transport=httpx.ASGITransport(app=app))
    try:
        seeded = await raw.post("/tasks.flow.Flow.create", json={"flowData": flow_data("client seed")})
        flow_id = int(seeded.json()["result"]["id"])

        async def raw_get(i: int) -> Any:
            response = await raw.post("/tasks.flow.Flow.get", json={"flowId": flow_id})
            if response.status_code != 200:
                raise RuntimeError(f"raw get answered {response.status_code}: {response.text}")
            return response.json()["result"]

        async def b24_get(i: int) -> Any:
            return (
                await tasks_flow_flow_get.asyncio(client=client, body=TasksFlowFlowGetBody(flow_id=flow_id))
            ).result

        async def raw_create(i: int) -> Any:
            response = await raw.post("/tasks.flow.Flow.create", json={"flowData": flow_data(f"raw {i}")})
            if response.status_code != 200:
                raise RuntimeError(f"raw create answered {response.status_code}: {response.text}")
            return response.json()["result"]

        async def b24_create(i: int) -> Any:
            body = TasksFlowFlowCreateBody.from_dict({"flowData": flow_data(f"b24 {i}")})
            return (await tasks_flow_flow_create.asyncio(client=client, body=body)).result

        pairs: dict[str, tuple[Call, Call]] = {"get": (b24_get, raw_get), "create": (b24_create, raw_create)}
        samples: dict[str, dict[str, list[float]]] = {name: {"b24": [], "raw": []} for name in pairs}
        warm = max(5, settings.client_calls // 10)
        for ours, peer in pairs.values():  # warm-up, not measured
            await _time_block(ours, 10**6, warm)
            await _time_block(peer, 10**6, warm)
        for repeat in range(settings.repeats):
            for name, (ours, peer) in pairs.items():
                start = repeat * settings.client_calls
                sides = [("b24", ours), ("raw", peer)]
                for side, call in sides if repeat % 2 == 0 else sides[::-1]:
                    samples[name][side].append(await _time_block(call, start, settings.client_calls))
        return samples, {"flow_id": flow_id}
    finally:
        await raw.aclose()
        await client.get_async_httpx_client().aclose()
        app.state.portal.store.close()


def run(settings: Settings) -> CaseResult:
    samples, details = asyncio.run(_measure(settings))
    details["calls_per_side_and_repeat"] = settings.client_calls
    rows = [
        Row(
            f"{name}: time per call",
            "us",
            [s * 1e6 for s in sides["b24"]],
            "raw httpx",
            [s * 1e6 for s in sides["raw"]],
            Target("<=", 1.3),
        )
        for name, sides in samples.items()
    ]
    return CaseResult(rows, details)
