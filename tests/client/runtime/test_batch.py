"""`Bitrix24.batch`: any number of commands in batches of 50, `halt`, `$result` references (also
across batches), per-command results, typed models and `Bitrix24Error`s; sync and async."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from b24_client import Bitrix24, Bitrix24Error, Command, Limits
from b24_client._batch import php_query
from b24_client.models import TasksFlowFlowCreateResponse200, TasksFlowFlowIsExistsResponse200

from tests.client.runtime.support import (
    BASE_URL,
    FLOW,
    AsyncCountingTransport,
    CountingTransport,
    FakeClock,
    Wire,
)


def connect(app: Any, clock: FakeClock, wire: Wire) -> Bitrix24:
    return Bitrix24.webhook(
        BASE_URL + "/",
        limits=Limits(clock=clock),
        transport=CountingTransport(app, wire),
        async_transport=AsyncCountingTransport(app, wire, clock),
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
    )


def creates(count: int) -> dict[str, Command]:
    return {
        f"flow{i}": Command("tasks.flow.Flow.create", {"flowData": {"name": f"Flow {i}", **FLOW}})
        for i in range(count)
    }


def test_any_number_of_commands_in_batches_of_50(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        outcome = b24.batch(creates(120))
    assert outcome.ok and outcome.requests == 3 and wire.requests["batch"] == 3
    assert [outcome[f"flow{i}"]["name"] for i in range(120)] == [f"Flow {i}" for i in range(120)]
    assert len(app.state.portal.store.flows) == 120
    typed = outcome.typed("flow7")
    assert isinstance(typed, TasksFlowFlowCreateResponse200)
    assert typed.result.name == "Flow 7"


def test_references_work_inside_and_across_batches(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    commands: dict[str, Command] = {"first": creates(1)["flow0"]}
    commands.update(
        {f"pad{i}": Command("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}) for i in range(60)}
    )
    commands["same"] = Command("tasks.flow.Flow.isExists", {"flowData": {"name": "$result[first][name]"}})
    commands["read"] = Command("tasks.flow.Flow.get", {"flowId": "$result[first][id]"})
    with connect(app, clock, wire) as b24:
        outcome = b24.batch(commands)
        inner = b24.batch(
            [
                ("tasks.flow.Flow.create", {"flowData": {"name": "Inner", **FLOW}}),
                ("tasks.flow.Flow.get", {"flowId": "$result[0][id]"}),
            ]
        )
    assert outcome.requests == 2  # "read" and "same" went in the second batch
    assert outcome["read"]["name"] == "Flow 0"
    assert outcome["same"] == {"exists": True}
    assert isinstance(outcome.typed("same"), TasksFlowFlowIsExistsResponse200)
    assert inner["1"]["name"] == "Inner"


def test_errors_are_per_command_and_typed(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    with connect(app, clock, wire) as b24:
        outcome = b24.batch(
            {
                "missing": Command("tasks.flow.Flow.get", {"flowId": 999}),
                "fine": Command("tasks.flow.Flow.isExists", {"flowData": {"name": "x"}}),
            }
        )
    assert not outcome.ok
    assert set(outcome.results) == {"fine"}
    error = outcome.errors["missing"]
    assert isinstance(error, Bitrix24Error)
    assert (error.status_code, error.code, error.description) == (
        400,
        "0",
        "Flow with this ID does not exist.",
    )
    with pytest.raises(Bitrix24Error):
        outcome["missing"]


def test_halt_stops_at_the_first_error_also_across_batches(app: Any, clock: FakeClock) -> None:
    wire = Wire()
    commands = creates(60)
    commands["flow3"] = Command(
        "tasks.flow.Flow.create", {"flowData": {"name": "Flow 0", **FLOW}}
    )  # duplicate
    with connect(app, clock, wire) as b24:
        outcome = b24.batch(commands, halt=True)
    assert set(outcome.results) == {"flow0", "flow1", "flow2"}
    assert set(outcome.errors) == {"flow3"}
    assert outcome.not_run == [f"flow{i}" for i in range(4, 60)]
    assert wire.requests["batch"] == 1  # the second batch was never sent
    assert len(app.state.portal.store.flows) == 3


def test_async_batch(app: Any, clock: FakeClock) -> None:
    wire = Wire()

    async def run() -> Any:
        async with connect(app, clock, wire) as b24:
            return await b24.abatch(creates(75))

    outcome = asyncio.run(run())
    assert outcome.ok and outcome.requests == 2
    assert len(app.state.portal.store.flows) == 75


def test_php_query_encoding() -> None:
    assert php_query({"a": {"b": [1, True, False, None]}, "c": "x y", "e": []}) == (
        "a[b][0]=1&a[b][1]=1&a[b][2]=0&c=x+y"
    )
