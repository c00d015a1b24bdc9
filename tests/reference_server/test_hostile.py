"""Hostile input: what a real portal refuses or survives, the fake portal refuses or survives too,
and nothing it accepts can break a later read."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference_server.core import app as app_module
from reference_server.core import protocol, registry
from reference_server.core.protocol import MAX_NESTING, MAX_VARS, build_nested, parse_id, parse_query
from reference_server.process import ROOT, free_port, serving, stop, wait_for_port
from tests.reference_server.bizproc import APP, LEAD, failure, oauth, ok, start, upload
from tests.reference_server.conftest import ADMIN, Portal, error_of

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
    assert error_of(refused)[:2] == (401, "insufficient_scope")  # D45
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}) == {"exists": False}


# --- processes: the admin switch and the --db lock ----------------------------------------------------


def test_the_admin_surface_is_off_unless_asked_for() -> None:
    with serving("--no-limits") as server:
        response = httpx.get(f"{server.url}/_reference/bizproc/workflows")
        assert response.status_code == 404


def test_the_admin_surface_wants_its_token() -> None:
    with serving("--no-limits", "--admin-token", "sesame") as server:
        url = f"{server.url}/_reference/bizproc/workflows"
        assert httpx.get(url).status_code == 403
        assert httpx.get(url, headers={"X-Reference-Admin-Token": "sesame"}).status_code == 200


@pytest.mark.parametrize("admin", [True, False], ids=["--admin", "no-admin"])
def test_the_banner_prints_the_admin_token_that_opens_the_surface(admin: bool) -> None:
    """With `--admin` the banner's `Admin:` line carries the random token, and that token is the
    one the server wants; without it there is no such line."""
    port = free_port()
    command = [sys.executable, "-m", "reference_server", "--port", str(port), "--no-limits"]
    process = subprocess.Popen(
        command + (["--admin"] if admin else []),
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port, process)
        assert process.stdout is not None
        os.set_blocking(process.stdout.fileno(), False)  # the banner is flushed before it listens
        printed = (process.stdout.read() or b"").decode()
        assert "Webhook URL:" in printed
        shown = re.findall(r"^Admin: .*\(header X-Reference-Admin-Token: (\S+)\)$", printed, re.M | re.I)
        if not admin:
            assert shown == [] and "Admin:" not in printed
            return
        assert len(shown) == 1, printed
        url = f"http://127.0.0.1:{port}/_reference/bizproc/workflows"
        assert httpx.get(url, headers={"X-Reference-Admin-Token": shown[0]}).status_code == 200
        assert httpx.get(url, headers={"X-Reference-Admin-Token": shown[0] + "x"}).status_code == 403
    finally:
        stop(process)
        if process.stdout is not None:
            process.stdout.close()


def test_a_second_server_on_the_same_database_refuses_to_start(tmp_path: Path) -> None:
    db = tmp_path / "portal.sqlite"
    with serving("--db", str(db)):
        second = subprocess.run(
            [sys.executable, "-m", "reference_server", "--port", str(free_port()), "--db", str(db)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert second.returncode == 2
    assert "in use by another reference server" in second.stderr


@pytest.mark.parametrize("ident", ["²", "٢", "1" * 5000, "0\n", "000\n"])
def test_member_ids_in_other_digits_are_refused_not_a_crash(portal: Portal, ident: str) -> None:
    response = portal.call(
        "tasks.flow.Flow.create",
        {"flowData": {"name": "Digits", "plannedCompletionTime": 3600, "distributionType": "queue",
                      "responsibleList": [["user", ident]], "taskCreators": [["department", ident]]}},
    )  # fmt: skip
    assert response.status_code == 400, response.text
    assert portal.app.state.portal.store.flows == {}


# --- templates: nothing a template holds can break a later read ------------------------------------------


def _add_template(portal: Portal, document: bytes) -> httpx.Response:
    body = {"DOCUMENT_TYPE": LEAD, "NAME": "T", "TEMPLATE_DATA": upload(document, "t.yaml")}
    return oauth(portal, "bizproc.workflow.template.add", body)


def _template_list_reads(portal: Portal) -> None:
    listed = oauth(portal, "bizproc.workflow.template.list", {"SELECT": ["ID", "TEMPLATE", "PARAMETERS"]})
    assert listed.status_code == 200, listed.text


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(portal: Portal) -> None:
    levels = [b"steps: []", b"b0: &b0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [b"b%d: &b%d [" % (i, i) + b", ".join([b"*b%d" % (i - 1)] * 10) + b"]" for i in range(1, 7)]
    levels.append(b"parameters: {P: {Default: *b6}}")  # 10**7 values once expanded, 400 bytes here
    response = _add_template(portal, b"\n".join(levels))
    assert failure(response) == (400, "ERROR_TEMPLATE_VALIDATION_FAILURE", "Incorrect field TEMPLATE_DATA!")
    _template_list_reads(portal)


def test_aliases_within_the_bound_still_work(portal: Portal) -> None:
    document = b"users: &who [1, 2]\nsteps:\n  - approve: {users: *who}\n  - review: {users: *who}\n"
    assert _add_template(portal, document).status_code == 200
    _template_list_reads(portal)


@pytest.mark.parametrize(
    "document",
    [
        b"steps: []\nparameters: {P: {Type: double, Default: .nan}}",
        b"steps: []\nvariables: {V: {Type: double, Default: -.inf}}",
        b"steps: [{approve: {users: [1], overdue: .inf}}]",
        b"steps: [{approve: {users: [1], overdue: 1e300}}]",
        b"steps: [{approve: {users: [1], overdue: -5}}]",
        b"steps: [{approve: {users: [1], overdue: soon}}]",
        b'steps: [{approve: {users: [1], name: "\\ud800x"}}]',
    ],
)
def test_a_template_with_values_no_read_can_show_is_refused(portal: Portal, document: bytes) -> None:
    response = _add_template(portal, document)
    assert failure(response) == (400, "ERROR_TEMPLATE_VALIDATION_FAILURE", "Incorrect field TEMPLATE_DATA!")
    _template_list_reads(portal)


def test_an_overdue_within_the_bound_dates_the_task(portal: Portal) -> None:
    added = _add_template(portal, b"steps: [{approve: {users: [1], overdue: 86400}}]")
    template_id = added.json()["result"]
    start(portal, template_id)
    (task,) = ok(portal, "bizproc.task.list", {"SELECT": ["ID", "OVERDUE_DATE"]})
    assert task["OVERDUE_DATE"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999", "-1e999"])
def test_non_finite_task_fields_leave_every_view_readable(portal: Portal, value: str) -> None:
    fields = [{"id": "amount", "name": "Amount", "type": "double"}]
    added = _add_template(
        portal, json.dumps({"steps": [{"request": {"users": [1], "fields": fields}}]}).encode()
    )
    start(portal, added.json()["result"])
    (task,) = ok(portal, "bizproc.task.list", {"SELECT": ["ID"]})
    # in JSON a PHP portal cannot decode these; in a form they arrive as text
    as_json = portal.post(
        f"/rest/bizproc.task.complete?auth={APP}",
        content=f'{{"TASK_ID": {task["ID"]}, "STATUS": 3, "FIELDS": {{"amount": {value}}}}}',
        headers={"Content-Type": "application/json"},
    )
    assert as_json.status_code < 500, as_json.text
    as_form = portal.post(
        f"/rest/bizproc.task.complete?auth={APP}",
        content=f"TASK_ID={task['ID']}&STATUS=3&FIELDS[amount]={value}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert as_form.status_code < 500, as_form.text
    for kind in ("workflows", "calls"):
        assert portal.get(f"/_reference/bizproc/{kind}").status_code == 200
    assert oauth(portal, "bizproc.workflow.instances", {}).status_code == 200


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_tls_key_folder_goes_with_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: signal.Signals
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with serving("--tls", "--no-limits") as server:
        assert list(tmp_path.glob("reference-server-tls-*")), "the key folder is where TMPDIR says"
        server.process.send_signal(stop)
        server.process.wait(timeout=30)
    assert list(tmp_path.glob("reference-server-tls-*")) == []


# --- long values are decoded in pieces, exactly as parse_qsl decodes them whole ---------------------------

_QUERY_TOKENS = st.sampled_from(
    [*"ab=&%+x0F9é€ ;[]\\", "%41", "%C3%A9", "%E2%82", "%e2%82%ac", "%zz", "%5C", "%0", "%%"]
)


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(query=st.lists(_QUERY_TOKENS, max_size=60).map("".join), piece=st.integers(min_value=3, max_value=9))
def test_pieces_decode_as_parse_qsl_does(query: str, piece: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(protocol, "DECODE_PIECE", piece)  # cuts fall everywhere, inside escapes too
        assert protocol.parse_query(query) == build_nested(parse_qsl(query, keep_blank_values=True))


def test_a_large_form_body_is_parsed_off_the_event_loop(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = app_module._parse_large

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(*args)

    monkeypatch.setattr(app_module, "_parse_large", spy)
    value = "%41" * (app_module.LARGE_PARAMETERS // 3 + 1)
    response = portal.post(
        ADMIN + "tasks.flow.Flow.isExists",
        content=f"flowData[name]={value}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.json()["result"] == {"exists": False}
    assert threads and threads[0] != threading.main_thread().name
