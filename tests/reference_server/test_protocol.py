"""The wire protocol of a real portal: URL forms, verbs, bodies, bracket notation, `time`."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from b24_spec.model import default
from reference_server.core.protocol import parse_query, php_json

from .conftest import ADMIN, OFFICIAL_CREATE, Portal, error_of

TIME_FIELDS = {"start", "finish", "duration", "processing", "date_start", "date_finish"}


def test_bracket_notation_builds_nested_dicts() -> None:
    parsed = parse_query(
        "flowData[responsibleList][0][0]=user&flowData[responsibleList][0][1]=3&select[]=ID&select[]=NAME&x=1"
    )
    assert parsed == {
        "flowData": {"responsibleList": {"0": {"0": "user", "1": "3"}}},
        "select": {"0": "ID", "1": "NAME"},
        "x": "1",
    }


def test_a_variable_nested_past_64_levels_is_dropped_whole() -> None:
    # php-src tests/basic/027.phpt: the over-deep variable is gone, its neighbours stay
    assert parse_query("a=1&c" + "[]" * 65 + "=2&d=3") == {"a": "1", "d": "3"}
    assert parse_query("c[x]=1&c" + "[b]" * 65 + "=2") == {}
    kept = parse_query("c" + "[b]" * 64 + "=2")
    depth, node = 0, kept
    while isinstance(node, dict):
        node, depth = node["c" if depth == 0 else "b"], depth + 1
    assert (depth, node) == (65, "2")


def test_variables_past_1000_are_dropped() -> None:
    parsed = parse_query("&".join(f"v{i}=1" for i in range(1500)))
    assert len(parsed) == 1000
    assert "v999" in parsed
    assert "v1000" not in parsed


def test_auto_index_continues_after_the_highest_numeric_key() -> None:
    assert parse_query("a[5]=x&a[]=y&a[b]=z&a[]=w") == {"a": {"5": "x", "6": "y", "b": "z", "7": "w"}}
    assert parse_query("a[]=x&a[]=y") == {"a": {"0": "x", "1": "y"}}


def test_php_json_encodes_empty_and_sequential_maps_as_lists() -> None:
    assert php_json({}) == []
    assert php_json({"0": "a", "1": "b"}) == ["a", "b"]
    assert php_json({"1": "b"}) == {"1": "b"}
    assert php_json({"x": {}}) == {"x": []}


def test_official_create_body_succeeds_with_time(portal: Portal) -> None:
    response = portal.call("tasks.flow.Flow.create", OFFICIAL_CREATE)
    assert response.status_code == 200
    body = response.json()
    assert body["result"]["name"] == "Unique Flow Name"
    assert set(body["time"]) >= TIME_FIELDS
    assert body["time"]["finish"] >= body["time"]["start"]
    assert body["time"]["duration"] == pytest.approx(body["time"]["finish"] - body["time"]["start"])


@pytest.mark.parametrize(
    "suffix",
    [
        "tasks.flow.Flow.isExists",
        "tasks.flow.Flow.isExists.json",
        "TASKS.FLOW.FLOW.ISEXISTS",
        "tasks.flow.flow.isexists.json/",
    ],
)
def test_suffix_and_case_insensitive_names(portal: Portal, suffix: str) -> None:
    response = portal.post(ADMIN + suffix, json={"flowData": {"name": "x"}})
    assert response.status_code == 200, response.text
    assert response.json()["result"] == {"exists": False}


def test_query_string_get_is_coerced(portal: Portal) -> None:
    flow = portal.create("Queried")
    response = portal.get(f"{ADMIN}tasks.flow.Flow.get?flowId={flow['id']}")
    assert response.status_code == 200
    assert response.json()["result"]["id"] == flow["id"]


def test_form_encoded_create_with_bracket_notation(portal: Portal) -> None:
    form = {
        "flowData[name]": "Form flow",
        "flowData[plannedCompletionTime]": "7200",
        "flowData[distributionType]": "queue",
        "flowData[responsibleList][0][0]": "user",
        "flowData[responsibleList][0][1]": "2",
        "flowData[responsibleList][1][0]": "department",
        "flowData[responsibleList][1][1]": "3:F",
        "flowData[matchWorkTime]": "0",
        "flowData[notifyOnQueueOverflow]": "10",
    }
    response = portal.post(
        ADMIN + "tasks.flow.Flow.create",
        content=urlencode(form),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200, response.text
    flow = response.json()["result"]
    assert flow["plannedCompletionTime"] == 7200
    assert flow["responsibleList"] == [["user", "2"], ["department", "3:F"]]
    assert flow["matchWorkTime"] is False
    assert flow["notifyOnQueueOverflow"] == 10


def test_multipart_form(portal: Portal) -> None:
    files = {"flowData[name]": (None, "Multi")}
    response = portal.post(ADMIN + "tasks.flow.Flow.isExists", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["result"] == {"exists": False}


def test_query_and_json_body_merge(portal: Portal) -> None:
    flow = portal.create("Merged")
    response = portal.post(f"{ADMIN}tasks.flow.Flow.get?flowId={flow['id']}", json={})
    assert response.status_code == 200


def test_form_value_that_is_not_a_number_is_rejected(portal: Portal) -> None:
    response = portal.get(ADMIN + "tasks.flow.Flow.isExists?flowData[name]=x&flowData[id]=abc")
    assert error_of(response) == (400, 0, "'id': field's value has an invalid value")


def test_json_strings_for_an_id_are_read_as_the_binder_reads_them(portal: Portal) -> None:
    """The action's `int $flowId` takes numeric text and refuses any other (spec/README.md D48)."""
    flow = portal.create("Typed")
    assert portal.ok("tasks.flow.Flow.get", {"flowId": str(flow["id"])})["id"] == flow["id"]
    response = portal.call("tasks.flow.Flow.get", {"flowId": f"{flow['id']}x"})
    text = f"Invalid value {{{flow['id']}x}} to match with parameter {{flowId}}. Should be value of type int."
    assert error_of(response) == (400, 100, text)


