"""The same checks run from the plain `schemathesis run` command with our config and hooks module."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reference_server.process import serving
from tests.conftest import ROOT

# many seconds each (contract-suite runs, compilers): started first in a parallel run
pytestmark = pytest.mark.slow

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@contextmanager
def server_or_mutant(mutant: str | None) -> Iterator[str]:
    """The reference server, or one of contract_tests.mutants (a server with one planted fault)."""
    if mutant is None:
        with serving("--no-limits") as server:
            yield server.webhook
    else:
        with serving(program=(sys.executable, "-m", "contract_tests.mutants", mutant)) as server:
            yield server.webhook


def schemathesis_run(url: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(SCHEMATHESIS), "--config-file", "contract_tests/schemathesis.toml",
        "run", "generated/openapi.json", "--url", url,
        "--phases", "examples", "--include-path-regex", "^/tasks", "--no-color",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_cli_passes_the_reference_server() -> None:
    with server_or_mutant(None) as url:
        result = schemathesis_run(url)
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_cli_runs_the_bitrix_checks() -> None:
    with server_or_mutant("no-time") as url:
        result = schemathesis_run(url)
    assert result.returncode == 1
    assert "Custom check failed: `time_is_consistent`" in result.stdout
