"""The shipped pytest plugin (reference_server/pytest_plugin.py): its fixtures and markers."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import sys
from typing import Any

import httpx
import pytest

from reference_server.pytest_plugin import InProcessPortal, LivePortal, PortalAdmin
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "generated" / "python"))

from b24_client import Bitrix24Error, webhook_client
from b24_client.api.tasks_flow import tasks_flow_flow_get
from b24_client.models import TasksFlowFlowGetBody

FLOW = {
    "flowData": {
        "name": "Support requests",
        "plannedCompletionTime": 7200,
        "distributionType": "manually",
        "responsibleList": [["user", "1"]],
        "groupId": 1,
    }
}


def _create(client: httpx.Client, url: str) -> Any:
    response = client.post(url + "tasks.flow.Flow.create", json=FLOW)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_a_sync_client_reaches_the_portal_with_no_socket(b24_portal: InProcessPortal) -> None:
    with b24_portal.client() as client:
        flow = _create(client, b24_portal.webhook_url)
        got = client.post(b24_portal.webhook_url + "tasks.flow.Flow.get", json={"flowId": flow["id"]})
    assert got.json()["result"]["name"] == "Support requests"
    assert [f["name"] for f in b24_portal.admin.flows()] == ["Support requests"]


@pytest.mark.parametrize("round_", [1, 2])
def test_every_test_gets_an_empty_portal(b24_portal: InProcessPortal, round_: int) -> None:
    # the second round would meet "a flow with this name already exists" on a shared portal
    assert b24_portal.admin.flows() == []
    with b24_portal.client() as client:
        _create(client, b24_portal.webhook_url)


def test_async_transport_and_oauth_token(b24_portal: InProcessPortal) -> None:
    async def run() -> Any:
        async with b24_portal.async_client() as client:
            return (
                await client.post(
                    b24_portal.oauth_url + "/tasks.flow.Flow.create",
                    params={"auth": b24_portal.token},
                    json=FLOW,
                )
            ).json()

    assert asyncio.run(run())["result"]["name"] == "Support requests"


def test_sync_transport_works_inside_a_running_event_loop(b24_portal: InProcessPortal) -> None:
    async def run() -> int:
        with b24_portal.client() as client:  # a sync client called from async code
            return _create(client, b24_portal.webhook_url)["id"]  # type: ignore[no-any-return]

    assert asyncio.run(run()) > 0


def test_generated_client_uses_the_transports(
    b24_webhook_url: str, b24_transport: httpx.BaseTransport, b24_async_transport: httpx.AsyncBaseTransport
) -> None:
    client = webhook_client(b24_webhook_url, transport=b24_transport, async_transport=b24_async_transport)
    with client, pytest.raises(Bitrix24Error) as caught:
        tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=999))
    assert caught.value.description in {"Flow not found", "Flow with this ID does not exist."}


@pytest.mark.b24_fault(method="tasks.flow.Flow.get", error="QUERY_LIMIT_EXCEEDED", count=1)
def test_fault_marker(b24_portal: InProcessPortal) -> None:
    assert b24_portal.admin.faults()[0]["error"] == "QueryLimitExceeded"
    with b24_portal.client() as client:
        first = client.post(b24_portal.webhook_url + "tasks.flow.Flow.get", json={"flowId": 1})
        second = client.post(b24_portal.webhook_url + "tasks.flow.Flow.get", json={"flowId": 1})
    assert (first.status_code, first.json()["error"]) == (503, "QUERY_LIMIT_EXCEEDED")
    assert second.json()["error"] != "QUERY_LIMIT_EXCEEDED"
    assert b24_portal.admin.faults() == []


@pytest.mark.b24_fixtures("data/ru_portal.yaml")
def test_fixtures_marker(b24_portal: InProcessPortal) -> None:
    assert b24_portal.webhook_url == "http://portal.test/rest/7/plugin-user7/"
    assert b24_portal.tokens == {7: "plugin-token-7"}
    with b24_portal.client() as client:
        answer = client.post(b24_portal.webhook_url_for(1) + "tasks.flow.Flow.get", json={"flowId": 404})
    assert answer.json()["error_description"] == "Поток с таким ID не существует"  # noqa: RUF001


@pytest.mark.b24_portal(limits=False)
def test_portal_marker_turns_limits_off(b24_portal: InProcessPortal) -> None:
    assert b24_portal.portal.bucket is None


def test_admin_view(b24_admin: PortalAdmin) -> None:
    b24_admin.add_fault(method="tasks.flow.Flow.pin", error="FlowAccessDenied", status=200)
    assert b24_admin.faults()[0]["status"] == 200
    with pytest.raises(ValueError, match="does not declare"):
        b24_admin.add_fault(method="tasks.flow.Flow.get", error="WorkflowInstanceNotFound")
    b24_admin.clear_faults()
    assert b24_admin.faults() == []
    assert b24_admin.calls() == [] and b24_admin.workflows() == []


def test_live_portal_serves_a_socket(b24_live_portal: LivePortal) -> None:
    assert b24_live_portal.webhook_url.startswith("http://127.0.0.1:")
    with httpx.Client() as client:
        flow = _create(client, b24_live_portal.webhook_url)
    assert b24_live_portal.admin.flows()[0]["id"] == flow["id"]


def test_live_portal_reads_the_body_of_an_h2c_offer(b24_live_portal: LivePortal) -> None:
    """Java's default HttpClient offers `Upgrade: h2c` with every plain-http request; the live portal
    declines it and reads the body, as `b24-portal` does (tests/reference_server/test_upgrade_offers.py)."""
    url = httpx.URL(b24_live_portal.webhook_url + "tasks.flow.Flow.create")
    body = json.dumps(FLOW).encode()
    head = (
        f"POST {url.raw_path.decode()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
        "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", url.port or 80), timeout=10) as sock:
        sock.sendall(head.encode() + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200 "), answer
    assert [flow["name"] for flow in b24_live_portal.admin.flows()] == [FLOW["flowData"]["name"]]


def test_live_portal_over_tls_with_its_ca(b24_live_portal_tls: LivePortal) -> None:
    assert b24_live_portal_tls.ca_file is not None
    url = b24_live_portal_tls.webhook_url
    assert url.startswith("https://127.0.0.1:")
    with httpx.Client(verify=ssl.create_default_context(cafile=str(b24_live_portal_tls.ca_file))) as client:
        _create(client, url)
    with httpx.Client() as untrusting, pytest.raises(httpx.ConnectError):
        untrusting.post(url + "tasks.flow.Flow.get", json={"flowId": 1})


BAD_MARKERS = {
    "b24_fault(method='tasks.flow.Flow.get', error='NoSuchError')": "b24_fault",
    "b24_fault(when='now')": "b24_fault takes keyword arguments",
    "b24_fixtures('missing.yaml')": "no such file",
    "b24_portal(speed=3)": "b24_portal takes keyword arguments",
}


@pytest.mark.parametrize("marker", BAD_MARKERS)
def test_bad_markers_are_usage_errors(pytester: pytest.Pytester, marker: str) -> None:
    pytester.makepyfile(
        f"""
        import pytest

        @pytest.mark.{marker}
        def test_it(b24_portal):
            pass
        """
    )
    result = pytester.runpytest_inprocess("-p", "reference_server.pytest_plugin")
    assert result.ret != 0
    result.stdout.fnmatch_lines([f"*{BAD_MARKERS[marker]}*"])
