"""Named errors from the reference server, in an English and in a Russian portal.

Real failures (a missing flow, a duplicate name, another user's flow, a missing template, a batch
command) and, for every error of the catalogue, the server's own rendering of it in the portal's
language (asked for through the fault header), each arriving through the generated client as the
exception named after its catalogue entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from b24_client import Bitrix24, Bitrix24Error, Client, Command, UnknownBitrix24Error, errors
from b24_client.api.tasks_flow import tasks_flow_flow_create, tasks_flow_flow_get
from b24_client.models import TasksFlowFlowCreateBody, TasksFlowFlowGetBody

from b24_spec import conventions
from b24_spec.errors import catalogue
from generator.bundle import bundle
from reference_server import ServerConfig, create_app
from reference_server.core.identities import DEFAULT_FIXTURES
from tests.client.conftest import BASE_URL, SyncASGITransport

SPEC = bundle()
NAMED = catalogue(SPEC)
# in group 1: without a group, create makes one named as the flow, and a second create of the name
# would fail on the group's name first
FLOW = {
    "plannedCompletionTime": 7200, "distributionType": "manually",
    "responsibleList": [["user", "1"]], "groupId": 1,
}  # fmt: skip


def _fixtures(tmp_path: Path, lang: str) -> Path:
    data = yaml.safe_load(DEFAULT_FIXTURES.read_text(encoding="utf-8"))
    path = tmp_path / f"{lang}.yaml"
    path.write_text(yaml.safe_dump({**data, "lang": lang}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(params=["en", "ru"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    app = create_app(ServerConfig(limits=False, fixtures=_fixtures(tmp_path, request.param)))
    yield app
    app.state.portal.store.close()


def _client(app: Any, webhook: str = "1/reference-admin", headers: dict[str, str] | None = None) -> Client:
    url = BASE_URL.replace("1/reference-admin", webhook)
    client = Client(base_url=url)
    client.set_httpx_client(httpx.Client(transport=SyncASGITransport(app), base_url=url, headers=headers))
    return client


def _create(client: Client, name: str) -> Any:
    body = TasksFlowFlowCreateBody.from_dict({"flowData": {"name": name, **FLOW}})
    return tasks_flow_flow_create.sync(client=client, body=body).result


def test_real_flow_failures_are_named(served: Any) -> None:
    with _client(served) as admin:
        flow = _create(admin, "Named")
        with pytest.raises(errors.FlowNameExists):
            _create(admin, "Named")
        with pytest.raises(errors.FlowNotFound) as missing:
            tasks_flow_flow_get.sync(client=admin, body=TasksFlowFlowGetBody(flow_id=999_999))
        assert missing.value.retry == "never" and missing.value.code == "0"
    with _client(served, "4/reference-user4") as stranger, pytest.raises(errors.FlowAccessDenied):
        tasks_flow_flow_get.sync(client=stranger, body=TasksFlowFlowGetBody(flow_id=flow.id))


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"plannedCompletionTime": 60}, errors.FlowValueTooSmall),
        ({"plannedCompletionTime": 2_145_398_401}, errors.FlowValueTooLarge),
        ({"distributionType": "nobody"}, errors.FlowValueUnexpected),
        ({"name": None}, errors.FlowPropertyNull),
        ({"description": 5}, errors.FlowFieldInvalid),
    ],
)
def test_real_field_failures_are_named(
    served: Any, fields: dict[str, Any], named: type[Bitrix24Error]
) -> None:
    body = TasksFlowFlowCreateBody.from_dict({"flowData": {"name": "Bounds", **FLOW, **fields}})
    with _client(served) as admin, pytest.raises(named):
        tasks_flow_flow_create.sync(client=admin, body=body)


def test_every_field_error_is_met_by_a_real_failure() -> None:
    met = {
        "FlowValueTooSmall",
        "FlowValueTooLarge",
        "FlowFieldInvalid",
        "FlowValueUnexpected",
        "FlowPropertyNull",
    }
    assert {e["name"] for e in NAMED if _needs_a_field(e)} <= met


def test_real_bizproc_and_batch_failures_are_named(served: Any) -> None:
    with Bitrix24(_client(served)) as b24:
        with pytest.raises(errors.WorkflowStartTemplateNotFound):
            b24.call("bizproc.workflow.start", {"TEMPLATE_ID": 987_654, "DOCUMENT_ID": ["lists", "x", "1"]})
        outcome = b24.batch({"gone": Command("tasks.flow.Flow.get", {"flowId": 999_999})})
        assert type(outcome.errors["gone"]) is errors.FlowNotFound


def _first_declaration(name: str) -> tuple[str, int]:
    return next(
        (op["operationId"], entry["status"]) for _p, _m, op in conventions.operations(SPEC)
        for entry in op["x-bitrix-errors"] if entry["example"].endswith(f"/{name}")
    )  # fmt: skip


def _needs_a_field(error: dict[str, Any]) -> bool:
    """Whether the portal's message names the field that failed: an injected fault has no field to
    name (the server writes 0), so such errors are met through real failures below."""
    return any("{field}" in v.get("template", "") for v in error["messages"])


FAULTS = [e for e in NAMED if not _needs_a_field(e)]


@pytest.mark.parametrize("error", FAULTS, ids=[e["name"] for e in FAULTS])
def test_every_error_as_the_server_renders_it_is_named(served: Any, error: dict[str, Any]) -> None:
    operation, status = _first_declaration(error["name"])
    headers = {"X-Reference-Fault": error["name"], "X-Reference-Fault-Status": str(status)}
    with Bitrix24(_client(served, headers=headers)) as b24, pytest.raises(Bitrix24Error) as caught:
        b24.call(operation, {})
    assert not isinstance(caught.value, UnknownBitrix24Error), caught.value
    assert type(caught.value).__name__ == error["name"], caught.value
    assert caught.value.status_code == status
