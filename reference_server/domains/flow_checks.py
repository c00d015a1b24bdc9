"""What a portal checks before a flow command runs, in its order (tasks 24.450, spec/SOURCES.md):
the binding of the method's own parameter, the plan, access to create; then the command's checks on
the fields, and the existence of what the fields name.

Binding errors come from the framework's parameter binder (code 100) or from the flow DTO's type
error (code 0); the plan and access refusals are the access-denied error; the field checks have one
hard-coded English text per rule.
"""

from __future__ import annotations

import math
import re
from typing import Any

from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.protocol import parse_id

MEMBER_LISTS = ("responsibleList", "taskCreators")
DISTRIBUTION_TYPES = ("manually", "queue", "himself")
TRIAL_SECONDS = 15 * 24 * 3600  # tasks FlowFeature: a 15-day trial
TRIAL_COUNTER = "flow-trial-started"
# PHP's is_numeric for text: optional ASCII whitespace around a sign, ASCII digits, a fraction and an
# exponent ("٢" and "²" are no numbers to PHP)
_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n\r\v\f]*")


def _php_type(value: Any) -> str:
    """The type name PHP's type errors print for a JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "string"


def _php_text(value: Any) -> str:
    """A value as PHP's string conversion prints it in the binder's message."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, list | dict):
        return "Array"
    return str(value)


def php_int(value: Any) -> int | None:
    """The integer PHP's binder makes of a value for an `int` parameter, or None when it refuses it:
    integers, finite numbers and numeric text pass and are cut to an integer."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str) and _NUMERIC.fullmatch(value):
        number = float(value)
        return int(number) if math.isfinite(number) else None
    return None


def bind_flow_data(params: dict[str, Any]) -> dict[str, Any]:
    """`flowData` as the controller's autowired DTO receives it, or the binder's error."""
    if "flowData" not in params:
        raise BitrixError.named("FlowParameterMissing", parameter="flowData")
    data = params["flowData"]
    if isinstance(data, list):
        # a PHP list is an array whose keys name no DTO property: an empty flowData
        data = params["flowData"] = {}
    if not isinstance(data, dict):
        raise BitrixError.named("FlowDataNotObject", given=_php_type(data))
    for field in MEMBER_LISTS:
        # the DTO's own check: every entry of a member list is a pair
        value = data.get(field)
        if isinstance(value, list) and any(not (isinstance(p, list) and len(p) == 2) for p in value):
            raise BitrixError.named("FlowValueUnexpected", field=field)
    return data


def bind_flow_id(params: dict[str, Any]) -> None:
    """`flowId` as an `int` parameter of the action: required, numeric (cut to an integer)."""
    if "flowId" not in params:
        raise BitrixError.named("FlowParameterMissing", parameter="flowId")
    number = php_int(params["flowId"])
    if number is None:
        raise BitrixError.named("FlowParameterInvalid", value=_php_text(params["flowId"]))
    params["flowId"] = number


def flows_on_plan(ctx: CallContext) -> bool:
    """The plan includes flows, or the trial create switched on is still running."""
    if ctx.identities.flow_plan == "included":
        return True
    started = ctx.store.counters.get(TRIAL_COUNTER)
    return started is not None and ctx.clock() < started + TRIAL_SECONDS


def plan_for_create(ctx: CallContext) -> None:
    """create switches the trial on once, before any other check (the caller may still be refused);
    with the trial used up it is refused."""
    if flows_on_plan(ctx):
        return
    if ctx.identities.flow_plan == "trial-available" and TRIAL_COUNTER not in ctx.store.counters:
        ctx.store.set_counter(TRIAL_COUNTER, int(ctx.clock()))
        ctx.notes["trial"] = True
        return
    raise BitrixError.named("FlowAccessDenied")


def plan_for_update(ctx: CallContext) -> None:
    if not flows_on_plan(ctx):
        raise BitrixError.named("FlowAccessDenied")


def _positive(value: Any) -> int | None:
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    return number if number is not None and number > 0 else None


def may_create(ctx: CallContext, data: dict[str, Any]) -> None:
    """tasks Flow/Access/Rule/FlowCreateRule.php and FlowSaveRule.php: extranet users are refused
    (administrators never); a named group must exist with tasks on and not archived (for
    administrators too) and include the caller; a named task template must be readable."""
    user = ctx.caller.user
    if user.extranet and not user.admin:
        raise BitrixError.named("FlowAccessDenied")
    group_id = _positive(data.get("groupId"))
    if group_id is not None:
        group = ctx.store.groups.get(group_id)
        if group is None or not group.tasks or group.closed:
            raise BitrixError.named("FlowAccessDenied")
        if not user.admin and user.id not in group.members:
            raise BitrixError.named("FlowAccessDenied")
    if user.admin:
        return
    template_id = _positive(data.get("templateId"))
    if template_id is not None:
        template = ctx.identities.task_templates.get(template_id)
        if template is None or user.id not in template.readers:
            raise BitrixError.named("FlowAccessDenied")


def _ids_of(pairs: Any, kind: str) -> list[int]:
    """The ids of one kind of entry in a member list, as sent (a department's `:F` dropped)."""
    if not isinstance(pairs, list):
        return []
    found = []
    for pair in pairs:
        if isinstance(pair, list) and len(pair) == 2 and pair[0] == kind:
            ident = str(pair[1]).removesuffix(":F") if kind == "department" else str(pair[1])
            if (number := parse_id(ident)) is not None:
                found.append(number)
    return found


def check_references(ctx: CallContext, flow: dict[str, Any], *, create: bool) -> None:
    """The middleware after the field checks (name uniqueness runs before it): users, then the
    group and the template (create only), then departments, each named by the first missing id."""
    users = [flow["creatorId"], flow["ownerId"]]
    for field in MEMBER_LISTS:
        users += _ids_of(flow.get(field), "user")
    for user in users:
        if user not in ctx.identities.users:
            raise BitrixError.named("FlowUserMissing", id=user)
    if create and flow["templateId"] > 0 and flow["templateId"] not in ctx.identities.task_templates:
        raise BitrixError.named("FlowTemplateMissing", id=flow["templateId"])
    for field in MEMBER_LISTS:
        for department in _ids_of(flow.get(field), "department"):
            if department not in ctx.identities.departments:
                raise BitrixError.named("FlowDepartmentMissing", id=department)


def _usable(pair: list[Any]) -> bool:
    kind, ident = pair
    if not isinstance(ident, str | int) or isinstance(ident, bool):
        return False
    text = str(ident)
    if kind == "user":
        return parse_id(text) is not None
    if kind == "department":
        # `17` with sub-departments, `17:F` without; any other suffix counts as `17`
        head = text.split(":", 1)[0]
        return parse_id(head) is not None
    return kind == "meta-user" and text == "all-users"


def convert_members(pairs: list[Any]) -> list[list[str]]:
    """A member list as the entity-selector converter turns it into access codes and back: entries
    of another kind, or whose id is not a number, are dropped without an error (main
    lib/ui/entityselector/converter.php); ids come back as text."""
    kept = []
    for pair in pairs:
        if _usable(pair):
            kind, ident = pair
            text = str(ident)
            if kind == "department" and not text.endswith(":F"):
                text = text.split(":", 1)[0]
            kept.append([kind, text])
    return kept
