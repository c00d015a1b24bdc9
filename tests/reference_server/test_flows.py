"""The seven flow methods with their semantics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from b24_spec import messages

from .conftest import ADMIN, EXTRANET, OFFICIAL_CREATE, SPEC, USER2, USER3, USER4, Portal, error_of, flow_data

RU_NAME_EXISTS = "Поток с таким названием уже существует"  # noqa: RUF001 (Cyrillic text)
RU_GROUP_NAME_EXISTS = (
    "Не удалось автоматически создать проект с таким названием, оно уже занято. "  # noqa: RUF001
    "Выберите существующий проект или переименуйте поток"
)
ACCESS = (400, 0, "Cannot find flow")
NOT_FOUND = (400, 0, "Flow with this ID does not exist.")
NAME_EXISTS = (400, 0, "A flow with this name already exists.")
GROUP_NAME_EXISTS = (
    "Cannot create project because another project with this name already exists. You can select an "
    "existing project or rename the flow."
)


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
    """tasks 24.450 FlowDto.php defaults (spec/README.md D7)."""
    flow = portal.create("Defaults")
    assert flow["creatorId"] == 1 and flow["ownerId"] == 1
    assert flow["active"] is True and flow["demo"] is False and flow["trialFeatureEnabled"] is False
    assert flow["matchWorkTime"] is True and flow["matchSchedule"] is False
    assert flow["responsibleCanChangeDeadline"] is True
    assert flow["notifyAtHalfTime"] is False and flow["taskControl"] is False
    assert flow["notifyOnQueueOverflow"] is None
    assert flow["notifyOnTasksInProgressOverflow"] is None
    assert flow["notifyWhenEfficiencyDecreases"] is None
    assert flow["templateId"] == 0 and flow["description"] == ""
    assert isinstance(flow["activity"], str)
    assert flow["groupId"] >= 1
    # nobody may add tasks unless taskCreators says so
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})["taskCreators"] == []


def test_create_and_update_answer_without_members(portal: Portal) -> None:
    """Only get fills taskCreators and team (tasks 24.450 CommandHandler::loadFlow)."""
    flow = portal.create("Members", taskCreators=[["meta-user", "all-users"]])
    assert flow["taskCreators"] == [] and flow["team"] == []
    got = portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})
    assert got["taskCreators"] == [["meta-user", "all-users"]] and got["team"] == [["user", "2"]]
    body = {"flowData": {"id": flow["id"], "responsibleList": [["user", "3"]], "description": "x"}}
    updated = portal.ok("tasks.flow.Flow.update", body)
    assert updated["taskCreators"] == [] and updated["team"] == []
    assert updated["activity"] == flow["activity"]


RESPONSIBLE = [["user", "2"]]


def _update(portal: Portal, flow_id: int, base: str = ADMIN, **fields: Any) -> Any:
    return portal.call("tasks.flow.Flow.update", {"flowData": {"id": flow_id, **fields}}, base)


def test_update_keeps_some_fields_and_resets_the_others(portal: Portal) -> None:
    """tasks 24.450: the DTO's defaults reach the update command (audit update row 5, D6)."""
    flow = portal.create(
        "Reset", description="gone", notifyOnQueueOverflow=5, notifyOnTasksInProgressOverflow=7,
        responsibleCanChangeDeadline=0, matchWorkTime=0, notifyAtHalfTime=1, taskControl=1,
        matchSchedule=1, taskCreators=[["user", "3"]], plannedCompletionTime=7200, distributionType="himself",
    )  # fmt: skip
    updated = _update(portal, flow["id"], responsibleList=RESPONSIBLE, notifyOnTasksInProgressOverflow=None)
    result = updated.json()["result"]
    # kept
    assert result["name"] == "Reset" and result["plannedCompletionTime"] == 7200
    assert result["distributionType"] == "himself" and result["groupId"] == flow["groupId"]
    assert result["notifyOnTasksInProgressOverflow"] == 7  # null: kept
    # reset to the DTO defaults
    assert result["description"] == "" and result["notifyOnQueueOverflow"] is None
    assert result["responsibleCanChangeDeadline"] is True and result["matchWorkTime"] is True
    assert result["notifyAtHalfTime"] is False and result["taskControl"] is False
    assert result["matchSchedule"] is False and result["efficiency"] == 100 and result["templateId"] == 0
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})["taskCreators"] == []


