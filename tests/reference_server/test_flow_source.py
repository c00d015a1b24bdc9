"""Flow rules read from the portal's source that the pages do not state: the plan and its trial,
who may create a flow in which group with which template, id 0 on update and delete, and what an
owner change needs (spec/README.md D49-D56)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from reference_server.core.identities import DEFAULT_FIXTURES

from .conftest import ADMIN, USER2, USER3, USER4, FakeClock, Portal, error_of, flow_data

ACCESS = (400, 0, "Cannot find flow")
DAY = 24 * 3600


def _fixtures(tmp_path: Path, **changes: Any) -> Path:
    data = yaml.safe_load(DEFAULT_FIXTURES.read_text(encoding="utf-8"))
    path = tmp_path / "fixtures.yaml"
    path.write_text(yaml.safe_dump({**data, **changes}, allow_unicode=True), encoding="utf-8")
    return path


def _update(portal: Portal, flow_id: Any, base: str = ADMIN, **fields: Any) -> tuple[int, Any, str]:
    body = {"flowData": {"id": flow_id, "responsibleList": [["user", "2"]], **fields}}
    return error_of(portal.call("tasks.flow.Flow.update", body, base))


def test_create_switches_the_trial_on_once(
    make_portal: Callable[..., Portal], tmp_path: Path, clock: FakeClock
) -> None:
    """Without flows on the plan, the first create starts a 15-day trial (even when it then fails);
    afterwards create and update work until the trial ends, and then both are refused."""
    portal = make_portal(fixtures=_fixtures(tmp_path, flowPlan="trial-available"), clock=clock)
    # the caller is refused (a closed group), but the trial is on from now
    assert error_of(portal.create_call("Refused", groupId=2)) == ACCESS
    flow = portal.create("Trial")
    assert flow["trialFeatureEnabled"] is False  # the trial was switched on by the call before
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})["trialFeatureEnabled"] is False
    clock.advance(15 * DAY - 1)
    body = {"flowData": {"id": flow["id"], "responsibleList": [["user", "2"]]}}
    assert portal.ok("tasks.flow.Flow.update", body)["id"] == flow["id"]
    clock.advance(1)
    assert error_of(portal.call("tasks.flow.Flow.update", body)) == ACCESS
    assert error_of(portal.create_call("After")) == ACCESS
    # reading, switching, pinning and deleting do not look at the plan
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})["id"] == flow["id"]
    assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow["id"]}) is True
    assert portal.ok("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}}) == {"deleted": True}


def test_the_create_that_starts_the_trial_says_so(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    portal = make_portal(fixtures=_fixtures(tmp_path, flowPlan="trial-available"))
    assert portal.create("First")["trialFeatureEnabled"] is True
    assert portal.create("Second")["trialFeatureEnabled"] is False


def test_a_used_trial_refuses_create_and_update(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    portal = make_portal(fixtures=_fixtures(tmp_path, flowPlan="trial-used"))
    assert error_of(portal.create_call("No plan")) == ACCESS
    assert _update(portal, 1) == ACCESS


def test_an_unknown_plan_is_refused(tmp_path: Path) -> None:
    from reference_server.core.identities import load_identities  # noqa: PLC0415

    with pytest.raises(ValueError, match="flowPlan"):
        load_identities(_fixtures(tmp_path, flowPlan="gold"))


@pytest.mark.parametrize(
    ("base", "group", "expected"),
    [
        (ADMIN, 2, ACCESS),  # archived: refused to administrators too
        (ADMIN, 3, ACCESS),  # tasks off
        (ADMIN, 999, ACCESS),  # no such group
        (USER4, 1, ACCESS),  # not a member of Support
        (USER2, 2, ACCESS),
    ],
)
def test_create_in_a_group_the_caller_may_not_use(
    portal: Portal, base: str, group: int, expected: Any
) -> None:
    assert error_of(portal.create_call("Grouped", base, groupId=group)) == expected


def test_members_and_administrators_create_in_an_open_group(portal: Portal) -> None:
    assert portal.create("By member", USER2, groupId=1)["groupId"] == 1
    assert portal.create("By admin", ADMIN, groupId=1)["groupId"] == 1


def test_task_templates_must_be_readable_except_by_administrators(portal: Portal) -> None:
    assert portal.create("Readable", USER2, groupId=1, templateId=1)["templateId"] == 1
    assert error_of(portal.create_call("Unreadable", USER3, groupId=1, templateId=1)) == ACCESS
    # an unknown template: others cannot read it; administrators pass access and learn it is missing
    assert error_of(portal.create_call("Unknown", USER2, groupId=1, templateId=5)) == ACCESS
    assert error_of(portal.create_call("Unknown", ADMIN, groupId=1, templateId=5)) == (
        400, 0, "Template 5 doesn't exists",
    )  # fmt: skip


@pytest.mark.parametrize("flow_id", [0, -3, None])
def test_update_and_delete_of_flow_zero(portal: Portal, flow_id: Any) -> None:
    """The DTO's id defaults to 0; the primary check refuses it for administrators, and access
    refuses everyone else first (D57)."""
    data: dict[str, Any] = {"responsibleList": [["user", "2"]]}
    if flow_id is not None:
        data["id"] = flow_id
    too_small = (400, 0, "'id': field's value must be greater than 0")
    for method in ("tasks.flow.Flow.update", "tasks.flow.Flow.delete"):
        assert error_of(portal.call(method, {"flowData": data})) == too_small
        assert error_of(portal.call(method, {"flowData": data}, USER2)) == ACCESS


def test_an_owner_change_needs_the_group(portal: Portal) -> None:
    """The new owner joins the flow's group, named by `groupId` (D56)."""
    flow = portal.create("Owned", groupId=1)
    status, code, text = _update(portal, flow["id"], ownerId=4)
    assert (status, code) == (400, 0) and text.startswith("Unknown error. [Flow: ")
    body = {"flowData": {"id": flow["id"], "ownerId": 4, "groupId": 1, "responsibleList": [["user", "2"]]}}
    assert portal.ok("tasks.flow.Flow.update", body)["ownerId"] == 4
    assert 4 in portal.app.state.portal.store.groups[1].members


