"""The suite has teeth: it passes on the reference server and catches every broken variant of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.mutants import MUTANTS
from tests.contract.suite import Outcome, run_suite

# many seconds each (contract-suite runs, compilers): started first in a parallel run
pytestmark = pytest.mark.slow

# Enough generated cases for the stateful sequences to reach toggles and deletes.
BUDGET = ("--max-examples", "10", "--stateful-steps", "8")


def _run(name: str | None, folder: Path) -> Outcome:
    """The suite against one mutant, or the unmutated server (None). Each run is its own test, so
    that pytest-xdist spreads them over the cores next to the rest of the suite."""
    mutant = MUTANTS[name] if name is not None else None
    options = [*BUDGET, "--operations", mutant.operations if mutant else ".", "-x"]
    if name is not None:
        options += ["--mutant", name]
    return run_suite(folder, *options)


def test_there_are_at_least_twelve_mutants() -> None:
    assert len(MUTANTS) >= 12


def test_the_unmutated_server_passes(tmp_path: Path) -> None:
    outcome = _run(None, tmp_path)
    assert outcome.returncode == 0, outcome.output[-3000:]
    assert outcome.summary["failures"] == []


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_the_mutant_is_caught(tmp_path: Path, name: str) -> None:
    outcome = _run(name, tmp_path)
    assert outcome.returncode == 1, f"{name} was not caught:\n{outcome.output[-3000:]}"
    caught = outcome.failed_checks()
    assert {check for _operation, check in caught} & set(MUTANTS[name].caught_by), (name, caught)
