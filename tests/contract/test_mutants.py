"""The suite has teeth: it passes on the reference server and catches every broken variant of it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from contract_tests.mutants import MUTANTS
from tests.contract.suite import Outcome, run_suite

# Enough generated cases for the stateful sequences to reach toggles and deletes.
BUDGET = ("--max-examples", "10", "--stateful-steps", "8")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every mutant and the unmutated server, run two at a time (the machine has two cores)."""

    def run(name: str) -> tuple[str, Outcome]:
        folder = tmp_path_factory.mktemp(name)
        mutant = MUTANTS.get(name)
        options = [*BUDGET, "--operations", mutant.operations if mutant else ".", "-x"]
        if mutant:
            options += ["--mutant", name]
        return name, run_suite(Path(folder), *options)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, ["unmutated", *MUTANTS]))


def test_there_are_at_least_twelve_mutants() -> None:
    assert len(MUTANTS) >= 12


def test_the_unmutated_server_passes(outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes["unmutated"]
    assert outcome.returncode == 0, outcome.output[-3000:]
    assert outcome.summary["failures"] == []


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_the_mutant_is_caught(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.returncode == 1, f"{name} was not caught:\n{outcome.output[-3000:]}"
    caught = outcome.failed_checks()
    assert {check for _operation, check in caught} & set(MUTANTS[name].caught_by), (name, caught)