def test_update_names_missing_users_and_departments(portal: Portal) -> None:
    flow = portal.create("Refs", groupId=1)
    assert _update(portal, flow["id"], responsibleList=[["user", "77"]]) == (400, 0, "User 77 doesn't exists")
    assert _update(portal, flow["id"], taskCreators=[["department", "66"]]) == (
        400, 0, "Department 66 doesn't exists",
    )  # fmt: skip
    assert _update(portal, flow["id"], creatorId=55) == (400, 0, "User 55 doesn't exists")


def test_department_members_read_and_group_members_do_not(portal: Portal) -> None:
    """FlowReadRule: the member table's rows, departments standing for their users; a manual flow's
    other group members are not readers."""
    flow = portal.create("Depts", groupId=1, taskCreators=[["department", "2"]])
    # user 3 sits in Backend, under Development (recursive entry)
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]}, USER3)["id"] == flow["id"]
    only = portal.create("Only Development", groupId=1, taskCreators=[["department", "2:F"]])
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": only["id"]}, USER3)) == ACCESS
    manual = portal.create("Manual", groupId=1, distributionType="manually", responsibleList=[["user", "2"]])
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": manual["id"]}, USER3)) == ACCESS


def test_flow_data_shape_is_checked_before_access(portal: Portal) -> None:
    body = flow_data("Shape", responsibleList=[["user", "2", "3"]])
    body["flowData"]["id"] = 1
    assert error_of(portal.call("tasks.flow.Flow.update", body, USER4)) == (
        400, 0, "responsibleList: unexpected value",
    )  # fmt: skip
