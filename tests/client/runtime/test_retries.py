"""Retries follow the spec's markings: a toggle or a create is never sent twice after a timeout,
idempotent calls are, 4xx logic errors never are; backoff is bounded, jittered and logged."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24, Bitrix24Error, Limits, RetryPolicy
from b24_client.api.tasks_flow import tasks_flow_flow_activate, tasks_flow_flow_create, tasks_flow_flow_get
from b24_client.models import TasksFlowFlowActivateBody, TasksFlowFlowCreateBody, TasksFlowFlowGetBody

from tests.client.runtime.support import (
    BASE_URL,
    FLOW,
    AsyncCountingTransport,
    CountingTransport,
    FakeClock,
    Wire,
    admin,
    method_of,
)


def connect(app: Any, clock: FakeClock, wire: Wire, **kwargs: Any) -> Bitrix24:
    return Bitrix24.webhook(
        BASE_URL + "/",
        limits=Limits(clock=clock),
        transport=CountingTransport(app, wire),
        async_transport=AsyncCountingTransport(app, wire, clock),
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        **kwargs,
    )


def lose_answers(
    wire: Wire, method: str, times: int, error: type[httpx.RequestError] = httpx.ReadTimeout
) -> None:
    """The server runs the call, then the answer is lost: the client sees `error`."""

    def fail(request: httpx.Request, count: int) -> Exception | None:
        if method_of(request) == method and count <= times:
            return error("lost the answer", request=request)
        return None

    wire.fail = fail


def create_body(name: str) -> TasksFlowFlowCreateBody:
    return TasksFlowFlowCreateBody.from_dict({"flowData": {"name": name, **FLOW}})


def test_a_create_is_never_sent_twice_after_a_timeout(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    lose_answers(wire, "tasks.flow.Flow.create", 1)
    with connect(app, clock, wire) as b24, pytest.raises(httpx.ReadTimeout):
        tasks_flow_flow_create.sync(client=b24.client, body=create_body("Once"))
    assert wire.requests["tasks.flow.Flow.create"] == 1
    assert [f["name"] for f in app.state.portal.store.flows.values()] == ["Once"]  # one flow, not two


def test_a_toggle_is_never_sent_twice_after_a_timeout(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        flow_id = tasks_flow_flow_create.sync(client=b24.client, body=create_body("Toggle")).result.id
        assert isinstance(flow_id, int)
        lose_answers(wire, "tasks.flow.Flow.activate", 1)
        with pytest.raises(httpx.ReadTimeout):
            tasks_flow_flow_activate.sync(client=b24.client, body=TasksFlowFlowActivateBody(flow_id=flow_id))
        flow = tasks_flow_flow_get.sync(client=b24.client, body=TasksFlowFlowGetBody(flow_id=flow_id))
    assert wire.requests["tasks.flow.Flow.activate"] == 1
    assert flow.result.active is False  # flipped once; a second send would have flipped it back


def test_connection_errors_are_not_retried_for_creates_either(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    lose_answers(wire, "bizproc.workflow.template.add", 1, httpx.RemoteProtocolError)
    with connect(app, clock, wire) as b24, pytest.raises(httpx.RemoteProtocolError):
        b24.call("bizproc.workflow.template.add", {"NAME": "x"})
    assert wire.requests["bizproc.workflow.template.add"] == 1


def test_an_idempotent_read_is_retried_after_a_timeout(
    app: Any, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    wire = Wire()
    caplog.set_level(logging.WARNING, logger="b24_client")
    with connect(app, clock, wire) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Read", **FLOW}})["result"]["id"]
        lose_answers(wire, "tasks.flow.Flow.get", 2)
        flow = tasks_flow_flow_get.sync(client=b24.client, body=TasksFlowFlowGetBody(flow_id=flow_id))
    assert flow.result.name == "Read"
    assert wire.requests["tasks.flow.Flow.get"] == 3
    messages = [r.getMessage() for r in caplog.records]
    assert any("ReadTimeout; idempotent, retry 1/2" in m for m in messages), messages


def test_timeouts_are_retried_a_bounded_number_of_times(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    lose_answers(wire, "tasks.flow.Flow.isExists", 100)
    with connect(app, clock, wire) as b24, pytest.raises(httpx.ReadTimeout):
        b24.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}})
    assert wire.requests["tasks.flow.Flow.isExists"] == 3  # RetryPolicy.unsure_attempts


def test_an_update_is_retried_and_applied_once_in_effect(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Upd", **FLOW}})["result"]["id"]
        lose_answers(wire, "tasks.flow.Flow.update", 1)
        out = b24.call(
            "tasks.flow.Flow.update",
            {"flowData": {"id": flow_id, "description": "set", "responsibleList": [["user", "2"]]}},
        )
    assert out["result"]["description"] == "set"
    assert wire.requests["tasks.flow.Flow.update"] == 2


def test_logic_errors_are_never_retried(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24, pytest.raises(Bitrix24Error) as caught:
        b24.call("tasks.flow.Flow.get", {"flowId": 999})
    assert caught.value.status_code == 400
    assert wire.requests["tasks.flow.Flow.get"] == 1


def test_server_faults_are_retried_only_for_idempotent_operations(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.isExists", "error": "INTERNAL_SERVER_ERROR"})
    admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.create", "error": "INTERNAL_SERVER_ERROR"})
    with connect(app, clock, wire) as b24:
        assert b24.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}})["result"] == {
            "exists": False
        }
        with pytest.raises(Bitrix24Error) as caught:
            b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Faulty", **FLOW}})
    assert caught.value.code == "INTERNAL_SERVER_ERROR"
    assert wire.requests["tasks.flow.Flow.isExists"] == 2
    assert wire.requests["tasks.flow.Flow.create"] == 1


def test_rate_limit_refusals_are_retried_even_for_toggles(app: Any, clock: FakeClock) -> None:
    """QUERY_LIMIT_EXCEEDED means the call never ran: repeating a toggle is safe then."""
    wire = Wire()
    with connect(app, clock, wire) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "T", **FLOW}})["result"]["id"]
        admin(
            app,
            "/_reference/faults",
            {"method": "tasks.flow.Flow.activate", "error": "QUERY_LIMIT_EXCEEDED", "count": 2},
        )
        assert b24.call("tasks.flow.Flow.activate", {"flowId": flow_id})["result"] is True
        assert b24.call("tasks.flow.Flow.get", {"flowId": flow_id})["result"]["active"] is False
    assert wire.requests["tasks.flow.Flow.activate"] == 3


def test_async_create_and_toggle_are_not_repeated_but_reads_are(app: Any, clock: FakeClock) -> None:
    wire = Wire()

    async def run() -> None:
        async with connect(app, clock, wire) as b24:
            lose_answers(wire, "tasks.flow.Flow.create", 1)
            with pytest.raises(httpx.ReadTimeout):
                await tasks_flow_flow_create.asyncio(client=b24.client, body=create_body("Async"))
            flow_id = next(iter(app.state.portal.store.flows))
            lose_answers(wire, "tasks.flow.Flow.activate", 1)
            with pytest.raises(httpx.ReadTimeout):
                await b24.acall("tasks.flow.Flow.activate", {"flowId": flow_id})
            lose_answers(wire, "tasks.flow.Flow.get", 1)
            flow = await b24.acall("tasks.flow.Flow.get", {"flowId": flow_id})
            assert flow["result"]["active"] is False

    asyncio.run(run())
    assert len(app.state.portal.store.flows) == 1
    assert wire.requests["tasks.flow.Flow.create"] == 1
    assert wire.requests["tasks.flow.Flow.activate"] == 1
    assert wire.requests["tasks.flow.Flow.get"] == 2


def test_backoff_is_jittered_and_bounded() -> None:
    policy = RetryPolicy(base=0.5, cap=4.0, random=random.Random(7))
    delays = [policy.backoff(n) for n in range(1, 9)]
    for n, delay in enumerate(delays, start=1):
        ceiling = min(4.0, 0.5 * 2 ** (n - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert len({round(d, 6) for d in delays}) == len(delays)  # jitter: no two alike
    assert max(delays) <= 4.0
