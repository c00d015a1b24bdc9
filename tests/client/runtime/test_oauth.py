"""An expired OAuth token is refreshed once through the user's callback, however many calls
(threads or tasks) find it expired at the same time."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from b24_client import Bitrix24, Bitrix24Error

from tests.client.runtime.support import AsyncCountingTransport, CountingTransport, Wire, app_with

EXPIRED, FRESH = "reference-token-expired", "reference-token-admin"
EXISTS = ("tasks.flow.Flow.isExists", {"flowData": {"name": "nothing"}})


@pytest.fixture
def app() -> Iterator[Any]:
    application = app_with(limits=False)
    yield application
    application.state.portal.store.close()


def connect(app: Any, wire: Wire, **kwargs: Any) -> Bitrix24:
    return Bitrix24.oauth(
        "http://testserver",
        EXPIRED,
        limits=None,
        transport=CountingTransport(app, wire),
        async_transport=AsyncCountingTransport(app, wire),
        **kwargs,
    )


def test_one_refresh_for_many_threads(app: Any) -> None:
    wire = Wire()
    calls: list[str] = []
    threads = 16
    everyone_sent = threading.Barrier(threads, timeout=10)
    tokens_seen: list[str] = []

    def refresh(old: str) -> str:
        calls.append(old)
        time.sleep(0.05)  # a slow token endpoint: the other threads pile up behind it
        return FRESH

    def after(request: Any, response: Any) -> None:
        tokens_seen.append(request.url.params["auth"])

    wire.after = after
    b24 = connect(app, wire, refresh=refresh)

    def work(_: int) -> Any:
        everyone_sent.wait()
        return b24.call(*EXISTS)["result"]

    with b24, ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(work, range(threads)))
    assert results == [{"exists": False}] * threads
    assert calls == [EXPIRED]
    assert b24.runtime is not None and b24.runtime.token is not None
    assert b24.runtime.token.refreshes == 1
    assert tokens_seen.count(FRESH) == threads  # every call was repeated with the new token
    assert wire.errors["expired_token"] == tokens_seen.count(EXPIRED) >= 1


def test_one_refresh_for_many_tasks(app: Any) -> None:
    wire = Wire()
    calls: list[str] = []

    async def arefresh(old: str) -> str:
        calls.append(old)
        await asyncio.sleep(0.01)
        return FRESH

    async def run() -> list[dict[str, Any]]:
        async with connect(app, wire, arefresh=arefresh) as b24:
            return await asyncio.gather(*(b24.acall(*EXISTS) for _ in range(25)))

    answers = asyncio.run(run())
    assert [a["result"] for a in answers] == [{"exists": False}] * 25
    assert calls == [EXPIRED]
    assert wire.errors["expired_token"] == 25  # all 25 were sent before the first refresh ended


def test_a_sync_callback_serves_async_callers_once(app: Any) -> None:
    wire = Wire()
    calls: list[str] = []

    def refresh(old: str) -> str:
        calls.append(old)
        time.sleep(0.02)
        return FRESH

    async def run() -> None:
        async with connect(app, wire, refresh=refresh) as b24:
            await asyncio.gather(*(b24.acall(*EXISTS) for _ in range(10)))

    asyncio.run(run())
    assert calls == [EXPIRED]


def test_later_calls_use_the_new_token_without_refreshing_again(app: Any) -> None:
    wire = Wire()
    calls: list[str] = []

    def refresh(old: str) -> str:
        calls.append(old)
        return FRESH

    with connect(app, wire, refresh=refresh) as b24:
        for _ in range(5):
            b24.call(*EXISTS)
    assert calls == [EXPIRED]
    assert wire.errors["expired_token"] == 1


def test_without_a_callback_the_error_reaches_the_caller(app: Any) -> None:
    wire = Wire()
    with connect(app, wire) as b24, pytest.raises(Bitrix24Error) as caught:
        b24.call(*EXISTS)
    assert (caught.value.status_code, caught.value.code) == (401, "expired_token")
    assert wire.requests["tasks.flow.Flow.isExists"] == 1


def test_a_refresh_that_does_not_help_is_not_repeated_forever(app: Any) -> None:
    wire = Wire()
    tokens = iter(["still-bad-1", "still-bad-2", "still-bad-3", "still-bad-4"])
    with connect(app, wire, refresh=lambda old: next(tokens)) as b24, pytest.raises(Bitrix24Error):
        b24.call(*EXISTS)
    assert wire.requests["tasks.flow.Flow.isExists"] <= 3
