"""The compiled request check agrees with jsonschema on every operation's schema.

The server accepts a request when the compiled check says valid, without asking jsonschema, so a
disagreement would let bad input through (or, the other way, only cost time): both are failures here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator

from b24_spec.bundle import BUNDLE_JSON
from reference_server.core.fastcheck import compile_check

from .conftest import SPEC, request_examples

OPERATIONS = sorted(SPEC.operations)


@functools.cache
def generated() -> Any:
    """The bundle as schemathesis loads it: read when a test needs it, not while collecting (every
    pytest-xdist worker collects the whole suite)."""
    return schemathesis.openapi.from_path(str(BUNDLE_JSON))


# Values put in every position of the official examples: each type, the edge of each usual bound,
# the shapes Bitrix24 uses (member pairs, Y/N, numeric strings).
PROBES: list[Any] = [
    None, True, False, 0, 1, -1, 1.0, 1.5, 2**63, "", "x", "Y", "N", "17", "-1", "user", "a" * 300,
    [], [1], ["user", "1"], [["user", "1"]], ["crm", "CCrmDocumentLead", "LEAD_1"], {}, {"0": "a"},
]  # fmt: skip


def _pair(operation_id: str) -> tuple[Draft202012Validator, Any]:
    schema = SPEC.operations[operation_id].request_schema
    check = compile_check(schema)
    assert check is not None, f"{operation_id}: the request schema should compile"
    return Draft202012Validator(schema), check


def _variants(value: Any) -> Iterator[Any]:
    """Every probe at every position of `value`, every member dropped, an unknown member added."""
    yield from PROBES
    if isinstance(value, dict):
        yield {**value, "unknownMember": 1}
        for key, item in value.items():
            yield {k: v for k, v in value.items() if k != key}
            for variant in _variants(item):
                yield {**value, key: variant}
    elif isinstance(value, list):
        yield [*value, value[-1] if value else 1]
        for index, item in enumerate(value):
            yield value[:index] + value[index + 1 :]
            for variant in _variants(item):
                yield [*value[:index], variant, *value[index + 1 :]]


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_agrees_on_examples_and_their_mutations(operation_id: str) -> None:
    validator, check = _pair(operation_id)
    examples = list(request_examples(operation_id).values())
    assert examples, f"{operation_id} has no request example to mutate"
    seen = {True: 0, False: 0}
    for example in examples:
        for instance in [example, *_variants(example)]:
            expected = validator.is_valid(instance)
            assert check(instance) is expected, (operation_id, instance)
            seen[expected] += 1
    # the mutations reach both sides of the schema, or the comparison proves little
    assert seen[True] and seen[False]


@pytest.mark.parametrize("operation_id", OPERATIONS)
@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_agrees_on_generated_bodies(operation_id: str, mode: schemathesis.GenerationMode) -> None:
    validator, check = _pair(operation_id)
    strategy = generated()[f"/{operation_id}"]["POST"].as_strategy(generation_mode=mode)

    @settings(max_examples=40, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def agree(case: Any) -> None:
        if isinstance(case.body, dict | list | str | int | float | bool) or case.body is None:
            assert check(case.body) is validator.is_valid(case.body), case.body

    agree()


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"enum": [1]}, True, False),  # true is not 1
        ({"enum": [True]}, 1, False),
        ({"const": [1, 2]}, [1.0, 2], True),  # 1 is 1.0, deeply
        ({"type": "integer"}, 2.0, True),
        ({"type": "integer"}, True, False),
        ({"type": "number"}, False, False),
        ({"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}, ["a", 1, 2], True),
        ({"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}, ["a", "b"], False),
        (
            {
                "properties": {"a": {}},
                "patternProperties": {"^x": {"type": "string"}},
                "additionalProperties": False,
            },
            {"a": 1, "xy": "s"},
            True,
        ),
        ({"patternProperties": {"^x": {"type": "string"}}, "additionalProperties": False}, {"y": 1}, False),
        ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 3, False),  # both match: not one
        ({"minLength": 2}, 5, True),  # length rules only apply to strings
        ({"pattern": "^[0-9]+$"}, "12a", False),
    ],
)
def test_keyword_semantics(schema: dict[str, Any], instance: Any, valid: bool) -> None:
    check = compile_check(schema)
    assert check is not None
    assert Draft202012Validator(schema).is_valid(instance) is valid
    assert check(instance) is valid


@pytest.mark.parametrize("schema", [{"$ref": "#/x"}, {"dependentRequired": {"a": ["b"]}}, {"type": "date"}])
def test_an_uncompiled_keyword_leaves_the_schema_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compile_check(schema) is None
    assert compile_check({"properties": {"a": schema}}) is None
