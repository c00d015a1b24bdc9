"""Task flows: `tasks.flow.Flow.*` (scope `task`).

Rules the official pages leave open, as this server settles them (README "Decisions"):
- names are stored as sent and compared regardless of letter case and trailing spaces (the portal
  database's collation, D55); without a group, create makes one named like the flow (D52);
- access is checked before existence (tasks 24.450): an unknown or deleted id is access denied for
  everyone but administrators; they get "does not exist" from get and activate, the unknown error from
  update and delete, and `true` from pin; isExists checks neither access nor the exclusion id;
- create defaults are tasks 24.450's (spec decision D7): `responsibleCanChangeDeadline` on,
  `taskCreators` empty (nobody), `efficiency` 100; create and update answer with empty `taskCreators`
  and `team`, which only get fills.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.identities import Group
from reference_server.core.protocol import parse_id
from reference_server.core.registry import method
from reference_server.core.store import flow_name_key

from .flow_checks import (
    DISTRIBUTION_TYPES,
    bind_flow_data,
    bind_flow_id,
    check_references,
    convert_members,
    may_create,
    php_int,
    plan_for_create,
    plan_for_update,
)

FLOW_INVALID = ("FlowFieldInvalid", "FlowAccessDenied")
ALL_USERS = ["meta-user", "all-users"]
# tasks 24.450 FlowDto.php defaults (spec decision D7); thresholds at 0 are "off", read back as null
CREATE_DEFAULTS: dict[str, Any] = {
    "description": "",
    "templateId": 0,
    "matchWorkTime": 1,
    "matchSchedule": 0,
    "responsibleCanChangeDeadline": 1,
    "notifyAtHalfTime": 0,
    "taskControl": 0,
    "notifyOnQueueOverflow": None,
    "notifyOnTasksInProgressOverflow": None,
    "notifyWhenEfficiencyDecreases": None,
}
SWITCHES = (
    "matchWorkTime",
    "matchSchedule",
    "responsibleCanChangeDeadline",
    "notifyAtHalfTime",
    "taskControl",
)
SETTABLE = (
    "name",
    "description",
    "groupId",
    "ownerId",
    "templateId",
    "plannedCompletionTime",
    "distributionType",
    "responsibleList",
    "taskCreators",
    *SWITCHES,
    "notifyOnQueueOverflow",
    "notifyOnTasksInProgressOverflow",
    "notifyWhenEfficiencyDecreases",
)


# update takes these too (tasks 24.450 FlowDto/UpdateCommand); create sets them itself
UPDATE_FLAGS = ("active", "demo")
UPDATE_ONLY = (*UPDATE_FLAGS, "creatorId", "efficiency")
THRESHOLD_NAMES = (
    "notifyOnQueueOverflow",
    "notifyOnTasksInProgressOverflow",
    "notifyWhenEfficiencyDecreases",
)
# What an update resets when the field is omitted: the DTO's defaults reach the command (audit,
# update row 5). name, plannedCompletionTime, distributionType, ownerId, groupId, creatorId, active
# and demo are kept.
UPDATE_RESETS: dict[str, Any] = {
    "description": "",
    "templateId": 0,
    "efficiency": 100,
    "responsibleCanChangeDeadline": 1,
    "matchWorkTime": 1,
    "matchSchedule": 0,
    "notifyAtHalfTime": 0,
    "taskControl": 0,
    "notifyOnQueueOverflow": None,
    "notifyOnTasksInProgressOverflow": None,
    "notifyWhenEfficiencyDecreases": None,
    "taskCreators": [],
}

# The command's checks in the portal's field order (tasks 24.450 AddCommand/UpdateCommand, audit
# "Command validation"): field, lower bound, upper bound (None: no bound). ownerId and groupId are
# checked on update only: on create 0 or less means "the caller" and "a new group".
PLANNED_MIN, PLANNED_MAX = 3600, 2145398400
BOUNDS: tuple[tuple[str, int | None, int | None, bool], ...] = (
    # (field, minimum, maximum, update only); the message names 0 for "positive" (>= 1)
    ("id", 1, None, True),
    ("creatorId", 1, None, True),
    ("ownerId", 1, None, True),
    ("groupId", 1, None, True),
    ("templateId", 0, None, False),
    ("efficiency", 0, 100, False),
    ("plannedCompletionTime", PLANNED_MIN, PLANNED_MAX, False),
)
THRESHOLDS = (
    ("notifyOnQueueOverflow", 0, 99999),
    ("notifyOnTasksInProgressOverflow", 0, 99999),
    ("notifyWhenEfficiencyDecreases", 0, 100),
)
NAME_MAX = 255


def _dto_int(value: Any) -> int | None:
    """What the flow DTO keeps of a value for an integer field (None: dropped, as if not sent)."""
    if isinstance(value, bool):
        return int(value)
    return php_int(value)


def _dto_text(value: Any) -> str | None:
    """What the flow DTO keeps of a value for a text field (None: dropped)."""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _bound(field: str, value: Any, low: int | None, high: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        return
    if low is not None and value < low:
        # PositiveNumber says "greater than 0" for a minimum of 1; Min(n) names n itself
        raise BitrixError.named("FlowValueTooSmall", field=field, limit=low - 1 if low == 1 else low)
    if high is not None and value > high:
        raise BitrixError.named("FlowValueTooLarge", field=field, limit=high)


def _primary_rule(data: dict[str, Any]) -> None:
    """update and delete: a missing or unusable id is flow 0, which the primary check refuses."""
    flow_id = _dto_int(data.get("id"))
    if flow_id is None or flow_id < 1:
        raise BitrixError.named("FlowValueTooSmall", field="id", limit=0)


def _text_rules(data: dict[str, Any], *, update: bool) -> None:
    """`name` (needed on create, 1 to 255 characters) and `distributionType` (needed on create, one
    of the known kinds)."""
    name = _dto_text(data.get("name"))
    if name is None and not update:
        raise BitrixError.named("FlowPropertyNull", field="name")
    if name is not None and not 1 <= len(name) <= NAME_MAX:
        raise BitrixError.named("FlowNameLength")
    distribution = _dto_text(data.get("distributionType"))
    if distribution is None and not update:
        raise BitrixError.named("FlowPropertyNull", field="distributionType")
    if distribution is not None and distribution not in DISTRIBUTION_TYPES:
        raise BitrixError.named("FlowValueUnexpected", field="distributionType")


def _command_rules(data: Any, *, update: bool) -> None:
    """The portal's message for the first check that `data` (flowData) breaks, in the command's
    field order (tasks 24.450 AddCommand/UpdateCommand). On create a field the DTO drops (missing,
    null, or of a type it cannot take) is unset, which the command refuses for the fields it needs."""
    if not isinstance(data, dict):
        return
    if update:
        _primary_rule(data)
    for field, low, high, update_only in BOUNDS:
        if field in data and field != "id" and (update or not update_only):
            if field == "plannedCompletionTime" and not update and _dto_int(data[field]) is None:
                raise BitrixError.named("FlowPropertyNull", field=field)
            _bound(field, data[field], low, high)
    if not update and _dto_int(data.get("plannedCompletionTime")) is None:
        raise BitrixError.named("FlowPropertyNull", field="plannedCompletionTime")
    _text_rules(data, update=update)
    members = data.get("responsibleList")
    if not isinstance(members, list) or not members:  # missing or dropped: the DTO's empty default
        raise BitrixError.named("FlowValueEmpty")
    for field, low, high in THRESHOLDS:
        if field in data:
            _bound(field, data[field], low, high)


def _create_rules(params: dict[str, Any]) -> None:
    _command_rules(params.get("flowData"), update=False)


def _update_rules(params: dict[str, Any]) -> None:
    _command_rules(params.get("flowData"), update=True)


def _exists_rules(params: dict[str, Any]) -> None:
    """isExists: a name the DTO cannot take (missing, null, a list or an object) is no name."""
    data = params.get("flowData")
    if isinstance(data, dict) and _dto_text(data.get("name")) is None:
        raise BitrixError.named("FlowNameMissing")


def _delete_rules(params: dict[str, Any]) -> None:
    data = params.get("flowData")
    if isinstance(data, dict):
        _primary_rule(data)


def _now(ctx: CallContext) -> str:
    return dt.datetime.fromtimestamp(int(ctx.clock()), dt.UTC).isoformat()


def _name_taken(ctx: CallContext, name: str, except_id: int | None) -> bool:
    owner = ctx.store.flow_named(name)
    return owner is not None and owner != except_id


def _members(ctx: CallContext, pairs: list[list[str]]) -> set[int]:
    """The users a member list stands for (`department` includes sub-departments unless `:F`)."""
    users: set[int] = set()
    for kind, ident in pairs:
        if kind == "user" and (user := parse_id(ident)) is not None:
            users.add(user)
        elif kind == "department":
            only = ident.endswith(":F")
            dep = ident.removesuffix(":F")
            if (department := parse_id(dep)) is not None:
                users |= ctx.identities.users_in(department, with_subdepartments=not only)
        elif kind == "meta-user" and ident == "all-users":
            users |= {u.id for u in ctx.identities.users.values() if not u.extranet}
    return users


def _moderator(pairs: list[list[str]]) -> int | None:
    """A manual flow's moderator: the first entry of its responsible list (the others are kept but
    unused), when it is a user."""
    if pairs and pairs[0][0] == "user":
        return parse_id(pairs[0][1])
    return None


def _team(ctx: CallContext, flow: dict[str, Any]) -> list[list[str]]:
    """queue/himself: the responsible list; manually: the group's members other than the moderator."""
    if flow["distributionType"] != "manually":
        return [list(p) for p in flow["responsibleList"]]
    moderator = _moderator(flow["responsibleList"])
    group = ctx.store.groups.get(flow["groupId"])
    members = group.members if group else ()
    return [["user", str(m)] for m in members if m != moderator]


