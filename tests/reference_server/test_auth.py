"""Identities and credentials: webhooks, OAuth tokens, scopes, and what each may call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reference_server.core.identities import DEFAULT_FIXTURES

from .conftest import ADMIN, Portal, error_of

NO_AUTH = (401, "NO_AUTH_FOUND", "Wrong authorization data")


def test_wrong_webhook_code(portal: Portal) -> None:
    assert (
        error_of(portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, "/rest/1/wrong/"))
        == NO_AUTH
    )


def test_webhook_code_of_another_user(portal: Portal) -> None:
    response = portal.call(
        "tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, "/rest/2/reference-admin/"
    )
    assert error_of(response) == NO_AUTH


def test_oauth_without_token(portal: Portal) -> None:
    assert (
        error_of(portal.post("/rest/tasks.flow.Flow.isExists", json={"flowData": {"name": "x"}})) == NO_AUTH
    )


def test_oauth_token_in_query_body_and_header(portal: Portal) -> None:
    body = {"flowData": {"name": "x"}}
    assert (
        portal.post("/rest/tasks.flow.Flow.isExists?auth=reference-token-admin", json=body).status_code == 200
    )
    assert (
        portal.post(
            "/rest/tasks.flow.Flow.isExists", json={**body, "auth": "reference-token-admin"}
        ).status_code
        == 200
    )
    headers = {"authorization": "Bearer reference-token-admin"}
    assert portal.post("/rest/tasks.flow.Flow.isExists", json=body, headers=headers).status_code == 200
    form = "flowData[name]=x&auth=reference-token-user2"
    response = portal.post(
        "/rest/tasks.flow.Flow.isExists",
        content=form,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200


def test_wrong_and_expired_tokens(portal: Portal) -> None:
    assert error_of(portal.post("/rest/tasks.flow.Flow.get?auth=nope", json={"flowId": 1})) == NO_AUTH
    expired = portal.post("/rest/tasks.flow.Flow.get?auth=reference-token-expired", json={"flowId": 1})
    assert error_of(expired) == (401, "expired_token", "The access token provided has expired")


def test_missing_scope(portal: Portal) -> None:
    """D45: the auth layer's refusal is a 401; the text names the credential."""
    response = portal.call("tasks.flow.Flow.get", {"flowId": 1}, "/rest/1/reference-bizproc-only/")
    assert error_of(response) == (
        401,
        "insufficient_scope",
        "The request requires higher privileges than provided by the webhook token",
    )


def test_missing_scope_of_an_oauth_token(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    """D45: the OAuth layer words insufficient_scope after the access token."""
    fixtures = tmp_path / "ids.yaml"
    user2 = "{token: reference-token-user2, user: 2, application: local.reference.app, scopes: [task"
    text = DEFAULT_FIXTURES.read_text(encoding="utf-8").replace(f"{user2}, bizproc]}}", f"{user2}]}}")
    assert "scopes: [task]}" in text
    fixtures.write_text(text, encoding="utf-8")
    portal = make_portal(fixtures=fixtures)
    response = portal.post("/rest/bizproc.task.list?auth=reference-token-user2", json={})
    assert error_of(response) == (
        401,
        "insufficient_scope",
        "The request requires higher privileges than provided by the access token",
    )


def test_auth_layer_statuses_and_texts(portal: Portal) -> None:
    """D45: faults of the auth layer answer 401 with the source's texts; a deleted portal 403."""
    expected = {
        "InvalidCredentials": (401, "INVALID_CREDENTIALS", "Invalid request credentials"),
        "RestNotOnPlan": (401, "ACCESS_DENIED", "REST is available only on commercial plans."),
        "UserAccessError": (401, "user_access_error", "The user does not have access to the application."),
        "OverloadLimit": (401, "OVERLOAD_LIMIT", "REST API is blocked due to overload."),
        "InvalidRequest": (401, "INVALID_REQUEST", "Https required."),
        "PortalDeleted": (403, "PORTAL_DELETED", "Portal was deleted"),
        "OperationTimeLimit": (429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."),
    }
    for name, answer in expected.items():
        response = portal.post(ADMIN + "bizproc.task.list", json={}, headers={"X-Reference-Fault": name})
        assert error_of(response) == answer, name


def test_the_call_runs_as_the_token_owner(portal: Portal) -> None:
    response = portal.post(
        "/rest/tasks.flow.Flow.create?auth=reference-token-user2",
        json={
            "flowData": {
                "name": "Mine",
                "plannedCompletionTime": 3600,
                "distributionType": "queue",
                "responsibleList": [["user", "2"]],
            }
        },
    )
    assert response.json()["result"]["creatorId"] == 2


def test_fixtures_file_replaces_identities(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    fixtures = tmp_path / "ids.yaml"
    fixtures.write_text(
        "users: [{id: 7, admin: true}]\nwebhooks: [{user: 7, code: seven, scopes: [task]}]\n"
        "oauth: [{token: t7, user: 7, application: app, scopes: [task], expires_at: 4102444800}]\n",
        encoding="utf-8",
    )
    portal = make_portal(fixtures=fixtures)
    assert (
        portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, "/rest/7/seven/").status_code
        == 200
    )
    assert (
        portal.post("/rest/tasks.flow.Flow.isExists?auth=t7", json={"flowData": {"name": "x"}}).status_code
        == 200
    )
    assert error_of(portal.call("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}, ADMIN)) == NO_AUTH
