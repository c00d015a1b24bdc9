"""Point 4: batch."""

from __future__ import annotations

from typing import Any

from .conftest import ADMIN, Portal, error_of

CREATE = (
    "tasks.flow.Flow.create?flowData[name]={name}&flowData[plannedCompletionTime]=3600"
    "&flowData[distributionType]=queue&flowData[responsibleList][0][0]=user&flowData[responsibleList][0][1]=2"
)


def batch(portal: Portal, body: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = portal.ok("batch", body)
    return result


def test_result_references_feed_later_commands(portal: Portal) -> None:
    out = batch(
        portal,
        {
            "halt": 0,
            "cmd": {
                "make": CREATE.format(name="Batched"),
                "read": "tasks.flow.Flow.get?flowId=$result[make][id]",
                "team": "tasks.flow.Flow.isExists?flowData[name]=$result[read][name]",
                "label": "tasks.flow.Flow.isExists?flowData[name]=copy of $result[make][name]",
            },
        },
    )
    assert out["result"]["read"]["name"] == "Batched"
    assert out["result"]["team"] == {"exists": True}
    assert out["result"]["label"] == {"exists": False}
    assert out["result_error"] == [] and out["result_total"] == [] and out["result_next"] == []
    assert set(out["result_time"]) == {"make", "read", "team", "label"}
    assert set(out["result_time"]["read"]) >= {"start", "finish", "duration", "processing", "date_start"}


def test_list_cmd_gives_list_results(portal: Portal) -> None:
    out = batch(
        portal,
        {"cmd": ["tasks.flow.Flow.isExists?flowData[name]=a", "tasks.flow.Flow.isExists?flowData[name]=b"]},
    )
    assert out["result"] == [{"exists": False}, {"exists": False}]
    assert isinstance(out["result_time"], list) and len(out["result_time"]) == 2


def test_halt_off_runs_everything(portal: Portal) -> None:
    out = batch(
        portal,
        {
            "halt": 0,
            "cmd": {
                "bad": "tasks.flow.Flow.get?flowId=999",
                "good": "tasks.flow.Flow.isExists?flowData[name]=x",
            },
        },
    )
    assert out["result_error"]["bad"] == {
        "error": 0,
        "error_description": "Flow with this ID does not exist.",  # an administrator asks (D9)
    }
    assert out["result"] == {"good": {"exists": False}}


def test_halt_on_stops_at_first_failure(portal: Portal) -> None:
    out = batch(
        portal,
        {
            "halt": 1,
            "cmd": {
                "bad": "tasks.flow.Flow.get?flowId=999",
                "never": CREATE.format(name="Never"),
            },
        },
    )
    assert list(out["result_error"]) == ["bad"]
    assert out["result"] == [] and out["result_time"] == []
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Never"}}) == {"exists": False}


def test_halt_as_form_string(portal: Portal) -> None:
    form = (
        "halt=1&cmd[a]=tasks.flow.Flow.get%3FflowId%3D999"
        "&cmd[b]=tasks.flow.Flow.isExists%3FflowData%5Bname%5D%3Dx"
    )
    response = portal.post(
        ADMIN + "batch", content=form, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    out = response.json()["result"]
    assert list(out["result_error"]) == ["a"] and out["result"] == []


def test_more_than_50_commands(portal: Portal) -> None:
    cmd = {f"c{i:02d}": f"tasks.flow.Flow.isExists?flowData[name]=n{i}" for i in range(1, 53)}
    out = batch(portal, {"cmd": cmd})
    assert len(out["result"]) == 50
    assert set(out["result_error"]) == {"c51", "c52"}
    assert out["result_error"]["c51"] == {
        "error": "ERROR_BATCH_LENGTH_EXCEEDED",
        "error_description": "Max batch length exceeded",
    }


def test_nested_batch_and_unknown_method(portal: Portal) -> None:
    out = batch(portal, {"cmd": {"inner": "batch?cmd[0]=tasks.flow.Flow.isExists", "nope": "no.such.method"}})
    assert out["result_error"]["inner"]["error"] == "ERROR_BATCH_METHOD_NOT_ALLOWED"
    assert out["result_error"]["nope"]["error"] == "ERROR_METHOD_NOT_FOUND"
    assert out["result"] == []


def test_commands_keep_the_callers_scopes(portal: Portal) -> None:
    response = portal.call(
        "batch", {"cmd": {"a": "tasks.flow.Flow.get?flowId=1"}}, "/rest/1/reference-bizproc-only/"
    )
    assert response.json()["result"]["result_error"]["a"]["error"] == "insufficient_scope"


def test_empty_and_odd_cmd(portal: Portal) -> None:
    bodies: list[dict[str, Any]] = [
        {},
        {"cmd": []},
        {"cmd": {}},
        {"cmd": "text"},
        {"cmd": {"a": 5, "b": None}},
    ]
    for body in bodies:
        out = batch(portal, body)
        assert out == {
            "result": [],
            "result_error": [],
            "result_total": [],
            "result_next": [],
            "result_time": [],
        }


def test_batch_needs_credentials(portal: Portal) -> None:
    assert error_of(portal.post("/rest/batch", json={"cmd": {}}))[:2] == (401, "NO_AUTH_FOUND")
