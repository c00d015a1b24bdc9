"""Point 2: identities and credentials."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
    response = portal.call("tasks.flow.Flow.get", {"flowId": 1}, "/rest/1/reference-bizproc-only/")
    assert error_of(response)[:2] == (403, "insufficient_scope")


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
