"""Shared fixtures: the spec source folder, the bundle, and throwaway copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.bundle import bundle

# The shipped pytest plugin (installed, it registers itself through its entry point under this name),
# and pytest's own for running pytest inside a test
pytest_plugins = ["reference_server.pytest_plugin", "pytester"]

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `slow` first, the order otherwise kept: a parallel run (pytest-xdist) hands them
    out before the quick ones, so that no worker ends the run alone inside a long test."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def spec_dir() -> Path:
    return SPEC_DIR


@pytest.fixture(scope="session")
def bundled() -> Any:
    return bundle(SPEC_DIR / "openapi.yaml")


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    """A private copy of spec/ that a test may break."""
    target = tmp_path / "spec"
    shutil.copytree(SPEC_DIR, target)
    return target
