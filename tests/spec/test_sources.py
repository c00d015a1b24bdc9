"""The source audit (spec/SOURCES.md) has a section for every operation of the spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b24_spec import conventions


def test_every_operation_has_a_section_in_the_source_audit(spec_dir: Path, bundled: Any) -> None:
    assert conventions.check_source_audit(bundled, spec_dir / "SOURCES.md") == []


def test_an_operation_missing_from_the_audit_is_caught(spec_copy: Path, bundled: Any) -> None:
    sources = spec_copy / "SOURCES.md"
    text = sources.read_text(encoding="utf-8").replace("### bizproc.event.send", "### bizproc.event")
    sources.write_text(text, encoding="utf-8")
    problems = conventions.check_source_audit(bundled, sources)
    assert problems == ["bizproc.event.send has no section in spec/SOURCES.md"]
