"""Hostile input: what a real portal refuses or survives, the fake portal refuses or survives too,
and nothing it accepts can break a later read."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from reference_server import registry
from reference_server.protocol import MAX_NESTING, MAX_VARS, parse_id, parse_query
from tests.reference_server.conftest import ADMIN, Portal, error_of
from tests.reference_server.server_process import ROOT, free_port, running_server

BIZPROC_ONLY = "/rest/1/reference-bizproc-only/"


# --- PHP bracket parsing ---------------------------------------------------------------------------


def test_auto_indexing_keeps_php_order_and_limit() -> None:
    parsed = parse_query("&".join(f"a[]={i}" for i in range(MAX_VARS + 500)))
    assert list(parsed["a"].values()) == [str(i) for i in range(MAX_VARS)]


def test_auto_index_continues_after_explicit_keys() -> None:
    assert parse_query("a[5]=x&a[]=y&a[b]=z&a[]=w") == {"a": {"5": "x", "6": "y", "b": "z", "7": "w"}}


def test_a_variable_nested_too_deep_is_dropped_whole() -> None:
    deep = "a" + "[x]" * (MAX_NESTING + 1) + "=1"
    assert parse_query(deep + "&b=2") == {"b": "2"}


# --- ids are ASCII digits within 64 bits ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["²", "٢", "1²", " 1", "+1", "1" * 4400, "9" * 20])
def test_only_ascii_digit_ids_within_64_bits_are_ids(text: str) -> None:
    assert parse_id(text) is None


def test_a_webhook_user_id_in_other_digits_is_not_a_user(portal: Portal) -> None:
    response = portal.call(
        "tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, base="/rest/٢/reference-user2/"
    )
    assert response.status_code == 401, response.text


def test_a_huge_numeric_webhook_user_id_is_refused_not_a_crash(portal: Portal) -> None:
    response = portal.call(
        "tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, base=f"/rest/{'1' * 5000}/x/"
    )
    assert response.status_code == 401, response.text


# --- bodies a PHP portal cannot decode ------------------------------------------------------------------


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", '"\\ud800x"'])
def test_an_undecodable_json_body_stores_nothing(portal: Portal, literal: str) -> None:
    body = (
        '{"flowData": {"name": ' + literal + ', "plannedCompletionTime": 3600, "distributionType": "queue",'
    )
    body += ' "responsibleList": [["user", "2"]]}}'
    response = portal.post(
        ADMIN + "tasks.flow.Flow.create", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert portal.app.state.portal.store.flows == {}


def test_media_types_are_matched_exactly_and_in_any_case(portal: Portal) -> None:
    body = b'{"flowData": {"name": "Case"}}'
    upper = portal.post(
        ADMIN + "tasks.flow.Flow.isExists", content=body, headers={"Content-Type": "APPLICATION/JSON"}
    )
    assert upper.json()["result"] == {"exists": False}
    near = portal.post(
        ADMIN + "tasks.flow.Flow.isExists", content=body, headers={"Content-Type": "application/jsonx"}
    )
    assert near.status_code == 400, near.text


def test_a_text_too_large_to_store_is_refused(portal: Portal) -> None:
    response = portal.call(
        "tasks.flow.Flow.create",
        {"flowData": {"name": "Big", "description": "x" * 70_000, "plannedCompletionTime": 3600,
                      "distributionType": "queue", "responsibleList": [["user", "2"]]}},
    )  # fmt: skip
    assert response.status_code == 400, response.text
    assert portal.app.state.portal.store.flows == {}


# --- crashes, faults -------------------------------------------------------------------------------------


def test_an_unexpected_exception_is_the_spec_500_and_closes_the_connection(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = registry.HANDLERS["tasks.flow.Flow.isExists"]

    def broken(ctx: Any, args: Any) -> Any:
        raise ZeroDivisionError("deliberately broken")

    monkeypatch.setitem(
        registry.HANDLERS, "tasks.flow.Flow.isExists", dataclasses.replace(handler, fn=broken)
    )
    response = portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}})
    assert error_of(response)[:2] == (500, "INTERNAL_SERVER_ERROR")
    assert response.headers["connection"] == "close"


def test_a_refused_call_leaves_no_fault_for_the_next_caller(portal: Portal) -> None:
    refused = portal.post(
        BIZPROC_ONLY + "tasks.flow.Flow.isExists",
        json={"flowData": {"name": "x"}},
        headers={"X-Reference-Fault": "QUERY_LIMIT_EXCEEDED"},
    )
    assert error_of(refused)[:2] == (403, "insufficient_scope")
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}) == {"exists": False}


# --- processes: the admin switch and the --db lock ----------------------------------------------------


def test_the_admin_surface_is_off_unless_asked_for() -> None:
    with running_server("--no-limits") as (port, _process):
        response = httpx.get(f"http://127.0.0.1:{port}/_reference/bizproc/workflows")
        assert response.status_code == 404


def test_the_admin_surface_wants_its_token() -> None:
    with running_server("--no-limits", "--admin-token", "sesame") as (port, _process):
        url = f"http://127.0.0.1:{port}/_reference/bizproc/workflows"
        assert httpx.get(url).status_code == 403
        assert httpx.get(url, headers={"X-Reference-Admin-Token": "sesame"}).status_code == 200


def test_a_second_server_on_the_same_database_refuses_to_start(tmp_path: Path) -> None:
    db = tmp_path / "portal.sqlite"
    with running_server("--db", str(db)) as (_port, _process):
        second = subprocess.run(
            [sys.executable, "-m", "reference_server", "--port", str(free_port()), "--db", str(db)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert second.returncode == 2
    assert "in use by another reference server" in second.stderr


@pytest.mark.parametrize("ident", ["²", "٢", "1" * 5000])
def test_member_ids_in_other_digits_are_refused_not_a_crash(portal: Portal, ident: str) -> None:
    response = portal.call(
        "tasks.flow.Flow.create",
        {"flowData": {"name": "Digits", "plannedCompletionTime": 3600, "distributionType": "queue",
                      "responsibleList": [["user", ident]], "taskCreators": [["department", ident]]}},
    )  # fmt: skip
    assert response.status_code == 400, response.text
    assert portal.app.state.portal.store.flows == {}
