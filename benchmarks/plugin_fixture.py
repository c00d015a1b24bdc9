"""Case `plugin`: what a fresh in-process portal costs each test that uses the pytest plugin.

One pytest run per repeat (a fresh interpreter, as a user runs it) holds two generated test files of
the same size: in one, each test takes `b24_portal` (a new portal: identities, empty store, limits)
and makes one `tasks.flow.Flow.get` call through its sync transport; in the other (the peer), each
test builds a bare `httpx.MockTransport` that answers a canned Bitrix24 reply, and makes the same
call. A small plugin in that run records every test's setup + call + teardown time from pytest's
own reports; the figure is the mean per test of each file. The two files run in alternating order
between repeats. Target: ours at most 10 ms per test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.harness import ROOT, CaseResult, Row, Settings, Target

OURS_TEST = """
def test_fresh_portal_{i}(b24_portal):
    with b24_portal.client() as client:
        answer = client.post(b24_portal.webhook_url + "tasks.flow.Flow.get", json={{"flowId": 1}})
    assert answer.status_code == 400 and answer.json()["error"] == 0
"""

PEER_HEADER = """
import httpx
import pytest

REPLY = {"error": 0, "error_description": "Flow not found"}


@pytest.fixture
def mock_transport():
    return httpx.MockTransport(lambda request: httpx.Response(400, json=REPLY))
"""

PEER_TEST = """
def test_mock_transport_{i}(mock_transport):
    with httpx.Client(transport=mock_transport) as client:
        answer = client.post("http://portal.test/rest/1/code/tasks.flow.Flow.get", json={{"flowId": 1}})
    assert answer.status_code == 400 and answer.json()["error"] == 0
"""

# Collects per-test time (setup + call + teardown) by file, from pytest's reports.
RECORDER = """
import json
import os
from collections import defaultdict

TIMES = defaultdict(float)
COUNTS = defaultdict(set)


def pytest_runtest_logreport(report):
    if report.failed:
        raise SystemExit(f"benchmark test failed: {report.nodeid}: {report.longreprtext}")
    path = report.nodeid.split("::")[0]
    TIMES[path] += report.duration
    COUNTS[path].add(report.nodeid)


def pytest_sessionfinish(session):
    out = {path: {"seconds": TIMES[path], "tests": len(COUNTS[path])} for path in TIMES}
    with open(os.environ["B24_BENCH_OUT"], "w") as handle:
        json.dump(out, handle)
"""

OURS_FILE = "test_ours_fresh_portal.py"
PEER_FILE = "test_peer_mock_transport.py"


def _write_project(workdir: Path, tests: int) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / OURS_FILE).write_text("".join(OURS_TEST.format(i=i) for i in range(tests)), encoding="utf-8")
    peer = PEER_HEADER + "".join(PEER_TEST.format(i=i) for i in range(tests))
    (workdir / PEER_FILE).write_text(peer, encoding="utf-8")
    (workdir / "bench_recorder.py").write_text(RECORDER, encoding="utf-8")
    (workdir / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")


def _one_run(workdir: Path, order: list[str]) -> dict[str, Any]:
    out = workdir / "times.json"
    env = {**os.environ, "PYTHONPATH": f"{workdir}{os.pathsep}{ROOT}", "B24_BENCH_OUT": str(out)}
    command = [
        sys.executable, "-m", "pytest", *order, "-q", "-p", "no:cacheprovider", "-p", "bench_recorder",
        "-p", "reference_server.pytest_plugin",
    ]  # fmt: skip
    done = subprocess.run(
        command, cwd=workdir, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"the benchmark's pytest run failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
        )
    times: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return times


def run(settings: Settings) -> CaseResult:
    tests = 20 if settings.quick else 200
    workdir = settings.workdir / "plugin"
    _write_project(workdir, tests)
    ours: list[float] = []
    peer: list[float] = []
    for repeat in range(settings.repeats):
        order = [OURS_FILE, PEER_FILE] if repeat % 2 == 0 else [PEER_FILE, OURS_FILE]
        times = _one_run(workdir, order)
        for name, samples in ((OURS_FILE, ours), (PEER_FILE, peer)):
            if times[name]["tests"] != tests:
                raise RuntimeError(f"{name}: {times[name]['tests']} tests reported, {tests} written")
            samples.append(times[name]["seconds"] / tests * 1000)
    row = Row(
        "fresh in-process portal: time per test",
        "ms",
        ours,
        "httpx.MockTransport",
        peer,
        Target("<=", 10.0, on="ours"),
        note="setup + one call + teardown, from pytest's own reports",
    )
    return CaseResult([row], {"tests_per_file_and_repeat": tests})
