"""Live mode is safe: a full run against a seeded portal leaves every pre-existing object as it was,
names what it creates with the prefix, and removes it afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from contract_tests.target import NAME_PREFIX
from reference_server.process import serving
from tests.contract.suite import run_suite

# many seconds each (contract-suite runs, compilers): started first in a parallel run
pytestmark = pytest.mark.slow

TOKEN = "reference-token-admin"
TABLES = ("flows", "pins", "records")


def _rows(db: Path) -> set[tuple[str, tuple[Any, ...]]]:
    with sqlite3.connect(db) as connection:
        return {(table, row) for table in TABLES for row in connection.execute(f"SELECT * FROM {table}")}


def _seed(base: str) -> None:
    def call(method: str, body: dict[str, Any]) -> Any:
        answer = httpx.post(f"{base}/{method}", params={"auth": TOKEN}, json=body, timeout=10).json()
        assert "result" in answer, answer
        return answer["result"]

    for name in ("Existing support flow", "Existing sales flow"):
        flow = call("tasks.flow.Flow.create", {"flowData": {
            "name": name, "plannedCompletionTime": 3600, "distributionType": "queue",
            "responsibleList": [["user", "2"]],
        }})  # fmt: skip
        call("tasks.flow.Flow.pin", {"flowId": flow["id"]})


def test_a_live_run_touches_only_what_it_created(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    with serving("--no-limits", "--db", str(db)) as server:
        base = f"{server.url}/rest"
        _seed(base)
        before = _rows(db)
        outcome = run_suite(
            tmp_path / "report", "--base-url", base, "--token", TOKEN, "--live",
            "--max-examples", "8", "--stateful-steps", "6",
        )  # fmt: skip
        after = _rows(db)
    assert outcome.returncode == 0, outcome.output[-4000:]
    assert before <= after, f"pre-existing rows changed or vanished: {sorted(before - after)[:5]}"
    assert after - before == set(), f"the run left objects behind: {sorted(after - before)[:5]}"
    created = outcome.summary["created"]
    assert created, "the run created nothing, so it proved nothing"
    assert all(entry["removed"] for entry in created), created
    named = [entry["name"] for entry in created if entry["name"] is not None]
    assert named and all(str(name).startswith((NAME_PREFIX, NAME_PREFIX.replace("-", "_"))) for name in named)
    refusals = [reason for reasons in outcome.summary["not_exercised"].values() for reason in reasons]
    assert any("did not create" in reason for reason in refusals), "nothing was refused: the guard never ran"
