"""Workflow templates: `bizproc.workflow.template.add/update/delete/list` (scope `bizproc`).

add, update and delete need an application (a webhook gets "Application context required", 403,
spec decision D16) and an administrator; a template belongs to the application that added it
(`SYSTEM_CODE` `rest_app_<appId>`), and only that application may change or delete it (D19).
The not-found, not-owner and no-fields errors carry an empty code and an empty name fails as
"Empty activity code!", as in the stored portal sources (spec decision D43).
`TEMPLATE_DATA` is `[fileName, base64]`: an executable program (engine format, README) or an
opaque `.bpt` file, stored as sent.
"""

from __future__ import annotations

from typing import Any

from reference_server.core import access
from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.protocol import iso, php_empty, php_json
from reference_server.core.registry import Page, method

from . import documents, lists, program
from .engine import RUNNING

KIND = "template"
FIELDS = {
    "ID": lists.INT,
    "MODULE_ID": lists.TEXT,
    "ENTITY": lists.TEXT,
    "DOCUMENT_TYPE": lists.TEXT,
    "AUTO_EXECUTE": lists.INT,
    "NAME": lists.TEXT,
    "DESCRIPTION": lists.TEXT,  # undocumented, but the portal accepts it (digest 4.8)
    "TEMPLATE": lists.TEXT,
    "PARAMETERS": lists.TEXT,
    "VARIABLES": lists.TEXT,
    "CONSTANTS": lists.TEXT,
    "MODIFIED": lists.DATE,
    "IS_MODIFIED": lists.TEXT,
    "USER_ID": lists.INT,
    "SYSTEM_CODE": lists.TEXT,
}
# The spec's SELECT enum has no DESCRIPTION; a request that sends it still gets it.
UPDATABLE = ("NAME", "DESCRIPTION", "TEMPLATE_DATA", "AUTO_EXECUTE")
ADD_FIELDS: dict[str, str | None] = {
    "": "WorkflowTemplateIncorrectData",
    "DOCUMENT_TYPE": "WorkflowTemplateIncorrectDocumentType",
    "NAME": "WorkflowTemplateEmptyName",
    "DESCRIPTION": None,
    "TEMPLATE_DATA": "WorkflowTemplateIncorrectData",
    "AUTO_EXECUTE": "WorkflowTemplateIncorrectAutoExecute",
}
UPDATE_FIELDS: dict[str, str | None] = {
    "": "WorkflowTemplateNotFoundNoCode",
    "ID": "WorkflowTemplateNotFoundNoCode",
    "FIELDS": "WorkflowTemplateNoFieldsToUpdateNoCode",
    "FIELDS.NAME": "WorkflowTemplateEmptyName",
    "FIELDS.DESCRIPTION": None,
    "FIELDS.TEMPLATE_DATA": "WorkflowTemplateIncorrectData",
    "FIELDS.AUTO_EXECUTE": "WorkflowTemplateIncorrectAutoExecute",
}


def system_code(ctx: CallContext) -> str:
    return f"rest_app_{ctx.identities.app_id(access.application(ctx))}"


def _apply_data(template: dict[str, Any], upload: Any) -> None:
    name, data = program.decode(upload)
    template["FILE_NAME"] = name
    template["DATA"] = upload[1]
    template["PROGRAM"] = program.parse(data)


def _owned(ctx: CallContext, template_id: Any, not_owner: str) -> dict[str, Any]:
    template = ctx.store.of(KIND).get(str(template_id))
    if template is None:
        raise BitrixError.named("WorkflowTemplateNotFoundNoCode")
    if template["SYSTEM_CODE"] != system_code(ctx):
        raise BitrixError.named(not_owner)
    return template


@method("bizproc.workflow.template.add", fields=ADD_FIELDS, guard=access.app_admin)
def add(ctx: CallContext, params: dict[str, Any]) -> int:
    document_type = params["DOCUMENT_TYPE"]
    if not documents.valid_type(document_type):
        raise BitrixError.named("WorkflowTemplateIncorrectDocumentType")
    if php_empty(params["NAME"]):
        raise BitrixError.named("WorkflowTemplateEmptyName")
    auto_execute = _auto_execute(params.get("AUTO_EXECUTE", "0"))
    template: dict[str, Any] = {
        "ID": 0,
        "MODULE_ID": document_type[0],
        "ENTITY": document_type[1],
        "DOCUMENT_TYPE": list(document_type),
        "AUTO_EXECUTE": auto_execute,
        "NAME": params["NAME"],
        "DESCRIPTION": str(params.get("DESCRIPTION", "")),
        "MODIFIED": iso(ctx.clock()),
        "IS_MODIFIED": "N",
        "USER_ID": ctx.caller.user.id,
        "SYSTEM_CODE": system_code(ctx),
        "APP": access.application(ctx),
    }
    _apply_data(template, params["TEMPLATE_DATA"])
    template["ID"] = ctx.store.next_id(KIND)
    ctx.store.save([(KIND, str(template["ID"]), template)])
    return int(template["ID"])