# The member order of the official response example.
OUTPUT_ORDER = (
    "id",
    "creatorId",
    "ownerId",
    "groupId",
    "templateId",
    "efficiency",
    "active",
    "plannedCompletionTime",
    "activity",
    "name",
    "description",
    "distributionType",
    "responsibleList",
    "demo",
    "responsibleCanChangeDeadline",
    "matchWorkTime",
    "matchSchedule",
    "taskControl",
    "notifyAtHalfTime",
    "notifyOnQueueOverflow",
    "notifyOnTasksInProgressOverflow",
    "notifyWhenEfficiencyDecreases",
    "taskCreators",
    "team",
    "trialFeatureEnabled",
)


def _public(ctx: CallContext, flow: dict[str, Any], *, members: bool = True) -> dict[str, Any]:
    """The flow as get answers it; create and update (`members=False`) leave `taskCreators` and `team`
    empty, as the portal's command handler loads the flow without its members."""
    full = {**flow, "matchSchedule": bool(flow.get("matchSchedule", False)), "team": _team(ctx, flow)}
    if not members:
        full.update(taskCreators=[], team=[])
    return {key: full[key] for key in OUTPUT_ORDER}


def _can_see(ctx: CallContext, flow: dict[str, Any]) -> bool:
    """tasks Flow/Access/Rule/FlowReadRule.php: administrators, and the rows of the flow's member
    table (creator, owner, responsible entries, task creators; departments stand for their users,
    all users for every non-extranet user). The other members of a manual flow's group are not
    readers."""
    user = ctx.caller.user
    if user.admin or user.id in {flow["creatorId"], flow["ownerId"]}:
        return True
    return user.id in _members(ctx, flow["responsibleList"]) | _members(ctx, flow["taskCreators"])


