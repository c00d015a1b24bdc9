"""Run the contract suite in a subprocess, as a user would, and read its summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import ROOT


@dataclass
class Outcome:
    returncode: int
    output: str
    summary: Any

    def failed_checks(self) -> set[tuple[str, str]]:
        return {(f["operation"], f["check"]) for f in self.summary["failures"]}


def run_suite(report_dir: Path, *options: str, timeout: float = 600) -> Outcome:
    command = [
        sys.executable, "-m", "contract_tests", "-q",
        "--report-dir", str(report_dir), *options,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    summary_file = report_dir / "summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {"failures": []}
    return Outcome(result.returncode, result.stdout + result.stderr, summary)
