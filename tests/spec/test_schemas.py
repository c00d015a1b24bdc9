"""Convention 8 of spec/README.md: portable schema forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b24_spec import conventions
from generator.bundle import bundle
from tests.spec.breakage import dump, load


def test_schemas_use_portable_forms(bundled: Any) -> None:
    assert conventions.check_portable_schemas(bundled) == []


def test_a_boolean_items_schema_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "MemberPair.yaml"
    schema = load(file)
    schema["items"] = False
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert any("MemberPair" in p and "boolean schema" in p for p in problems), problems


def test_a_nullable_enum_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "DistributionType.yaml"
    schema = load(file)
    schema["type"] = ["string", "null"]
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert any("DistributionType" in p and "nullable enum" in p for p in problems), problems


def test_a_builtin_schema_name_is_caught(spec_copy: Path) -> None:
    schemas = spec_copy / "components" / "schemas"
    (schemas / "ErrorResponse.yaml").rename(schemas / "Error.yaml")
    for file in spec_copy.rglob("*.yaml"):
        file.write_text(file.read_text(encoding="utf-8").replace("ErrorResponse.yaml", "Error.yaml"), "utf-8")
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert "schema name Error collides with a language built-in" in problems


def test_an_int32_id_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "FlowId.yaml"
    schema = load(file)
    del schema["format"]
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert any("integer id needs format int64" in p for p in problems), problems


def test_a_default_next_to_a_union_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "IdInput.yaml"
    schema = load(file)
    schema["default"] = 1
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert any("IdInput" in p and "`default` next to a union" in p for p in problems), problems


def test_a_default_on_a_reference_to_a_union_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "FlowCreateData.yaml"
    schema = load(file)
    schema["properties"]["matchWorkTime"]["default"] = 1  # Flag01 is integer or boolean
    schema["properties"]["notifyOnQueueOverflow"]["default"] = None  # a nullable integer: fine
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "/components/schemas/FlowCreateData/properties/matchWorkTime: `default` on a reference to a union;"
        " say it in the description"
    ]
