"""Conventions 6 and 11 of spec/README.md: examples validate, and the official ones are all present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from b24_spec import conventions
from generator.bundle import bundle
from tests.spec import official_pages
from tests.spec.breakage import dump, load


def test_every_example_validates_against_its_schema(bundled: Any) -> None:
    assert conventions.check_examples(bundled) == []


def _example_values(doc: Any, op: Any) -> list[Any]:
    holders = [op.get("requestBody", {})] + [
        conventions.deref(doc, r) for r in op.get("responses", {}).values()
    ]
    return [
        conventions.deref(doc, example).get("value")
        for holder in holders
        for media in holder.get("content", {}).values()
        for example in media.get("examples", {}).values()
    ]


@pytest.mark.skipif(
    not official_pages.DOCS_ROOT.is_dir(),
    reason=f"the official pages are not beside the repository ({official_pages.DOCS_ROOT})",
)
def test_every_official_json_example_is_in_the_spec(bundled: Any) -> None:
    missing = []
    schema_examples = [
        value for _ptr, schema in conventions.iter_schemas(bundled) for value in schema.get("examples", [])
    ]
    for _path, _method, op in conventions.operations(bundled):
        page = official_pages.page_for(op["externalDocs"]["url"])
        assert page.is_file(), f"{op['operationId']}: no copied page {page}"
        whole, fragments = official_pages.examples_on(page)
        assert whole, f"{op['operationId']}: no JSON example found on {page.name}"
        values = _example_values(bundled, op)
        missing += [f"{op['operationId']}: {example}" for example in whole if example not in values]
        missing += [
            f"{op['operationId']}: fragment {fragment}"
            for fragment in fragments
            if not all(member in schema_examples for member in fragment.values())
        ]
    assert missing == []


def test_an_example_that_does_not_match_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowResultExample.yaml"
    example = load(file)
    example["value"]["result"]["active"] = "Y"
    dump(file, example)
    problems = conventions.check_examples(bundle(spec_copy / "openapi.yaml"))
    assert any("active" in p and "'Y' is not of type 'boolean'" in p for p in problems), problems


def test_a_request_example_that_does_not_match_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowIdRequest.yaml"
    dump(file, {"summary": "broken", "value": {"flowId": "517"}})
    problems = conventions.check_examples(bundle(spec_copy / "openapi.yaml"))
    assert any("tasks.flow.Flow.get requestBody" in p for p in problems), problems


def test_a_schema_example_that_does_not_match_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "schemas" / "MemberPair.yaml"
    schema = load(file)
    schema["examples"].append(["user"])
    dump(file, schema)
    problems = conventions.check_examples(bundle(spec_copy / "openapi.yaml"))
    assert any("MemberPair" in p for p in problems), problems
