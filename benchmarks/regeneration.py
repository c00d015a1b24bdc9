"""Case `regen`: time to bundle the spec, generate the Python client and build the docs.

Each step runs in a fresh interpreter (as `nox -s generate` / `nox -s docs` do) into a scratch
folder, next to the stock tool a project without ours would use, on the same input:

- bundle: `python -m generator.bundle --out TMP` vs `redocly bundle spec/openapi.yaml` (pinned
  @redocly/cli), which resolves the same $refs but adds no error index;
- client: `generator.python.client.generate(TMP/python, TMP/openapi.yaml)` vs plain `openapi-python-client
  generate --meta none` on the same bundle (our templates, runtime modules and _operations.py are the
  difference);
- docs: `python -m generator.docs --spec TMP/openapi.json --out TMP/docs` vs `redocly build-docs`
  (one Redoc HTML page).

The ratio is ours / stock per repeat (the order alternates), median over repeats.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import ROOT, CaseResult, Row, Settings

REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    return shutil.which(name, path=str(TOOLS)) or shutil.which(name) or name


def _timed(command: list[str]) -> float:
    env = {
        **os.environ,
        "REDOCLY_TELEMETRY": "off",
        "PATH": os.pathsep.join([str(TOOLS), os.environ.get("PATH", "")]),
    }
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])} ... failed ({done.returncode}):\n"
            f"{done.stdout[-1500:]}{done.stderr[-1500:]}"
        )
    return seconds


def _steps(tmp: Path) -> dict[str, tuple[list[str], list[str]]]:
    """step -> (our command, the stock tool's command)."""
    python = sys.executable
    generate = (
        "import sys; from pathlib import Path; from generator.python.client import generate; "
        "generate(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    return {
        "bundle": (
            [python, "-m", "generator.bundle", "--out", str(tmp)],
            [str(REDOCLY), "bundle", "spec/openapi.yaml", "-o", str(tmp / "redocly" / "openapi.yaml")],
        ),
        "client": (
            [python, "-c", generate, str(tmp / "python"), str(tmp / "openapi.yaml")],
            [
                _tool("openapi-python-client"),
                "generate",
                "--path",
                str(tmp / "openapi.yaml"),
                "--meta",
                "none",
                "--output-path",
                str(tmp / "stock-client"),
                "--overwrite",
            ],
        ),
        "docs": (
            [python, "-m", "generator.docs", "--spec", str(tmp / "openapi.json"), "--out", str(tmp / "docs")],
            [str(REDOCLY), "build-docs", str(tmp / "openapi.yaml"), "-o", str(tmp / "redoc" / "index.html")],
        ),
    }


def run(settings: Settings) -> CaseResult:
    if not REDOCLY.exists():
        return CaseResult(skipped="@redocly/cli is not installed: run `npm ci` (package-lock.json pins it)")
    tmp = settings.workdir / "regen"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    steps = _steps(tmp)
    if settings.quick:  # the smoke run skips the slowest step (two client generations, ~15 s)
        del steps["client"]
    samples: dict[str, dict[str, list[float]]] = {step: {"ours": [], "stock": []} for step in steps}
    for repeat in range(settings.repeats):
        for step, (ours, stock) in steps.items():  # in order: client and docs read the fresh bundle
            sides = [("ours", ours), ("stock", stock)]
            for side, command in sides if repeat % 2 == 0 else sides[::-1]:
                samples[step][side].append(_timed(command))
    peers = {
        "bundle": "redocly bundle",
        "client": "stock openapi-python-client",
        "docs": "redocly build-docs",
    }
    rows = [Row(f"{step}: wall time", "s", s["ours"], peers[step], s["stock"]) for step, s in samples.items()]
    total = [sum(samples[step]["ours"][i] for step in steps) for i in range(settings.repeats)]
    total_stock = [sum(samples[step]["stock"][i] for step in steps) for i in range(settings.repeats)]
    rows.append(Row(f"all {len(steps)} steps: wall time", "s", total, "the stock tools", total_stock))
    return CaseResult(rows, {"workdir": str(tmp)})