def test_unknown_method(portal: Portal) -> None:
    assert error_of(portal.call("tasks.flow.Flow.nope")) == (
        404,
        "ERROR_METHOD_NOT_FOUND",
        "Method not found!",
    )


def test_unknown_bizproc_method_is_not_found(portal: Portal) -> None:
    assert error_of(portal.call("bizproc.workflow.template.copy"))[1] == "ERROR_METHOD_NOT_FOUND"


@pytest.mark.parametrize(
    "body",
    [
        b"{broken",
        b"[1, 2, 3]",
        b'"text"',
        b"\xff\xfe garbage",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"flowData": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5000 + b"}",
        b'{"flowData": {"name": "' + b"x" * 3_000_000 + b'"}}',
    ],
    ids=["broken", "array", "scalar", "not-utf8", "deep-array", "deep-object", "huge"],
)
@pytest.mark.parametrize("method", ["tasks.flow.Flow.create", "tasks.flow.Flow.get", "batch"])
def test_bad_bodies_get_declared_errors(portal: Portal, body: bytes, method: str) -> None:
    response = portal.post(ADMIN + method, content=body, headers={"content-type": "application/json"})
    assert response.status_code < 500
    declared = {(e.status, e.code) for e in default().operations[method].errors}
    if response.status_code != 200:
        assert (response.status_code, str(response.json()["error"])) in declared


def test_unknown_fields_are_ignored(portal: Portal) -> None:
    body = {"flowData": {**OFFICIAL_CREATE["flowData"], "surprise": {"deep": [1, 2]}}, "extra": 1}
    response = portal.call("tasks.flow.Flow.create", body)
    assert response.status_code == 200
    assert "surprise" not in response.json()["result"]


def test_any_http_verb_is_answered(portal: Portal) -> None:
    response = portal.request("PUT", ADMIN + "tasks.flow.Flow.isExists?flowData[name]=x")
    assert response.status_code == 200
