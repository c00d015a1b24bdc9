"""Every operation the reference server implements, called through the generated client in-process."""

from __future__ import annotations

import asyncio
import importlib
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from b24_client import Bitrix24Error, Client, batch_errors
from b24_client.api.batch import batch
from b24_client.api.tasks_flow import (
    tasks_flow_flow_activate,
    tasks_flow_flow_create,
    tasks_flow_flow_delete,
    tasks_flow_flow_get,
    tasks_flow_flow_is_exists,
    tasks_flow_flow_pin,
    tasks_flow_flow_update,
)
from b24_client.models import (
    BatchBody,
    TasksFlowFlowActivateBody,
    TasksFlowFlowCreateBody,
    TasksFlowFlowDeleteBody,
    TasksFlowFlowGetBody,
    TasksFlowFlowIsExistsBody,
    TasksFlowFlowPinBody,
    TasksFlowFlowUpdateBody,
)

from b24_spec import conventions
from generator.bundle import bundle
from reference_server.core.registry import HANDLERS

SPEC = bundle()
OPERATIONS = {op["operationId"]: op for _p, _m, op in conventions.operations(SPEC)}


def _module(operation_id: str) -> ModuleType:
    op = OPERATIONS[operation_id]
    tag = op["tags"][0].replace(".", "_")
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", operation_id).replace(".", "_").lower()
    return importlib.import_module(f"b24_client.api.{tag}.{name}")


def _body_class(module: ModuleType) -> Any:
    return module._get_kwargs.__annotations__["body"]


def _request_examples(operation_id: str) -> Iterator[Any]:
    media = OPERATIONS[operation_id]["requestBody"]["content"]["application/json"]
    for example in media.get("examples", {}).values():
        yield conventions.deref(SPEC, example)["value"]


def _declared(operation_id: str) -> set[tuple[int, str]]:
    return {(e["status"], e["code"]) for e in OPERATIONS[operation_id]["x-bitrix-errors"]}


CALLABLE = sorted(set(OPERATIONS) & set(HANDLERS))


def test_every_operation_of_the_client_is_served() -> None:
    assert set(OPERATIONS) == set(HANDLERS)


@pytest.mark.parametrize("operation_id", CALLABLE)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_official_examples_give_a_typed_result_or_a_declared_error(
    client: Client, operation_id: str, mode: str
) -> None:
    module = _module(operation_id)
    body_class = (
        vars(module)[_body_class(module)] if isinstance(_body_class(module), str) else _body_class(module)
    )
    outcomes = []
    for example in _request_examples(operation_id):
        body = body_class.from_dict(example)
        try:
            if mode == "sync":
                result = module.sync(client=client, body=body)
            else:
                result = asyncio.run(module.asyncio(client=client, body=body))
        except Bitrix24Error as error:
            assert (error.status_code, error.code) in _declared(operation_id), error
            assert error.operation == operation_id
            outcomes.append("error")
        else:
            assert "result" in result.to_dict()
            outcomes.append("result")
    assert outcomes


def _create(client: Client, name: str, **fields: Any) -> Any:
    body = {"flowData": {"name": name, "plannedCompletionTime": 3600, "distributionType": "queue",
                         "responsibleList": [["user", "2"]], **fields}}  # fmt: skip
    return tasks_flow_flow_create.sync(client=client, body=TasksFlowFlowCreateBody.from_dict(body)).result


def test_the_flow_life_cycle_sync(client: Client) -> None:
    flow = _create(client, "Life cycle")
    assert flow.active is True
    got = tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=flow.id)).result
    # create answers with empty member lists; get fills them (spec/README.md D7)
    assert {**got.to_dict(), "team": [], "taskCreators": []} == flow.to_dict()
    body = {"flowData": {"id": flow.id, "description": "changed", "responsibleList": [["user", "2"]]}}
    update = TasksFlowFlowUpdateBody.from_dict(body)
    assert tasks_flow_flow_update.sync(client=client, body=update).result.description == "changed"
    exists = TasksFlowFlowIsExistsBody.from_dict({"flowData": {"name": "Life cycle"}})
    assert tasks_flow_flow_is_exists.sync(client=client, body=exists).result.exists is True
    assert tasks_flow_flow_activate.sync(
        client=client, body=TasksFlowFlowActivateBody(flow_id=flow.id)
    ).result
    assert (
        tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=flow.id)).result.active
        is False
    )
    pin = TasksFlowFlowPinBody(flow_id=flow.id)
    assert [tasks_flow_flow_pin.sync(client=client, body=pin).result for _ in range(2)] == [True, False]
    delete = TasksFlowFlowDeleteBody.from_dict({"flowData": {"id": flow.id}})
    assert tasks_flow_flow_delete.sync(client=client, body=delete).result.deleted is True
    with pytest.raises(Bitrix24Error) as caught:
        tasks_flow_flow_get.sync(client=client, body=TasksFlowFlowGetBody(flow_id=flow.id))
    assert (caught.value.status_code, caught.value.code) in _declared("tasks.flow.Flow.get")


def test_a_duplicate_name_is_a_typed_error(client: Client) -> None:
    # in an existing group: without one, the group made for the first flow would take the name (D52)
    _create(client, "Twice", groupId=1)
    with pytest.raises(Bitrix24Error) as caught:
        _create(client, "Twice", groupId=1)
    assert (caught.value.status_code, caught.value.code) == (400, "0")
    assert caught.value.description == "A flow with this name already exists."


def test_the_flow_life_cycle_async(client: Client) -> None:
    async def scenario() -> list[Any]:
        body = {"flowData": {"name": "Async", "plannedCompletionTime": 3600, "distributionType": "himself",
                             "responsibleList": [["user", "3"]]}}  # fmt: skip
        created = await tasks_flow_flow_create.asyncio(
            client=client, body=TasksFlowFlowCreateBody.from_dict(body)
        )
        flow_id = created.result.id
        got = await tasks_flow_flow_get.asyncio(client=client, body=TasksFlowFlowGetBody(flow_id=flow_id))
        pinned = await tasks_flow_flow_pin.asyncio(client=client, body=TasksFlowFlowPinBody(flow_id=flow_id))
        delete = TasksFlowFlowDeleteBody.from_dict({"flowData": {"id": flow_id}})
        deleted = await tasks_flow_flow_delete.asyncio(client=client, body=delete)
        try:
            await tasks_flow_flow_get.asyncio(client=client, body=TasksFlowFlowGetBody(flow_id=flow_id))
        except Bitrix24Error as error:
            return [got.result.name, pinned.result, deleted.result.deleted, error.code]
        return []

    assert asyncio.run(scenario()) == ["Async", True, True, "0"]


def test_a_batch_with_a_failing_command(client: Client) -> None:
    flow = _create(client, "Batched")
    body = BatchBody.from_dict(
        {
            "halt": 0,
            "cmd": {
                "ok": f"tasks.flow.Flow.get?flowId={flow.id}",
                "gone": "tasks.flow.Flow.get?flowId=999999",
            },
        }
    )
    answer = batch.sync(client=client, body=body).result.to_dict()
    assert answer["result"]["ok"]["name"] == "Batched"
    failed = batch_errors(answer)
    assert list(failed) == ["gone"]
    assert failed["gone"].code == "0"
