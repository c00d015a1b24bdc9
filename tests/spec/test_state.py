"""Conventions 12 and 13 of spec/README.md: links and paging, and the stateful chains the contract
suite walks (flow create -> ... -> delete, template add -> start -> ... -> kill)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from b24_spec import conventions
from generator.bundle import bundle
from tests.spec.breakage import edit_operation

CHAINS = [
    ("tasks.flow.Flow.create", target)
    for target in ("get", "update", "activate", "pin", "isExists", "delete")
] + [
    ("bizproc.workflow.template.add", "bizproc.workflow.start"),
    ("bizproc.workflow.template.add", "bizproc.workflow.template.update"),
    ("bizproc.workflow.template.add", "bizproc.workflow.template.delete"),
    ("bizproc.workflow.start", "bizproc.workflow.instances"),
    ("bizproc.workflow.start", "bizproc.workflow.terminate"),
    ("bizproc.workflow.start", "bizproc.workflow.kill"),
    ("bizproc.workflow.start", "bizproc.task.list"),
    ("bizproc.task.list", "bizproc.task.complete"),
    ("bizproc.task.list", "bizproc.task.delegate"),
    ("bizproc.robot.add", "bizproc.robot.update"),
    ("bizproc.robot.add", "bizproc.robot.delete"),
    ("bizproc.activity.add", "bizproc.activity.update"),
    ("bizproc.activity.add", "bizproc.activity.delete"),
]


def _operation(doc: Any, operation_id: str) -> Any:
    return doc["paths"][f"/{operation_id}"]["post"]


@pytest.mark.parametrize(("source", "target"), CHAINS)
def test_the_stateful_chain_is_a_link(bundled: Any, source: str, target: str) -> None:
    target = target if "." in target else f"tasks.flow.Flow.{target}"
    linked = {link["operationId"] for _s, link in conventions.links_of(bundled, _operation(bundled, source))}
    assert target in linked


def test_links_are_consistent(bundled: Any) -> None:
    assert conventions.check_links(bundled) == []


def test_a_link_to_a_missing_member_is_caught(spec_copy: Path) -> None:
    link = spec_copy / "components" / "links" / "FlowGet.yaml"
    link.write_text(link.read_text(encoding="utf-8").replace("flowId:", "flow_id:"), encoding="utf-8")
    problems = conventions.check_links(bundle(spec_copy / "openapi.yaml"))
    assert any("flow_id" in p for p in problems), problems


def test_paged_methods_are_marked(bundled: Any) -> None:
    assert conventions.check_pagination(bundled) == []
    paged = {
        op["operationId"] for _p, _m, op in conventions.operations(bundled) if "x-bitrix-pagination" in op
    }
    assert paged == {
        "bizproc.workflow.instances",
        "bizproc.workflow.instance.list",
        "bizproc.workflow.template.list",
        "bizproc.task.list",
    }


def test_an_unmarked_paged_method_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "bizproc.task.list", lambda op: op.pop("x-bitrix-pagination"))
    problems = conventions.check_pagination(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["bizproc.task.list: x-bitrix-pagination and the paged envelope must go together"]


def test_paging_kinds(bundled: Any) -> None:
    """D41: task.list pages by page number, the ORM lists by exact offset."""
    kinds = {
        op["operationId"]: op["x-bitrix-pagination"]["kind"]
        for _p, _m, op in conventions.operations(bundled)
        if "x-bitrix-pagination" in op
    }
    assert kinds == {
        "bizproc.workflow.instances": "offset",
        "bizproc.workflow.instance.list": "offset",
        "bizproc.workflow.template.list": "offset",
        "bizproc.task.list": "page",
    }


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda p: p.pop("kind"),
            "bizproc.task.list: x-bitrix-pagination.kind must be one of ('offset', 'page')",
        ),
        (lambda p: p.update(kind="cursor"), "bizproc.task.list: x-bitrix-pagination.kind must be one of"),
    ],
)
def test_a_missing_or_unknown_paging_kind_is_caught(spec_copy: Path, edit: Any, problem: str) -> None:
    edit_operation(spec_copy, "bizproc.task.list", lambda op: edit(op["x-bitrix-pagination"]))
    problems = conventions.check_pagination(bundle(spec_copy / "openapi.yaml"))
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_an_alias_that_pages_differently_is_caught(spec_copy: Path) -> None:
    edit_operation(
        spec_copy, "bizproc.workflow.instance.list", lambda op: op["x-bitrix-pagination"].update(kind="page")
    )
    problems = conventions.check_pagination(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["bizproc.workflow.instance.list: an alias pages like bizproc.workflow.instances"]


def test_only_batch_is_not_batchable(bundled: Any) -> None:
    unbatchable = {
        op["operationId"] for _p, _m, op in conventions.operations(bundled) if not op["x-bitrix-batchable"]
    }
    assert unbatchable == {"batch"}


def test_only_the_call_that_runs_commands_is_outside_the_operating_budget(bundled: Any) -> None:
    """The portal counts a batch's commands, each against its own method, and not the envelope:
    the operations marked `x-bitrix-operating-budget: false` are exactly those that cannot be a
    command themselves."""
    ops = list(conventions.operations(bundled))
    unbudgeted = {op["operationId"] for _p, _m, op in ops if op.get("x-bitrix-operating-budget") is False}
    assert unbudgeted == {op["operationId"] for _p, _m, op in ops if not op["x-bitrix-batchable"]}
    assert unbudgeted


def test_toggles_are_marked_and_never_idempotent(bundled: Any) -> None:
    toggles = {op["operationId"] for _p, _m, op in conventions.operations(bundled) if "x-bitrix-toggle" in op}
    assert toggles == {"tasks.flow.Flow.activate", "tasks.flow.Flow.pin"}


def test_the_alias_mirrors_its_target(bundled: Any) -> None:
    alias = _operation(bundled, "bizproc.workflow.instance.list")
    target = _operation(bundled, alias["x-bitrix-alias-of"])
    assert alias["deprecated"] is True
    for part in (("requestBody",), ("responses", "200")):
        a, t = alias, target
        for key in part:
            a, t = a[key], t[key]
        assert a["content"]["application/json"]["schema"] == t["content"]["application/json"]["schema"]
