"""Convention 17 of spec/README.md: member markings (`x-bitrix-volatile`, `x-bitrix-empty-on-write`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from b24_spec import conventions, model
from generator.bundle import bundle
from tests.spec.breakage import dump, load

FLOW = ("components", "schemas", "Flow.yaml")


def test_member_markings_are_well_placed(bundled: Any) -> None:
    assert conventions.check_member_markings(bundled) == []


def test_the_flow_marks_what_a_create_cannot_answer_like_a_read(bundled: Any) -> None:
    flow = {"$ref": "#/components/schemas/Flow"}
    assert model.marked_members(bundled, flow, "x-bitrix-volatile") == {"activity", "trialFeatureEnabled"}
    assert model.marked_members(bundled, flow, "x-bitrix-empty-on-write") == {"taskCreators", "team"}


@pytest.mark.parametrize(
    ("member", "marking", "value", "expected"),
    [
        ("team", "x-bitrix-empty-on-write", False, "x-bitrix-empty-on-write is only ever `true`"),
        ("name", "x-bitrix-empty-on-write", True, "x-bitrix-empty-on-write belongs on an array member"),
        ("activity", "x-bitrix-volatile", "yes", "x-bitrix-volatile is only ever `true`"),
    ],
)
def test_a_misplaced_member_marking_is_caught(
    spec_copy: Path, member: str, marking: str, value: Any, expected: str
) -> None:
    file = spec_copy.joinpath(*FLOW)
    schema = load(file)
    schema["properties"][member][marking] = value
    dump(file, schema)
    problems = conventions.check_member_markings(bundle(spec_copy / "openapi.yaml"))
    assert problems == [f"#/components/schemas/Flow/properties/{member}: {expected}".removeprefix("#")]


def test_a_marking_on_a_whole_schema_is_caught(spec_copy: Path) -> None:
    file = spec_copy.joinpath(*FLOW)
    schema = load(file)
    schema["x-bitrix-volatile"] = True
    dump(file, schema)
    problems = conventions.check_member_markings(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["/components/schemas/Flow: x-bitrix-volatile belongs on a member of `properties`"]
