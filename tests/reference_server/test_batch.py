"""batch: commands, halt, references, limits and per-command results."""

from __future__ import annotations

from collections.abc import Callable
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
    entry = response.json()["result"]["result_error"]["a"]
    assert entry == {"error": "insufficient_scope", "error_description": ""}  # D45: no text inside batch


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


# --- D46: the REST core's batch parser ------------------------------------------------------------

LENGTH_EXCEEDED = {"error": "ERROR_BATCH_LENGTH_EXCEEDED", "error_description": "Max batch length exceeded"}


def test_every_entry_counts_and_each_past_50_gets_its_own_entry(portal: Portal) -> None:
    cmd: dict[str, Any] = {f"c{i:02d}": f"tasks.flow.Flow.isExists?flowData[name]=n{i}" for i in range(1, 49)}
    cmd["skip1"] = 5  # within the 50: skipped silently, but counted
    cmd["skip2"] = None
    cmd["late1"] = "tasks.flow.Flow.isExists?flowData[name]=late"
    cmd["late2"] = ["not", "a", "string"]  # past the 50: reported like any other entry
    out = batch(portal, {"cmd": cmd})
    assert len(out["result"]) == 48 and "skip1" not in out["result"]
    assert out["result_error"] == {"late1": LENGTH_EXCEEDED, "late2": LENGTH_EXCEEDED}


def test_keys_in_any_case_and_halt_as_php_reads_it(portal: Portal) -> None:
    bad, good = "tasks.flow.Flow.get?flowId=999", "tasks.flow.Flow.isExists?flowData[name]=x"
    upper = batch(portal, {"CMD": {"bad": bad, "good": good}, "Halt": "false"})  # "false" is true to PHP
    assert list(upper["result_error"]) == ["bad"] and upper["result"] == []
    for off in (0, "0", "", False):
        out = batch(portal, {"Cmd": {"bad": bad, "good": good}, "HALT": off})
        assert out["result"] == {"good": {"exists": False}}, off
    assert batch(portal, {"cmd": {"bad": bad, "good": good}, "halt": "n"})["result"] == []


def test_result_time_carries_the_operating_report(make_portal: Callable[..., Portal]) -> None:
    limited = make_portal(limits=True)
    out = batch(limited, {"cmd": {"a": "tasks.flow.Flow.isExists?flowData[name]=x"}})
    assert {"operating", "operating_reset_at"} <= set(out["result_time"]["a"])
    unlimited = batch(make_portal(), {"cmd": {"a": "tasks.flow.Flow.isExists?flowData[name]=x"}})
    assert "operating" not in unlimited["result_time"]["a"]  # only while the limits are on


def test_every_reference_name_and_the_walk_rules(portal: Portal) -> None:
    out = batch(
        portal,
        {
            "cmd": {
                "mk": CREATE.format(name="Batched"),
                "bad": "bizproc.workflow.kill?ID=",
                "list": "bizproc.workflow.template.list?SELECT[]=ID",
                "by_error": CREATE.format(name="from $error[bad][error]"),
                "by_total": CREATE.format(name="total $total[list]"),
                "by_time": CREATE.format(name="$time[mk][date_start]"),
                "stops": "tasks.flow.Flow.isExists?flowData[name]=$result[mk][name][nope]",
                "embedded_map": CREATE.format(name="keep $result[mk][nope]"),
                "upper": CREATE.format(name="keep $RESULT[mk][name]"),
            }
        },
    )
    names = {key: value["name"] for key, value in out["result"].items() if "name" in value}
    assert names["by_error"] == "from ERROR_WRONG_WORKFLOW_ID"
    assert names["by_total"] == "total 0"  # a number inside text is written as text
    assert names["by_time"] == out["result_time"]["mk"]["date_start"]
    # a step that finds nothing stops at the level reached: the name itself, which exists
    assert out["result"]["stops"] == {"exists": True}
    # inside text, a map is no text: the reference stays as written; `$RESULT` finds nothing
    assert names["embedded_map"] == "keep $result[mk][nope]"
    assert names["upper"] == "keep $RESULT[mk][name]"
    assert out["result_total"] == {"list": 0}


def test_a_whole_reference_that_stops_early_takes_the_map(portal: Portal) -> None:
    out = batch(
        portal,
        {
            "cmd": {
                "a": "tasks.flow.Flow.isExists?flowData[name]=x",
                # `$result[a][nope]` is the whole result of `a`, a map: not a valid name
                "b": "tasks.flow.Flow.isExists?flowData[name]=$result[a][nope]",
            }
        },
    )
    assert out["result"] == {"a": {"exists": False}}
    assert set(out["result_error"]) == {"b"}
