"""Workflow tasks: `bizproc.task.list/complete/delegate` (scope `bizproc`, any user).

task.list has one row per task and assignee. A user sees their own rows; asking for another user's
(`FILTER.USER_ID`) needs that user to be a subordinate (the departments the caller heads, README),
or the caller to be an administrator, who sees every row and without a USER_ID filter gets all of
them. A task stays listed for one day after its workflow ended (digest 4.10), then drops out.
"""

from __future__ import annotations

from typing import Any

from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.protocol import php_empty, php_intval
from reference_server.core.registry import Page, method

from . import documents, lists
from .engine import OPEN, STATE_TITLES, USER_WAITING, Engine

RETENTION = 86400.0
FIELDS = {
    "ID": lists.INT,
    "WORKFLOW_ID": lists.TEXT,
    "DOCUMENT_NAME": lists.TEXT,
    "DESCRIPTION": lists.TEXT,
    "NAME": lists.TEXT,
    "MODIFIED": lists.DATE,
    "WORKFLOW_STARTED": lists.DATE,
    "WORKFLOW_STARTED_BY": lists.INT,
    "OVERDUE_DATE": lists.DATE,
    "WORKFLOW_TEMPLATE_ID": lists.INT,
    "WORKFLOW_TEMPLATE_NAME": lists.TEXT,
    "WORKFLOW_STATE": lists.TEXT,
    "STATUS": lists.INT,
    "USER_ID": lists.INT,
    "USER_STATUS": lists.INT,
    "MODULE_ID": lists.TEXT,
    "ENTITY": lists.TEXT,
    "DOCUMENT_ID": lists.TEXT,
    "ACTIVITY": lists.TEXT,
    "ACTIVITY_NAME": lists.TEXT,
    "PARAMETERS": lists.TEXT,
}
# The names a portal selects, filters and orders by; DOCUMENT_URL is not one of them (it is computed
# for every row), and the portal puts ENTITY and DOCUMENT_ID before the chosen names and the URL
# after them. It also puts `MODULE` there, a name no task has, so MODULE_ID comes back only when
# selected (bizproc restservice.php getTaskList, 22.300.200; spec decision D62).
DEFAULT_SELECT = ["ID", "WORKFLOW_ID", "DOCUMENT_NAME", "NAME"]
BEFORE, AFTER = ["ENTITY", "DOCUMENT_ID"], ["DOCUMENT_URL"]


def _rows(ctx: CallContext) -> list[dict[str, Any]]:
    workflows = ctx.store.of("workflow")
    now = ctx.clock()
    rows: list[dict[str, Any]] = []
    for task in ctx.store.of("task").values():
        workflow = workflows.get(task["WORKFLOW_ID"])
        if workflow is None:
            continue
        finished = workflow.get("FINISHED_AT")
        if finished is not None and now - finished > RETENTION:
            continue
        document = workflow["DOCUMENT"]
        for user, user_status in task["USERS"].items():
            rows.append(
                {
                    "ID": str(task["ID"]),
                    "WORKFLOW_ID": task["WORKFLOW_ID"],
                    "DOCUMENT_NAME": document[2],
                    "DESCRIPTION": task["DESCRIPTION"],
                    "NAME": task["NAME"],
                    "MODIFIED": task["MODIFIED"],
                    "WORKFLOW_STARTED": workflow["STARTED"],
                    "WORKFLOW_STARTED_BY": str(workflow["STARTED_BY"]),
                    "OVERDUE_DATE": task["OVERDUE_DATE"],
                    "WORKFLOW_TEMPLATE_ID": str(workflow["TEMPLATE_ID"]),
                    "WORKFLOW_TEMPLATE_NAME": workflow["TEMPLATE_NAME"],
                    "WORKFLOW_STATE": STATE_TITLES[workflow["STATE"]],
                    "STATUS": str(task["STATUS"]),
                    "USER_ID": user,
                    "USER_STATUS": str(user_status),
                    "MODULE_ID": document[0],
                    "ENTITY": document[1],
                    "DOCUMENT_ID": document[2],
                    "ACTIVITY": task["ACTIVITY"],
                    "ACTIVITY_NAME": task["ACTIVITY_NAME"],
                    "PARAMETERS": task["PARAMETERS"],
                    "DOCUMENT_URL": documents.url(document),
                }
            )
    return rows


def _user_filter(ctx: CallContext, value: Any) -> dict[str, Any]:
    """The filter with the USER_ID condition the caller is allowed (digest 5.4)."""
    conditions = dict(value) if isinstance(value, dict) else {}
    user = ctx.caller.user
    # only the exact key counts: `=USER_ID` or `user_id` are dropped by the filter (D40), so they
    # neither filter nor ask for another user's rows
    asked = [k for k in conditions if k == "USER_ID"]
    if user.admin:
        return conditions
    if not asked:
        conditions["USER_ID"] = user.id
        return conditions
    allowed = {str(user.id)} | {str(u) for u in ctx.identities.subordinates(user.id)}
    for key in asked:
        wanted = conditions[key] if isinstance(conditions[key], list) else [conditions[key]]
        if not all(str(w) in allowed for w in wanted):
            raise BitrixError.named("BizprocAccessDenied")
    return conditions


