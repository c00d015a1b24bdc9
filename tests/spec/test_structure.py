"""Conventions 1, 2 and 7 of spec/README.md: layout, operation fields, no unused components."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from b24_spec import conventions
from generator.bundle import bundle
from tests.spec.breakage import dump, edit_operation, load


def test_layout_file_name_is_operation_id_is_path(spec_dir: Path) -> None:
    assert conventions.check_layout(spec_dir) == []


def test_every_operation_has_the_required_fields(bundled: Any) -> None:
    assert conventions.check_operation_fields(bundled) == []


def test_no_unused_components(spec_dir: Path, bundled: Any) -> None:
    assert conventions.check_unused_components(spec_dir, bundled) == []


def test_a_wrong_file_name_is_caught(spec_copy: Path) -> None:
    (spec_copy / "paths" / "tasks.flow.Flow.get.yaml").rename(
        spec_copy / "paths" / "tasks.flow.flow.get.yaml"
    )
    root = load(spec_copy / "openapi.yaml")
    root["paths"]["/tasks.flow.Flow.get"] = {"$ref": "paths/tasks.flow.flow.get.yaml"}
    dump(spec_copy / "openapi.yaml", root)
    problems = conventions.check_layout(spec_copy)
    assert any("tasks.flow.flow.get.yaml" in p for p in problems), problems


def test_an_operation_id_that_differs_from_the_file_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.get", lambda op: op.update(operationId="getFlow"))
    assert any("getFlow" in p for p in conventions.check_layout(spec_copy))


def test_an_unlisted_path_file_is_caught(spec_copy: Path) -> None:
    root = load(spec_copy / "openapi.yaml")
    del root["paths"]["/tasks.flow.Flow.pin"]
    dump(spec_copy / "openapi.yaml", root)
    assert any("not listed" in p for p in conventions.check_layout(spec_copy))


def test_a_missing_operation_field_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.pin", lambda op: op.pop("x-bitrix-scope"))
    problems = conventions.check_operation_fields(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["tasks.flow.Flow.pin: missing x-bitrix-scope"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (True, "x-bitrix-operating-budget is written only where it is false"),
        ("no", "x-bitrix-operating-budget must be a boolean"),
    ],
)
def test_a_wrong_operating_budget_marking_is_caught(spec_copy: Path, value: object, problem: str) -> None:
    edit_operation(
        spec_copy, "tasks.flow.Flow.get", lambda op: op.update({"x-bitrix-operating-budget": value})
    )
    problems = conventions.check_operation_fields(bundle(spec_copy / "openapi.yaml"))
    assert problems == [f"tasks.flow.Flow.get: {problem}"]


def test_a_request_without_an_example_is_caught(spec_copy: Path) -> None:
    def drop(op: Any) -> None:
        op["requestBody"]["content"]["application/json"].pop("examples")

    edit_operation(spec_copy, "tasks.flow.Flow.get", drop)
    problems = conventions.check_operation_fields(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["tasks.flow.Flow.get: the request body needs at least one named example"]


def test_an_unused_component_is_caught(spec_copy: Path) -> None:
    (spec_copy / "components" / "schemas" / "Orphan.yaml").write_text("type: string\n", encoding="utf-8")
    problems = conventions.check_unused_components(spec_copy, bundle(spec_copy / "openapi.yaml"))
    assert problems == ["components/schemas/Orphan.yaml is never referenced"]


@pytest.mark.parametrize(
    ("method", "role", "problem"),
    [
        ("tasks.flow.Flow.get", {"effect": "peek"}, "needs an effect"),
        ("tasks.flow.Flow.get", "read", "needs an effect"),
        ("tasks.flow.Flow.pin", {"effect": "change"}, "is toggle exactly where x-bitrix-toggle is"),
        ("tasks.flow.Flow.update", {"effect": "toggle"}, "is toggle exactly where x-bitrix-toggle is"),
        ("tasks.flow.Flow.create", {"effect": "create", "name": "/flowData/title", "unique": True},
         "name /flowData/title is no member of the request schema"),
        ("tasks.flow.Flow.get", {"effect": "read", "name": "/flowId", "unique": False}, "only on a create"),
        ("bizproc.robot.add", {"effect": "create", "name": "/CODE"}, "only on a create, with `unique`"),
        ("bizproc.robot.add", {"effect": "create", "unique": True}, "`unique` without a `name`"),
    ],
)  # fmt: skip
def test_a_wrong_role_is_caught(spec_copy: Path, method: str, role: object, problem: str) -> None:
    edit_operation(spec_copy, method, lambda op: op.update({"x-bitrix-role": role}))
    problems = conventions.check_operation_fields(bundle(spec_copy / "openapi.yaml"))
    assert len(problems) == 1 and problems[0].startswith(f"{method}: x-bitrix-role"), problems
    assert problem in problems[0]


def test_an_operation_without_a_role_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "bizproc.task.list", lambda op: op.pop("x-bitrix-role"))
    problems = conventions.check_operation_fields(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["bizproc.task.list: missing x-bitrix-role"]
