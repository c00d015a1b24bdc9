"""The client-side limiter keeps a sustained load inside the portal's leaky bucket and operating
budget (reference server with limits on, fake clock shared by both sides)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Any

import pytest
from b24_client import Bitrix24, Bitrix24Error, Limits, RetryPolicy
from b24_client._batch import BatchPlan
from b24_client._operations import OPERATIONS
from b24_client._transport import Runtime

from tests.client.runtime.support import (
    BASE_URL,
    FLOW,
    START,
    AsyncCountingTransport,
    CountingTransport,
    FakeClock,
    Wire,
    admin,
    app_with,
)

EXISTS = ("tasks.flow.Flow.isExists", {"flowData": {"name": "nothing"}})
GET = ("tasks.flow.Flow.get", {"flowId": 1})


def connect(app: Any, clock: FakeClock, wire: Wire, **kwargs: Any) -> Bitrix24:
    kwargs.setdefault("limits", Limits(clock=clock))
    return Bitrix24.webhook(
        BASE_URL + "/",
        transport=CountingTransport(app, wire),
        async_transport=AsyncCountingTransport(app, wire, clock),
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        **kwargs,
    )


def test_a_sustained_sync_run_never_meets_query_limit_exceeded(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    calls = 300
    with connect(app, clock, wire) as b24:
        for _ in range(calls):
            assert b24.call(*EXISTS)["result"] == {"exists": False}
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 0  # not even the server saw one
    assert wire.requests["tasks.flow.Flow.isExists"] == calls
    # throughput: the bucket allows 49 at once (one left as margin) and 2 per second after that
    ideal = (calls - 49) / 2.0
    elapsed = clock.now - START
    assert ideal * 0.99 <= elapsed <= ideal / 0.9


def test_a_sustained_async_run_with_concurrency_never_meets_it(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    calls = 240

    async def run() -> list[dict[str, Any]]:
        async with connect(app, clock, wire) as b24:
            return await asyncio.gather(*(b24.acall(*EXISTS) for _ in range(calls)))

    answers = asyncio.run(run())
    assert all(a["result"] == {"exists": False} for a in answers)
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 0
    assert clock.now - START <= (calls - 49) / 2.0 / 0.9


def test_without_the_limiter_the_server_does_refuse(app: Any, clock: FakeClock) -> None:
    """The control: the same burst with limits off and no retries fails at request 51."""
    wire = Wire()
    b24 = connect(app, clock, wire, limits=None, retry=RetryPolicy(attempts=1))
    with b24, pytest.raises(Bitrix24Error) as caught:
        for _ in range(60):
            b24.call(*EXISTS)
    assert caught.value.code == "QUERY_LIMIT_EXCEEDED"
    assert wire.requests["tasks.flow.Flow.isExists"] == 51


def test_the_limiter_adapts_when_someone_else_fills_the_bucket(
    app: Any, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Another client shares the portal: 503s reach our client although it kept its own count.
    They are retried with backoff (logged), never surface, and the client slows down."""
    wire = Wire()
    admin(
        app,
        "/_reference/faults",
        {"method": "tasks.flow.Flow.isExists", "error": "QUERY_LIMIT_EXCEEDED", "count": 3},
    )
    caplog.set_level(logging.INFO, logger="b24_client")
    with connect(app, clock, wire) as b24:
        assert b24.call(*EXISTS)["result"] == {"exists": False}
        runtime = b24.runtime
        assert runtime is not None and runtime.bucket is not None
        assert runtime.stats["overloaded"] == 3
        assert runtime.bucket.effective_rate < runtime.bucket.rate
        assert wire.requests["tasks.flow.Flow.isExists"] == 4
        retries = [r.getMessage() for r in caplog.records if "retry" in r.getMessage()]
        assert len(retries) == 3 and "QUERY_LIMIT_EXCEEDED" in retries[0]
        # it recovers its full rate with successes
        for _ in range(60):
            b24.call(*EXISTS)
        assert runtime.bucket.effective_rate == runtime.bucket.rate
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 3


def test_the_operating_budget_is_respected_before_a_429(app: Any, clock: FakeClock) -> None:
    """A call charged 481 s spends the method's 480 s budget: the client reads `time.operating`
    and waits for `operating_reset_at` instead of sending a call the portal would refuse."""
    wire = Wire()
    with connect(app, clock, wire) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Budget", **FLOW}})["result"]["id"]
        admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.get", "operating": 481})
        before = clock.now
        first = b24.call("tasks.flow.Flow.get", {"flowId": flow_id})
        assert first["time"]["operating"] > 480
        assert b24.call("tasks.flow.Flow.get", {"flowId": flow_id})["result"]["id"] == flow_id
        assert clock.now - before >= 600  # it waited for the budget to reset
        # other methods were not held back
        start = clock.now
        b24.call(*EXISTS)
        assert clock.now == start
    assert wire.errors["OPERATION_TIME_LIMIT"] == 0


def test_without_the_budget_tracking_the_same_calls_meet_a_429(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire, limits=None, retry=RetryPolicy(attempts=1)) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Budget", **FLOW}})["result"]["id"]
        admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.get", "operating": 481})
        b24.call("tasks.flow.Flow.get", {"flowId": flow_id})
        with pytest.raises(Bitrix24Error) as caught:
            b24.call("tasks.flow.Flow.get", {"flowId": flow_id})
    assert (caught.value.status_code, caught.value.code) == (429, "OPERATION_TIME_LIMIT")


