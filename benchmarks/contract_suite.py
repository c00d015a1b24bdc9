"""Case `contract`: the contract suite's wall time and cases per second, in-process and over HTTP.

Both runs are the whole suite as a user runs it (`pytest contract_tests`, a fresh interpreter, the
default `--max-examples` 20 unless quick mode shrinks it), called as the OAuth application
`reference-token-admin`: in-process against `create_app(ServerConfig(limits=False))`, and over HTTP
against `python -m reference_server --no-limits` on loopback. A case is one call the suite made
(`calls` in its summary.json). The peer of the in-process run is the same suite over HTTP.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import ROOT, CaseResult, Row, Settings, Target
from benchmarks.servers import reference_server
from reference_server.process import free_port

TARGET_SECONDS = 300.0  # a full default run in-process: at most 5 minutes


def _suite(settings: Settings, report_dir: Path, extra: list[str]) -> dict[str, Any]:
    if report_dir.exists():
        shutil.rmtree(report_dir)
    command = [
        sys.executable, "-m", "pytest", "contract_tests", "-q", "-p", "no:cacheprovider",
        "--max-examples", str(settings.contract_max_examples), "--report-dir", str(report_dir), *extra,
    ]  # fmt: skip
    if settings.contract_operations:
        command += ["--operations", settings.contract_operations]
        if settings.quick:
            command += ["--stateful-steps", "2"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    summary_file = report_dir / "summary.json"
    if not summary_file.exists():
        raise RuntimeError(
            f"the contract suite wrote no summary (exit {done.returncode}):\n{done.stdout[-2000:]}"
        )
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    calls = summary["calls"]
    cases = sum(calls.values()) if isinstance(calls, dict) else int(calls)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return {"seconds": seconds, "cases": cases, "exit_code": done.returncode, "outcome": last}


def run(settings: Settings) -> CaseResult:
    work = settings.workdir / "contract"
    runs: dict[str, list[dict[str, Any]]] = {"in-process": [], "http": []}
    repeats = 1  # a full run takes minutes: one pair per bench run, in-process and HTTP back to back
    with reference_server(free_port()) as server:
        base_url = f"http://127.0.0.1:{server.port}/rest"
        for _ in range(repeats):
            runs["in-process"].append(_suite(settings, work / "in-process", []))
            http_args = ["--base-url", base_url, "--token", "reference-token-admin"]
            runs["http"].append(_suite(settings, work / "http", http_args))
    local, http = runs["in-process"], runs["http"]
    rows = [
        Row(
            "wall time",
            "s",
            [r["seconds"] for r in local],
            "same suite over HTTP",
            [r["seconds"] for r in http],
            Target("<=", TARGET_SECONDS, on="ours"),
            note="target: in-process full default run <= 300 s",
        ),
        Row(
            "cases per second",
            "cases/s",
            [r["cases"] / r["seconds"] for r in local],
            "same suite over HTTP",
            [r["cases"] / r["seconds"] for r in http],
        ),
    ]
    return CaseResult(rows, {"max_examples": settings.contract_max_examples, "runs": runs})
