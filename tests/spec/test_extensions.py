"""Convention 9 of spec/README.md: every x- field is documented in EXTENSIONS.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b24_spec import conventions
from generator.bundle import bundle
from tests.spec.breakage import edit_operation


def test_every_extension_is_documented(spec_dir: Path, bundled: Any) -> None:
    assert conventions.check_extensions(bundled, spec_dir / "EXTENSIONS.md") == []


def test_the_documented_extensions_are_the_ones_we_rely_on(spec_dir: Path) -> None:
    documented = conventions.documented_extensions(spec_dir / "EXTENSIONS.md")
    assert documented >= {
        "x-bitrix-scope",
        "x-bitrix-access",
        "x-bitrix-errors",
        "x-bitrix-idempotent",
        "x-bitrix-toggle",
        "x-bitrix-batchable",
        "x-bitrix-operating-budget",
        "x-bitrix-retry",
        "x-bitrix-pagination",
    }


def test_an_undocumented_extension_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.get", lambda op: op.update({"x-bitrix-cache": True}))
    problems = conventions.check_extensions(bundle(spec_copy / "openapi.yaml"), spec_copy / "EXTENSIONS.md")
    assert problems == ["x-bitrix-cache is used but not documented in spec/EXTENSIONS.md"]