# A SELECT that is not a list is read as no SELECT: no stored portal version sends the docs'
# ERROR_SELECT_VALIDATION_FAILURE (spec decision D63)
@method("bizproc.task.list", fields={"": None})
def task_list(ctx: CallContext, params: dict[str, Any]) -> Page:
    conditions = _user_filter(ctx, params.get("FILTER"))
    chosen = list(dict.fromkeys(BEFORE + lists.select(params.get("SELECT"), FIELDS, DEFAULT_SELECT) + AFTER))
    rows = lists.filter_rows(_rows(ctx), conditions, FIELDS)
    rows = lists.order_rows(rows, params.get("ORDER"), FIELDS, {"ID": "DESC"})
    return lists.page(rows, params.get("start"), chosen, lists.PAGE)


RESOLVED = {"0": 0, "waiting": 0, "1": 1, "yes": 1, "2": 2, "no": 2, "3": 3, "ok": 3, "4": 4, "cancel": 4}


def _answer(status: Any) -> int:
    """STATUS as the portal reads it (CBPTaskUserStatus::resolveStatus): PHP-empty is refused, then
    the value as text, lower-cased and not trimmed, must be a digit 0-4 or its word; "waiting" (0)
    passes here and is refused by the engine, `" yes"` and `"01"` are refused (spec decision D68)."""
    if php_empty(status):
        raise BitrixError.named("TaskStatusIncorrect")
    if isinstance(status, bool):
        text = "1"
    elif isinstance(status, float) and status.is_integer():
        text = str(int(status))
    elif isinstance(status, str | int | float):
        text = str(status).lower()
    else:
        text = ""
    if text not in RESOLVED:
        raise BitrixError.named("TaskStatusIncorrect")
    return RESOLVED[text]


def _as_id(value: Any) -> int:
    return value if isinstance(value, int) else int(value)


@method(
    "bizproc.task.complete",
    # STATUS is read by the handler: the portal takes the words in any letter case
    fields={"": "TaskIdEmpty", "TASK_ID": None, "STATUS": None, "COMMENT": None, "FIELDS": None},
)
def complete(ctx: CallContext, params: dict[str, Any]) -> bool:
    # TASK_ID: PHP-empty is refused, anything else is cast ("abc" is task 0, not found)
    if php_empty(params.get("TASK_ID")):
        raise BitrixError.named("TaskIdEmpty")
    answer = _answer(params.get("STATUS"))
    run = Engine(ctx.store, ctx.identities, ctx.clock)
    task = run.get("task", str(php_intval(params["TASK_ID"])))
    user = ctx.caller.user.id
    # another user's task is "not found" too: a user completes only their own tasks
    if task is None or str(user) not in task["USERS"]:
        raise BitrixError.named("TaskNotFound")
    if task["STATUS"] != OPEN or task["USERS"][str(user)] != USER_WAITING:
        raise BitrixError.named("TaskAlreadyCompleted")
    if task["ACTIVITY"] not in ("ApproveActivity", "ReviewActivity") and not task["ACTIVITY"].startswith(
        "RequestInformation"
    ):
        raise BitrixError.named("TaskTypeIncorrect")
    comment = params.get("COMMENT")
    fields = params.get("FIELDS")
    run.answer(
        task,
        user,
        answer,
        comment if isinstance(comment, str) else "",
        fields if isinstance(fields, dict) else {},
    )
    run.flush()
    return True


def _delegation_error(ctx: CallContext, task: dict[str, Any] | None, source: int, target: int) -> str | None:
    """Why one task cannot go from `source` to `target`, in the portal's (English) words."""
    if task is None or task["STATUS"] != OPEN or task["USERS"].get(str(source)) != USER_WAITING:
        return "User is not responsible for the task"
    caller = ctx.caller.user
    if caller.id != source and not caller.admin:
        return "User is not responsible for the task"
    allowed = task["DELEGATION"]
    if allowed == "none" or (allowed == "subordinates" and target not in ctx.identities.subordinates(source)):
        # the portal's own text for this case is not documented (report: spec gap)
        return "Task delegation to this user is not allowed"
    return None


@method(
    "bizproc.task.delegate",
    fields={
        "": "TaskIdsInvalid",
        "TASK_IDS": "TaskIdsInvalid",
        "FROM_USER_ID": "FromUserIdInvalid",
        "TO_USER_ID": "ToUserIdInvalid",
    },
)
def delegate(ctx: CallContext, params: dict[str, Any]) -> bool:
    task_ids = [_as_id(t) for t in params["TASK_IDS"]]
    if not task_ids:
        raise BitrixError.named("TaskIdsInvalid")
    source, target = _as_id(params["FROM_USER_ID"]), _as_id(params["TO_USER_ID"])
    if source not in ctx.identities.users:
        raise BitrixError.named("FromUserIdInvalid")
    if target not in ctx.identities.users:
        raise BitrixError.named("ToUserIdInvalid")
    # the service layer under delegation wants both the target and the caller on the intranet
    if ctx.identities.users[target].extranet or ctx.caller.user.extranet:
        raise BitrixError.named("DelegationIntranetOnly")
    run = Engine(ctx.store, ctx.identities, ctx.clock)
    problems: list[str] = []
    for task_id in dict.fromkeys(task_ids):
        task = run.get("task", str(task_id))
        problem = _delegation_error(ctx, task, source, target)
        if problem is not None:
            problems.append(problem)
        elif task is not None and source != target:
            users = task["USERS"]
            users.pop(str(source))
            users.setdefault(str(target), USER_WAITING)
            task["MODIFIED"] = run.now()
    if len(problems) > 1:
        raise BitrixError.named("DelegationErrorsJoined", message=";".join(problems))
    if problems:
        raise BitrixError.named("DelegationNotResponsible", message=problems[0])
    run.flush()
    return True
