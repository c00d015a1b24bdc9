"""bizproc.task.list / complete / delegate: permissions, status rules, comments, delegation."""

from __future__ import annotations

from typing import Any

import pytest

from .bizproc import ACCESS_DENIED, APP, add_template, failure, ok, start, tasks
from .conftest import ADMIN, EXTRANET, USER2, USER3, USER4, Portal

VALIDATION = (400, "ERROR_TASK_VALIDATION")
EXECUTION = (400, "ERROR_TASK_EXECUTION")
NOT_RESPONSIBLE = "User is not responsible for the task"


def one_task(portal: Portal, step: dict[str, Any], document: str = "LEAD_1") -> str:
    """Start a one-step workflow; the id of its task."""
    workflow_id = start(portal, add_template(portal, [step]), document)
    found = {str(t["ID"]) for t in tasks(portal, APP, WORKFLOW_ID=workflow_id)}
    assert len(found) == 1
    return found.pop()


def complete(portal: Portal, base: str, task_id: str, status: Any, **extra: Any) -> Any:
    return portal.call("bizproc.task.complete", {"TASK_ID": task_id, "STATUS": status, **extra}, base)


def test_list_permissions(portal: Portal) -> None:
    one_task(portal, {"review": {"users": [2, 3, 4]}})
    own = portal.ok("bizproc.task.list", {"SELECT": ["USER_ID"]}, USER3)
    assert [r["USER_ID"] for r in own] == ["3"]  # without a USER_ID filter: own tasks
    # user 2 heads Development, which holds Backend (user 3): a subordinate
    assert [
        r["USER_ID"]
        for r in portal.ok("bizproc.task.list", {"SELECT": ["USER_ID"], "FILTER": {"USER_ID": 3}}, USER2)
    ] == ["3"]
    assert failure(portal.call("bizproc.task.list", {"FILTER": {"USER_ID": 4}}, USER2)) == ACCESS_DENIED
    assert failure(portal.call("bizproc.task.list", {"FILTER": {"USER_ID": [3, 4]}}, USER2)) == ACCESS_DENIED
    # D40: `=USER_ID` and `user_id` are dropped: no other user named, so the caller's own rows
    for dropped in ("=USER_ID", "user_id", "!=USER_ID"):
        own_rows = portal.ok("bizproc.task.list", {"SELECT": ["USER_ID"], "FILTER": {dropped: 4}}, USER2)
        assert [r["USER_ID"] for r in own_rows] == ["2"], dropped
    every_row = portal.ok("bizproc.task.list", {"SELECT": ["USER_ID"], "FILTER": {"=USER_ID": 4}}, ADMIN)
    assert sorted(r["USER_ID"] for r in every_row) == ["2", "3", "4"]
    assert failure(portal.call("bizproc.task.list", {"FILTER": {"USER_ID": 2}}, USER3)) == ACCESS_DENIED
    everyone = portal.ok("bizproc.task.list", {"SELECT": ["USER_ID"], "ORDER": {"USER_ID": "asc"}}, ADMIN)
    assert [r["USER_ID"] for r in everyone] == ["2", "3", "4"]  # an admin sees all
    assert portal.ok("bizproc.task.list", {}, EXTRANET) == []


def test_list_pages_by_page_number(portal: Portal) -> None:
    """D41: task.list rounds `start` down to a page, `next` = page * 50, `-1` skips counting."""
    template = add_template(portal, [{"review": {"users": [1, 2, 3, 4]}}])
    for n in range(30):
        start(portal, template, f"LEAD_{n + 1}")
    order = {"SELECT": ["ID", "USER_ID"], "ORDER": {"ID": "asc", "USER_ID": "asc"}}

    def page(start_at: Any) -> dict[str, Any]:
        body: dict[str, Any] = ok_page(portal, {**order, "start": start_at})
        return body

    every = page(0)["result"] + page(50)["result"] + page(100)["result"]
    assert len(every) == 120 and len({(r["ID"], r["USER_ID"]) for r in every}) == 120
    first = page(0)
    assert first["total"] == 120 and first["next"] == 50
    rounded = page(75)  # page 2: rows 50 to 99, not 75 to 124
    assert rounded["result"] == every[50:100] and rounded["next"] == 100 and rounded["total"] == 120
    last = page(149)
    assert last["result"] == every[100:] and "next" not in last
    beyond = page(1000)  # a page past the end comes back as the last page
    assert beyond["result"] == every[100:] and "next" not in beyond
    uncounted = page(-1)
    assert uncounted["result"] == every[:50] and uncounted["total"] == 0 and "next" not in uncounted