def test_update_requires_responsible_list(portal: Portal) -> None:
    flow = portal.create("Needs list")
    empty = (400, 0, "'responsibleList': field's value must not be empty")
    assert error_of(_update(portal, flow["id"], description="x")) == empty
    assert error_of(_update(portal, flow["id"], responsibleList=[])) == empty


def test_update_sets_active_demo_creator_efficiency_schedule(portal: Portal) -> None:
    flow = portal.create("Stays active")
    changed = _update(
        portal, flow["id"], responsibleList=RESPONSIBLE, active=0, demo=1, creatorId=2, efficiency=40,
        matchSchedule=1,
    ).json()["result"]  # fmt: skip
    assert changed["active"] is False and changed["demo"] is True and changed["creatorId"] == 2
    assert changed["efficiency"] == 40 and changed["matchSchedule"] is True
    kept = _update(portal, flow["id"], responsibleList=RESPONSIBLE).json()["result"]
    assert kept["active"] is False and kept["demo"] is True and kept["creatorId"] == 2
    assert kept["efficiency"] == 100


def test_unique_names_on_create_ignore_case_and_trailing_spaces(portal: Portal) -> None:
    """SQL `=` under the portal's collation (D55): case and trailing spaces do not count, leading
    spaces do; names are stored as sent, and a blank name is a name."""
    portal.create("Sales Flow", groupId=1)
    for name in ["Sales Flow", "sales flow  ", "SALES FLOW"]:
        assert error_of(portal.create_call(name, groupId=1)) == NAME_EXISTS
    assert portal.create("  Sales Flow", groupId=1)["name"] == "  Sales Flow"
    assert portal.create("  Padded  ", groupId=1)["name"] == "  Padded  "
    assert portal.create("   ", groupId=1)["name"] == "   "


def test_create_without_group_makes_a_group_named_like_the_flow(portal: Portal) -> None:
    """ProjectProxyDecorator (D52): the group is made before the flow-name check, so a second create
    of the same name without `groupId` fails on the group's name."""
    flow = portal.create("Grouped", responsibleList=[["user", "2"], ["department", "3"]], ownerId=4)
    group = portal.app.state.portal.store.groups[flow["groupId"]]
    assert group.name == "Grouped" and set(group.members) == {1, 2, 4}  # departments not expanded
    assert error_of(portal.create_call("grouped")) == (400, 0, GROUP_NAME_EXISTS)
    assert error_of(portal.create_call("Grouped", groupId=1)) == NAME_EXISTS
    # a fixture group's name is taken too
    assert error_of(portal.create_call("Support")) == (400, 0, GROUP_NAME_EXISTS)


def test_unique_names_on_rename(portal: Portal) -> None:
    first = portal.create("First")
    second = portal.create("Second")
    assert error_of(_update(portal, second["id"], name="first", responsibleList=RESPONSIBLE)) == NAME_EXISTS
    # renaming a flow to its own name (another case) is not a clash
    assert (
        _update(portal, first["id"], name="FIRST", responsibleList=RESPONSIBLE).json()["result"]["name"]
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
    # no access check, empty names are names, an unknown exclusion id excludes nothing (D9)
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "   "}}) == {"exists": False}
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": ""}}) == {"exists": False}
    unknown = {"flowData": {"name": "Named", "id": 999}}
    assert portal.ok("tasks.flow.Flow.isExists", unknown, EXTRANET) == {"exists": True}


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