def _auto_execute(value: Any) -> int:
    """`AUTO_EXECUTE` as every stored portal version takes it: one of the strings "0".."3" (the
    value must equal its own integer form as text). A JSON integer, the official pages' form, is
    refused like any other wrong value (bizproc restservice.php 19.0.300, 22.300.200 and the
    newest copy; spec decision D42)."""
    if isinstance(value, str) and value in ("0", "1", "2", "3"):
        return int(value)
    raise BitrixError.named("WorkflowTemplateIncorrectAutoExecute")


@method("bizproc.workflow.template.update", fields=UPDATE_FIELDS, guard=access.app_admin)
def update(ctx: CallContext, params: dict[str, Any]) -> int:
    # FIELDS is checked (by the schema: a non-empty object) before the lookup; unknown keys are
    # ignored, and with none of the four the template is saved unchanged (D43)
    sent = {k: v for k, v in params["FIELDS"].items() if k in UPDATABLE}
    template = dict(_owned(ctx, params["ID"], "WorkflowTemplateNotOwnerUpdateNoCode"))
    if "NAME" in sent and php_empty(sent["NAME"]):
        raise BitrixError.named("WorkflowTemplateEmptyName")
    if "AUTO_EXECUTE" in sent:
        sent["AUTO_EXECUTE"] = _auto_execute(sent["AUTO_EXECUTE"])
    if "TEMPLATE_DATA" in sent:
        _apply_data(template, sent["TEMPLATE_DATA"])
    for key in ("NAME", "AUTO_EXECUTE"):
        if key in sent:
            template[key] = sent[key]
    if "DESCRIPTION" in sent:
        template["DESCRIPTION"] = str(sent["DESCRIPTION"])
    template.update(MODIFIED=iso(ctx.clock()), USER_ID=ctx.caller.user.id)
    ctx.store.save([(KIND, str(template["ID"]), template)])
    return int(template["ID"])


@method(
    "bizproc.workflow.template.delete", fields={"": "WorkflowTemplateNotFoundNoCode"}, guard=access.app_admin
)
def delete(ctx: CallContext, params: dict[str, Any]) -> None:
    template = _owned(ctx, params["ID"], "WorkflowTemplateNotOwnerDeleteNoCode")
    # the portal's template loader counts the running instances of the template first and keeps it
    # while there are any (spec decision D60); ended workflows keep their snapshot of it
    if any(
        w["STATE"] == RUNNING and str(w["TEMPLATE_ID"]) == str(template["ID"])
        for w in ctx.store.of("workflow").values()
    ):
        raise BitrixError.named("WorkflowTemplateHasRunningWorkflows")
    ctx.store.save(deletes=[(KIND, str(template["ID"]))])


def _row(template: dict[str, Any]) -> dict[str, Any]:
    code = template.get("PROGRAM")
    return {
        "ID": str(template["ID"]),
        "MODULE_ID": template["MODULE_ID"],
        "ENTITY": template["ENTITY"],
        "DOCUMENT_TYPE": template["DOCUMENT_TYPE"][2],  # the column; the answer gets the triple
        "AUTO_EXECUTE": str(template["AUTO_EXECUTE"]),
        "NAME": template["NAME"],
        "DESCRIPTION": template["DESCRIPTION"],
        "TEMPLATE": program.tree(code),
        "PARAMETERS": php_json(code["parameters"] if code else {}),
        "VARIABLES": php_json(code["variables"] if code else {}),
        "CONSTANTS": php_json(code["constants"] if code else {}),
        "MODIFIED": template["MODIFIED"],
        "IS_MODIFIED": template["IS_MODIFIED"],
        "USER_ID": str(template["USER_ID"]),
        "SYSTEM_CODE": template["SYSTEM_CODE"],
    }


LIST_FIELDS: dict[str, str | None] = {"": None}


@method("bizproc.workflow.template.list", fields=LIST_FIELDS, guard=access.admin)
def template_list(ctx: CallContext, params: dict[str, Any]) -> Page:
    rows = [_row(t) for t in ctx.store.of(KIND).values()]
    chosen = lists.select(params.get("SELECT"), FIELDS, ["ID"])
    conditions = params.get("FILTER")
    if isinstance(conditions, dict):
        # the portal sets `<AUTO_EXECUTE` itself (no automation rules), replacing the caller's; every
        # template stored here is below that bound, so the caller's condition simply goes
        conditions = {k: v for k, v in conditions.items() if k != "<AUTO_EXECUTE"}
    rows = lists.filter_rows(rows, conditions, FIELDS)
    rows = lists.order_rows(rows, params.get("ORDER"), FIELDS, {"ID": "ASC"})
    page = lists.page(rows, params.get("start"), chosen)
    for row in page.rows:
        if "DOCUMENT_TYPE" in row:
            # the template result class turns the column into [MODULE_ID, ENTITY, DOCUMENT_TYPE] of the
            # same row, so the parts not selected are null (spec decision D64)
            row["DOCUMENT_TYPE"] = [row.get("MODULE_ID"), row.get("ENTITY"), row["DOCUMENT_TYPE"]]
    return page
