"""b24_spec: where the bundle is, the one `$ref` rule, and the typed operations."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from b24_spec import bundle, model
from tests.conftest import ROOT

DOC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Id": {"type": "integer", "description": "an id", "maximum": 100},
            "a/b~c": {"type": "string"},
            "Loop": {"$ref": "#/components/schemas/Loop"},
        }
    }
}


def test_the_bundle_is_the_checkout_copy_unless_one_is_installed_beside_the_package() -> None:
    assert not (bundle.PACKAGE / "openapi.json").exists()
    assert bundle.BUNDLE_JSON == ROOT / "generated" / "openapi.json"
    assert bundle.BUNDLE_YAML == ROOT / "generated" / "openapi.yaml"


def test_an_installed_copy_wins(tmp_path: Path) -> None:
    package = tmp_path / "b24_spec"
    package.mkdir()
    (package / "openapi.json").write_text("{}", encoding="utf-8")
    assert bundle.located("openapi.json", package) == package / "openapi.json"
    assert bundle.located("openapi.yaml", package) == tmp_path / "generated" / "openapi.yaml"


def test_siblings_of_a_ref_win_over_the_target() -> None:
    node = {"$ref": "#/components/schemas/Id", "description": "the flow's id", "maximum": 10}
    assert bundle.resolve(DOC, node) == {"type": "integer", "description": "the flow's id", "maximum": 10}
    assert bundle.resolve(DOC, {"$ref": "#/components/schemas/Id"}) is DOC["components"]["schemas"]["Id"]


def test_inline_keeps_a_sibling_assertion_beside_the_target() -> None:
    node = {"properties": {"id": {"$ref": "#/components/schemas/Id", "maximum": 10}}}
    inlined = bundle.inline(DOC, node)
    assert inlined == {"properties": {"id": {"allOf": [DOC["components"]["schemas"]["Id"]], "maximum": 10}}}


def test_pointer_tokens_are_decoded_and_encoded() -> None:
    assert bundle.pointer("components", "schemas", "a/b~c") == "/components/schemas/a~1b~0c"
    assert bundle.resolve(DOC, {"$ref": "#/components/schemas/a~1b~0c"}) == {"type": "string"}


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/components/schemas/Loop", "reference cycle"),
        ("#/components/schemas/Nothing", "names nothing"),
        ("other.yaml#/Id", "only local references"),
    ],
)
def test_a_broken_reference_is_a_clear_error(ref: str, message: str) -> None:
    with pytest.raises(bundle.BrokenReferenceError, match=message):
        bundle.resolve(DOC, {"$ref": ref})


def test_every_marking_is_typed() -> None:
    ops = model.default().operations
    pin, create, listing = ops["tasks.flow.Flow.pin"], ops["tasks.flow.Flow.create"], ops["bizproc.task.list"]
    assert pin.toggle is not None and pin.toggle.result == "new-state" and not pin.idempotent
    assert create.role == model.Role("create", ("flowData", "name"), unique=True)
    assert create.scope == "task" and create.batchable and create.access
    assert listing.pagination is not None and listing.pagination.page_size == 50
    assert ops["bizproc.robot.add"].app_context and not create.app_context
    assert ops["bizproc.workflow.instance.list"].alias_of == "bizproc.workflow.instances"
    assert not ops["batch"].batchable and not ops["batch"].operating_budget and create.operating_budget
    assert {link.operation_id for link in create.links} >= {"tasks.flow.Flow.get", "tasks.flow.Flow.delete"}
    exists = next(e for e in create.errors if e.name == "FlowNameExists")
    assert exists.status == 400 and exists.code == "0" and exists.retry == "never"
    assert any(v.current and v.lang == "en" for v in exists.messages)
    assert create.statuses_of("FlowNameExists") == [400]


def test_method_names_are_case_insensitive() -> None:
    assert model.default().canonical("TASKS.FLOW.FLOW.GET") == "tasks.flow.Flow.get"
    assert model.default().canonical("tasks.flow.Flow.nothing") is None


def test_an_operation_without_a_required_marking_is_refused_by_name() -> None:
    document = copy.deepcopy(bundle.document())
    del document["paths"]["/tasks.flow.Flow.get"]["post"]["x-bitrix-role"]
    with pytest.raises(model.IncompleteSpecError, match=r"tasks\.flow\.Flow\.get: missing x-bitrix-role"):
        model.load(document)


def test_the_request_schema_is_inlined_once() -> None:
    schema = model.default().operations["tasks.flow.Flow.get"].request_schema
    assert "$ref" not in repr(schema)
    assert schema["required"] == ["flowId"]
