"""How generator/python/facade.py derives the namespaces, and how it refuses a spec it cannot map."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.bundle import bundle
from generator.python.client import HERE, endpoint_modules
from generator.python.facade import FacadeError, areas_module, bitrix24_attributes, namespace_of
from tests.conftest import ROOT

PACKAGE = ROOT / "generated" / "python" / "b24_client"
SPEC = bundle()


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("tasks.flow.Flow.create", (("tasks", "flow"), "create")),
        ("tasks.flow.Flow.isExists", (("tasks", "flow"), "is_exists")),
        ("bizproc.workflow.template.list", (("bizproc", "workflow", "template"), "list")),
        ("bizproc.workflow.instances", (("bizproc", "workflow"), "instances")),
        ("crm.item.import", (("crm", "item"), "import_")),
        ("batch", ((), "")),
        ("Flow.get", ((), "")),
    ],
)
def test_namespaces_come_from_the_operation_id(operation_id: str, expected: tuple[Any, str]) -> None:
    assert namespace_of(operation_id) == expected


def _generate(doc: Any, reserved: set[str] | None = None, renamed: tuple[str, str] | None = None) -> str:
    modules = endpoint_modules(PACKAGE / "api")
    if renamed is not None:
        modules[renamed[1]] = modules.pop(renamed[0])
    return areas_module(doc, PACKAGE, modules, reserved or set())


def test_the_generated_module_compiles() -> None:
    source = _generate(SPEC, bitrix24_attributes(HERE / "runtime" / "_facade.py"))
    compile(source, "_areas.py", "exec")
    assert "class TasksFlowArea:" in source and "def acreate(" in source


def _renamed(old: str, new: str) -> str:
    doc = copy.deepcopy(SPEC)
    for item in doc["paths"].values():
        if item["post"]["operationId"] == old:
            item["post"]["operationId"] = new
    return _generate(doc, renamed=(old, new))


def test_a_method_that_hides_a_namespace_is_refused() -> None:
    # bizproc.workflow.template is a namespace; a method of that name would hide it
    with pytest.raises(FacadeError, match="also a namespace"):
        _renamed("bizproc.workflow.kill", "bizproc.workflow.template")


def test_two_operations_on_one_method_are_refused() -> None:
    with pytest.raises(FacadeError, match=r"are both bizproc\.workflow\.terminate"):
        _renamed("bizproc.workflow.kill", "bizproc.workflow.Workflow.terminate")


def test_a_root_namespace_that_hides_a_bitrix24_attribute_is_refused() -> None:
    with pytest.raises(FacadeError, match="hide attributes of Bitrix24"):
        _generate(SPEC, {"tasks", "call"})


def test_an_operation_without_its_endpoint_module_is_refused() -> None:
    with pytest.raises(FacadeError, match="no generated endpoint module"):
        areas_module(SPEC, PACKAGE, {}, set())


def test_the_runtime_facade_attributes_are_read() -> None:
    names = bitrix24_attributes(HERE / "runtime" / "_facade.py")
    assert {"call", "batch", "items", "client", "runtime"} <= names