UNKNOWN = (400, 0, "Unknown error. [Flow: 1]")
BY_ID: list[tuple[str, Any]] = [
    ("tasks.flow.Flow.get", lambda i: {"flowId": i}),
    ("tasks.flow.Flow.pin", lambda i: {"flowId": i}),
    ("tasks.flow.Flow.activate", lambda i: {"flowId": i}),
    ("tasks.flow.Flow.update", lambda i: {"flowData": {"id": i, "responsibleList": [["user", "2"]]}}),
    ("tasks.flow.Flow.delete", lambda i: {"flowData": {"id": i}}),
]


@pytest.mark.parametrize(
    ("method", "body", "expected"),
    [
        (*BY_ID[0], NOT_FOUND),
        (*BY_ID[1], True),
        (*BY_ID[2], NOT_FOUND),
        (*BY_ID[3], UNKNOWN),
        (*BY_ID[4], UNKNOWN),
    ],
)
def test_an_administrator_after_delete(portal: Portal, method: str, body: Any, expected: Any) -> None:
    """Admins pass access for any id (tasks 24.450 access rules), then meet the method's own answer."""
    flow = portal.create("Doomed")
    portal.ok("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}})
    response = portal.call(method, body(flow["id"]))
    assert (response.json()["result"] if expected is True else error_of(response)) == expected
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Doomed", "id": flow["id"]}}) == {
        "exists": False
    }


@pytest.mark.parametrize(("method", "body"), BY_ID)
def test_anyone_else_after_delete(portal: Portal, method: str, body: Any) -> None:
    """Access before existence: a non-administrator learns nothing about an unknown id."""
    flow = portal.create("Doomed", base=USER2, taskCreators=[["meta-user", "all-users"]])
    portal.ok("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}}, USER2)
    assert error_of(portal.call(method, body(flow["id"]), USER2)) == ACCESS


def _team_of(portal: Portal, flow_id: int) -> Any:
    return portal.ok("tasks.flow.Flow.get", {"flowId": flow_id})["team"]


def test_team_for_queue_is_the_responsible_list(portal: Portal) -> None:
    flow = portal.create("Queue", responsibleList=[["user", "2"], ["department", "3"]])
    assert _team_of(portal, flow["id"]) == [["user", "2"], ["department", "3"]]


def test_team_for_manual_is_the_group_minus_the_moderator(portal: Portal) -> None:
    flow = portal.create("Manual", distributionType="manually", responsibleList=[["user", "3"]], groupId=1)
    assert _team_of(portal, flow["id"]) == [["user", "1"], ["user", "2"]]
    portal.ok("tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "responsibleList": [["user", "2"]]}})
    assert _team_of(portal, flow["id"]) == [["user", "1"], ["user", "3"]]


def test_manual_flow_takes_several_responsible_entries(portal: Portal) -> None:
    """The first entry is the moderator; the others are kept (D54)."""
    flow = portal.create(
        "Two moderators",
        distributionType="manually",
        groupId=1,
        responsibleList=[["user", "2"], ["user", "3"]],
    )
    got = portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"]})
    assert got["responsibleList"] == [["user", "2"], ["user", "3"]]
    assert got["team"] == [["user", "1"], ["user", "3"]]
    # a department first leaves no manual distributor: the command fails without a reason
    response = portal.create_call(
        "Department first", distributionType="manually", responsibleList=[["department", "2"]]
    )
    status, code, text = error_of(response)
    assert (status, code) == (400, 0) and text.startswith("Unknown error. [Flow: ")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"distributionType": "round-robin"}, "distributionType: unexpected value"),
        ({"responsibleList": [["user", "999"]]}, "User 999 doesn't exists"),
        ({"responsibleList": [["user"]]}, "responsibleList: unexpected value"),
        ({"taskCreators": [["user", "2", "x"]]}, "taskCreators: unexpected value"),
        ({"taskCreators": [["department", "99"]]}, "Department 99 doesn't exists"),
        ({"responsibleList": [["department", "98:F"]]}, "Department 98 doesn't exists"),
        ({"ownerId": 999}, "User 999 doesn't exists"),
        ({"templateId": 7}, "Template 7 doesn't exists"),
        ({"groupId": 999}, "Cannot find flow"),
        ({"plannedCompletionTime": "soon"}, "Property plannedCompletionTime cannot be null"),
        ({"plannedCompletionTime": None}, "Property plannedCompletionTime cannot be null"),
        ({"name": ["a"]}, "Property name cannot be null"),
        ({"distributionType": None}, "Property distributionType cannot be null"),
        ({"responsibleList": "user 2"}, "'responsibleList': field's value must not be empty"),
        ({"matchWorkTime": 2}, "'matchWorkTime': field's value has an invalid value"),
    ],
)
def test_create_answers_the_failing_rule(portal: Portal, change: dict[str, Any], message: str) -> None:
    """Each check has the source's own text (D48, D53)."""
    body = flow_data("F")
    body["flowData"].update(change)
    assert error_of(portal.call("tasks.flow.Flow.create", body)) == (400, 0, message)


