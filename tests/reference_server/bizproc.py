"""Helpers for the bizproc tests: calls with an application's OAuth token, executable templates."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx

from .conftest import Portal

APP = "reference-token-admin"  # user 1 (admin) through local.reference.app (rest_app_1)
APP_USER2 = "reference-token-user2"  # user 2 (no admin) through the same application
OTHER_APP = "reference-token-other-app"  # user 1 through local.other.app (rest_app_2)
LEAD = ["crm", "CCrmDocumentLead", "LEAD"]
DEAL = ["crm", "CCrmDocumentDeal", "DEAL"]
# every declared HTTP status and code of the bizproc errors, for checks on (status, code, text)
ACCESS_DENIED = (403, "ACCESS_DENIED", "Access denied!")
APP_CONTEXT = (403, "ACCESS_DENIED", "Access denied! Application context required")  # D43


def oauth(
    portal: Portal, method: str, body: dict[str, Any] | None = None, token: str = APP
) -> httpx.Response:
    return portal.post(f"/rest/{method}?auth={token}", json=body or {})


def ok(portal: Portal, method: str, body: dict[str, Any] | None = None, token: str = APP) -> Any:
    response = oauth(portal, method, body, token)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def failure(response: httpx.Response) -> tuple[int, str | int, str]:
    body = response.json()
    assert set(body) == {"error", "error_description"}, body
    return response.status_code, body["error"], body["error_description"]


def upload(content: dict[str, Any] | str | bytes, name: str = "flow.json") -> list[str]:
    """A FileUpload `[name, base64]` of a program (as JSON) or of raw bytes."""
    if isinstance(content, dict):
        raw = json.dumps(content).encode()
    elif isinstance(content, str):
        raw = content.encode()
    else:
        raw = content
    return [name, base64.b64encode(raw).decode()]


def add_template(
    portal: Portal,
    steps: list[Any] | None = None,
    document_type: list[str] | None = None,
    token: str = APP,
    **extra: Any,
) -> int:
    """An executable template (no steps: its workflows complete at once)."""
    program = {"steps": steps or [], **extra}
    body = {"DOCUMENT_TYPE": document_type or LEAD, "NAME": "Template", "TEMPLATE_DATA": upload(program)}
    result: int = ok(portal, "bizproc.workflow.template.add", body, token)
    return result


def add_opaque_template(portal: Portal, document_type: list[str] | None = None) -> int:
    """A `.bpt`-like template: stored, its workflows run no steps and stay running."""
    body = {
        "DOCUMENT_TYPE": document_type or LEAD,
        "NAME": "Opaque",
        "TEMPLATE_DATA": upload(b"x\x9c\x03\x00\x00\x00\x00\x01", "export.bpt"),
    }
    result: int = ok(portal, "bizproc.workflow.template.add", body)
    return result


def start(portal: Portal, template_id: int, document: str = "LEAD_1", **parameters: Any) -> str:
    module_entity = (
        ["crm", "CCrmDocumentLead"] if document.startswith("LEAD_") else ["crm", "CCrmDocumentDeal"]
    )
    body: dict[str, Any] = {"TEMPLATE_ID": template_id, "DOCUMENT_ID": [*module_entity, document]}
    if parameters:
        body["PARAMETERS"] = parameters
    result: str = ok(portal, "bizproc.workflow.start", body)
    return result


def tasks(portal: Portal, token: str = APP, **filters: Any) -> list[dict[str, Any]]:
    """Every page of the task list the token's user sees, following `next`."""
    body = {
        "SELECT": ["ID", "WORKFLOW_ID", "NAME", "USER_ID", "STATUS", "USER_STATUS", "ACTIVITY"],
        "FILTER": filters,
    }
    rows: list[dict[str, Any]] = []
    start: int | None = 0
    while start is not None:
        response = oauth(portal, "bizproc.task.list", {**body, "start": start}, token)
        assert response.status_code == 200, response.text
        rows += response.json()["result"]
        start = response.json().get("next")
    return rows


def instances(portal: Portal, **body: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = ok(portal, "bizproc.workflow.instances", body)
    return result


def calls(portal: Portal) -> list[dict[str, Any]]:
    """The robot and action handler calls the portal made (admin endpoint)."""
    found: list[dict[str, Any]] = portal.get("/_reference/bizproc/calls").json()["calls"]
    return found


def workflow(portal: Portal, workflow_id: str) -> dict[str, Any] | None:
    """A stored workflow, finished ones included (admin endpoint); None once killed."""
    for record in portal.get("/_reference/bizproc/workflows").json()["workflows"]:
        if record["ID"] == workflow_id:
            found: dict[str, Any] = record
            return found
    return None


def robot(portal: Portal, code: str = "test_robot", token: str = APP, **fields: Any) -> None:
    body = {"CODE": code, "HANDLER": "https://app.example/robot.php", "NAME": "Robot", **fields}
    assert ok(portal, "bizproc.robot.add", body, token) is True
