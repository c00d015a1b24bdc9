"""Convention 10 of spec/README.md: the bundle is valid, lint-clean, deterministic and committed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from generator.bundle import DEREFERENCED, BundleError, bundle, dereference, to_json, to_yaml, write
from tests.conftest import ROOT
from tests.spec.breakage import edit_operation

REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"


def test_the_bundle_is_valid_openapi_3_1(bundled: Any) -> None:
    assert bundled["openapi"] == "3.1.0"
    validate(bundled)


def test_an_invalid_bundle_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.get", lambda op: op["responses"].update({"200": {"x": 1}}))
    with pytest.raises(OpenAPIValidationError):
        validate(bundle(spec_copy / "openapi.yaml"))


def _redocly_lint(target: Path) -> subprocess.CompletedProcess[str]:
    assert REDOCLY.exists(), "redocly is not installed: run `npm ci` (nox -s tests does)"
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "NO_COLOR": "1"}
    return subprocess.run(
        [str(REDOCLY), "lint", str(target), "--config", str(ROOT / "redocly.yaml"), "--format", "stylish"],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip


def test_the_bundle_passes_redocly_lint(tmp_path: Path) -> None:
    write(tmp_path)
    result = _redocly_lint(tmp_path / "openapi.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_redocly_catches_a_lint_error(spec_copy: Path, tmp_path: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.get", lambda op: op.pop("operationId"))
    write(tmp_path / "out", spec_copy / "openapi.yaml")
    result = _redocly_lint(tmp_path / "out" / "openapi.yaml")
    assert result.returncode != 0
    assert "operation-operationId" in result.stdout + result.stderr


def test_bundling_is_deterministic(bundled: Any) -> None:
    again = bundle()
    assert to_yaml(again) == to_yaml(bundled)
    assert to_json(again) == to_json(bundled)


def test_the_committed_bundle_equals_a_fresh_one(bundled: Any) -> None:
    for name, text in (
        ("openapi.yaml", to_yaml(bundled)),
        ("openapi.json", to_json(bundled)),
        (DEREFERENCED, to_json(dereference(bundled))),
    ):
        committed = ROOT / "generated" / name
        assert committed.is_file(), f"generated/{name} is missing: run `nox -s generate`"
        assert committed.read_text(encoding="utf-8") == text, (
            f"generated/{name} is stale: run `nox -s generate`"
        )


def test_a_local_reference_in_the_sources_is_refused(spec_copy: Path) -> None:
    edit_operation(
        spec_copy, "tasks.flow.Flow.get",
        lambda op: op["responses"].update({"401": {"$ref": "#/components/responses/Unauthorized"}}),
    )  # fmt: skip
    with pytest.raises(BundleError, match="local reference"):
        bundle(spec_copy / "openapi.yaml")


def test_a_dangling_reference_is_refused(spec_copy: Path) -> None:
    shutil.move(spec_copy / "components" / "schemas" / "Flag01.yaml", spec_copy / "Flag01.yaml")
    with pytest.raises(BundleError, match="does not exist"):
        bundle(spec_copy / "openapi.yaml")


def test_the_dereferenced_bundle_has_no_reference_and_the_same_meaning(bundled: Any) -> None:
    flat = dereference(bundled)
    assert '"$ref"' not in to_json(flat)
    schema = flat["paths"]["/tasks.flow.Flow.get"]["post"]["responses"]["400"]["content"]["application/json"]
    assert schema["schema"] == dereference(bundled["components"]["schemas"]["ErrorResponse"])
    assert flat["info"] == bundled["info"]


def test_a_reference_cycle_cannot_be_dereferenced(bundled: Any) -> None:
    schemas = {**bundled["components"]["schemas"], "Loop": {"$ref": "#/components/schemas/Loop"}}
    looped = {**bundled, "components": {**bundled["components"], "schemas": schemas}}
    with pytest.raises(BundleError, match="cycle"):
        dereference(looped)