def test_create_names_the_first_missing_property(portal: Portal) -> None:
    """The command's field order: plannedCompletionTime, name, distributionType (D48)."""
    assert error_of(portal.call("tasks.flow.Flow.create", {"flowData": {"name": "F"}}))[2] == (
        "Property plannedCompletionTime cannot be null"
    )
    body = {"flowData": {"plannedCompletionTime": 3600, "responsibleList": [["user", "2"]]}}
    assert error_of(portal.call("tasks.flow.Flow.create", body))[2] == "Property name cannot be null"


MISSING_DATA = (400, 100, "Could not find value for parameter {flowData}")
MISSING_ID = (400, 100, "Could not find value for parameter {flowId}")


def _invalid_id(shown: str) -> tuple[int, int, str]:
    return (
        400,
        100,
        f"Invalid value {{{shown}}} to match with parameter {{flowId}}. Should be value of type int.",
    )


@pytest.mark.parametrize(
    ("method", "body", "expected"),
    [
        ("tasks.flow.Flow.create", {}, MISSING_DATA),
        ("tasks.flow.Flow.update", {}, MISSING_DATA),
        ("tasks.flow.Flow.delete", {}, MISSING_DATA),
        ("tasks.flow.Flow.isExists", {}, MISSING_DATA),
        ("tasks.flow.Flow.get", {}, MISSING_ID),
        ("tasks.flow.Flow.activate", {}, MISSING_ID),
        ("tasks.flow.Flow.pin", {}, MISSING_ID),
        ("tasks.flow.Flow.get", {"flowId": "abc"}, _invalid_id("abc")),
        ("tasks.flow.Flow.pin", {"flowId": None}, _invalid_id("")),
        ("tasks.flow.Flow.pin", {"flowId": True}, _invalid_id("1")),
        ("tasks.flow.Flow.activate", {"flowId": [1]}, _invalid_id("Array")),
        ("tasks.flow.Flow.isExists", {"flowData": {}}, (400, 0, "name: cannot be null")),
        ("tasks.flow.Flow.isExists", {"flowData": {"name": None}}, (400, 0, "name: cannot be null")),
    ],
)
def test_binding_errors(portal: Portal, method: str, body: Any, expected: Any) -> None:
    """The framework binder's errors, code 100, before anything else (D48); isExists without a name."""
    assert error_of(portal.call(method, body, USER3)) == expected


@pytest.mark.parametrize("value", ["text", 12, True, None])
def test_flow_data_that_is_no_object_is_php_s_type_error(portal: Portal, value: Any) -> None:
    status, code, text = error_of(portal.call("tasks.flow.Flow.update", {"flowData": value}, USER3))
    assert (status, code) == (400, 0)
    assert messages.message_matches(SPEC.messages("FlowDataNotObject")[0], text)