def test_operation_time_limit_is_retried_after_the_reset(app: Any, clock: FakeClock) -> None:
    """A 429 the client did not see coming (say, another app on the same credential) is
    retried once the budget has reset: the call was refused before it ran."""
    wire = Wire()
    admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.create", "error": "OPERATION_TIME_LIMIT"})
    with connect(app, clock, wire) as b24:
        before = clock.now
        created = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "After reset", **FLOW}})
        assert created["result"]["name"] == "After reset"
        assert clock.now - before >= 60
        assert b24.runtime is not None and b24.runtime.stats["refused"] == 1
    assert wire.requests["tasks.flow.Flow.create"] == 2
    assert len(app.state.portal.store.flows) == 1


def test_the_enterprise_plan_preset_allows_more(clock: FakeClock) -> None:
    application = app_with(clock, plan="enterprise")
    wire = Wire()
    try:
        with connect(application, clock, wire, limits=Limits(plan="enterprise", clock=clock)) as b24:
            for _ in range(400):
                b24.call(*EXISTS)
    finally:
        application.state.portal.store.close()
    assert wire.errors["QUERY_LIMIT_EXCEEDED"] == 0
    assert clock.now - START <= (400 - 249) / 5.0 / 0.9


def test_plans_and_overrides() -> None:
    assert Limits().bucket() == (50, 2.0)
    assert Limits(plan="enterprise").bucket() == (250, 5.0)
    assert Limits(capacity=10, rate=1.0).bucket() == (10, 1.0)
    with pytest.raises(ValueError, match="unknown plan"):
        Limits.of("gold")


def _batched_get(b24: Bitrix24, flow_id: int) -> Any:
    return b24.batch({"get": ("tasks.flow.Flow.get", {"flowId": flow_id})})


def test_the_operating_budget_is_tracked_per_batch_command(app: Any, clock: FakeClock) -> None:
    """The portal counts each batch command against its own method (`result_time` carries its
    `operating`); the client reads those entries and holds the next batch back until the spent
    method's budget resets, so the command does not come back with `OPERATION_TIME_LIMIT`."""
    wire = Wire()
    with connect(app, clock, wire) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Batch budget", **FLOW}})[
            "result"
        ]["id"]
        admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.get", "operating": 481})
        before = clock.now
        first = _batched_get(b24, flow_id)
        assert first.times["get"]["operating"] > 480 and not first.errors
        second = _batched_get(b24, flow_id)
        assert not second.errors and second.results["get"]["id"] == flow_id
        assert clock.now - before >= 600  # held back until the reset
        start = clock.now
        b24.batch({"other": EXISTS})  # a batch of other methods is not held back
        assert clock.now == start


def test_without_per_command_tracking_the_batch_command_is_refused(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire, limits=None, retry=RetryPolicy(attempts=1)) as b24:
        flow_id = b24.call("tasks.flow.Flow.create", {"flowData": {"name": "Batch budget", **FLOW}})[
            "result"
        ]["id"]
        admin(app, "/_reference/faults", {"method": "tasks.flow.Flow.get", "operating": 481})
        _batched_get(b24, flow_id)
        refused = _batched_get(b24, flow_id)
    assert refused.errors["get"].code == "OPERATION_TIME_LIMIT"


def test_a_call_marked_outside_the_operating_budget_is_never_held_back(clock: FakeClock) -> None:
    """`batch` carries `x-bitrix-operating-budget: false`: even when a portal reports `operating`
    for the envelope, the client holds back only the methods of its commands, never the envelope;
    the same record under an operation without the marking holds it back."""
    runtime = Runtime(limits=Limits(clock=clock))
    assert runtime.budgets is not None
    spent = b'{"result":true,"time":{"finish":%d,"processing":1,"operating":481,"operating_reset_at":%d}}' % (
        clock.now,
        clock.now + 600,
    )
    runtime._note_success(OPERATIONS["batch"], spent)  # an envelope is never recorded
    assert runtime.budgets.delay("batch") == 0.0
    runtime.budgets.record("batch", 481.0, 600.0, 1.0)  # nor held back if a record were there
    runtime._note_success(OPERATIONS["tasks.flow.Flow.get"], spent)
    assert not OPERATIONS["batch"].budgeted
    assert runtime.budget_delay(OPERATIONS["batch"]) == 0.0
    assert runtime.budget_delay(OPERATIONS["tasks.flow.Flow.get"]) > 500
    assert runtime.budget_delay(replace(OPERATIONS["batch"], budgeted=True)) > 500


def test_a_batch_answer_with_an_unreadable_time_entry_still_feeds_the_budget(clock: FakeClock) -> None:
    """Each command's `result_time` entry is read on its own: the method's readable entry counts even
    when a later one of the same method carries a value that is no number."""
    runtime = Runtime(limits=Limits(clock=clock))
    assert runtime.budgets is not None
    plan = BatchPlan({"a": GET, "b": GET}, budgets=runtime.budgets)
    body = plan.next_body()
    assert body is not None
    spent = {"finish": clock.now, "processing": 1, "operating": 481, "operating_reset_at": clock.now + 600}
    times = {"a": spent, "b": {**spent, "operating": "481"}}
    plan.feed({"result": {"result": {"a": {}, "b": {}}, "result_time": times}}, body)
    assert runtime.budgets.delay("tasks.flow.Flow.get") > 500
