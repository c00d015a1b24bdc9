"""The generated client wired to an in-process reference server (no network)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from reference_server import ServerConfig, create_app
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "generated" / "python"))

from b24_client import Client

WEBHOOK = "/rest/1/reference-admin"
BASE_URL = f"http://testserver{WEBHOOK}"


class SyncASGITransport(httpx.BaseTransport):
    """Drives an ASGI app from a synchronous httpx client (httpx.ASGITransport is async only)."""

    def __init__(self, app: Any) -> None:
        self._transport = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def run() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return self._loop.run_until_complete(run())

    def close(self) -> None:
        self._loop.close()


@pytest.fixture
def app() -> Any:
    application = create_app(ServerConfig(limits=False))
    yield application
    application.state.portal.store.close()


@pytest.fixture
def client(app: Any) -> Iterator[Client]:
    """A generated `Client` whose sync and async httpx clients talk to the app in-process."""
    b24 = Client(base_url=BASE_URL)
    b24.set_httpx_client(httpx.Client(transport=SyncASGITransport(app), base_url=BASE_URL))
    b24.set_async_httpx_client(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL))
    with b24:
        yield b24
