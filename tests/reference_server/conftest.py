"""In-process portals for the reference-server tests, with a synchronous client and a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from b24_spec import bundle
from b24_spec.model import default
from reference_server import ServerConfig, create_app

SPEC = default()

ADMIN = "/rest/1/reference-admin/"
USER2 = "/rest/2/reference-user2/"
USER3 = "/rest/3/reference-user3/"
USER4 = "/rest/4/reference-user4/"
EXTRANET = "/rest/5/reference-extranet/"

OFFICIAL_CREATE = {
    "flowData": {
        "name": "Unique Flow Name",
        "description": "Flow description",
        "plannedCompletionTime": 7200,
        "distributionType": "manually",
        "responsibleList": [["user", "3"]],
        "taskCreators": [["meta-user", "all-users"]],
        "matchWorkTime": 1,
        "notifyAtHalfTime": 0,
    }
}


def request_examples(operation_id: str) -> dict[str, Any]:
    """The request examples an operation declares in the bundle, by name, references inlined."""
    pointer = SPEC.operations[operation_id].request_pointer.removesuffix("/schema")
    media: Any = bundle.at(SPEC.document, pointer)
    return {name: bundle.inline(SPEC.document, e)["value"] for name, e in media.get("examples", {}).items()}


class FakeClock:
    def __init__(self, now: float = 1_725_289_649.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Portal:
    """A synchronous client for one in-process app."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    def request(self, verb: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(verb, url, **kwargs))

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def call(self, method: str, body: dict[str, Any] | None = None, base: str = ADMIN) -> httpx.Response:
        return self.post(base + method, json=body or {})

    def ok(self, method: str, body: dict[str, Any] | None = None, base: str = ADMIN) -> Any:
        response = self.call(method, body, base)
        assert response.status_code == 200, response.text
        assert "error" not in response.json(), response.text
        return response.json()["result"]

    def create(self, name: str = "Flow", base: str = ADMIN, **fields: Any) -> dict[str, Any]:
        result: dict[str, Any] = self.ok("tasks.flow.Flow.create", flow_data(name, **fields), base)
        return result

    def create_call(self, name: str = "Flow", base: str = ADMIN, **fields: Any) -> httpx.Response:
        """The create call `create` makes, answer unchecked."""
        return self.call("tasks.flow.Flow.create", flow_data(name, **fields), base)

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()
        self.app.state.portal.store.close()


def flow_data(name: str = "Flow", **fields: Any) -> dict[str, Any]:
    data = {
        "name": name,
        "plannedCompletionTime": 3600,
        "distributionType": "queue",
        "responsibleList": [["user", "2"]],
        **fields,
    }
    return {"flowData": data}


def error_of(response: httpx.Response) -> tuple[int, str | int, str]:
    body = response.json()
    assert "time" not in body
    return response.status_code, body["error"], body["error_description"]


@pytest.fixture
def make_portal() -> Iterator[Callable[..., Portal]]:
    made: list[Portal] = []

    def make(**config: Any) -> Portal:
        config.setdefault("limits", False)
        portal = Portal(create_app(ServerConfig(**config)))
        made.append(portal)
        return portal

    yield make
    for portal in made:
        portal.close()


@pytest.fixture
def portal(make_portal: Callable[..., Portal]) -> Portal:
    return make_portal()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
