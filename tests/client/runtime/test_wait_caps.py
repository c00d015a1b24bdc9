"""No portal value makes one call wait beyond the retry policy's `max_wait` (fake clock: no real
sleeping): a far operating reset, a portal that keeps refusing, a limiter slot far ahead."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import httpx
import pytest
from b24_client import Bitrix24, Limits, RetryPolicy, WaitTooLong

from tests.client.runtime.support import FakeClock

URL = "https://p.example/rest/1/code/"


def _b24(
    clock: FakeClock,
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    limits: Limits | None = None,
    retry: RetryPolicy | None = None,
) -> Bitrix24:
    transport = httpx.MockTransport(handler)
    return Bitrix24.webhook(
        URL,
        limits=limits or Limits(clock=clock),
        retry=retry,
        transport=transport,
        async_transport=transport,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
    )


def test_an_operating_reset_far_ahead_raises_instead_of_sleeping() -> None:
    clock = FakeClock()
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        now = clock()
        body = {"result": True, "time": {"finish": now, "processing": 1.0, "operating": 500.0,
                                         "operating_reset_at": now + 1e9}}  # fmt: skip
        return httpx.Response(200, content=json.dumps(body).encode())

    b24 = _b24(clock, handler)
    b24.call("tasks.flow.Flow.get", {"flowId": 1})
    with pytest.raises(WaitTooLong) as caught:
        b24.call("tasks.flow.Flow.get", {"flowId": 1})
    assert caught.value.needed > 1e8
    assert caught.value.max_wait == RetryPolicy().max_wait
    assert clock.slept < 1 and len(sent) == 1
    with pytest.raises(WaitTooLong):
        asyncio.run(b24.acall("tasks.flow.Flow.get", {"flowId": 1}))
    assert clock.slept < 1 and len(sent) == 1


@pytest.mark.parametrize(("status", "code"), [(429, "OPERATION_TIME_LIMIT"), (503, "QUERY_LIMIT_EXCEEDED")])
def test_a_portal_that_keeps_refusing_holds_a_call_at_most_max_wait(status: int, code: str) -> None:
    raw = json.dumps({"error": code, "error_description": "Too many"}).encode()
    clock = FakeClock()
    policy = RetryPolicy(attempts=1000)
    b24 = _b24(clock, lambda request: httpx.Response(status, content=raw), retry=policy)
    with pytest.raises(WaitTooLong) as caught:
        b24.call("tasks.flow.Flow.get", {"flowId": 1})
    assert clock.slept <= policy.max_wait
    assert (caught.value.status_code, caught.value.content) == (status, raw)
    before = clock.slept
    with pytest.raises(WaitTooLong):
        asyncio.run(b24.acall("tasks.flow.Flow.get", {"flowId": 1}))
    assert clock.slept - before <= policy.max_wait


def test_a_limiter_slot_beyond_max_wait_raises() -> None:
    clock = FakeClock()
    b24 = _b24(
        clock,
        lambda request: httpx.Response(200, json={"result": True}),
        limits=Limits(capacity=2, rate=0.001, clock=clock),
        retry=RetryPolicy(max_wait=10.0),
    )
    b24.call("tasks.flow.Flow.get", {"flowId": 1})
    with pytest.raises(WaitTooLong) as caught:
        b24.call("tasks.flow.Flow.get", {"flowId": 1})
    assert caught.value.needed > 10.0
    assert clock.slept == 0
