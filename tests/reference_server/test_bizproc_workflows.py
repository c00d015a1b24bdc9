"""bizproc.workflow.start / instances / terminate / kill and the deprecated alias."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .bizproc import (
    ACCESS_DENIED,
    APP_USER2,
    DEAL,
    add_opaque_template,
    add_template,
    failure,
    instances,
    oauth,
    ok,
    start,
)
from .conftest import USER2, FakeClock, Portal

EMPTY_CODE = 400, ""
NOT_FOUND = (400, "", "WorkflowNotFound")
EMPTY_ID = (400, "ERROR_WRONG_WORKFLOW_ID", "Empty workflow instance ID")
MISMATCH = "Template type and DOCUMENT_ID mismatch!"


WRONG_ID = (400, "ERROR_WRONG_WORKFLOW_ID")
LEAD_1 = ["crm", "CCrmDocumentLead", "LEAD_1"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Empty TEMPLATE_ID")),
        ({"TEMPLATE_ID": 0, "DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Empty TEMPLATE_ID")),
        ({"TEMPLATE_ID": 99, "DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Template not found")),
        # D61: PHP's empty() and (int) cast, as the portal reads the id
        ({"TEMPLATE_ID": "0", "DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Empty TEMPLATE_ID")),
        ({"TEMPLATE_ID": "abc", "DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Template not found")),
        ({"TEMPLATE_ID": "99x", "DOCUMENT_ID": LEAD_1}, (*WRONG_ID, "Template not found")),
        ({"TEMPLATE_ID": 1, "DOCUMENT_ID": LEAD_1[:2]}, (*EMPTY_CODE, "Wrong DOCUMENT_ID!")),
        ({"TEMPLATE_ID": 1, "DOCUMENT_ID": ["tasks", "Task", "1"]}, (*EMPTY_CODE, "Wrong DOCUMENT_ID!")),
        ({"TEMPLATE_ID": 1, "DOCUMENT_ID": ["crm", "CCrmX", "LEAD_1"]}, (*EMPTY_CODE, "Wrong DOCUMENT_ID!")),
        (
            {"TEMPLATE_ID": 1, "DOCUMENT_ID": [*LEAD_1[:2], "lead one"]},
            (*EMPTY_CODE, "Incorrect document type!"),
        ),
        ({"TEMPLATE_ID": 1, "DOCUMENT_ID": [*LEAD_1[:2], "DEAL_1"]}, (*EMPTY_CODE, MISMATCH)),
        ({"TEMPLATE_ID": 1, "DOCUMENT_ID": ["crm", "CCrmDocumentDeal", "DEAL_1"]}, (*EMPTY_CODE, MISMATCH)),
    ],
)
def test_start_errors(portal: Portal, body: dict[str, Any], expected: tuple[int, str, str]) -> None:
    add_template(portal)  # template 1 is for leads
    assert failure(portal.call("bizproc.workflow.start", body)) == expected


def test_start_needs_an_admin(portal: Portal) -> None:
    add_template(portal)
    body = {"TEMPLATE_ID": 1, "DOCUMENT_ID": ["crm", "CCrmDocumentLead", "LEAD_1"]}
    assert failure(portal.call("bizproc.workflow.start", body, USER2)) == ACCESS_DENIED
    # D61: the template and document checks come before the permission check (22.x)
    assert failure(portal.call("bizproc.workflow.start", {**body, "TEMPLATE_ID": 99}, USER2)) == (
        *WRONG_ID,
        "Template not found",
    )
    assert (
        failure(portal.call("bizproc.workflow.start", {"DOCUMENT_ID": LEAD_1}, USER2))[2]
        == "Empty TEMPLATE_ID"
    )
    mismatch = {"TEMPLATE_ID": "1", "DOCUMENT_ID": ["crm", "CCrmDocumentDeal", "DEAL_1"]}
    assert failure(portal.call("bizproc.workflow.start", mismatch, USER2)) == (*EMPTY_CODE, MISMATCH)
    assert portal.ok("bizproc.workflow.start", {**body, "TEMPLATE_ID": "1"})  # a digit string is cast
    for method in ("bizproc.workflow.instances", "bizproc.workflow.instance.list"):
        assert failure(oauth(portal, method, {}, APP_USER2)) == ACCESS_DENIED
    for method in ("bizproc.workflow.terminate", "bizproc.workflow.kill"):
        assert failure(portal.call(method, {"ID": "65e5a449e8f135.21284909"}, USER2)) == ACCESS_DENIED


def test_official_start_body_and_documents_of_every_module(portal: Portal) -> None:
    lead = add_template(portal, parameters={"Parameter1": {"Name": "P", "Type": "user"}})
    body = {
        "TEMPLATE_ID": lead,
        "DOCUMENT_ID": ["crm", "CCrmDocumentLead", "LEAD_1"],
        "PARAMETERS": {"Parameter1": "user_1"},
    }
    assert isinstance(portal.ok("bizproc.workflow.start", body), str)
    disk = ["disk", "Bitrix\\Disk\\BizProcDocument"]
    cases = [
        (["lists", "BizprocDocument", "iblock_164"], ["lists", "BizprocDocument", "777"]),
        ([*disk, "STORAGE_5"], [*disk, "777"]),
        (["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", "DYNAMIC_147"],
         ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", "DYNAMIC_147_1"]),
        (["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\SmartInvoice", "SMART_INVOICE"],
         ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\SmartInvoice", "SMART_INVOICE_3"]),
    ]  # fmt: skip
    for document_type, document in cases:
        template_id = add_template(portal, document_type=document_type)
        workflow_id = portal.ok(
            "bizproc.workflow.start", {"TEMPLATE_ID": template_id, "DOCUMENT_ID": document}
        )
        assert isinstance(workflow_id, str)
    other_dynamic = ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", "DYNAMIC_148_1"]
    failed = portal.call("bizproc.workflow.start", {"TEMPLATE_ID": 3, "DOCUMENT_ID": other_dynamic})
    assert failure(failed) == (*EMPTY_CODE, MISMATCH)


def test_instances_fields_defaults_and_operators(
    make_portal: Callable[..., Portal], clock: FakeClock
) -> None:
    portal = make_portal(clock=clock)
    lead = add_opaque_template(portal)
    deal = add_opaque_template(portal, DEAL)
    ids = []
    for n in range(1, 5):
        ids.append(start(portal, lead, f"LEAD_{n}"))
        clock.advance(60)
    ids.append(start(portal, deal, "DEAL_9"))
    default = instances(portal)
    assert [set(row) for row in default] == [{"ID", "MODIFIED", "OWNED_UNTIL"}] * 5
    assert [row["ID"] for row in default] == ids[::-1]  # MODIFIED desc
    assert default[0]["OWNED_UNTIL"] is None and default[0]["MODIFIED"].endswith("+00:00")
    every = [
        "ID",
        "MODIFIED",
        "OWNED_UNTIL",
        "MODULE_ID",
        "ENTITY",
        "DOCUMENT_ID",
        "STARTED",
        "STARTED_BY",
        "TEMPLATE_ID",
    ]
    row = instances(portal, SELECT=every, FILTER={"ID": ids[4]})[0]
    assert (
        row["MODULE_ID"] == "crm" and row["ENTITY"] == "CCrmDocumentDeal" and row["DOCUMENT_ID"] == "DEAL_9"
    )
    assert row["STARTED_BY"] == "1" and row["TEMPLATE_ID"] == str(deal)

    def picked(conditions: dict[str, Any]) -> list[str]:
        rows = instances(portal, SELECT=["DOCUMENT_ID"], FILTER=conditions, ORDER={"STARTED": "asc"})
        return [r["DOCUMENT_ID"] for r in rows]

    second = instances(portal, SELECT=["STARTED"], FILTER={"ID": ids[1]})[0]["STARTED"]
    assert picked({"TEMPLATE_ID": lead}) == ["LEAD_1", "LEAD_2", "LEAD_3", "LEAD_4"]
    assert picked({"!TEMPLATE_ID": lead}) == ["DEAL_9"]
    assert picked({"<STARTED": second}) == ["LEAD_1"]
    assert picked({"<=STARTED": second}) == ["LEAD_1", "LEAD_2"]
    assert picked({">STARTED": second, "TEMPLATE_ID": lead}) == ["LEAD_3", "LEAD_4"]
    # D40: keys a portal drops filter nothing: `=`, `!=`, `%`, `><`, lower-case names
    everything = ["LEAD_1", "LEAD_2", "LEAD_3", "LEAD_4", "DEAL_9"]
    for dropped in ("=TEMPLATE_ID", "!=TEMPLATE_ID", "%TEMPLATE_ID", "><TEMPLATE_ID", "template_id", " ID"):
        assert picked({dropped: str(deal)}) == everything, dropped
    assert picked({"=ID": ids[4], "!=DOCUMENT_ID": "LEAD_1", "TEMPLATE_ID": lead}) == everything[:4]
    assert picked({">=STARTED": second, "TEMPLATE_ID": lead}) == ["LEAD_2", "LEAD_3", "LEAD_4"]
    assert picked({"DOCUMENT_ID": ["LEAD_2", "DEAL_9"]}) == ["LEAD_2", "DEAL_9"]
    assert picked({">STARTED_BY": 0, "unknown": 1}) == ["LEAD_1", "LEAD_2", "LEAD_3", "LEAD_4", "DEAL_9"]
    # the official request: lower-case keys, every field, STARTED desc
    official = {"select": every, "order": {"STARTED": "DESC"}, "filter": {">STARTED_BY": 0}}
    assert [r["ID"] for r in ok(portal, "bizproc.workflow.instances", official)] == ids[::-1]
    # the alias answers the same
    assert ok(portal, "bizproc.workflow.instance.list", official) == ok(
        portal, "bizproc.workflow.instances", official
    )
    counted = oauth(portal, "bizproc.workflow.instances", {"start": -1}).json()
    # D41: exact offsets; `-1` reads from the first row and still counts
    assert counted["total"] == 5 and len(counted["result"]) == 5 and counted["next"] == 4
    skipped = oauth(portal, "bizproc.workflow.instances", {"start": 3}).json()
    assert skipped["total"] == 5 and len(skipped["result"]) == 2 and "next" not in skipped


@pytest.mark.parametrize("method", ["bizproc.workflow.terminate", "bizproc.workflow.kill"])
def test_stop_errors(portal: Portal, method: str) -> None:
    assert failure(portal.call(method, {})) == EMPTY_ID
    assert failure(portal.call(method, {"ID": ""})) == EMPTY_ID
    assert failure(portal.call(method, {"ID": "0"})) == EMPTY_ID  # PHP's empty()
    # D65: only an empty id is refused as such; a number or blanks go to the engine, which finds nothing
    assert failure(portal.call(method, {"ID": 12345})) == NOT_FOUND
    assert failure(portal.call(method, {"ID": "   "})) == NOT_FOUND
    assert failure(portal.call(method, {"ID": "65e5a449e8f135.21284909"})) == NOT_FOUND
    assert failure(portal.call(method, {"ID": "nonsense"})) == NOT_FOUND


def test_finished_workflows_cannot_be_stopped(portal: Portal) -> None:
    done = start(portal, add_template(portal))  # no steps: completes at once
    assert instances(portal) == []
    assert failure(portal.call("bizproc.workflow.terminate", {"ID": done})) == NOT_FOUND
    opaque = add_opaque_template(portal)
    stopped = start(portal, opaque, "LEAD_2")
    assert portal.ok("bizproc.workflow.terminate", {"ID": stopped}) is True
    assert failure(portal.call("bizproc.workflow.terminate", {"ID": stopped})) == NOT_FOUND
    assert failure(portal.call("bizproc.workflow.kill", {"ID": stopped})) == NOT_FOUND  # D18
    killed = start(portal, opaque, "LEAD_3")
    assert portal.ok("bizproc.workflow.kill", {"ID": killed}) is True
    assert failure(portal.call("bizproc.workflow.kill", {"ID": killed})) == NOT_FOUND


def test_a_running_workflow_keeps_its_template_snapshot(portal: Portal) -> None:
    template = add_template(
        portal, [{"review": {"name": "Old", "users": [1]}}, {"review": {"name": "Second", "users": [1]}}]
    )
    workflow_id = start(portal, template)
    new = {"TEMPLATE_DATA": ["n.json", "eyJzdGVwcyI6IFtdfQ=="]}  # {"steps": []}
    assert ok(portal, "bizproc.workflow.template.update", {"ID": template, "FIELDS": new}) == template
    task = ok(portal, "bizproc.task.list", {"SELECT": ["ID", "NAME"]})[0]
    assert ok(portal, "bizproc.task.complete", {"TASK_ID": task["ID"], "STATUS": 3}) is True
    names = [
        t["NAME"]
        for t in ok(portal, "bizproc.task.list", {"SELECT": ["NAME"], "FILTER": {"WORKFLOW_ID": workflow_id}})
    ]
    assert names == ["Second", "Old"]


def test_a_template_with_running_workflows_is_not_deleted(portal: Portal) -> None:
    """D60: the template loader refuses while an instance of the template still runs."""
    template = add_template(portal, [{"review": {"name": "Look", "users": [1]}}])
    other = add_template(portal, [{"review": {"name": "Other", "users": [1]}}])
    running = start(portal, template)
    start(portal, other, "LEAD_2")
    refused = failure(oauth(portal, "bizproc.workflow.template.delete", {"ID": template}))
    assert refused == (
        400,
        "ERROR_CORE",
        "Cannot delete the business process template because one or more active business process(es) "
        "exist using this template.",
    )
    assert [r["ID"] for r in ok(portal, "bizproc.workflow.template.list", {})] == [str(template), str(other)]
    # once its workflow has ended (here: terminated) the template goes; the other one stays refused
    assert portal.ok("bizproc.workflow.terminate", {"ID": running}) is True
    assert ok(portal, "bizproc.workflow.template.delete", {"ID": template}) is None
    assert failure(oauth(portal, "bizproc.workflow.template.delete", {"ID": other}))[1] == "ERROR_CORE"


def test_bizproc_state_survives_a_restart(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    db = tmp_path / "portal.sqlite"
    first = make_portal(db=db)
    template = add_template(first, [{"review": {"users": [1]}}, {"review": {"name": "Two", "users": [1]}}])
    kept = start(first, template, "LEAD_1")
    gone = start(first, template, "LEAD_2")
    assert first.ok("bizproc.workflow.kill", {"ID": gone}) is True
    assert ok(first, "bizproc.robot.add", {"CODE": "r", "HANDLER": "https://a.example/", "NAME": "R"}) is True
    first.app.state.portal.store.close()  # the first server stops; the fixture closes the rest
    second = make_portal(db=db)
    assert [row["ID"] for row in instances(second)] == [kept]
    assert ok(second, "bizproc.robot.list") == ["r"]
    task = ok(second, "bizproc.task.list", {"SELECT": ["ID"]})
    assert len(task) == 1
    assert ok(second, "bizproc.task.complete", {"TASK_ID": task[0]["ID"], "STATUS": 3}) is True
    names = [t["NAME"] for t in ok(second, "bizproc.task.list", {"SELECT": ["NAME"]})]
    assert names[0] == "Two" and len(names) == 2
    assert start(second, template, "LEAD_3") not in {kept, gone}  # ids keep rising after a restart


def test_a_russian_portal_refuses_the_delete_in_russian(
    make_portal: Callable[..., Portal], tmp_path: Path
) -> None:
    """D60: the refusal's text comes from the language file (BPCGWTL_CANT_DELETE)."""
    from .test_flows import _ru_fixtures  # noqa: PLC0415

    portal = make_portal(fixtures=_ru_fixtures(tmp_path))
    template = add_template(portal, [{"review": {"name": "Look", "users": [1]}}])
    start(portal, template)
    assert failure(oauth(portal, "bizproc.workflow.template.delete", {"ID": template})) == (
        400,
        "ERROR_CORE",
        "Шаблон бизнес-процесса не может быть удален, так как существуют запущенные по этому шаблону "
        "бизнес-процессы",
    )
