"""The same checks run from the plain `schemathesis run` command with our config and hooks module."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT
from tests.reference_server.server_process import _wait_for, free_port

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@contextmanager
def serving(mutant: str | None) -> Iterator[str]:
    port = free_port()
    module = ["-m", "contract_tests.mutants", mutant] if mutant else ["-m", "reference_server", "--no-limits"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, *module, "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}/rest/1/reference-admin"
    finally:
        process.kill()
        process.wait(timeout=10)


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
    with serving(None) as url:
        result = schemathesis_run(url)
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_cli_runs_the_bitrix_checks() -> None:
    with serving("no-time") as url:
        result = schemathesis_run(url)
    assert result.returncode == 1
    assert "Custom check failed: `time_is_consistent`" in result.stdout
