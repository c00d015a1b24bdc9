"""Workflow instances: `bizproc.workflow.start/instances/terminate/kill` and the deprecated alias
`bizproc.workflow.instance.list` (scope `bizproc`, administrators only).

`instances` lists running workflows only. terminate stops a workflow and keeps it (status text,
log, tasks; open tasks are cancelled); kill deletes it with its tasks. An unknown id, or one of a
workflow that has ended (completed, terminated), answers `WorkflowNotFound` with an empty code (D18):
so kill after terminate fails too.
"""

from __future__ import annotations

from typing import Any

from reference_server.core import access
from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.protocol import php_empty, php_intval
from reference_server.core.registry import Page, method

from . import lists
from .engine import RUNNING, Engine, document_check

FIELDS = {
    "ID": lists.TEXT,
    "MODIFIED": lists.DATE,
    "OWNED_UNTIL": lists.DATE,
    "MODULE_ID": lists.TEXT,
    "ENTITY": lists.TEXT,
    "DOCUMENT_ID": lists.TEXT,
    "STARTED": lists.DATE,
    "STARTED_BY": lists.INT,
    "TEMPLATE_ID": lists.INT,
}
# TEMPLATE_ID is read by the handler as the portal reads it: PHP-empty is "Empty TEMPLATE_ID", anything
# else is cast to an integer and looked up ("abc" is template 0, not found)
START_FIELDS: dict[str, str | None] = {
    "": "WorkflowStartWrongDocumentId",
    "TEMPLATE_ID": None,
    "DOCUMENT_ID": "WorkflowStartWrongDocumentId",
    "PARAMETERS": None,
}
# The id is checked by the handler: only a PHP-empty id is "Empty workflow instance ID"; any other
# value goes to the engine, which does not find it (spec decision D65)
STOP_FIELDS: dict[str, str | None] = {"": "WorkflowEmptyInstanceId", "ID": None, "STATUS": None}


def engine(ctx: CallContext) -> Engine:
    return Engine(ctx.store, ctx.identities, ctx.clock)


@method("bizproc.workflow.start", fields=START_FIELDS)
def start(ctx: CallContext, params: dict[str, Any]) -> str:
    """The checks in the portal's order (bizproc 22.300.200 and the newest copy; spec decision D61):
    template id, template, document, then who may start, then the engine. 19.x asked for an
    administrator before anything else. A portal also lets a user with the start right on the
    document through; the reference portal has no document rights, so that user is an administrator."""
    raw = params.get("TEMPLATE_ID")
    if php_empty(raw):
        raise BitrixError.named("WorkflowStartEmptyTemplateId")
    template = ctx.store.of("template").get(str(php_intval(raw)))
    if template is None:
        raise BitrixError.named("WorkflowStartTemplateNotFound")
    document = params["DOCUMENT_ID"]
    document_check(template, document)
    access.admin(ctx)
    values = params.get("PARAMETERS")
    run = engine(ctx)
    workflow_id = run.start(
        template, document, values if isinstance(values, dict) else {}, ctx.caller.user.id
    )
    run.flush()
    return workflow_id


def _row(workflow: dict[str, Any]) -> dict[str, Any]:
    return {
        "ID": workflow["ID"],
        "MODIFIED": workflow["MODIFIED"],
        "OWNED_UNTIL": workflow["OWNED_UNTIL"],
        "MODULE_ID": workflow["MODULE_ID"],
        "ENTITY": workflow["ENTITY"],
        "DOCUMENT_ID": workflow["DOCUMENT"][2],
        "STARTED": workflow["STARTED"],
        "STARTED_BY": str(workflow["STARTED_BY"]),
        "TEMPLATE_ID": str(workflow["TEMPLATE_ID"]),
    }


def _instances(ctx: CallContext, params: dict[str, Any]) -> Page:
    rows = [_row(w) for w in ctx.store.of("workflow").values() if w["STATE"] == RUNNING]
    chosen = lists.select(params.get("SELECT"), FIELDS, ["ID", "MODIFIED", "OWNED_UNTIL"])
    rows = lists.filter_rows(rows, params.get("FILTER"), FIELDS)
    # ties (workflows changed within one second) go by id, which rises with the start
    rows = lists.order_rows(rows, params.get("ORDER"), FIELDS, {"MODIFIED": "desc", "ID": "desc"})
    return lists.page(rows, params.get("start"), chosen)


@method("bizproc.workflow.instances", fields={"": None}, guard=access.admin)
def instances(ctx: CallContext, params: dict[str, Any]) -> Page:
    return _instances(ctx, params)


@method("bizproc.workflow.instance.list", fields={"": None}, guard=access.admin)
def instance_list(ctx: CallContext, params: dict[str, Any]) -> Page:
    """The deprecated name of `bizproc.workflow.instances` (D28): the same answer."""
    return _instances(ctx, params)


def _workflow_id(params: dict[str, Any]) -> str:
    value = params.get("ID")
    if php_empty(value):
        raise BitrixError.named("WorkflowEmptyInstanceId")
    # a number or any other non-empty value is looked up as text, and no workflow has such an id
    return value if isinstance(value, str) else repr(value)


@method("bizproc.workflow.terminate", fields=STOP_FIELDS, guard=access.admin)
def terminate(ctx: CallContext, params: dict[str, Any]) -> bool:
    status = params.get("STATUS", "")
    run = engine(ctx)
    run.terminate(_workflow_id(params), status if isinstance(status, str) else str(status))
    run.flush()
    return True


@method("bizproc.workflow.kill", fields=STOP_FIELDS, guard=access.admin)
def kill(ctx: CallContext, params: dict[str, Any]) -> bool:
    run = engine(ctx)
    run.kill(_workflow_id(params))
    run.flush()
    return True
