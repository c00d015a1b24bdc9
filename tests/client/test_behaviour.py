"""Bitrix24 behaviour of the generated client: typed errors, construction, forward compatibility."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from b24_client import Bitrix24Error, Client, batch_errors, oauth_client, webhook_client
from b24_client.api.batch import batch
from b24_client.api.tasks_flow import tasks_flow_flow_get, tasks_flow_flow_pin
from b24_client.errors import UnexpectedStatus
from b24_client.models import BatchBody, DistributionType, TasksFlowFlowGetBody, TasksFlowFlowPinBody

from tests.client.conftest import BASE_URL

FLOW = {
    "id": 517, "creatorId": 1, "ownerId": 1, "groupId": 178, "templateId": 0, "efficiency": 0,
    "active": True, "plannedCompletionTime": 7200, "activity": "2024-09-02T15:27:29+00:00",
    "name": "Flow", "description": "", "distributionType": "manually", "responsibleList": [["user", "3"]],
    "demo": False, "responsibleCanChangeDeadline": False, "matchWorkTime": True, "taskControl": False,
    "notifyAtHalfTime": False, "notifyOnQueueOverflow": None, "notifyOnTasksInProgressOverflow": None,
    "notifyWhenEfficiencyDecreases": None, "taskCreators": [["meta-user", "all-users"]],
    "team": [["user", "3"]], "trialFeatureEnabled": False,
}  # fmt: skip


def _answering(status: int, body: Any) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    return handler


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> Client:
    client = Client(base_url=BASE_URL)
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(handler), base_url=BASE_URL))
    return client


def test_an_error_under_http_200_raises_a_typed_error() -> None:
    body = {"error": "0", "error_description": "Unknown error"}
    with pytest.raises(Bitrix24Error) as caught:
        tasks_flow_flow_pin.sync(client=_client(_answering(200, body)), body=TasksFlowFlowPinBody(flow_id=1))
    assert (caught.value.status_code, caught.value.code, caught.value.description) == (
        200,
        "0",
        "Unknown error",
    )
    assert caught.value.operation == "tasks.flow.Flow.pin"


def test_an_error_status_raises_a_typed_error_with_an_unknown_code() -> None:
    body = {"error": "SOMETHING_NEW", "error_description": "Later portals add codes", "argument": "x"}
    with pytest.raises(Bitrix24Error) as caught:
        tasks_flow_flow_get.sync(client=_client(_answering(400, body)), body=TasksFlowFlowGetBody(flow_id=1))
    assert caught.value.code == "SOMETHING_NEW"
    assert caught.value.body["argument"] == "x"


def test_an_empty_error_code_is_kept() -> None:
    body = {"error": "", "error_description": "Wrong DOCUMENT_ID!"}
    with pytest.raises(Bitrix24Error) as caught:
        tasks_flow_flow_get.sync(client=_client(_answering(400, body)), body=TasksFlowFlowGetBody(flow_id=1))
    assert caught.value.code == ""


def test_a_new_field_and_a_new_enum_value_do_not_crash() -> None:
    flow = {**FLOW, "distributionType": "round_robin_v2", "brandNewField": {"x": 1}}
    client = _client(_answering(200, {"result": flow, "extra": 1}))
    result = tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=517)).result
    assert result.distribution_type == "round_robin_v2"
    assert result.distribution_type.name == "UNKNOWN"
    assert result.distribution_type not in list(DistributionType)
    assert result.additional_properties["brandNewField"] == {"x": 1}
    assert result.to_dict()["distributionType"] == "round_robin_v2"


def test_a_known_enum_value_is_the_member() -> None:
    client = _client(_answering(200, {"result": FLOW}))
    result = tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=517)).result
    assert result.distribution_type is DistributionType.MANUALLY


def test_a_non_bitrix_failure_is_an_unexpected_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="<html>Bad gateway</html>")

    with pytest.raises(UnexpectedStatus):
        tasks_flow_flow_get.sync(client=_client(handler), body=TasksFlowFlowGetBody(flow_id=1))


def test_batch_command_errors_are_typed() -> None:
    inner = {
        "result": {"a": True},
        "result_error": {"b": {"error": "0", "error_description": "Flow not found"}},
        "result_total": [], "result_next": [], "result_time": [],
    }  # fmt: skip
    client = _client(_answering(200, {"result": inner}))
    answer = batch.sync(client=client, body=BatchBody.from_dict({"cmd": {"a": "x", "b": "y"}}))
    failed = batch_errors(answer.result.to_dict())
    assert list(failed) == ["b"]
    assert (failed["b"].code, failed["b"].status_code, failed["b"].operation) == ("0", 200, "batch[b]")
    assert batch_errors({"result_error": []}) == {}


def test_a_webhook_url_becomes_the_base_url() -> None:
    assert webhook_client("https://p.example/rest/7/secret/")._base_url == "https://p.example/rest/7/secret"
    with pytest.raises(ValueError, match="not a webhook URL"):
        webhook_client("https://p.example/rest/")


def test_an_oauth_client_sends_the_token_as_auth() -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, json={"result": True})

    client = oauth_client("p.example", "tok", httpx_args={"transport": httpx.MockTransport(handler)})
    tasks_flow_flow_pin.sync(client=client, body=TasksFlowFlowPinBody(flow_id=1))
    assert str(seen[0]) == "https://p.example/rest/tasks.flow.Flow.pin?auth=tok"
