"""What the suite knows about an operation comes from the spec's markings, never from its name."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from contract_tests import live, model


@pytest.fixture
def renamed(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The operations with a read named like a write and a write named like a read."""
    operations = copy.deepcopy(model.operations())
    operations["tasks.flow.Flow.peek"] = operations.pop("tasks.flow.Flow.get")
    operations["tasks.flow.Flow.get"] = operations.pop("tasks.flow.Flow.update")
    monkeypatch.setattr(model, "operations", lambda: operations)
    return operations


def test_roles_are_the_spec_markings() -> None:
    for operation_id, op in model.operations().items():
        marking = op["x-bitrix-role"]
        assert model.is_read(operation_id) is (marking["effect"] == "read")
        assert model.is_delete(operation_id) is (marking["effect"] == "delete")


def test_a_read_is_a_read_whatever_its_name(renamed: dict[str, Any]) -> None:
    assert model.is_read("tasks.flow.Flow.peek")
    assert not model.is_read("tasks.flow.Flow.get")  # an update under a reader's name is a write


def test_the_name_member_of_a_create_comes_from_its_role() -> None:
    assert model.name_member("tasks.flow.Flow.create") == ("flowData", "name")
    assert model.unique_name_member("bizproc.robot.add") == ("CODE",)
    assert model.name_member("bizproc.workflow.template.add") == ("NAME",)
    assert model.unique_name_member("bizproc.workflow.template.add") == ()
    marked = live.mark_name("bizproc.workflow.template.add", {"NAME": "Approval"})
    assert marked == {"NAME": "b24ct-Approval"}


def test_creates_reads_back_and_removers_follow_the_links_and_roles() -> None:
    assert model.creators() == {
        "tasks.flow.Flow.create", "bizproc.workflow.template.add", "bizproc.workflow.start",
        "bizproc.robot.add", "bizproc.activity.add",
    }  # fmt: skip
    assert model.reads_back("tasks.flow.Flow.create") == ["tasks.flow.Flow.get"]
    assert model.cleanup_operation("bizproc.workflow.start") == "bizproc.workflow.kill"
