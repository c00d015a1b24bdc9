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
from reference_server.core.protocol import php_empty, php_intval
from reference_server.core.registry import method

from . import documents
from .engine import Engine

KIND = "activity"
_CODE = re.compile(r"^[A-Za-z0-9._-]+$")
_PROPERTY_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
# property descriptor keys are case-insensitive on the portal
PROPERTY_KEYS = {
    k.lower(): k for k in ("Name", "Description", "Type", "Options", "Required", "Multiple", "Default")
}


def _prepared(data: dict[str, Any], keep_keys: bool = False) -> dict[str, Any]:
    """Keys upper-cased at every depth, except the own keys of the maps `PROPERTIES`,
    `RETURN_PROPERTIES` and `OPTIONS` (property codes, option values), as the portal prepares an
    activity (bizproc restservice.php prepareActivityData, 22.300.200)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = key if keep_keys else str(key).upper()
        keep = name in ("PROPERTIES", "RETURN_PROPERTIES", "OPTIONS")
        out[name] = _prepared(value, keep) if isinstance(value, dict) else value
    return out


def _code(params: dict[str, Any]) -> str:
    code = params.get("CODE")
    if php_empty(code):
        raise BitrixError.named("ActivityCodeEmpty")
    # A portal casts `true` and numbers to text; the spec types CODE as text, so a client that sends
    # them is outside the contract and the contract suite's negative cases expect a refusal here.
    if not isinstance(code, str) or not _CODE.match(code):
        raise BitrixError.named("ActivityCodeInvalid")
    return code


def _url(value: Any) -> str:
    """The REST core's callback check (rest HandlerHelper::checkCallback, 22.400.100): a host with a
    dot after its first character, else "Wrong handler URL"; only then the scheme, exactly `http` or
    `https`, else "Unsupported handler protocol". No match against the application's domain."""
    if not isinstance(value, str):
        raise BitrixError.named("HandlerUrlInvalid")
    try:
        parts = urlsplit(value)
        host = parts.netloc.rpartition("@")[2].rsplit(":", 1)[0] if parts.netloc else ""
    except ValueError:
        raise BitrixError.named("HandlerUrlInvalid") from None
    if host.find(".") <= 0:
        raise BitrixError.named("HandlerUrlInvalid")
    if value.split(":", 1)[0] not in ("http", "https"):
        raise BitrixError.named("HandlerProtocolUnsupported")
    return value


def _properties(value: Any) -> dict[str, Any]:
    """Only checked when set (not null): an array whose keys are property codes, each descriptor with
    a non-empty NAME by PHP's empty() (a descriptor that is not an array has none)."""
    if value == []:
        return {}
    if not isinstance(value, dict):
        raise BitrixError.named("ActivityPropertiesInvalid")
    result: dict[str, Any] = {}
    for key, descriptor in value.items():
        if not _PROPERTY_KEY.match(str(key)):
            raise BitrixError.named("ActivityPropertyKeyInvalid", message=f"Wrong property key ({key})!")
        if not isinstance(descriptor, dict) or php_empty(descriptor.get("NAME")):
            raise BitrixError.named("ActivityPropertyNameEmpty", message=f"Empty property NAME ({key})!")
        result[str(key)] = {PROPERTY_KEYS.get(str(k).lower(), str(k)): v for k, v in descriptor.items()}
    return result


def _document_type(value: Any, robot: bool) -> list[str]:
    if not documents.valid_type(value, robot=robot):
        raise BitrixError.named("ActivityDocumentTypeInvalid")
    return list(value)


def _flag(value: Any) -> str:
    """Y/N flags: anything else is stored empty (for USE_SUBSCRIPTION, empty means waiting)."""
    return value if value in ("Y", "N") else ""


def _added(params: dict[str, Any], robot: bool) -> dict[str, Any]:
    """The registration of an add, checked in the portal's order (validateRobot / validateActivity):
    CODE, HANDLER, NAME, PROPERTIES, RETURN_PROPERTIES, DOCUMENT_TYPE (actions only), FILTER (any
    array; only a set value that is not one fails)."""
    out: dict[str, Any] = {"HANDLER": _url(params.get("HANDLER"))}
    if php_empty(params.get("NAME")):
        raise BitrixError.named("ActivityNameEmpty")
    out["NAME"] = params["NAME"]
    description = params.get("DESCRIPTION")
    out["DESCRIPTION"] = description if isinstance(description, str | dict) else ""
    for key in ("PROPERTIES", "RETURN_PROPERTIES"):
        out[key] = {} if params.get(key) is None else _properties(params[key])
    document_type = params.get("DOCUMENT_TYPE")
    # robots: the portal does not look at DOCUMENT_TYPE on add (spec decision D66)
    if robot:
        out["DOCUMENT_TYPE"] = document_type if isinstance(document_type, list) else None
    else:
        out["DOCUMENT_TYPE"] = None if document_type is None else _document_type(document_type, robot)
    chosen = params.get("FILTER")
    if chosen is not None and not isinstance(chosen, dict | list):
        raise BitrixError.named("ActivityFilterInvalid")
    out["FILTER"] = chosen or {}
    return out


