"""Responses shaped as real portals send them validate; plausible wrong shapes do not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from b24_spec import conventions

Mutation = Callable[[Any], None]


def _named_example(doc: Any, operation_id: str, name: str) -> Any:
    media = doc["paths"][f"/{operation_id}"]["post"]["responses"]["200"]["content"]["application/json"]
    return copy.deepcopy(conventions.deref(doc, media["examples"][name])["value"])


def test_a_real_task_page_validates(bundled: Any) -> None:
    page = _named_example(bundled, "bizproc.task.list", "RealShapedPage")
    assert len(page["result"]) == 50
    assert page["next"] == 50
    assert isinstance(page["result"][0]["ID"], str)
    assert conventions.response_errors(bundled, "bizproc.task.list", "200", page) == []


@pytest.mark.parametrize(
    ("name", "mutate"),
    [
        ("id as a JSON number", lambda p: p["result"][0].update(ID=4212)),
        ("status as a JSON number", lambda p: p["result"][0].update(STATUS=0)),
        ("Y/N as a JSON boolean", lambda p: p["result"][0]["PARAMETERS"].update(ShowComment=True)),
        ("DOCUMENT_ID as the input triple", lambda p: p["result"][0].update(DOCUMENT_ID=["crm", "X", "D_1"])),
        ("more than 50 rows", lambda p: p["result"].append(p["result"][0])),
        ("no total", lambda p: p.pop("total")),
        ("a negative next", lambda p: p.update(next=-1)),  # 0 is possible: start=-1 and one row (D41)
    ],
)
def test_a_wrong_task_page_does_not_validate(bundled: Any, name: str, mutate: Mutation) -> None:
    page = _named_example(bundled, "bizproc.task.list", "RealShapedPage")
    mutate(page)
    assert conventions.response_errors(bundled, "bizproc.task.list", "200", page) != [], name


def _instances_page() -> Any:
    row = {
        "ID": "65e5a449e8f135.21284909",
        "MODIFIED": "2024-03-04T15:09:41+03:00",
        "OWNED_UNTIL": None,
        "MODULE_ID": "crm",
        "ENTITY": "CCrmDocumentDeal",
        "DOCUMENT_ID": "DEAL_1",
        "STARTED": "2024-03-04T15:09:41+03:00",
        "STARTED_BY": "0",
        "TEMPLATE_ID": "525",
    }
    return {"result": [row], "total": 1}


def test_a_real_instances_page_validates(bundled: Any) -> None:
    for operation_id in ("bizproc.workflow.instances", "bizproc.workflow.instance.list"):
        assert conventions.response_errors(bundled, operation_id, "200", _instances_page()) == []


@pytest.mark.parametrize(
    ("name", "mutate"),
    [
        ("numeric template id", lambda p: p["result"][0].update(TEMPLATE_ID=525)),
        ("workflow id not in uniqid form", lambda p: p["result"][0].update(ID="525")),
        ("DOCUMENT_ID as a triple", lambda p: p["result"][0].update(DOCUMENT_ID=["crm", "X", "DEAL_1"])),
    ],
)
def test_a_wrong_instances_page_does_not_validate(bundled: Any, name: str, mutate: Mutation) -> None:
    page = _instances_page()
    mutate(page)
    assert conventions.response_errors(bundled, "bizproc.workflow.instances", "200", page) != [], name


def _batch_with_php_empty_maps() -> Any:
    step = {
        "start": 1.0, "finish": 1.1, "duration": 0.1, "processing": 0.05,
        "date_start": "2024-01-01T00:00:00+00:00", "date_finish": "2024-01-01T00:00:00+00:00",
    }  # fmt: skip
    inner = {
        "result": {"flow": {"exists": False}},
        "result_error": [],
        "result_total": [],
        "result_next": [],
        "result_time": {"flow": step},
    }
    return {"result": inner, "time": {**step, "operating": 0}}


def test_a_batch_answer_with_php_empty_maps_validates(bundled: Any) -> None:
    assert conventions.response_errors(bundled, "batch", "200", _batch_with_php_empty_maps()) == []


@pytest.mark.parametrize(
    ("name", "mutate"),
    [
        ("empty map as a string", lambda b: b["result"].update(result_error="")),
        (
            "error entry without a code",
            lambda b: b["result"].update(result_error={"a": {"error_description": "x"}}),
        ),
        ("total as text", lambda b: b["result"].update(result_total={"a": "many"})),
        ("step time without finish", lambda b: b["result"]["result_time"]["flow"].pop("finish")),
    ],
)
def test_a_wrong_batch_answer_does_not_validate(bundled: Any, name: str, mutate: Mutation) -> None:
    body = _batch_with_php_empty_maps()
    mutate(body)
    assert conventions.response_errors(bundled, "batch", "200", body) != [], name


def _flow_24_275() -> dict[str, Any]:
    """A flow as tasks 24.275's `Flow::toArray` shapes it (`modules/tasks/lib/Flow/Flow.php`)."""
    return {
        "result": {
            "id": 12, "creatorId": 1, "ownerId": 1, "groupId": 4, "templateId": 0, "efficiency": 100,
            "active": True, "plannedCompletionTime": 7200, "activity": "2024-09-02T18:07:29+03:00",
            "name": "Old portal", "description": "", "distributionType": "queue",
            "responsibleQueue": [3, 5], "demo": False, "manualDistributorId": None,
            "responsibleCanChangeDeadline": False, "matchWorkTime": True, "taskControl": False,
            "notifyAtHalfTime": True, "notifyOnQueueOverflow": None, "notifyOnTasksInProgressOverflow": None,
            "notifyWhenEfficiencyDecreases": None, "taskCreators": ["UA"], "taskAssignees": [3, 5],
            "trialFeatureEnabled": False,
        },
        "time": {"start": 1, "finish": 2, "duration": 1, "processing": 0.5,
                 "date_start": "2024-09-02T18:07:29+03:00", "date_finish": "2024-09-02T18:07:30+03:00"},
    }  # fmt: skip


@pytest.mark.parametrize("operation_id", ["tasks.flow.Flow.get", "tasks.flow.Flow.create"])
def test_a_tasks_24_275_flow_validates(bundled: Any, operation_id: str) -> None:
    """What a known older version sends is accepted (spec/README.md D58)."""
    assert conventions.response_errors(bundled, operation_id, "200", _flow_24_275()) == []


@pytest.mark.parametrize(
    ("name", "mutate"),
    [
        ("access codes that are not text", lambda f: f["result"].update(taskCreators=[1])),
        ("a queue that is not a list", lambda f: f["result"].update(responsibleQueue="3,5")),
        ("no name", lambda f: f["result"].pop("name")),
    ],
)
def test_a_broken_tasks_24_275_flow_does_not(bundled: Any, name: str, mutate: Mutation) -> None:
    flow = _flow_24_275()
    mutate(flow)
    assert conventions.response_errors(bundled, "tasks.flow.Flow.get", "200", flow) != [], name


def test_an_offset_list_may_answer_a_negative_next(bundled: Any) -> None:
    """`next` = start + rows with no floor (D41): `start=-2` and one row give -1."""
    body = {
        "result": [{"ID": "60"}], "total": 1, "next": -1,
        "time": {"start": 1, "finish": 2, "duration": 1, "processing": 0.5,
                 "date_start": "2024-09-02T18:07:29+03:00", "date_finish": "2024-09-02T18:07:30+03:00"},
    }  # fmt: skip
    assert conventions.response_errors(bundled, "bizproc.workflow.template.list", "200", body) == []
