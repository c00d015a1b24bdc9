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


def test_a_map_or_array_union_is_caught(spec_copy: Path) -> None:
    """Java's generator writes `Map<String, Object>.class` for such a branch, which does not
    compile; PHP's and Rust's keep none of the members (D71)."""
    file = spec_copy / "components" / "schemas" / "WorkflowTemplate.yaml"
    schema = load(file)
    schema["properties"]["PARAMETERS"] = {
        "anyOf": [
            {"type": "object", "additionalProperties": {"description": "Any."}},
            {"type": "array", "items": {}},
        ]
    }
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "/components/schemas/WorkflowTemplate/properties/PARAMETERS: a union with a map or array branch;"
        " write one schema with `not` (D71)"
    ]


def test_a_union_with_a_referenced_array_branch_is_caught(spec_copy: Path) -> None:
    """The branch may be a `$ref` to an array schema: Java's generator fails on it all the same."""
    (spec_copy / "components" / "schemas" / "Triple.yaml").write_text(
        "type: array\nitems: {description: A part.}\nminItems: 3\nmaxItems: 3\n", encoding="utf-8"
    )
    file = spec_copy / "components" / "schemas" / "WorkflowTemplate.yaml"
    schema = load(file)
    schema["properties"]["DOCUMENT_TYPE"] = {"anyOf": [{"$ref": "./Triple.yaml"}, {"type": "string"}]}
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "/components/schemas/WorkflowTemplate/properties/DOCUMENT_TYPE: a union with a map or array"
        " branch; write one schema with `not` (D71)"
    ]


def test_a_collection_default_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "WorkflowInstanceListRequest.yaml"
    schema = load(file)
    schema["properties"]["SELECT"]["default"] = ["ID"]
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert any("SELECT" in p and "list or object `default`" in p for p in problems), problems


def test_a_bare_object_is_caught(spec_copy: Path) -> None:
    """openapi-typescript types `{type: object}` as `Record<string, never>`, which no value fits."""
    file = spec_copy / "components" / "schemas" / "TaskField.yaml"
    schema = load(file)
    schema["properties"]["Name"] = {"type": "object", "description": "A title."}
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "/components/schemas/TaskField/properties/Name: a bare `type: object`; describe its values"
    ]


def test_a_tuple_with_optional_elements_is_caught(spec_copy: Path) -> None:
    """The TypeScript generators type a tuple by its prefixItems alone, so `["lists"]` would not
    fit a three-element tuple with minItems 1."""
    file = spec_copy / "components" / "schemas" / "ActivityFilterRule.yaml"
    schema = load(file)
    schema["oneOf"][3]["minItems"] = 1
    dump(file, schema)
    problems = conventions.check_portable_schemas(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "/components/schemas/ActivityFilterRule/oneOf/3: a tuple with optional elements;"
        " make each length its own branch"
    ]