def _can_manage(ctx: CallContext, flow: dict[str, Any]) -> bool:
    user = ctx.caller.user
    return user.admin or user.id in {flow["creatorId"], flow["ownerId"]}


# The line number the portal's controller appends to its unknown error ("Unknown error. [Flow: N]").
UNKNOWN_LINE = 1


def _load(ctx: CallContext, flow_id: int, allowed: Any, missing: str | None) -> dict[str, Any] | None:
    """The flow, after the access check that the portal runs first (tasks 24.450 Flow/Access/Rule/*):
    a caller who may not act gets access denied, also for an unknown id; an administrator passes
    access, and then an unknown id answers `missing` (None: the method goes on without a flow)."""
    flow = ctx.store.flows.get(flow_id)
    if flow is None:
        if not ctx.caller.user.admin:
            raise BitrixError.named("FlowAccessDenied")
        if missing is None:
            return None
        raise BitrixError.named(missing, line=UNKNOWN_LINE)
    if not allowed(ctx, flow):
        raise BitrixError.named("FlowAccessDenied")
    return flow


def _visible(ctx: CallContext, flow_id: int) -> dict[str, Any]:
    """get: admins learn that an id does not exist (FlowProvider::getFlow)."""
    flow = _load(ctx, flow_id, _can_see, "FlowNotFound")
    assert flow is not None
    return flow


def _managed(ctx: CallContext, flow_id: int, missing: str) -> dict[str, Any]:
    """update/delete (`FlowUnknownError`: the command cannot load the flow) and activate
    (`FlowNotFound`)."""
    flow = _load(ctx, flow_id, _can_manage, missing)
    assert flow is not None
    return flow


