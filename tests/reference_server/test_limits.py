"""The leaky bucket, the operating budget and fault injection (with a fake clock)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from b24_spec import bundle
from b24_spec.bundle import BUNDLE_JSON
from reference_server.core.identities import DEFAULT_FIXTURES

from .conftest import ADMIN, FakeClock, Portal, error_of

EXISTS = {"flowData": {"name": "x"}}
LIMITED = (503, "QUERY_LIMIT_EXCEEDED", "Too many requests")


def test_leaky_bucket_standard(make_portal: Callable[..., Portal], clock: FakeClock) -> None:
    portal = make_portal(limits=True, clock=clock)
    for _ in range(50):
        assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS)) == LIMITED
    clock.advance(1.0)  # drains 2
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS)) == LIMITED


def test_leaky_bucket_enterprise(make_portal: Callable[..., Portal], clock: FakeClock) -> None:
    portal = make_portal(limits=True, clock=clock, plan="enterprise")
    for _ in range(250):
        assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS)) == LIMITED
    clock.advance(1.0)  # drains 5
    for _ in range(5):
        assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS)) == LIMITED


def test_a_batch_counts_once(make_portal: Callable[..., Portal], clock: FakeClock) -> None:
    portal = make_portal(limits=True, clock=clock)
    cmd = {f"c{i}": "tasks.flow.Flow.isExists?flowData[name]=x" for i in range(50)}
    for _ in range(50):
        response = portal.call("batch", {"cmd": cmd})
        assert response.status_code == 200
        assert response.json()["result"]["result_error"] == []
    assert error_of(portal.call("batch", {"cmd": cmd})) == LIMITED


def test_no_limits(make_portal: Callable[..., Portal], clock: FakeClock) -> None:
    portal = make_portal(limits=False, clock=clock)
    for _ in range(60):
        assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200


def test_operating_budget_blocks_the_next_call(make_portal: Callable[..., Portal], clock: FakeClock) -> None:
    portal = make_portal(limits=True, clock=clock)
    body = portal.call("tasks.flow.Flow.isExists", EXISTS).json()
    assert {"operating", "operating_reset_at"} <= set(body["time"])
    assert body["time"]["operating_reset_at"] == int(clock.now) + 600
    # a slow call: 481 s of operating time charged; it still completes
    portal.post("/_reference/faults", json={"method": "tasks.flow.Flow.isExists", "operating": 481})
    slow = portal.call("tasks.flow.Flow.isExists", EXISTS)
    assert slow.status_code == 200 and slow.json()["time"]["operating"] > 480
    blocked = portal.call("tasks.flow.Flow.isExists", EXISTS)
    assert error_of(blocked) == (
        429,
        "OPERATION_TIME_LIMIT",
        "Method is blocked due to operation time limit.",
    )
    # other methods and other credentials are not affected
    assert portal.call("tasks.flow.Flow.get", {"flowId": 1}).status_code == 400
    assert portal.call("tasks.flow.Flow.isExists", EXISTS, "/rest/2/reference-user2/").status_code == 200
    clock.advance(601)
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200


@pytest.mark.parametrize("marked", [True, False], ids=["as-specified", "marking-removed"])
def test_the_batch_envelope_is_counted_only_without_its_marking(
    make_portal: Callable[..., Portal], clock: FakeClock, tmp_path: Path, marked: bool
) -> None:
    """`x-bitrix-operating-budget: false` keeps `batch` itself out of the operating budget, so a
    batch charged past the budget still leaves the next one alone; the same server reading a spec
    without the marking counts the envelope like any method and refuses the next batch."""
    spec = bundle.read(BUNDLE_JSON)
    if not marked:
        del spec["paths"]["/batch"]["post"]["x-bitrix-operating-budget"]
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    portal = make_portal(limits=True, clock=clock, spec_path=path)
    portal.post("/_reference/faults", json={"method": "batch", "operating": 481})
    cmd = {"a": "tasks.flow.Flow.isExists?flowData[name]=x"}
    assert portal.call("batch", {"cmd": cmd}).status_code == 200
    second = portal.call("batch", {"cmd": cmd})
    if marked:
        assert second.status_code == 200 and second.json()["result"]["result_error"] == []
        # the envelope has no budget of its own: nothing spent, the reset ten minutes after it began
        assert second.json()["time"]["operating"] == 0
        assert second.json()["time"]["operating_reset_at"] == int(clock.now) + 600
    else:
        assert error_of(second)[:2] == (429, "OPERATION_TIME_LIMIT")


def test_fault_injection_next_n_calls(portal: Portal) -> None:
    response = portal.post(
        "/_reference/faults",
        json={"method": "tasks.flow.flow.get", "error": "INTERNAL_SERVER_ERROR", "count": 2},
    )
    assert response.json()["faults"][0]["method"] == "tasks.flow.Flow.get"
    flow = portal.create("Faulty")
    for _ in range(2):
        assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": flow["id"]}))[:2] == (
            500,
            "INTERNAL_SERVER_ERROR",
        )
    assert portal.call("tasks.flow.Flow.get", {"flowId": flow["id"]}).status_code == 200


def test_fault_injection_by_example_name_and_header(portal: Portal) -> None:
    portal.post("/_reference/faults", json={"method": "tasks.flow.Flow.isExists", "error": "ExpiredToken"})
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS))[:2] == (401, "expired_token")
    headers = {"x-reference-fault": "QUERY_LIMIT_EXCEEDED"}
    assert error_of(portal.post(ADMIN + "tasks.flow.Flow.isExists", json=EXISTS, headers=headers)) == LIMITED
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200
    # only errors the operation declares can be injected
    bad = portal.post("/_reference/faults", json={"method": "tasks.flow.Flow.get", "error": "FlowNameExists"})
    assert bad.status_code == 400
    portal.post("/_reference/faults", json={"method": "*", "error": "QueryLimitExceeded", "count": 5})
    assert portal.request("DELETE", "/_reference/faults").json() == {"faults": []}
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200


def test_fault_injection_from_fixtures(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    fixtures = tmp_path / "ids.yaml"
    fixtures.write_text(
        DEFAULT_FIXTURES.read_text(encoding="utf-8")
        + "faults: [{method: tasks.flow.Flow.isExists, error: OverloadLimit, count: 1}]\n",
        encoding="utf-8",
    )
    portal = make_portal(fixtures=fixtures)
    assert error_of(portal.call("tasks.flow.Flow.isExists", EXISTS))[:2] == (401, "OVERLOAD_LIMIT")  # D45
    assert portal.call("tasks.flow.Flow.isExists", EXISTS).status_code == 200


def test_fault_inside_batch(portal: Portal) -> None:
    portal.post(
        "/_reference/faults", json={"method": "tasks.flow.Flow.isExists", "error": "OPERATION_TIME_LIMIT"}
    )
    out = portal.ok("batch", {"cmd": {"a": "tasks.flow.Flow.isExists?flowData[name]=x"}})
    assert out["result_error"]["a"]["error"] == "OPERATION_TIME_LIMIT"


# the body the server sends for FlowAccessDenied: engine code 0 as an integer, the language file's text
PIN_DENIED = {"error": 0, "error_description": "Cannot find flow"}


def test_a_fault_answers_pins_error_under_http_200_as_its_page_documents(portal: Portal) -> None:
    """Spec D2: pin's page documents its errors under HTTP 200; a fault can ask for that status."""
    pin = {"flowId": 1}
    headers = {"X-Reference-Fault": "FlowAccessDenied", "X-Reference-Fault-Status": "200"}
    under_200 = portal.post(ADMIN + "tasks.flow.Flow.pin", json=pin, headers=headers)
    assert under_200.status_code == 200 and under_200.json() == PIN_DENIED
    # without the status header the same fault uses the error status, as the source sends it
    plain = portal.post(
        ADMIN + "tasks.flow.Flow.pin", json=pin, headers={"X-Reference-Fault": "FlowAccessDenied"}
    )
    assert error_of(plain) == (400, 0, "Cannot find flow")
    # a status the method does not declare for that error is ignored
    odd = {"X-Reference-Fault": "FlowAccessDenied", "X-Reference-Fault-Status": "299"}
    assert error_of(portal.post(ADMIN + "tasks.flow.Flow.pin", json=pin, headers=odd))[0] == 400
    # the same through the faults endpoint, for the next call
    fault = {"method": "tasks.flow.Flow.pin", "error": "FlowAccessDenied", "status": 200}
    assert portal.post("/_reference/faults", json=fault).status_code == 200
    queued = portal.call("tasks.flow.Flow.pin", pin)
    assert queued.status_code == 200 and queued.json() == PIN_DENIED
    # only statuses the method declares the error under are taken
    for bad in (
        {"method": "tasks.flow.Flow.get", "error": "FlowAccessDenied", "status": 200},
        {"method": "*", "error": "QUERY_LIMIT_EXCEEDED", "status": 503},
        {"method": "tasks.flow.Flow.pin", "error": "FlowAccessDenied", "status": "200"},
    ):
        refused = portal.post("/_reference/faults", json=bad)
        assert refused.status_code == 400 and refused.json()["error"] == "BAD_FAULT", bad