def test_numeric_flow_ids_are_cut_to_integers(portal: Portal) -> None:
    flow = portal.create("Numeric")
    assert portal.ok("tasks.flow.Flow.get", {"flowId": str(flow["id"])})["id"] == flow["id"]
    assert portal.ok("tasks.flow.Flow.get", {"flowId": flow["id"] + 0.7})["id"] == flow["id"]


def test_a_list_as_flow_data_is_an_empty_one(portal: Portal) -> None:
    assert error_of(portal.call("tasks.flow.Flow.create", {"flowData": []}))[2] == (
        "Property plannedCompletionTime cannot be null"
    )


def test_extranet_user_cannot_create(portal: Portal) -> None:
    response = portal.call("tasks.flow.Flow.create", OFFICIAL_CREATE, EXTRANET)
    assert error_of(response) == ACCESS


def test_only_creator_owner_or_admin_manage(portal: Portal) -> None:
    flow = portal.create("Owned by 2", base=USER2, responsibleList=[["user", "3"]])
    for method, body in [
        ("tasks.flow.Flow.update", {"flowData": {"id": flow["id"], "responsibleList": RESPONSIBLE}}),
        ("tasks.flow.Flow.activate", {"flowId": flow["id"]}),
        ("tasks.flow.Flow.delete", {"flowData": {"id": flow["id"]}}),
    ]:
        assert error_of(portal.call(method, body, USER3)) == ACCESS
    assert _update(portal, flow["id"], ADMIN, description="by admin", responsibleList=[["user", "3"]]).json()[
        "result"
    ]
    assert portal.ok("tasks.flow.Flow.activate", {"flowId": flow["id"]}, USER2) is True
    body = {"flowData": {"id": flow["id"], "ownerId": 4, "responsibleList": [["user", "3"]]}}
    body["flowData"]["groupId"] = flow["groupId"]
    handed = portal.ok("tasks.flow.Flow.update", body, USER2)
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
    public = portal.create("Public", base=USER2, taskCreators=[["meta-user", "all-users"]])
    assert portal.ok("tasks.flow.Flow.get", {"flowId": public["id"]}, USER4)["id"] == public["id"]
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": public["id"]}, EXTRANET)) == ACCESS


def test_is_exists_for_any_user(portal: Portal) -> None:
    portal.create("Known")
    assert portal.ok("tasks.flow.Flow.isExists", {"flowData": {"name": "Known"}}, EXTRANET) == {
        "exists": True
    }


def test_flow_members_in_the_official_order(portal: Portal) -> None:
    from b24_spec.model import default  # noqa: PLC0415

    example = list(default().example("FlowResultExample")["result"])
    # matchSchedule (tasks 24.450) is not in the docs' example; it follows matchWorkTime
    example.insert(example.index("matchWorkTime") + 1, "matchSchedule")
    assert list(portal.create("Ordered")) == example


def _ru_fixtures(tmp_path: Path) -> Path:
    from reference_server.core.identities import DEFAULT_FIXTURES  # noqa: PLC0415

    data = yaml.safe_load(DEFAULT_FIXTURES.read_text(encoding="utf-8"))
    path = tmp_path / "ru.yaml"
    path.write_text(yaml.safe_dump({**data, "lang": "ru"}, allow_unicode=True), encoding="utf-8")
    return path


def test_messages_in_english_by_default(portal: Portal) -> None:
    """The English language-file strings of tasks 24.450 (spec/README.md D34, D35)."""
    portal.create("Taken", groupId=1)
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": 999}, USER2)) == ACCESS
    assert error_of(portal.create_call("Taken", groupId=1)) == NAME_EXISTS