def ok_page(portal: Portal, body: dict[str, Any]) -> Any:
    response = portal.call("bizproc.task.list", body, ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def test_list_fields_and_defaults(portal: Portal) -> None:
    phone = {"id": "phone", "type": "string", "name": "Phone", "required": True}
    step = {
        "request": {"name": "Tell", "description": "More", "users": [1], "overdue": 3600, "fields": [phone]}
    }
    task_id = one_task(portal, step)
    default = portal.ok("bizproc.task.list")
    # D62: MODULE_ID only when selected; ENTITY, DOCUMENT_ID before and DOCUMENT_URL after the choice
    assert list(default[0]) == ["ENTITY", "DOCUMENT_ID", "ID", "WORKFLOW_ID", "DOCUMENT_NAME", "NAME",
                                "DOCUMENT_URL"]  # fmt: skip
    every = ["ID", "WORKFLOW_ID", "DOCUMENT_NAME", "DESCRIPTION", "NAME", "MODIFIED", "WORKFLOW_STARTED",
             "WORKFLOW_STARTED_BY", "OVERDUE_DATE", "WORKFLOW_TEMPLATE_ID", "WORKFLOW_TEMPLATE_NAME",
             "WORKFLOW_STATE", "STATUS", "USER_ID", "USER_STATUS", "MODULE_ID", "ENTITY", "DOCUMENT_ID",
             "ACTIVITY", "ACTIVITY_NAME", "PARAMETERS", "DOCUMENT_URL"]  # fmt: skip
    row = portal.ok("bizproc.task.list", {"select": every})[0]
    assert row["ID"] == task_id and row["ACTIVITY"] == "RequestInformationActivity"
    assert row["DESCRIPTION"] == "More" and row["OVERDUE_DATE"] is not None
    assert row["WORKFLOW_STATE"] == "In progress" and row["STATUS"] == "0" and row["USER_STATUS"] == "0"
    assert row["DOCUMENT_URL"] == "/crm/lead/details/1/" and row["WORKFLOW_TEMPLATE_NAME"] == "Template"
    field = row["PARAMETERS"]["Fields"][0]
    assert field["Id"] == "phone" and field["Required"] is True and field["Multiple"] is False
    assert row["PARAMETERS"]["StatusOkLabel"] == "OK"
    # D63: a SELECT that is not a list is no SELECT; DOCUMENT_URL is no name to select, filter or order by
    assert list(portal.ok("bizproc.task.list", {"SELECT": "ID"})[0]) == list(default[0])
    assert list(portal.ok("bizproc.task.list", {"SELECT": {"a": "NAME"}})[0]) == [
        "ENTITY", "DOCUMENT_ID", "NAME", "DOCUMENT_URL"]  # fmt: skip
    assert list(portal.ok("bizproc.task.list", {"SELECT": ["DOCUMENT_URL"]})[0]) == list(default[0])
    assert portal.ok("bizproc.task.list", {"FILTER": {"DOCUMENT_URL": "nowhere"}}) == default
    assert list(portal.ok("bizproc.task.list", {"SELECT": ["module_id"]})[0]) == [
        "ENTITY", "DOCUMENT_ID", "MODULE_ID", "DOCUMENT_URL"]  # fmt: skip


def test_approval_any_and_all(portal: Portal) -> None:
    any_task = one_task(portal, {"approve": {"users": [2, 3]}}, "LEAD_1")
    assert (
        complete(portal, USER2, any_task, 3).json()["error"] == "ERROR_TASK_EXECUTION"
    )  # 3 is not an approval answer
    assert portal.ok("bizproc.task.complete", {"TASK_ID": any_task, "STATUS": "no"}, USER2) is True
    rows = tasks(portal, APP, ID=any_task)
    assert {(r["USER_ID"], r["STATUS"], r["USER_STATUS"]) for r in rows} == {("2", "2", "2"), ("3", "2", "0")}
    assert failure(complete(portal, USER3, any_task, 1)) == (
        400,
        "ERROR_TASK_COMPLETED",
        "Task already completed",
    )

    all_task = one_task(portal, {"approve": {"users": [2, 3], "mode": "all"}}, "LEAD_2")
    assert portal.ok("bizproc.task.complete", {"TASK_ID": int(all_task), "STATUS": 1}, USER2) is True
    assert {r["STATUS"] for r in tasks(portal, APP, ID=all_task)} == {"0"}
    assert failure(complete(portal, USER2, all_task, 1)) == (
        400,
        "ERROR_TASK_COMPLETED",
        "Task already completed",
    )
    assert portal.ok("bizproc.task.complete", {"TASK_ID": all_task, "STATUS": "YES"}, USER3) is True
    assert {r["STATUS"] for r in tasks(portal, APP, ID=all_task)} == {"1"}


def test_review_request_and_optional_request(portal: Portal) -> None:
    review = one_task(portal, {"review": {"users": [2]}}, "LEAD_1")
    assert failure(complete(portal, USER2, review, 1)) == (*EXECUTION, "Incorrect task status")
    assert portal.ok("bizproc.task.complete", {"TASK_ID": review, "STATUS": "ok"}, USER2) is True
    assert tasks(portal, APP, ID=review)[0]["STATUS"] == "3"

    fields = [{"id": "contractor", "name": "Contractor", "required": True}, {"id": "phone_number"}]
    request = one_task(portal, {"request": {"users": [2], "fields": fields}}, "LEAD_2")
    assert failure(complete(portal, USER2, request, 3)) == (*EXECUTION, 'The "Contractor" field is required.')
    assert failure(complete(portal, USER2, request, 4)) == (*EXECUTION, "Incorrect task status")
    answer = {"COMMENT": "Added", "FIELDS": {"contractor": "C_607", "phone_number": "+19991234567"}}
    assert portal.ok("bizproc.task.complete", {"TASK_ID": request, "STATUS": 3, **answer}, USER2) is True

    optional = one_task(portal, {"request": {"users": [2], "optional": True, "fields": fields}}, "LEAD_3")
    assert tasks(portal, APP, ID=optional)[0]["ACTIVITY"] == "RequestInformationOptionalActivity"
    assert portal.ok("bizproc.task.complete", {"TASK_ID": optional, "STATUS": "cancel"}, USER2) is True
    row = tasks(portal, APP, ID=optional)[0]
    assert (row["STATUS"], row["USER_STATUS"]) == ("5", "4")


@pytest.mark.parametrize(
    ("rule", "status", "needs"),
    [("N", 1, False), ("Y", 1, True), ("Y", 2, True), ("YA", 1, True), ("YA", 2, False), ("YR", 1, False),
     ("YR", 2, True)],
)  # fmt: skip
def test_comment_rules(portal: Portal, rule: str, status: int, needs: bool) -> None:
    task_id = one_task(portal, {"approve": {"users": [2], "comment": rule}})
    response = complete(portal, USER2, task_id, status, COMMENT="  ")
    if needs:
        assert failure(response) == (*EXECUTION, 'The "Comment" field is required.')
        assert portal.ok(
            "bizproc.task.complete", {"TASK_ID": task_id, "STATUS": status, "COMMENT": "why"}, USER2
        )
    else:
        assert response.status_code == 200


def test_complete_errors(portal: Portal) -> None:
    task_id = one_task(portal, {"review": {"users": [2]}})
    assert failure(portal.call("bizproc.task.complete", {"STATUS": 3}, USER2)) == (
        *VALIDATION,
        "empty TASK_ID",
    )
    assert failure(complete(portal, USER2, "0", 3)) == (*VALIDATION, "empty TASK_ID")
    assert failure(complete(portal, USER2, task_id, 7)) == (*VALIDATION, "incorrect STATUS")
    assert failure(complete(portal, USER2, task_id, "maybe")) == (*VALIDATION, "incorrect STATUS")
    # D68: PHP's empty() first, then the lower-cased text as it is: no trimming, no number parsing
    for status in ("0", 0, " yes", "01", "1.0", [1]):
        assert failure(complete(portal, USER2, task_id, status)) == (*VALIDATION, "incorrect STATUS"), status
    # "waiting" (0) passes the check and is refused by the engine
    assert failure(complete(portal, USER2, task_id, "Waiting"))[:2] == (400, "ERROR_TASK_EXECUTION")
    assert failure(complete(portal, USER2, "abc", 3)) == (400, "ERROR_TASK_NOT_FOUND", "Task not found")
    assert failure(portal.call("bizproc.task.complete", {"TASK_ID": task_id}, USER2)) == (
        *VALIDATION,
        "incorrect STATUS",
    )
    assert failure(complete(portal, USER2, "999", 3)) == (400, "ERROR_TASK_NOT_FOUND", "Task not found")
    assert failure(complete(portal, USER3, task_id, 3)) == (400, "ERROR_TASK_NOT_FOUND", "Task not found")
    custom = one_task(portal, {"task": {"activity": "SignDocumentActivity", "users": [2]}}, "LEAD_2")
    assert failure(complete(portal, USER2, custom, 3)) == (400, "ERROR_TASK_TYPE", "Incorrect task type")
    # query-string form: STATUS=3 arrives as text and is read as the number
    response = portal.post(USER2 + f"bizproc.task.complete?TASK_ID={task_id}&STATUS=3")
    assert response.status_code == 200, response.text


def test_delegation(portal: Portal) -> None:
    first = one_task(portal, {"approve": {"users": [2]}}, "LEAD_1")
    second = one_task(portal, {"approve": {"users": [2]}}, "LEAD_2")
    body = {"TASK_IDS": [first, int(second)], "FROM_USER_ID": "2", "TO_USER_ID": 4}
    assert portal.ok("bizproc.task.delegate", body, USER2) is True
    assert [r["ID"] for r in portal.ok("bizproc.task.list", {}, USER4)] == [second, first]
    assert portal.ok("bizproc.task.list", {}, USER2) == []
    # only the assignee (or an admin) hands a task on
    again = {"TASK_IDS": [first], "FROM_USER_ID": 4, "TO_USER_ID": 3}
    assert failure(portal.call("bizproc.task.delegate", again, USER3)) == (
        400,
        "ERROR_DELEGATION_NOT_ALLOWED",
        NOT_RESPONSIBLE,
    )
    assert portal.ok("bizproc.task.delegate", again, ADMIN) is True
    assert portal.ok("bizproc.task.complete", {"TASK_ID": first, "STATUS": 1}, USER3) is True


def test_delegation_errors(portal: Portal) -> None:
    task_id = one_task(portal, {"approve": {"users": [2]}})
    ids = (400, "ERROR_TASK_VALIDATION", "Invalid TASK_IDS")
    source, target = (
        (400, "ERROR_INVALID_USER_ID", "Invalid FROM_USER_ID"),
        (400, "ERROR_INVALID_USER_ID", "Invalid TO_USER_ID"),
    )
    refused = (400, "ERROR_DELEGATION_NOT_ALLOWED", NOT_RESPONSIBLE)
    rows: list[tuple[dict[str, Any], tuple[int, str, str]]] = [
        ({"FROM_USER_ID": 2, "TO_USER_ID": 3}, ids),
        ({"TASK_IDS": [], "FROM_USER_ID": 2, "TO_USER_ID": 3}, ids),
        ({"TASK_IDS": ["x"], "FROM_USER_ID": 2, "TO_USER_ID": 3}, ids),
        ({"TASK_IDS": [task_id], "TO_USER_ID": 3}, source),
        ({"TASK_IDS": [task_id], "FROM_USER_ID": 99, "TO_USER_ID": 3}, source),
        ({"TASK_IDS": [task_id], "FROM_USER_ID": 2, "TO_USER_ID": 0}, target),
        ({"TASK_IDS": [task_id], "FROM_USER_ID": 2, "TO_USER_ID": 5},
         (400, "ERROR_DELEGATION_NOT_ALLOWED", "Task delegation is only available for intranet users")),
        ({"TASK_IDS": [task_id], "FROM_USER_ID": 3, "TO_USER_ID": 4}, refused),
        ({"TASK_IDS": [task_id, 999], "FROM_USER_ID": 3, "TO_USER_ID": 4},
         (400, "ERROR_DELEGATION_NOT_ALLOWED", f"{NOT_RESPONSIBLE};{NOT_RESPONSIBLE}")),
    ]  # fmt: skip
    for body, expected in rows:
        assert failure(portal.call("bizproc.task.delegate", body, ADMIN)) == expected, body
    # D69: the caller must be an intranet user too
    from_extranet = {"TASK_IDS": [task_id], "FROM_USER_ID": 2, "TO_USER_ID": 3}
    assert failure(portal.call("bizproc.task.delegate", from_extranet, EXTRANET)) == (
        400,
        "ERROR_DELEGATION_NOT_ALLOWED",
        "Task delegation is only available for intranet users",
    )
    assert [r["USER_ID"] for r in tasks(portal, APP, ID=task_id)] == ["2"]  # nothing moved


def test_delegation_settings_of_the_task(portal: Portal) -> None:
    limited = one_task(portal, {"approve": {"users": [2], "delegation": "subordinates"}}, "LEAD_1")
    to_sales = {"TASK_IDS": [limited], "FROM_USER_ID": 2, "TO_USER_ID": 4}
    assert failure(portal.call("bizproc.task.delegate", to_sales, USER2))[1] == "ERROR_DELEGATION_NOT_ALLOWED"
    assert portal.ok("bizproc.task.delegate", {**to_sales, "TO_USER_ID": 3}, USER2) is True
    nobody = one_task(portal, {"approve": {"users": [2], "delegation": "none"}}, "LEAD_2")
    body = {"TASK_IDS": [nobody], "FROM_USER_ID": 2, "TO_USER_ID": 3}
    assert failure(portal.call("bizproc.task.delegate", body, USER2))[1] == "ERROR_DELEGATION_NOT_ALLOWED"


def test_official_task_bodies_answer_declared_errors(portal: Portal) -> None:
    complete_body = {"TASK_ID": 1501, "STATUS": 3, "COMMENT": "Added",
                     "FIELDS": {"contractor": "C_607", "phone_number": "+19991234567"}}  # fmt: skip
    assert failure(portal.call("bizproc.task.complete", complete_body)) == (
        400,
        "ERROR_TASK_NOT_FOUND",
        "Task not found",
    )
    delegate_body = {"TASK_IDS": [1128, 1129, 1130], "FROM_USER_ID": 15, "TO_USER_ID": 37}
    assert failure(portal.call("bizproc.task.delegate", delegate_body)) == (
        400,
        "ERROR_INVALID_USER_ID",
        "Invalid FROM_USER_ID",
    )
    conditions = {"USER_ID": 1, "STATUS": 0, "ACTIVITY": "RequestInformationOptionalActivity"}
    list_body = {"select": ["ID", "STATUS"], "order": {"ID": "DESC"}, "filter": conditions}
    assert ok(portal, "bizproc.task.list", list_body) == []