def _bind_data(ctx: CallContext, params: dict[str, Any]) -> None:
    bind_flow_data(params)


def _bind_id(ctx: CallContext, params: dict[str, Any]) -> None:
    bind_flow_id(params)


def _before_create(ctx: CallContext, params: dict[str, Any]) -> None:
    """Binding, then the plan (which may switch the trial on), then access to create."""
    data = bind_flow_data(params)
    plan_for_create(ctx)
    may_create(ctx, data)


def _may_manage_first(ctx: CallContext, params: dict[str, Any], *, plan: bool) -> None:
    """update/delete: binding, the plan (update only), then access before the command validates
    anything (tasks 24.450 Controllers/Flow.php): a caller who is not an administrator, owner or
    creator of the flow named by `flowData.id` is refused whatever else was sent; a missing or
    unreadable id is flow 0, which no one but an administrator may change."""
    data = bind_flow_data(params)
    if plan:
        plan_for_update(ctx)
    if not ctx.caller.user.admin:
        flow_id = parse_id(data.get("id"))
        flow = ctx.store.flows.get(flow_id) if flow_id is not None else None
        if flow is None or not _can_manage(ctx, flow):
            raise BitrixError.named("FlowAccessDenied")


def _before_update(ctx: CallContext, params: dict[str, Any]) -> None:
    _may_manage_first(ctx, params, plan=True)
    data = params["flowData"]
    owner = data.get("ownerId")
    if isinstance(owner, int) and not isinstance(owner, bool) and owner > 0 and "groupId" not in data:
        # the group decorator adds the new owner to the flow's group, and without a groupId it has
        # none to add to: the controller's catch-all answers the unknown error (inferred, D56)
        raise BitrixError.named("FlowUnknownError", line=UNKNOWN_LINE)


def _before_delete(ctx: CallContext, params: dict[str, Any]) -> None:
    _may_manage_first(ctx, params, plan=False)


_BOOLEANS = frozenset((*SWITCHES, *UPDATE_FLAGS))
_THRESHOLDS = frozenset(THRESHOLD_NAMES)


def _switches_to_bool(fields: dict[str, Any]) -> dict[str, Any]:
    """Switches as booleans; a threshold of 0 is "off", which reads back as null."""
    return {
        k: bool(v) if k in _BOOLEANS else None if k in _THRESHOLDS and v == 0 else v
        for k, v in fields.items()
    }


def _convert_member_lists(sent: dict[str, Any]) -> None:
    """The member lists as access codes keep them; a responsible list left empty fails the command's
    not-empty check."""
    for field in ("responsibleList", "taskCreators"):
        if field in sent:
            sent[field] = convert_members(sent[field])
    if "responsibleList" in sent and not sent["responsibleList"]:
        raise BitrixError.named("FlowValueEmpty")


def _make_group(ctx: CallContext, flow: dict[str, Any]) -> int:
    """The workgroup create makes when no group is named (ProjectProxyDecorator, GroupService): named
    exactly like the flow, owned by the caller, with the users of the responsible list (departments
    are not expanded) and the flow's owner as members; a taken name refuses the create."""
    if flow_name_key(flow["name"]) in ctx.store.group_names:
        raise BitrixError.named("FlowGroupNameExists")
    users = {int(i) for kind, i in flow["responsibleList"] if kind == "user" and parse_id(i) is not None}
    members = {ctx.caller.user.id, flow["ownerId"]} | users
    # new group ids start above the fixture groups; once counted, the counter alone decides
    floor = 0 if "group" in ctx.store.counters else max(ctx.store.groups, default=0)
    group_id = ctx.store.next_id("group", floor)
    ctx.store.put_group(Group(group_id, flow["name"], tuple(sorted(members))))
    return group_id


