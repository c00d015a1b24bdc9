"""The suite passes over HTTP against the reference server as `nox -s serve` starts it: limits on
(the Enterprise plan's bucket, 250 calls and 5 a second, so that the test meets the limits quickly
without waiting minutes at the standard 2 a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reference_server.process import serving
from tests.contract.suite import run_suite

# many seconds each (contract-suite runs, compilers): started first in a parallel run
pytestmark = pytest.mark.slow


def test_the_suite_passes_against_a_rate_limited_server(tmp_path: Path) -> None:
    with serving("--plan", "enterprise") as server:
        outcome = run_suite(
            tmp_path, "--base-url", f"{server.webhook}/",
            "--operations", r"^/tasks\.flow\.Flow\.(create|get)$", "--max-examples", "5",
        )  # fmt: skip
    assert outcome.returncode == 0, outcome.output[-4000:]
    assert "waited out the portal's limits" in outcome.output, (
        "the run never met the limits it should wait out"
    )
    # said once, when it first happened, not only in the summary at the end
    told = "contract: the server refuses calls for its limits (503 QUERY_LIMIT_EXCEEDED)"
    assert outcome.output.count(told) == 1, outcome.output[-4000:]
    assert outcome.output.index(told) < outcome.output.index("waited out the portal's limits")
    assert sum(outcome.summary["successful_calls"].values()) > 0