def test_messages_in_russian_with_lang_ru(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    """`lang: ru` in the fixtures switches every flow message to the Russian language file."""
    portal = make_portal(fixtures=_ru_fixtures(tmp_path))
    portal.create("Занято")
    assert error_of(portal.call("tasks.flow.Flow.get", {"flowId": 999}, USER2)) == (
        400, 0, "Доступ запрещён или поток не найден",
    )  # fmt: skip
    assert error_of(portal.create_call("Занято", groupId=1)) == (400, 0, RU_NAME_EXISTS)
    assert error_of(portal.create_call("Занято")) == (400, 0, RU_GROUP_NAME_EXISTS)
    assert error_of(portal.create_call("F", ownerId=999)) == (400, 0, "User 999 doesn't exists")


def test_every_flow_error_has_a_current_text_in_both_languages() -> None:
    """What the server sends for a flow error, per language, is one of the spec's variants of that
    language (hard-coded English texts are declared for both languages)."""
    from reference_server.core.errors import BitrixError, Wire  # noqa: PLC0415

    names = {"FlowAccessDenied", "FlowNameExists", "FlowNotFound", "FlowUnknownError"}
    for name in sorted(names):
        for lang in ("en", "ru"):
            text = BitrixError.named(name, line=1).body(SPEC, Wire(lang=lang))["error_description"]
            variants = [v for v in SPEC.messages(name) if v["lang"] == lang and v.get("current")]
            assert any(messages.message_matches(v, text) for v in variants), (name, lang, text)


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    from reference_server.core.identities import load_identities  # noqa: PLC0415

    path = tmp_path / "de.yaml"
    path.write_text("lang: de\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lang"):
        load_identities(path)


def test_flow_codes_are_integers_unless_string_codes(make_portal: Callable[..., Portal]) -> None:
    """W1 of the audit: the REST core sends the flow error code as the integer 0; `string_codes`
    gives the docs' "0" (spec/README.md D1)."""
    portal = make_portal()
    assert portal.call("tasks.flow.Flow.get", {"flowId": 999}, USER2).json()["error"] == 0
    docs = make_portal(string_codes=True)
    assert docs.call("tasks.flow.Flow.get", {"flowId": 999}, USER2).json()["error"] == "0"
    # a string code stays a string either way
    assert portal.call("no.such.method", {}).json()["error"] == "ERROR_METHOD_NOT_FOUND"


NAME_LENGTH = "'name': field's length must be greater than 1 and less than 255"


def small(field: str, limit: int) -> str:
    return f"'{field}': field's value must be greater than {limit}"


def large(field: str, limit: int) -> str:
    return f"'{field}': field's value must be less than {limit}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"plannedCompletionTime": 3599}, small("plannedCompletionTime", 3600)),
        ({"plannedCompletionTime": 2145398401}, large("plannedCompletionTime", 2145398400)),
        ({"templateId": -1}, small("templateId", 0)),
        ({"name": ""}, NAME_LENGTH),
        ({"name": "x" * 256}, NAME_LENGTH),
        ({"responsibleList": []}, "'responsibleList': field's value must not be empty"),
        ({"notifyOnQueueOverflow": 100000}, large("notifyOnQueueOverflow", 99999)),
        ({"notifyOnTasksInProgressOverflow": -1}, small("notifyOnTasksInProgressOverflow", 0)),
        ({"notifyWhenEfficiencyDecreases": 101}, large("notifyWhenEfficiencyDecreases", 100)),
        # the first failing rule in the portal's field order wins
        ({"plannedCompletionTime": 1, "name": "", "notifyOnQueueOverflow": -5},
         small("plannedCompletionTime", 3600)),
        ({"templateId": -1, "plannedCompletionTime": 1}, small("templateId", 0)),
        ({"name": "", "responsibleList": []}, NAME_LENGTH),
    ],
)  # fmt: skip
def test_create_limits_answer_the_rule_message(portal: Portal, change: dict[str, Any], message: str) -> None:
    """Audit "Command validation" (tasks 24.450 AddCommand.php, internals/attribute/*.php)."""
    body = flow_data("Limits")
    body["flowData"].update(change)
    assert error_of(portal.call("tasks.flow.Flow.create", body)) == (400, 0, message)