@method("tasks.flow.Flow.create", invalid=FLOW_INVALID, rules=_create_rules, precheck=_before_create)
def create(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    caller = ctx.caller.user
    data = params["flowData"]
    sent = {k: data[k] for k in SETTABLE if k in data}
    # 0 or less: the caller owns the flow, a new group is made (EmptyOwnerDecorator, ProjectProxyDecorator)
    for key in ("ownerId", "groupId"):
        if key in sent and sent[key] <= 0:
            del sent[key]
    _convert_member_lists(sent)
    fields = _switches_to_bool({**CREATE_DEFAULTS, "taskCreators": [], "ownerId": caller.id, **sent})
    flow: dict[str, Any] = {
        "id": 0,
        "creatorId": caller.id,
        "groupId": 0,
        "efficiency": 100,
        "active": True,
        "activity": _now(ctx),
        "demo": False,
        **fields,
        "trialFeatureEnabled": bool(ctx.notes.get("trial")),
    }
    if "groupId" not in sent:
        flow["groupId"] = _make_group(ctx, flow)
    if _name_taken(ctx, flow["name"], None):
        raise BitrixError.named("FlowNameExists")
    check_references(ctx, flow, create=True)
    if flow["distributionType"] == "manually" and _moderator(flow["responsibleList"]) is None:
        # the manual distributor is the first entry, which must be a user ("Empty manual distributor")
        raise BitrixError.named("FlowUnknownError", line=UNKNOWN_LINE)
    flow["id"] = ctx.store.next_id("flow")
    ctx.store.put_flow({**flow, "trialFeatureEnabled": False})
    return _public(ctx, flow, members=False)


@method("tasks.flow.Flow.update", invalid=FLOW_INVALID, rules=_update_rules, precheck=_before_update)
def update(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    data = params["flowData"]
    flow = _managed(ctx, data["id"], "FlowUnknownError")
    sent = {k: data[k] for k in (*SETTABLE, *UPDATE_ONLY) if k in data}
    resets = dict(UPDATE_RESETS)
    for key in THRESHOLD_NAMES:
        if key in sent and sent[key] is None:  # null: not sent, so neither changed nor reset
            del sent[key]
            del resets[key]
    _convert_member_lists(sent)
    merged = {**flow, **_switches_to_bool(resets), **_switches_to_bool(sent)}
    if "name" in sent and _name_taken(ctx, merged["name"], flow["id"]):
        raise BitrixError.named("FlowNameExists")
    check_references(ctx, merged, create=False)
    if merged["distributionType"] == "manually" and _moderator(merged["responsibleList"]) is None:
        raise BitrixError.named("FlowUnknownError", line=UNKNOWN_LINE)
    if "ownerId" in sent and merged["groupId"] in ctx.store.groups:
        # the new owner joins the flow's group (ProjectMembersProxyDecorator)
        group = ctx.store.groups[merged["groupId"]]
        if merged["ownerId"] not in group.members:
            members = tuple(sorted({*group.members, merged["ownerId"]}))
            ctx.store.put_group(Group(group.id, group.name, members, group.tasks, group.closed))
    ctx.store.put_flow(merged)
    return _public(ctx, merged, members=False)


@method("tasks.flow.Flow.get", invalid=FLOW_INVALID, precheck=_bind_id)
def get(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    return _public(ctx, _visible(ctx, params["flowId"]))


@method("tasks.flow.Flow.delete", invalid=FLOW_INVALID, rules=_delete_rules, precheck=_before_delete)
def delete(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    flow = _managed(ctx, params["flowData"]["id"], "FlowUnknownError")
    ctx.store.delete_flow(flow["id"])
    return {"deleted": True}


@method("tasks.flow.Flow.isExists", invalid=FLOW_INVALID, rules=_exists_rules, precheck=_bind_data)
def is_exists(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    # no access check, an empty name is a name, an unknown exclusion id excludes nothing
    data = params["flowData"]
    if "id" in data and parse_id(data["id"]) is None and data["id"] > 0:  # past 64 bits: no PHP int
        raise BitrixError.named("FlowFieldInvalid", field="id")
    return {"exists": _name_taken(ctx, data["name"], data.get("id"))}


@method("tasks.flow.Flow.activate", invalid=FLOW_INVALID, precheck=_bind_id)
def activate(ctx: CallContext, params: dict[str, Any]) -> bool:
    flow = _managed(ctx, params["flowId"], "FlowNotFound")
    ctx.store.put_flow({**flow, "active": not flow["active"]})
    return True


@method("tasks.flow.Flow.pin", invalid=FLOW_INVALID, precheck=_bind_id)
def pin(ctx: CallContext, params: dict[str, Any]) -> bool:
    # no existence check: an administrator pins an unknown id (a per-user option row) and gets true;
    # an id past 64 bits is no PHP int, and no id at all
    if parse_id(params["flowId"]) is None:
        raise BitrixError.named("FlowAccessDenied")
    _load(ctx, params["flowId"], _can_see, None)
    return ctx.store.toggle_pin(ctx.caller.user.id, params["flowId"])
