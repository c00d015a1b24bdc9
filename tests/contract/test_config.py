"""contract_tests/schemathesis.toml stays in step with the spec."""

from __future__ import annotations

import re
import tomllib

from contract_tests import model
from contract_tests.target import CONFIG


def _sections() -> list[dict[str, object]]:
    with CONFIG.open("rb") as handle:
        sections: list[dict[str, object]] = tomllib.load(handle).get("operations", [])
    return sections


def test_lenient_operations_are_exactly_those_without_required_parameters() -> None:
    lenient = [s for s in _sections() if "include-path-regex" in s]
    assert len(lenient) == 2  # operations without required parameters, then members the portal casts
    pattern = re.compile(str(lenient[0]["include-path-regex"]))
    matched = {op for op in model.operations() if pattern.search(f"/{op}")}
    assert matched == model.lenient_operations()


def test_casting_operations_exist() -> None:
    pattern = re.compile(str([s for s in _sections() if "include-path-regex" in s][1]["include-path-regex"]))
    matched = {op for op in model.operations() if pattern.search(f"/{op}")}
    assert len(matched) == 5


def test_every_named_operation_exists() -> None:
    named = {str(s["include-name"]).removeprefix("POST /") for s in _sections() if "include-name" in s}
    assert named and named <= set(model.operations())