def test_create_limits_are_inclusive(portal: Portal) -> None:
    flow = portal.create(
        "x" * 255,
        plannedCompletionTime=2145398400,
        notifyOnQueueOverflow=99999,
        notifyOnTasksInProgressOverflow=0,
        notifyWhenEfficiencyDecreases=100,
    )
    assert flow["plannedCompletionTime"] == 2145398400 and flow["notifyOnQueueOverflow"] == 99999
    assert portal.create("y", plannedCompletionTime=3600)["name"] == "y"


def test_update_limits_answer_the_rule_message(portal: Portal) -> None:
    flow = portal.create("Bounded")
    for change, message in [
        ({"ownerId": 0}, small("ownerId", 0)),
        ({"groupId": -3}, small("groupId", 0)),
        ({"plannedCompletionTime": 60}, small("plannedCompletionTime", 3600)),
        ({"notifyWhenEfficiencyDecreases": 500}, large("notifyWhenEfficiencyDecreases", 100)),
    ]:  # fmt: skip
        body = {"flowData": {"id": flow["id"], "responsibleList": [["user", "2"]], **change}}
        assert error_of(portal.call("tasks.flow.Flow.update", body)) == (400, 0, message)


def test_create_owner_and_group_zero_mean_caller_and_new_group(portal: Portal) -> None:
    flow = portal.create("Zeroes", base=USER2, ownerId=0, groupId=-1)
    assert flow["ownerId"] == 2
    assert flow["groupId"] > 1


def test_switches_take_json_booleans(portal: Portal) -> None:
    """D5: the DTO's switches are PHP bools, so true/false work like 1/0."""
    flow = portal.create("Booleans", taskControl=True, matchWorkTime=False, notifyAtHalfTime=1)
    assert flow["taskControl"] is True and flow["matchWorkTime"] is False and flow["notifyAtHalfTime"] is True


def test_form_switches_follow_php_truthiness(portal: Portal) -> None:
    """Only "" and "0" are false: "false" and "N" switch on (audit, DTO coercion)."""
    query = (
        "tasks.flow.Flow.create?flowData[name]=Form&flowData[plannedCompletionTime]=3600"
        "&flowData[distributionType]=queue&flowData[responsibleList][0][0]=user&flowData[responsibleList][0][1]=2"
        "&flowData[taskControl]=false&flowData[notifyAtHalfTime]=N&flowData[matchWorkTime]=0"
        "&flowData[responsibleCanChangeDeadline]="
    )
    flow = portal.post(ADMIN + query).json()["result"]
    assert flow["taskControl"] is True and flow["notifyAtHalfTime"] is True
    assert flow["matchWorkTime"] is False and flow["responsibleCanChangeDeadline"] is False


def test_update_and_delete_check_access_before_the_fields(portal: Portal) -> None:
    """A caller who may not change the flow is refused before any field check (tasks 24.450)."""
    flow = portal.create("Guarded", base=USER2, taskCreators=[["meta-user", "all-users"]])
    bad = {"flowData": {"id": flow["id"], "plannedCompletionTime": 1}}
    assert error_of(portal.call("tasks.flow.Flow.update", bad, USER3)) == ACCESS
    assert error_of(portal.call("tasks.flow.Flow.update", {"flowData": {}}, USER3)) == ACCESS
    assert error_of(portal.call("tasks.flow.Flow.delete", {"flowData": {"id": "x"}}, USER3)) == ACCESS
    # the owner gets the first failing check's own message (plannedCompletionTime before responsibleList)
    assert error_of(portal.call("tasks.flow.Flow.update", bad, USER2)) == (
        400, 0, small("plannedCompletionTime", 3600),
    )  # fmt: skip


@pytest.mark.parametrize("flow_id", ["٢", "²", "0x1A", "12abc"])
def test_ids_php_does_not_read_as_numbers_are_binder_errors(portal: Portal, flow_id: str) -> None:
    status, code, _text = error_of(portal.call("tasks.flow.Flow.get", {"flowId": flow_id}))
    assert (status, code) == (400, 100)
