"""Application robots and actions: `bizproc.robot.add/update/list/delete`,
`bizproc.activity.add/update/list/delete`, and the two calls that answer a waiting one,
`bizproc.event.send` and `bizproc.activity.log` (scope `bizproc`).

Robots and actions share one registry per application and one CODE space (digest 4.15): adding a
robot under the code of the same application's action fails with "already installed", yet
update, delete and list see only their own kind, so `robot.delete` does not find an action.
Parameters are checked in the portal's order with its literal messages, by hand rather than by the
schema, since each check has its own error.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from reference_server.core import access
from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.registry import method

from . import documents
from .engine import Engine

KIND = "activity"
_CODE = re.compile(r"^[A-Za-z0-9._-]+$")
_PROPERTY_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
DESCRIPTOR = (
    "HANDLER",
    "AUTH_USER_ID",
    "USE_SUBSCRIPTION",
    "NAME",
    "DESCRIPTION",
    "PROPERTIES",
    "RETURN_PROPERTIES",
    "DOCUMENT_TYPE",
    "FILTER",
    "USE_PLACEMENT",
    "PLACEMENT_HANDLER",
)
# property descriptor keys are case-insensitive on the portal
PROPERTY_KEYS = {
    k.lower(): k for k in ("Name", "Description", "Type", "Options", "Required", "Multiple", "Default")
}
EDITIONS = ("b24", "box")


def _code(params: dict[str, Any]) -> str:
    code = params.get("CODE")
    if code is None or code == "":
        raise BitrixError.named("ActivityCodeEmpty")
    if not isinstance(code, str) or not _CODE.match(code):
        raise BitrixError.named("ActivityCodeInvalid")
    return code


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BitrixError.named("HandlerUrlInvalid")
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        raise BitrixError.named("HandlerUrlInvalid") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BitrixError.named("HandlerProtocolUnsupported")
    if not parts.hostname:
        raise BitrixError.named("HandlerUrlInvalid")
    return value.strip()


def _text_given(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(isinstance(v, str) and v.strip() for v in value.values())
    return False


def _properties(value: Any) -> dict[str, Any]:
    if value is None or value in ("", []):
        return {}
    if not isinstance(value, dict):
        raise BitrixError.named("ActivityPropertiesInvalid")
    result: dict[str, Any] = {}
    for key, descriptor in value.items():
        if not _PROPERTY_KEY.match(str(key)):
            raise BitrixError.named("ActivityPropertyKeyInvalid", message=f"Wrong property key ({key})!")
        if not isinstance(descriptor, dict):
            raise BitrixError.named("ActivityPropertiesInvalid")
        normal = {PROPERTY_KEYS.get(str(k).lower(), str(k)): v for k, v in descriptor.items()}
        if not _text_given(normal.get("Name")):
            raise BitrixError.named("ActivityPropertyNameEmpty", message=f"Empty property NAME ({key})!")
        result[str(key)] = normal
    return result


def _rule_ok(rule: Any) -> bool:
    if isinstance(rule, str):
        return rule in EDITIONS
    return (
        isinstance(rule, list)
        and 1 <= len(rule) <= 3
        and all(isinstance(part, str) and part for part in rule)
        and rule[0] in ("crm", "lists", "disk")
    )


def _filter(value: Any) -> dict[str, Any]:
    if value is None or value in ("", []):
        return {}
    if not isinstance(value, dict) or not set(value) <= {"INCLUDE", "EXCLUDE"}:
        raise BitrixError.named("ActivityFilterInvalid")
    for rules in value.values():
        if not isinstance(rules, list) or not all(_rule_ok(r) for r in rules):
            raise BitrixError.named("ActivityFilterInvalid")
    return dict(value)


def _document_type(value: Any, robot: bool) -> list[str] | None:
    if value is None or value in ("", []):
        return None
    if not documents.valid_type(value, robot=robot):
        raise BitrixError.named("ActivityDocumentTypeInvalid")
    return list(value)


def _flag(value: Any) -> str:
    """Y/N flags: anything else is stored empty (for USE_SUBSCRIPTION, empty means waiting)."""
    return value if value in ("Y", "N") else ""


def _checked(fields: dict[str, Any], robot: bool, *, adding: bool) -> dict[str, Any]:
    """The descriptor members sent, checked in the portal's order."""
    out: dict[str, Any] = {}
    if adding or "HANDLER" in fields:
        out["HANDLER"] = _url(fields.get("HANDLER"))
    if adding and not _text_given(fields.get("NAME")):
        raise BitrixError.named("ActivityNameEmpty")
    if _text_given(fields.get("NAME")):
        out["NAME"] = fields["NAME"]  # an empty NAME on update keeps the old one
    if "DESCRIPTION" in fields:
        description = fields["DESCRIPTION"]
        out["DESCRIPTION"] = description if isinstance(description, str | dict) else ""
    for key in ("PROPERTIES", "RETURN_PROPERTIES"):
        if adding or key in fields:
            out[key] = _properties(fields.get(key))
    if adding or "DOCUMENT_TYPE" in fields:
        out["DOCUMENT_TYPE"] = _document_type(fields.get("DOCUMENT_TYPE"), robot)
    if adding or "FILTER" in fields:
        out["FILTER"] = _filter(fields.get("FILTER"))
    if adding or "AUTH_USER_ID" in fields:
        user = fields.get("AUTH_USER_ID", 0)
        out["AUTH_USER_ID"] = (
            user if isinstance(user, int) and not isinstance(user, bool) and user >= 0 else 0
        )
    for key in ("USE_SUBSCRIPTION", "USE_PLACEMENT"):
        if adding or key in fields:
            out[key] = _flag(fields.get(key))
    if "PLACEMENT_HANDLER" in fields:
        out["PLACEMENT_HANDLER"] = _url(fields["PLACEMENT_HANDLER"])
    return out


