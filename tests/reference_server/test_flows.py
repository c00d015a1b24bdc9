"""Point 3: the seven flow methods with their semantics."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ADMIN, EXTRANET, OFFICIAL_CREATE, USER2, USER3, USER4, Portal, error_of

ACCESS = (400, "0", "Access denied or flow not found")
NOT_FOUND = (400, "0", "Flow not found")
NAME_EXISTS = (400, "0", "A flow with this name already exists")


def test_official_curl_bodies(portal: Portal) -> None:
    flow = portal.ok("tasks.flow.Flow.create", OFFICIAL_CREATE)
    flow_id = flow["id"]
    update = {
        "flowData": {
            "id": flow_id,
            "name": "Updated Flow Name",
            "description": "Updated description",
            "plannedCompletionTime": 7200,
            "distributionType": "manually",
            "responsibleList": [["user", "3"]],
            "taskCreators": [["meta-user", "all-users"]],
            "responsibleCanChangeDeadline": 1,
            "notifyOnQueueOverflow": 10,
            "notifyOnTasksInProgressOverflow": 50,
        }
    }
    updated = portal.ok("tasks.flow.Flow.update", update)
    assert updated["name"] == "Updated Flow Name"
    assert updated["responsibleCanChangeDeadline"] is True
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow_id})["notifyOnQueueOverflow"] == 10
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Updated Flow Name"}}) == {
        "exists": True
    }
    assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow_id}) is True
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow_id}) is True
    assert portal.ok("tasks.flow.Flow.delete", {"flowData": {"id": flow_id}}) == {"deleted": True}


def test_create_defaults(portal: Portal) -> None:
    flow = portal.create("Defaults")
    assert flow["creatorId"] == 1 and flow["ownerId"] == 1
    assert flow["active"] is True and flow["demo"] is False and flow["trialFeatureEnabled"] is False
    assert flow["matchWorkTime"] is True
    assert flow["responsibleCanChangeDeadline"] is False
    assert flow["notifyAtHalfTime"] is False and flow["taskControl"] is False
    assert flow["notifyOnQueueOverflow"] is None
    assert flow["notifyOnTasksInProgressOverflow"] is None
    assert flow["notifyWhenEfficiencyDecreases"] is None
    assert flow["templateId"] == 0 and flow["description"] == ""
    assert flow["taskCreators"] == [["meta-user", "all-users"]]
    assert flow["groupId"] >= 1


def test_partial_update_keeps_other_fields(portal: Portal) -> None:
    flow = portal.create("Partial", description="keep me", notifyOnQueueOverflow=5)
    updated = portal.ok(
        "tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "plannedCompletionTime": 99}}
    )
    assert updated["plannedCompletionTime"] == 99
    assert updated["description"] == "keep me"
    assert updated["notifyOnQueueOverflow"] == 5
    assert updated["name"] == "Partial"
    cleared = portal.ok(
        "tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "notifyOnQueueOverflow": None}}
    )
    assert cleared["notifyOnQueueOverflow"] is None


def test_update_cannot_change_active(portal: Portal) -> None:
    flow = portal.create("Stays active")
    updated = portal.ok("tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "active": False}})
    assert updated["active"] is True


def test_unique_names_on_create_trimmed_and_case_insensitive(portal: Portal) -> None:
    portal.create("Sales Flow")
    for name in ["Sales Flow", "  sales flow  ", "SALES FLOW"]:
        response = portal.call(
            "tasks.flow.Flow.create",
            {
                "flowData": {
                    "name": name,
                    "plannedCompletionTime": 1,
                    "distributionType": "queue",
                    "responsibleList": [["user", "2"]],
                }
            },
        )
        assert error_of(response) == NAME_EXISTS
    assert portal.create("Sales Flow 2")["name"] == "Sales Flow 2"
    assert portal.create("  Padded  ")["name"] == "Padded"


def test_unique_names_on_rename(portal: Portal) -> None:
    first = portal.create("First")
    second = portal.create("Second")
    response = portal.call("tasks.flow.Flow.update", {"flowData": {"id": second["id"], "name": "first"}})
    assert error_of(response) == NAME_EXISTS
    # renaming a flow to its own name (another case) is not a clash
    assert (
        portal.ok("tasks.flow.Flow.update", {"flowData": {"id": first["id"], "name": "FIRST"}})["name"]
        == "FIRST"
    )


def test_is_exists_with_exclusion_id(portal: Portal) -> None:
    flow = portal.create("Named")
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "named"}}) == {"exists": True}
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Named", "id": flow["id"]}}) == {
        "exists": False
    }
    other = portal.create("Other")
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Named", "id": other["id"]}}) == {
        "exists": True
    }
    response = portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "   "}})
    assert error_of(response) == (400, "0", "'name': field's value has an invalid value")
    assert (
        error_of(portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x", "id": 999}})) == NOT_FOUND
    )


def test_activate_toggles_and_returns_true(portal: Portal) -> None:
    flow = portal.create("Toggle")
    states = []
    for _ in range(3):
        assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow["id"]}) is True
        states.append(portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})["active"])
    assert states == [False, True, False]


def test_pin_toggles_per_user(portal: Portal) -> None:
    flow = portal.create("Pinned", responsibleList=[["user", "2"]])
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow["id"]}) is True
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow["id"]}, USER2) is True
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow["id"]}) is False
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow["id"]}, USER2) is False
    assert portal.ok("tasks.flow.Flow.pin", {"flowId": flow["id"]}, USER2) is True


@pytest.mark.parametrize(
    ("method", "body", "expected"),
    [
        ("tasks.flow.Flow.get", lambda i: {"flowId": i}, ACCESS),
        ("tasks.flow.Flow.pin", lambda i: {"flowId": i}, ACCESS),
        ("tasks.flow.Flow.activate", lambda i: {"flowId": i}, NOT_FOUND),
        ("tasks.flow.Flow.update", lambda i: {"flowData": {"id": i, "name": "again"}}, NOT_FOUND),
        ("tasks.flow.Flow.delete", lambda i: {"flowData": {"id": i}}, NOT_FOUND),
        ("tasks.flow.Flow.isExists", lambda i: {"flowData": {"name": "Doomed", "id": i}}, NOT_FOUND),
    ],
)
def test_every_call_fails_after_delete(
    portal: Portal, method: str, body: Any, expected: tuple[int, str, str]
) -> None:
    flow = portal.create("Doomed")
    portal.ok("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}})
    assert error_of(portal.call(method, body(flow["id"]))) == expected
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Doomed"}}) == {"exists": False}


def test_team_for_queue_is_the_responsible_list(portal: Portal) -> None:
    flow = portal.create("Queue", responsibleList=[["user", "2"], ["department", "3"]])
    assert flow["team"] == [["user", "2"], ["department", "3"]]


def test_team_for_manual_is_the_group_minus_the_moderator(portal: Portal) -> None:
    flow = portal.create("Manual", distributionType="manually", responsibleList=[["user", "3"]], groupId=1)
    assert flow["team"] == [["user", "1"], ["user", "2"]]
    moved = portal.ok(
        "tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "responsibleList": [["user", "2"]]}}
    )
    assert moved["team"] == [["user", "1"], ["user", "3"]]


def test_manual_flow_needs_one_user_moderator(portal: Portal) -> None:
    response = portal.call(
        "tasks.flow.Flow.create",
        {
            "flowData": {
                "name": "Two moderators",
                "plannedCompletionTime": 1,
                "distributionType": "manually",
                "responsibleList": [["user", "2"], ["user", "3"]],
            }
        },
    )
    assert error_of(response) == (400, "0", "'responsibleList': field's value has an invalid value")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"distributionType": "round-robin"}, "distributionType"),
        ({"responsibleList": [["user", "999"]]}, "responsibleList"),
        ({"responsibleList": [["meta-user", "all-users"]]}, "responsibleList"),
        ({"responsibleList": [["user"]]}, "responsibleList"),
        ({"taskCreators": [["department", "99"]]}, "taskCreators"),
        ({"ownerId": 999}, "ownerId"),
        ({"groupId": 999}, "groupId"),
        ({"matchWorkTime": 2}, "matchWorkTime"),
        ({"name": ""}, "name"),
        ({"plannedCompletionTime": "soon"}, "plannedCompletionTime"),
    ],
)
def test_field_invalid_names_the_field(portal: Portal, change: dict[str, Any], field: str) -> None:
    data = {
        "name": "F",
        "plannedCompletionTime": 1,
        "distributionType": "queue",
        "responsibleList": [["user", "2"]],
        **change,
    }
    response = portal.call("tasks.flow.Flow.create", {"flowData": data})
    assert error_of(response) == (400, "0", f"'{field}': field's value has an invalid value")


def test_missing_required_field_is_named(portal: Portal) -> None:
    response = portal.call("tasks.flow.Flow.create", {"flowData": {"name": "F"}})
    assert error_of(response)[2].endswith("field's value has an invalid value")
    assert (
        error_of(portal.call("tasks.flow.Flow.create", {}))[2]
        == "'flowData': field's value has an invalid value"
    )


def test_extranet_user_cannot_create(portal: Portal) -> None:
    response = portal.call("tasks.flow.Flow.create", OFFICIAL_CREATE, EXTRANET)
    assert error_of(response) == ACCESS


def test_only_creator_owner_or_admin_manage(portal: Portal) -> None:
    flow = portal.create("Owned by 2", base=USER2, responsibleList=[["user", "3"]])
    for method, body in [
        ("tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "description": "x"}}),
        ("tasks.flow.Flow.activate", {"flowId": flow["id"]}),
        ("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}}),
    ]:
        assert error_of(portal.call(method, body, USER3)) == ACCESS
    assert portal.ok(
        "tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "description": "by admin"}}, ADMIN
    )
    assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow["id"]}, USER2) is True
    handed = portal.ok("tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "ownerId": 4}}, USER2)
    assert handed["ownerId"] == 4
    assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow["id"]}, USER4) is True


def test_visibility(portal: Portal) -> None:
    private = portal.create(
        "Private", base=USER2, responsibleList=[["user", "2"]], taskCreators=[["user", "2"]]
    )
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": private["id"]}, USER4)) == ACCESS
    assert error_of(portal.call("tasks.flow.Flow.pin", {"flowId": private["id"]}, USER4)) == ACCESS
    assert portal.ok("tasks.flow.Flow.get", {"flowId": private["id"]}, ADMIN)["id"] == private["id"]
    # department 2 with sub-departments includes user 3 (department 3); ":F" does not
    by_dept = portal.create(
        "Dept", base=USER2, responsibleList=[["department", "2"]], taskCreators=[["user", "2"]]
    )
    assert portal.ok("tasks.flow.Flow.get", {"flowId": by_dept["id"]}, USER3)["id"] == by_dept["id"]
    only = portal.create(
        "Dept only", base=USER2, responsibleList=[["department", "2:F"]], taskCreators=[["user", "2"]]
    )
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": only["id"]}, USER3)) == ACCESS
    # everybody may add tasks → every intranet user sees it, the extranet user does not
    public = portal.create("Public", base=USER2)
    assert portal.ok("tasks.flow.Flow.get", {"flowId": public["id"]}, USER4)["id"] == public["id"]
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": public["id"]}, EXTRANET)) == ACCESS


def test_is_exists_for_any_user(portal: Portal) -> None:
    portal.create("Known")
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Known"}}, EXTRANET) == {
        "exists": True
    }


def test_flow_members_in_the_official_order(portal: Portal) -> None:
    from reference_server.spec import default_spec  # noqa: PLC0415

    example = default_spec().example("FlowResultExample")["result"]
    assert list(portal.create("Ordered")) == list(example)
