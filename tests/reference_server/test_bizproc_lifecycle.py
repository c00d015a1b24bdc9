"""The whole business-process life cycle through HTTP, from template to finished workflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .bizproc import (
    APP,
    APP_USER2,
    LEAD,
    add_opaque_template,
    add_template,
    calls,
    instances,
    oauth,
    ok,
    robot,
    start,
    tasks,
    workflow,
)
from .conftest import FakeClock, Portal

STEPS: list[dict[str, Any]] = [
    {"approve": {"id": "approval", "name": "Approve {=Document:ID}", "users": ["{=Template:approver}"]}},
    {"robot": {"id": "hash", "code": "md5_robot", "properties": {"text": "{=Document:ID}"}}},
    {"review": {"id": "check", "name": "Check hash {=hash:outputString}", "users": ["author"]}},
    {"complete": {"status": "Approved and checked"}},
]
PARAMETERS = {"approver": {"Name": "Approver", "Type": "user", "Required": True, "Default": "user_2"}}


def test_the_whole_life_cycle(portal: Portal) -> None:  # noqa: PLR0915 (one story, told in order)
    # an application registers its robot and adds an executable template
    robot(
        portal,
        "md5_robot",
        RETURN_PROPERTIES={"outputString": {"Name": "MD5", "Type": "string"}},
        PROPERTIES={"text": {"Name": "Text", "Type": "string"}},
    )
    template = add_template(portal, STEPS, parameters=PARAMETERS)

    # workflows on several documents: 55, so that the instance list has two pages
    started = [start(portal, template, f"LEAD_{n}") for n in range(1, 56)]
    assert len(set(started)) == 55

    first = ok(
        portal, "bizproc.workflow.instances", {"SELECT": ["ID", "DOCUMENT_ID"], "ORDER": {"ID": "asc"}}
    )
    response = oauth(portal, "bizproc.workflow.instances", {"SELECT": ["ID"], "ORDER": {"ID": "asc"}})
    assert response.json()["total"] == 55 and response.json()["next"] == 50
    assert [row["ID"] for row in first] == started[:50]
    second = oauth(
        portal, "bizproc.workflow.instances", {"SELECT": ["ID"], "ORDER": {"ID": "asc"}, "start": 50}
    )
    assert [row["ID"] for row in second.json()["result"]] == started[50:]
    assert second.json()["total"] == 55 and "next" not in second.json()
    only = instances(portal, SELECT=["ID", "DOCUMENT_ID"], FILTER={"DOCUMENT_ID": "LEAD_7"})
    assert only == [{"ID": started[6], "DOCUMENT_ID": "LEAD_7"}]

    # each workflow waits for its approval task, assigned to the approver parameter (user 2)
    olga = tasks(portal, APP_USER2)
    assert len(olga) == 55 and {t["ACTIVITY"] for t in olga} == {"ApproveActivity"}
    lead1 = next(t for t in olga if t["WORKFLOW_ID"] == started[0])
    assert lead1["NAME"] == "Approve LEAD_1" and lead1["STATUS"] == "0" and lead1["USER_STATUS"] == "0"

    # user 2 approves lead 1; the robot runs and waits for the application
    assert ok(portal, "bizproc.task.complete", {"TASK_ID": lead1["ID"], "STATUS": "yes"}, APP_USER2) is True
    call = next(c for c in calls(portal) if c["WORKFLOW_ID"] == started[0])
    assert call["CODE"] == "md5_robot" and call["PROPERTIES"] == {"text": "LEAD_1"}
    assert call["EVENT_TOKEN"].startswith(f"{started[0]}|hash|")

    # the application answers; the value reaches the next step's task name
    body = {"event_token": call["EVENT_TOKEN"], "return_values": {"outputString": "2b9dd"}}
    assert ok(portal, "bizproc.event.send", body) is True
    assert ok(portal, "bizproc.event.send", body) is True  # D44: no longer waiting, accepted without effect
    review = tasks(portal, APP, WORKFLOW_ID=started[0], ACTIVITY="ReviewActivity")
    assert [(t["NAME"], t["USER_ID"]) for t in review] == [("Check hash 2b9dd", "1")]

    # user 2 delegates the approval of lead 2 to user 3 (a subordinate), who approves it
    lead2 = next(t for t in olga if t["WORKFLOW_ID"] == started[1])
    delegation = {"TASK_IDS": [lead2["ID"]], "FROM_USER_ID": 2, "TO_USER_ID": 3}
    assert ok(portal, "bizproc.task.delegate", delegation, APP_USER2) is True
    assert [t["USER_ID"] for t in tasks(portal, APP, WORKFLOW_ID=started[1])] == ["3"]
    ivan = tasks(portal, "reference-token-admin", USER_ID=3)
    assert [t["ID"] for t in ivan] == [lead2["ID"]]

    # lead 1 completes after its review
    assert ok(portal, "bizproc.task.complete", {"TASK_ID": review[0]["ID"], "STATUS": 3}) is True
    done = workflow(portal, started[0])
    assert done is not None and done["STATE"] == "completed" and done["STATUS_TEXT"] == "Approved and checked"

    # terminate lead 3's workflow (kept, with its text) and kill lead 4's (gone with its tasks)
    assert ok(portal, "bizproc.workflow.terminate", {"ID": started[2], "STATUS": "Stopped by app"}) is True
    assert ok(portal, "bizproc.workflow.kill", {"ID": started[3]}) is True
    terminated = workflow(portal, started[2])
    assert terminated is not None and terminated["STATE"] == "terminated"
    assert terminated["STATUS_TEXT"] == "Stopped by app"
    assert workflow(portal, started[3]) is None

    # what each list shows afterwards
    running = {row["ID"] for row in instances(portal, start=0)} | {
        row["ID"] for row in instances(portal, start=50)
    }
    assert running == set(started) - {started[0], started[2], started[3]}
    everyone = tasks(portal, APP)
    by_workflow = {(t["WORKFLOW_ID"], t["ACTIVITY"]): t for t in everyone}
    assert by_workflow[(started[0], "ApproveActivity")]["STATUS"] == "1"
    assert by_workflow[(started[0], "ReviewActivity")]["STATUS"] == "3"
    assert by_workflow[(started[0], "ReviewActivity")]["USER_STATUS"] == "3"
    assert by_workflow[(started[2], "ApproveActivity")]["STATUS"] == "5"  # cancelled by terminate
    assert not any(t["WORKFLOW_ID"] == started[3] for t in everyone)
    body = {"SELECT": ["WORKFLOW_STATE"], "FILTER": {"WORKFLOW_ID": started[2]}}
    state = ok(portal, "bizproc.task.list", body)
    assert [row["WORKFLOW_STATE"] for row in state] == ["Terminated"]
    assert set(state[0]) == {"WORKFLOW_STATE", "ENTITY", "DOCUMENT_ID", "DOCUMENT_URL"}  # D62
    # the template is still there, for its document type
    listed = ok(portal, "bizproc.workflow.template.list", {"FILTER": {"DOCUMENT_TYPE": LEAD[2]}})
    assert listed == [{"ID": str(template)}]


def test_finished_workflow_tasks_drop_out_after_a_day(
    make_portal: Callable[..., Portal], clock: FakeClock
) -> None:
    portal = make_portal(clock=clock)
    template = add_template(portal, [{"review": {"users": [1]}}])
    workflow_id = start(portal, template)
    task = tasks(portal)[0]
    assert ok(portal, "bizproc.task.complete", {"TASK_ID": task["ID"], "STATUS": "ok"}) is True
    assert [t["STATUS"] for t in tasks(portal)] == ["3"]
    clock.advance(86401)
    assert tasks(portal) == []
    assert workflow(portal, workflow_id) is not None  # the workflow itself is kept


def test_opaque_template_workflows_run_no_steps(portal: Portal) -> None:
    template = add_opaque_template(portal)
    workflow_id = start(portal, template, "LEAD_9")
    assert [row["ID"] for row in instances(portal)] == [workflow_id]
    assert tasks(portal) == [] and calls(portal) == []
    listed = ok(portal, "bizproc.workflow.template.list", {"SELECT": ["TEMPLATE", "PARAMETERS"]})
    assert listed == [{"TEMPLATE": [], "PARAMETERS": []}]
    assert ok(portal, "bizproc.workflow.kill", {"ID": workflow_id}) is True
    assert instances(portal) == []


def test_odd_programs_stay_within_the_response_schemas(portal: Portal) -> None:
    steps = [
        {"request": {"name": "{=Template:looping}", "users": ["{=Template:looping}", 1],
                     "fields": [{"id": "f", "name": ["a", "b"], "options": 5}]}},
        {"complete": {"status": "{=Template:looping}"}},
    ]  # fmt: skip
    template = add_template(portal, steps, parameters={"looping": {"Default": ["{=Template:looping}"]}})
    workflow_id = start(portal, template)
    row = ok(portal, "bizproc.task.list", {"SELECT": ["NAME", "PARAMETERS", "USER_ID"]})[0]
    assert row["NAME"] == "{=Template:looping}" and row["USER_ID"] == "1"
    field = row["PARAMETERS"]["Fields"][0]
    assert field["Name"] == "a, b" and field["Options"] is None
    task_id = tasks(portal)[0]["ID"]
    assert ok(portal, "bizproc.task.complete", {"TASK_ID": task_id, "STATUS": 3}) is True
    record = workflow(portal, workflow_id)
    assert record is not None and record["STATE"] == "completed"