def _key(ctx: CallContext, code: str) -> str:
    return f"{access.application(ctx)}|{code}"


def _add(ctx: CallContext, params: dict[str, Any], robot: bool) -> bool:
    if not params:
        raise BitrixError.named("ActivityDataEmpty")
    code = _code(params)
    record = _checked(params, robot, adding=True)
    if record["USE_PLACEMENT"] == "Y" and "PLACEMENT_HANDLER" not in record:
        raise BitrixError.named("HandlerUrlInvalid")
    key = _key(ctx, code)
    if key in ctx.store.of(KIND):  # one code space for both kinds
        raise BitrixError.named("ActivityAlreadyInstalled")
    record.update(APP=access.application(ctx), CODE=code, IS_ROBOT="Y" if robot else "N")
    ctx.store.save([(KIND, key, record)])
    return True


def _own(ctx: CallContext, code: str, robot: bool) -> dict[str, Any]:
    record = ctx.store.of(KIND).get(_key(ctx, code))
    if record is None or (record["IS_ROBOT"] == "Y") != robot:
        raise BitrixError.named("ActivityNotFound")
    return record


def _update(ctx: CallContext, params: dict[str, Any], robot: bool) -> bool:
    code = _code(params)
    record = dict(_own(ctx, code, robot))
    fields = params.get("FIELDS")
    if not isinstance(fields, dict) or not set(fields) & set(DESCRIPTOR):
        raise BitrixError.named("ActivityNoFieldsToUpdate")
    record.update(_checked(fields, robot, adding=False))
    if record.get("USE_PLACEMENT") == "Y" and not record.get("PLACEMENT_HANDLER"):
        raise BitrixError.named("HandlerUrlInvalid")
    ctx.store.save([(KIND, _key(ctx, code), record)])
    return True


def _list(ctx: CallContext, robot: bool) -> list[str]:
    app = access.application(ctx)
    flag = "Y" if robot else "N"
    return [r["CODE"] for r in ctx.store.of(KIND).values() if r["APP"] == app and r["IS_ROBOT"] == flag]


def _delete(ctx: CallContext, params: dict[str, Any], robot: bool) -> bool:
    code = _code(params)
    _own(ctx, code, robot)
    # workflows waiting for it keep their tokens: the application may still answer them
    ctx.store.save(deletes=[(KIND, _key(ctx, code))])
    return True


@method("bizproc.robot.add", validate=False, guard=access.app_admin)
def robot_add(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _add(ctx, params, robot=True)


@method("bizproc.robot.update", validate=False, guard=access.app_admin)
def robot_update(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _update(ctx, params, robot=True)


@method("bizproc.robot.list", validate=False, guard=access.app_admin)
def robot_list(ctx: CallContext, params: dict[str, Any]) -> list[str]:
    return _list(ctx, robot=True)


@method("bizproc.robot.delete", validate=False, guard=access.app_admin)
def robot_delete(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _delete(ctx, params, robot=True)


@method("bizproc.activity.add", validate=False, guard=access.app_admin)
def activity_add(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _add(ctx, params, robot=False)


@method("bizproc.activity.update", validate=False, guard=access.app_admin)
def activity_update(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _update(ctx, params, robot=False)


@method("bizproc.activity.list", validate=False, guard=access.app_admin)
def activity_list(ctx: CallContext, params: dict[str, Any]) -> list[str]:
    return _list(ctx, robot=False)


@method("bizproc.activity.delete", validate=False, guard=access.app_admin)
def activity_delete(ctx: CallContext, params: dict[str, Any]) -> bool:
    return _delete(ctx, params, robot=False)


@method(
    "bizproc.event.send",
    fields={"": "BizprocAccessDenied", "RETURN_VALUES": None, "LOG_MESSAGE": None},
)
def event_send(ctx: CallContext, params: dict[str, Any]) -> bool:
    """Any user: the token is the credential. Valid once, while its robot or action waits."""
    values = params.get("RETURN_VALUES")
    message = params.get("LOG_MESSAGE", "")
    run = Engine(ctx.store, ctx.identities, ctx.clock)
    run.event(
        params.get("EVENT_TOKEN"),
        values if isinstance(values, dict) else {},
        message if isinstance(message, str) else "",
    )
    run.flush()
    return True


@method("bizproc.activity.log", validate=False)
def activity_log(ctx: CallContext, params: dict[str, Any]) -> bool:
    """Adds to the workflow log while the action waits; the token stays valid. As on the portal
    (bizproc 22.300.200 writeActivityLog, spec D44): the token first, then the message by PHP's
    empty() (`""` and `"0"` are empty, spaces are not), then the workflow; a message for an action
    that no longer waits is accepted and dropped."""
    run = Engine(ctx.store, ctx.identities, ctx.clock)
    run.genuine(params.get("EVENT_TOKEN"))
    message = params.get("LOG_MESSAGE")
    if isinstance(message, bool):
        message = "1" if message else ""
    elif isinstance(message, (int, float)):
        message = str(message) if message else ""
    if not isinstance(message, str) or message in ("", "0"):
        raise BitrixError.named("LogMessageEmpty")
    workflow = run.waiting_for(params.get("EVENT_TOKEN"))
    if workflow is not None:
        run.note(workflow, message)
        run.flush()
    return True
