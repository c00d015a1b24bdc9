"""Helpers that break a copy of the spec in one realistic way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_operation(spec_dir: Path, method: str, change: Any) -> None:
    """Apply `change(operation)` to the post operation of paths/<method>.yaml."""
    file = spec_dir / "paths" / f"{method}.yaml"
    item = load(file)
    change(item["post"])
    dump(file, item)
