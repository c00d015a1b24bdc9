"""The contract suite, generated from the bundled spec: examples, coverage, fuzzing and stateful phases.

Run it with `nox -s contract` (in-process reference server) or `nox -s contract -- --base-url URL`.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, reject, settings

from contract_tests import model, runner, session

schema = session.SCHEMA
RUN = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    report_multiple_bugs=False,
    phases=[Phase.explicit, Phase.generate],
    max_examples=session.MAX_EXAMPLES,
)


def _check(case: Any, response: Any) -> None:
    assert session.SUMMARY is not None
    failures = runner.validate(case, response, session.SUMMARY)
    assert not failures, f"{runner.operation_id(case)}: " + " | ".join(failures)


@schema.parametrize()  # type: ignore[untyped-decorator]
@RUN
def test_operation(case: Any) -> None:
    refusal = runner.prepare(case)
    if refusal is not None:
        assert session.SUMMARY is not None
        session.SUMMARY.record_skip(runner.operation_id(case), refusal)
        return
    assert session.SUMMARY is not None
    response = runner.send(case, session.SUMMARY)
    runner.after_call(case, response, session.SUMMARY)
    _check(case, response)


def _state_machine() -> Any:
    """The link-driven state machine, or None when no link joins two selected operations."""
    selected = {str(op.ok().definition.raw["operationId"]) for op in schema.get_all_operations()}
    if not any(model.link_targets(op) & selected for op in selected):
        return None
    return schema.as_state_machine()


MACHINE = _state_machine()

if MACHINE is None:

    @pytest.mark.skip(reason="the selected operations have no links between them (--operations)")
    def test_sequences() -> None:
        """Placeholder: stateful sequences need linked operations."""

else:

    class Sequences(MACHINE):  # type: ignore[misc,valid-type]
        """Chains of calls along the spec's links (create -> get -> activate -> ... -> delete)."""

        def call(self, case: Any, **kwargs: Any) -> Any:
            runner.seed_from_examples(case)
            if runner.prepare(case) is not None:
                reject()
            assert session.SUMMARY is not None
            kwargs.pop("timeout", None)  # the run's own --timeout applies
            response = runner.send(case, session.SUMMARY, **kwargs)
            runner.after_call(case, response, session.SUMMARY)
            return response

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            _check(case, response)

    Sequences.TestCase.settings = settings(
        RUN,
        phases=[Phase.generate],
        max_examples=session.MAX_EXAMPLES,
        stateful_step_count=session.STATEFUL_STEPS,
    )
    TestSequences = Sequences.TestCase