def _updated(fields: dict[str, Any], robot: bool) -> dict[str, Any]:
    """What an update collects, in the portal's order: each member only when set (null is not set),
    an empty NAME skipped, an empty DOCUMENT_TYPE or FILTER cleared (updateActivityInternal)."""
    out: dict[str, Any] = {}
    if fields.get("HANDLER") is not None:
        out["HANDLER"] = _url(fields["HANDLER"])
    if fields.get("AUTH_USER_ID") is not None:
        out["AUTH_USER_ID"] = php_intval(fields["AUTH_USER_ID"])
    if fields.get("USE_SUBSCRIPTION") is not None:
        out["USE_SUBSCRIPTION"] = _flag(fields["USE_SUBSCRIPTION"])
    if fields.get("USE_PLACEMENT") is not None:
        out["USE_PLACEMENT"] = "Y" if fields["USE_PLACEMENT"] == "Y" else "N"
    if not php_empty(fields.get("NAME")):
        out["NAME"] = fields["NAME"]
    if fields.get("DESCRIPTION") is not None:
        out["DESCRIPTION"] = fields["DESCRIPTION"]
    for key in ("PROPERTIES", "RETURN_PROPERTIES"):
        if fields.get(key) is not None:
            out[key] = _properties(fields[key])
    if fields.get("DOCUMENT_TYPE") is not None:
        value = fields["DOCUMENT_TYPE"]
        out["DOCUMENT_TYPE"] = None if php_empty(value) else _document_type(value, robot)
    if fields.get("FILTER") is not None:
        out["FILTER"] = _filter_update(fields["FILTER"])
    return out


def _filter_update(value: Any) -> Any:
    """An empty FILTER clears it; any other value must be an array, whatever it holds."""
    if php_empty(value):
        return {}
    if not isinstance(value, dict | list):
        raise BitrixError.named("ActivityFilterInvalid")
    return value


def _key(ctx: CallContext, code: str) -> str:
    return f"{access.application(ctx)}|{code}"


def _add(ctx: CallContext, params: dict[str, Any], robot: bool) -> bool:
    params = _prepared(params)
    if not params:
        raise BitrixError.named("ActivityDataEmpty")
    code = _code(params)
    record = _added(params, robot)
    key = _key(ctx, code)
    if key in ctx.store.of(KIND):  # one code space for both kinds
        raise BitrixError.named("ActivityAlreadyInstalled")
    record["AUTH_USER_ID"] = php_intval(params.get("AUTH_USER_ID", 0))
    record["USE_SUBSCRIPTION"] = _flag(params.get("USE_SUBSCRIPTION"))
    # the placement handler is read only with USE_PLACEMENT exactly "Y", after the duplicate check
    record["USE_PLACEMENT"] = "Y" if params.get("USE_PLACEMENT") == "Y" else "N"
    if record["USE_PLACEMENT"] == "Y":
        record["PLACEMENT_HANDLER"] = _url(params.get("PLACEMENT_HANDLER"))
    record.update(APP=access.application(ctx), CODE=code, IS_ROBOT="Y" if robot else "N")
    ctx.store.save([(KIND, key, record)])
    return True


def _own(ctx: CallContext, code: str, robot: bool) -> dict[str, Any]:
    record = ctx.store.of(KIND).get(_key(ctx, code))
    if record is None or (record["IS_ROBOT"] == "Y") != robot:
        raise BitrixError.named("ActivityNotFound")
    return record


def _update(ctx: CallContext, params: dict[str, Any], robot: bool) -> bool:
    params = _prepared(params)
    code = _code(params)
    record = dict(_own(ctx, code, robot))
    fields = params.get("FIELDS")
    if not isinstance(fields, dict) or not fields:
        raise BitrixError.named("ActivityNoFieldsToUpdate")
    changes = _updated(fields, robot)
    if not changes:
        raise BitrixError.named("ActivityNoFieldsToUpdate")
    if fields.get("PLACEMENT_HANDLER") is not None:
        # bizproc 22.300.200 checked the top-level parameter here by mistake; newer versions check
        # this one (spec decision D66)
        changes["PLACEMENT_HANDLER"] = _url(fields["PLACEMENT_HANDLER"])
    record.update(changes)
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
