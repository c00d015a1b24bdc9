"""bizproc.robot.* / bizproc.activity.*: the per-app registry, validation, event.send and activity.log."""

from __future__ import annotations

from typing import Any

import pytest

from .bizproc import (
    ACCESS_DENIED,
    APP,
    APP_CONTEXT,
    APP_USER2,
    OTHER_APP,
    add_template,
    calls,
    failure,
    oauth,
    ok,
    robot,
    start,
    tasks,
    workflow,
)
from .conftest import USER3, Portal

KINDS = ["robot", "activity"]
VALID = {"CODE": "c1", "HANDLER": "https://app.example/h.php", "NAME": "N"}
VALIDATION = "ERROR_ACTIVITY_VALIDATION_FAILURE"
PROTOCOL = ("ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol")
WRONG_TYPE = (VALIDATION, "Wrong activity DOCUMENT_TYPE!")
OFFICIAL_ACTIVITY = {
    "CODE": "md5_action",
    "HANDLER": "https://your.domain/ping.php",  # the page's placeholder host has no dot (D66)
    "AUTH_USER_ID": 1,
    "USE_SUBSCRIPTION": "Y",
    "NAME": {"de": "MD5 Generator", "en": "MD5 generator"},
    "DESCRIPTION": {"en": "Activity returns MD5 hash of input parameter"},
    "PROPERTIES": {
        "inputString": {
            "Name": {"en": "Input string"},
            "Type": "string",
            "Required": "Y",
            "Multiple": "N",
            "Default": "{=Document:NAME}",
        }
    },
    "RETURN_PROPERTIES": {
        "outputString": {"Name": {"en": "MD5"}, "Type": "string", "Multiple": "N", "Default": None}
    },
    "DOCUMENT_TYPE": ["lists", "BizprocDocument", "iblock_164"],
    "FILTER": {"INCLUDE": [["lists"]]},
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("verb", ["add", "update", "list", "delete"])
def test_application_context_and_admin(portal: Portal, kind: str, verb: str) -> None:
    method = f"bizproc.{kind}.{verb}"
    assert failure(portal.call(method, {"CODE": "x"})) == APP_CONTEXT
    assert failure(oauth(portal, method, {"CODE": "x"}, APP_USER2)) == ACCESS_DENIED


@pytest.mark.parametrize("kind", KINDS)
def test_registry_per_application(portal: Portal, kind: str) -> None:
    assert ok(portal, f"bizproc.{kind}.add", {**VALID, "CODE": "a"}) is True
    assert ok(portal, f"bizproc.{kind}.add", {**VALID, "CODE": "b"}) is True
    assert ok(portal, f"bizproc.{kind}.add", {**VALID, "CODE": "a"}, OTHER_APP) is True  # another app's space
    assert ok(portal, f"bizproc.{kind}.list") == ["a", "b"]
    assert ok(portal, f"bizproc.{kind}.list", {}, OTHER_APP) == ["a"]
    assert failure(oauth(portal, f"bizproc.{kind}.add", {**VALID, "CODE": "a"})) == (
        400,
        "ERROR_ACTIVITY_ALREADY_INSTALLED",
        "Activity or Robot already installed!",
    )
    assert ok(portal, f"bizproc.{kind}.update", {"CODE": "a", "FIELDS": {"NAME": "Renamed"}}) is True
    assert ok(portal, f"bizproc.{kind}.delete", {"code": "a"}) is True  # lower-case key, as the activity page
    assert ok(portal, f"bizproc.{kind}.list") == ["b"]
    missing = (400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Robot not found!")
    assert failure(oauth(portal, f"bizproc.{kind}.delete", {"CODE": "a"})) == missing
    assert failure(oauth(portal, f"bizproc.{kind}.update", {"CODE": "a", "FIELDS": {"NAME": "x"}})) == missing


def test_shared_code_space_of_robots_and_actions(portal: Portal) -> None:
    assert ok(portal, "bizproc.activity.add", {**VALID, "CODE": "shared"}) is True
    installed = (400, "ERROR_ACTIVITY_ALREADY_INSTALLED", "Activity or Robot already installed!")
    assert failure(oauth(portal, "bizproc.robot.add", {**VALID, "CODE": "shared"})) == installed
    # ... yet robot methods do not see the action
    assert ok(portal, "bizproc.robot.list") == []
    missing = (400, "ERROR_ACTIVITY_NOT_FOUND", "Activity or Robot not found!")
    assert failure(oauth(portal, "bizproc.robot.delete", {"CODE": "shared"})) == missing
    assert ok(portal, "bizproc.activity.list") == ["shared"]


ADD_ERRORS: list[tuple[dict[str, Any], str, str]] = [
    ({}, VALIDATION, "Empty data!"),
    ({"HANDLER": VALID["HANDLER"], "NAME": "N"}, VALIDATION, "Empty activity code!"),
    ({**VALID, "CODE": ""}, VALIDATION, "Empty activity code!"),
    ({**VALID, "CODE": "0"}, VALIDATION, "Empty activity code!"),  # PHP's empty()
    ({**VALID, "CODE": "bad code!"}, VALIDATION, "Wrong activity code!"),
    ({**VALID, "CODE": ["c"]}, VALIDATION, "Wrong activity code!"),
    ({**VALID, "HANDLER": "ftp://app.example/h"}, *PROTOCOL),
    ({**VALID, "HANDLER": "HTTPS://app.example/h"}, *PROTOCOL),  # D66: the scheme exactly as written
    ({**VALID, "HANDLER": "https:///nohost"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    # D66: the host is checked first and needs a dot after its first character
    ({**VALID, "HANDLER": "app.example/h"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({**VALID, "HANDLER": "http://localhost/h"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({**VALID, "HANDLER": "ftp://localhost/h"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({"CODE": "c1", "NAME": "N"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({**VALID, "NAME": ""}, VALIDATION, "Empty activity NAME!"),
    ({**VALID, "NAME": "0"}, VALIDATION, "Empty activity NAME!"),
    ({**VALID, "PROPERTIES": "text"}, VALIDATION, "Wrong properties array!"),
    ({**VALID, "PROPERTIES": ""}, VALIDATION, "Wrong properties array!"),  # set, and not an array
    ({**VALID, "PROPERTIES": {"1text": {"Name": "T"}}}, VALIDATION, "Wrong property key (1text)!"),
    ({**VALID, "RETURN_PROPERTIES": {"ok": {"Name": "T"}, "bad-key": {"Name": "T"}}}, VALIDATION,
     "Wrong property key (bad-key)!"),
    ({**VALID, "PROPERTIES": {"text": {"Type": "string"}}}, VALIDATION, "Empty property NAME (text)!"),
    ({**VALID, "PROPERTIES": {"text": {"name": ""}}}, VALIDATION, "Empty property NAME (text)!"),
    ({**VALID, "PROPERTIES": {"text": "Text"}}, VALIDATION, "Empty property NAME (text)!"),
    ({**VALID, "FILTER": ""}, VALIDATION, "Wrong activity FILTER!"),  # D66: set and not an array
    ({**VALID, "FILTER": "b24"}, VALIDATION, "Wrong activity FILTER!"),
    ({**VALID, "USE_PLACEMENT": "Y"}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("body", "code", "message"), ADD_ERRORS)
def test_add_validation(portal: Portal, kind: str, body: dict[str, Any], code: str, message: str) -> None:
    assert failure(oauth(portal, f"bizproc.{kind}.add", body)) == (400, code, message)
    assert ok(portal, f"bizproc.{kind}.list") == []


ADD_ACCEPTED: list[dict[str, Any]] = [
    {**VALID, "NAME": {"en": ""}},  # a non-empty array is a name to PHP's empty()
    {**VALID, "NAME": "   "},
    {**VALID, "FILTER": {"INCLUDE": [["tasks"]]}},  # any array: its contents are not checked
    {**VALID, "FILTER": ["box"]},
    {**VALID, "FILTER": {"ONLY": ["b24"]}},
    {**VALID, "PROPERTIES": {"text": {"Name": {"ru": ""}}}},
    {**VALID, "PROPERTIES": None, "FILTER": None, "DOCUMENT_TYPE": None},  # null is not set
    {**VALID, "PLACEMENT_HANDLER": "not a url"},  # read only with USE_PLACEMENT "Y"
    {**VALID, "USE_PLACEMENT": "y", "PLACEMENT_HANDLER": "nope"},  # "y" is not "Y"
    {"code": "c1", "handler": VALID["HANDLER"], "name": "N", "properties": {"Text": {"name": "T"}}},
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("body", ADD_ACCEPTED)
def test_add_accepts_what_the_portal_accepts(portal: Portal, kind: str, body: dict[str, Any]) -> None:
    """D66: the portal's checks, not stricter ones."""
    assert ok(portal, f"bizproc.{kind}.add", body) is True
    assert ok(portal, f"bizproc.{kind}.list") == ["c1"]


def test_document_type_is_checked_on_action_add_and_on_every_update(portal: Portal) -> None:
    """D66: robot.add does not look at DOCUMENT_TYPE; activity.add and both updates do."""
    wrong = ["crm", "CCrmDocumentDeal", "LEAD"]
    assert ok(portal, "bizproc.robot.add", {**VALID, "DOCUMENT_TYPE": wrong}) is True
    action = {**VALID, "CODE": "c2"}
    refused = failure(oauth(portal, "bizproc.activity.add", {**action, "DOCUMENT_TYPE": wrong}))
    assert refused == (400, *WRONG_TYPE)
    assert ok(portal, "bizproc.activity.add", action) is True
    for kind, code in (("robot", "c1"), ("activity", "c2")):
        update = {"CODE": code, "FIELDS": {"DOCUMENT_TYPE": wrong}}
        assert failure(oauth(portal, f"bizproc.{kind}.update", update)) == (400, *WRONG_TYPE)
        cleared = {"CODE": code, "FIELDS": {"DOCUMENT_TYPE": []}}  # empty: cleared
        assert ok(portal, f"bizproc.{kind}.update", cleared) is True


def test_robots_take_crm_types_only(portal: Portal) -> None:
    lists_type = ["lists", "BizprocDocument", "iblock_1"]
    assert ok(portal, "bizproc.robot.add", VALID) is True
    update = {"CODE": "c1", "FIELDS": {"DOCUMENT_TYPE": lists_type}}
    assert failure(oauth(portal, "bizproc.robot.update", update))[2] == "Wrong activity DOCUMENT_TYPE!"
    assert ok(portal, "bizproc.activity.add", {**VALID, "CODE": "c2", "DOCUMENT_TYPE": lists_type}) is True


UPDATE_ERRORS: list[tuple[dict[str, Any], str, str]] = [
    ({"FIELDS": {"NAME": "x"}}, VALIDATION, "Empty activity code!"),
    ({"CODE": "c 1", "FIELDS": {"NAME": "x"}}, VALIDATION, "Wrong activity code!"),
    ({"CODE": "c1"}, VALIDATION, "No fields to update"),
    ({"CODE": "c1", "FIELDS": {}}, VALIDATION, "No fields to update"),
    ({"CODE": "c1", "FIELDS": "NAME"}, VALIDATION, "No fields to update"),
    ({"CODE": "c1", "FIELDS": {"CODE": "other"}}, VALIDATION, "No fields to update"),
    # D66: nothing collected: an empty NAME is skipped, null members are not set, and the
    # placement handler alone is no field
    ({"CODE": "c1", "FIELDS": {"NAME": ""}}, VALIDATION, "No fields to update"),
    ({"CODE": "c1", "FIELDS": {"HANDLER": None, "NAME": None}}, VALIDATION, "No fields to update"),
    ({"CODE": "c1", "FIELDS": {"PLACEMENT_HANDLER": "https://app.example/p"}}, VALIDATION,
     "No fields to update"),
    ({"CODE": "c1", "FIELDS": {"HANDLER": "mailto:x@y.z"}}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({"CODE": "c1", "FIELDS": {"HANDLER": "ws://x.y/z"}}, *PROTOCOL),
    ({"CODE": "c1", "FIELDS": {"HANDLER": "http://"}}, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"),
    ({"CODE": "c1", "FIELDS": {"PROPERTIES": 5}}, VALIDATION, "Wrong properties array!"),
    ({"CODE": "c1", "FIELDS": {"PROPERTIES": {"_x": {"Name": "x"}}}}, VALIDATION, "Wrong property key (_x)!"),
    ({"CODE": "c1", "FIELDS": {"RETURN_PROPERTIES": {"x": {}}}}, VALIDATION, "Empty property NAME (x)!"),
    ({"CODE": "c1", "FIELDS": {"FILTER": "b24"}}, VALIDATION, "Wrong activity FILTER!"),
    ({"CODE": "c1", "FIELDS": {"DOCUMENT_TYPE": ["crm", "X", "Y"]}}, *WRONG_TYPE),
    ({"CODE": "c1", "FIELDS": {"NAME": "x", "PLACEMENT_HANDLER": "nope"}}, "ERROR_WRONG_HANDLER_URL",
     "Wrong handler URL"),
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("body", "code", "message"), UPDATE_ERRORS)
def test_update_validation(portal: Portal, kind: str, body: dict[str, Any], code: str, message: str) -> None:
    assert ok(portal, f"bizproc.{kind}.add", VALID) is True
    assert failure(oauth(portal, f"bizproc.{kind}.update", body)) == (400, code, message)


@pytest.mark.parametrize("kind", KINDS)
def test_update_reads_nested_keys_in_any_case(portal: Portal, kind: str) -> None:
    """D66: the portal upper-cases the keys of FIELDS too; USE_PLACEMENT "Y" needs no handler."""
    assert ok(portal, f"bizproc.{kind}.add", VALID) is True
    assert ok(portal, f"bizproc.{kind}.update", {"code": "c1", "fields": {"name": "Renamed"}}) is True
    assert ok(portal, f"bizproc.{kind}.update", {"CODE": "c1", "FIELDS": {"USE_PLACEMENT": "Y"}}) is True
    assert ok(portal, f"bizproc.{kind}.update", {"CODE": "c1", "FIELDS": {"FILTER": {"INCLUDE": "b24"}}})


@pytest.mark.parametrize("kind", KINDS)
def test_delete_validation(portal: Portal, kind: str) -> None:
    assert failure(oauth(portal, f"bizproc.{kind}.delete", {})) == (400, VALIDATION, "Empty activity code!")
    assert failure(oauth(portal, f"bizproc.{kind}.delete", {"CODE": "a b"})) == (
        400,
        VALIDATION,
        "Wrong activity code!",
    )


@pytest.mark.parametrize("code", [True, 1, 1.5])
@pytest.mark.parametrize("kind", KINDS)
def test_a_code_that_is_not_text_is_refused(portal: Portal, kind: str, code: Any) -> None:
    """A portal would cast these to text ("1"); the spec types CODE as text, so the reference server
    refuses them even when a robot or action of the cast code exists."""
    assert ok(portal, f"bizproc.{kind}.add", {**VALID, "CODE": "1"}) is True
    assert failure(oauth(portal, f"bizproc.{kind}.delete", {"CODE": code})) == (
        400,
        VALIDATION,
        "Wrong activity code!",
    )


def test_official_bodies(portal: Portal) -> None:
    # D66: the pages' placeholder host `your_domain` has no dot, which the portal's URL check refuses
    placeholder = {**OFFICIAL_ACTIVITY, "HANDLER": "https://your_domain/ping.php"}
    assert failure(oauth(portal, "bizproc.activity.add", placeholder)) == (
        400,
        "ERROR_WRONG_HANDLER_URL",
        "Wrong handler URL",
    )
    assert ok(portal, "bizproc.activity.add", OFFICIAL_ACTIVITY) is True
    places = {"INCLUDE": [["lists"], ["crm", "CCrmDocumentDeal"]]}
    update = {"CODE": "md5_action", "FIELDS": {"AUTH_USER_ID": 1, "USE_SUBSCRIPTION": "N", "FILTER": places}}
    assert ok(portal, "bizproc.activity.update", update) is True
    official_robot = {
        "CODE": "test_robot",
        "HANDLER": "https://your.domain/robot.php",
        "AUTH_USER_ID": 1,
        "USE_SUBSCRIPTION": "Y",
        "NAME": "Send Message",
        "PROPERTIES": {
            "datetime": {"Name": "When", "Type": "datetime"},
            "text": {"Name": "Text", "Type": "text"},
            "user": {"Name": "To", "Type": "user", "Default": "Author;"},
        },
        "FILTER": {"INCLUDE": [["crm", "CCrmDocumentDeal"], ["crm", "CCrmDocumentLead"]]},
    }
    assert ok(portal, "bizproc.robot.add", official_robot) is True
    deals = {"INCLUDE": [["crm", "CCrmDocumentDeal"]]}
    robot_fields = {"NAME": "Send message to author", "USE_SUBSCRIPTION": "N", "FILTER": deals}
    robot_update = {"CODE": "test_robot", "FIELDS": robot_fields}
    assert ok(portal, "bizproc.robot.update", robot_update) is True
    assert ok(portal, "bizproc.robot.list") == ["test_robot"]
    assert ok(portal, "bizproc.activity.list") == ["md5_action"]
    assert ok(portal, "bizproc.robot.delete", {"CODE": "test_robot"}) is True
    assert ok(portal, "bizproc.activity.delete", {"code": "md5_action"}) is True


def _waiting(portal: Portal, code: str = "answer", **registration: Any) -> tuple[str, str]:
    """A workflow whose robot waits; (workflow id, event token)."""
    robot(portal, code, RETURN_PROPERTIES={"outputString": {"Name": "Out"}}, **registration)
    steps = [
        {"robot": {"id": "wait", "code": code}},
        {"review": {"name": "Got {=wait:outputString}", "users": [1]}},
    ]
    workflow_id = start(portal, add_template(portal, steps))
    token = next(c["EVENT_TOKEN"] for c in calls(portal) if c["WORKFLOW_ID"] == workflow_id)
    return workflow_id, token


def test_event_send(portal: Portal) -> None:
    workflow_id, token = _waiting(portal)
    wrong = [token + "x", token.replace("|wait|", "|other|"), "a|b|c", "nonsense", ""]
    for bad in wrong:
        assert failure(portal.call("bizproc.event.send", {"EVENT_TOKEN": bad})) == ACCESS_DENIED, bad
    assert failure(portal.call("bizproc.event.send", {})) == ACCESS_DENIED
    # any user may answer: the token is the credential; undeclared return values are dropped
    body = {"EVENT_TOKEN": token, "RETURN_VALUES": {"outputString": "42", "extra": 1}, "LOG_MESSAGE": "Done"}
    assert portal.ok("bizproc.event.send", body, USER3) is True
    assert [t["NAME"] for t in tasks(portal, APP, WORKFLOW_ID=workflow_id)] == ["Got 42"]
    record = workflow(portal, workflow_id)
    assert record is not None and record["OUTPUTS"]["wait"] == {"outputString": "42"}
    assert "Done" in [entry["message"] for entry in record["LOG"]]
    # D44: a genuine token whose robot no longer waits is accepted without effect
    again = {"EVENT_TOKEN": token, "RETURN_VALUES": {"outputString": "43"}}
    assert portal.ok("bizproc.event.send", again) is True
    record = workflow(portal, workflow_id)
    assert record is not None and record["OUTPUTS"]["wait"] == {"outputString": "42"}
    assert [t["NAME"] for t in tasks(portal, APP, WORKFLOW_ID=workflow_id)] == ["Got 42"]


def test_event_send_matches_return_values_in_any_case(portal: Portal) -> None:
    workflow_id, token = _waiting(portal)
    body = {"EVENT_TOKEN": token, "RETURN_VALUES": {"OUTPUTSTRING": "7"}}
    assert portal.ok("bizproc.event.send", body) is True
    record = workflow(portal, workflow_id)
    assert record is not None and record["OUTPUTS"]["wait"] == {"outputString": "7"}


def test_activity_log(portal: Portal) -> None:
    workflow_id, token = _waiting(portal)
    assert failure(portal.call("bizproc.activity.log", {"EVENT_TOKEN": token})) == (
        400,
        "ERROR_EMPTY_LOG_MESSAGE",
        "Empty log message!",
    )
    assert failure(portal.call("bizproc.activity.log", {"EVENT_TOKEN": token, "LOG_MESSAGE": ""}))[1] == (
        "ERROR_EMPTY_LOG_MESSAGE"
    )
    assert (
        failure(portal.call("bizproc.activity.log", {"EVENT_TOKEN": "x|y|z", "LOG_MESSAGE": "m"}))
        == ACCESS_DENIED
    )
    # D44: the token is checked before the message; the message by PHP's empty()
    assert failure(portal.call("bizproc.activity.log", {"EVENT_TOKEN": "x|y|z"})) == ACCESS_DENIED
    assert failure(portal.call("bizproc.activity.log", {})) == ACCESS_DENIED
    zero = {"EVENT_TOKEN": token, "LOG_MESSAGE": "0"}
    assert failure(portal.call("bizproc.activity.log", zero))[2] == "Empty log message!"
    assert portal.ok("bizproc.activity.log", {"EVENT_TOKEN": token, "LOG_MESSAGE": "  "}) is True
    official = {"event_token": token, "log_message": "Please wait for answer!"}
    assert portal.ok("bizproc.activity.log", official) is True
    assert portal.ok("bizproc.activity.log", official) is True  # logging does not spend the token
    record = workflow(portal, workflow_id)
    assert record is not None
    assert [e["message"] for e in record["LOG"]].count("Please wait for answer!") == 2
    assert portal.ok("bizproc.event.send", {"EVENT_TOKEN": token}) is True
    # D44: the action no longer waits: accepted, nothing logged
    assert portal.ok("bizproc.activity.log", official) is True
    record = workflow(portal, workflow_id)
    assert record is not None
    assert [e["message"] for e in record["LOG"]].count("Please wait for answer!") == 2


def test_tokens_die_with_their_workflow(portal: Portal) -> None:
    terminated, first = _waiting(portal, "one")
    killed, second = _waiting(portal, "two")
    assert portal.ok("bizproc.workflow.terminate", {"ID": terminated}) is True
    assert portal.ok("bizproc.workflow.kill", {"ID": killed}) is True
    # D44: a genuine token of a workflow that no longer runs: the engine's WorkflowNotFound, 400,
    # code 0 as the newest source sends it (a JSON integer, like every engine code)
    for token in (first, second):
        for method, body in (
            ("bizproc.event.send", {"EVENT_TOKEN": token}),
            ("bizproc.activity.log", {"EVENT_TOKEN": token, "LOG_MESSAGE": "late"}),
        ):
            assert failure(portal.call(method, body)) == (400, 0, "WorkflowNotFound"), (method, token)


def test_robot_without_subscription_does_not_wait(portal: Portal) -> None:
    robot(portal, "fire_and_forget", USE_SUBSCRIPTION="N")
    workflow_id = start(
        portal, add_template(portal, [{"robot": {"code": "fire_and_forget", "properties": {"a": 1}}}])
    )
    call = calls(portal)[0]
    assert call["EVENT_TOKEN"] is None and call["PROPERTIES"] == {"a": 1}
    assert call["HANDLER"] == "https://app.example/robot.php"
    record = workflow(portal, workflow_id)
    assert record is not None and record["STATE"] == "completed"


def test_a_missing_robot_ends_the_workflow(portal: Portal) -> None:
    workflow_id = start(portal, add_template(portal, [{"activity": {"code": "nowhere"}}]))
    record = workflow(portal, workflow_id)
    assert record is not None and record["STATE"] == "completed"
    assert record["STATUS_TEXT"] == "Error: activity nowhere is not installed"
