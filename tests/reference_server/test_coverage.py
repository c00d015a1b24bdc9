"""Handlers against spec operations (one per operation), and the errors they raise against the
operations' declared examples."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import reference_server
from b24_spec.model import default
from reference_server.core.errors import BitrixError, UndeclaredError
from reference_server.core.registry import HANDLERS

# Raised by the dispatcher and the HTTP layer for any method, so every operation must declare them.
SYSTEM_ERRORS = {
    "NoAuthFound",
    "ExpiredToken",
    "InsufficientScope",
    "MethodNotFound",
    "QueryLimitExceeded",
    "OperationTimeLimit",
}
PACKAGE = Path(reference_server.__file__).parent


def test_every_handler_names_a_spec_operation() -> None:
    assert set(HANDLERS) - set(default().operations) == set()


def test_every_operation_has_a_handler() -> None:
    missing = set(default().operations) - set(HANDLERS)
    assert missing == set(), "write a handler with @method(...) in reference_server/domains (CONTRIBUTING.md)"


def _named_errors() -> set[str]:
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "named"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(str(node.args[0].value))
    for handler in HANDLERS.values():
        names.update(handler.invalid_errors)
        names.update(name for name in handler.fields.values() if name is not None)
    return names


def test_every_raised_error_is_a_spec_error_example() -> None:
    examples = default().document["components"]["examples"]
    names = _named_errors()
    assert names, "the scan found no errors at all"
    for name in names:
        assert name in examples, f"{name} is not in components/examples"
        assert {"error", "error_description"} <= set(examples[name]["value"])


def test_system_errors_are_declared_by_every_operation() -> None:
    assert _named_errors() >= SYSTEM_ERRORS
    for op in default().operations.values():
        for name in SYSTEM_ERRORS:
            assert op.statuses_of(name), f"{op.operation_id} does not declare {name}"


def test_the_batch_entry_errors_are_batchs() -> None:
    """D46: raised only for commands inside a batch (rendered as `result_error` entries); the
    batch operation declares them."""
    assert _named_errors() >= {"BatchMethodNotAllowed", "BatchLengthExceeded"}
    batch = default().operations["batch"]
    assert batch.statuses_of("BatchMethodNotAllowed") and batch.statuses_of("BatchLengthExceeded")


def test_handler_errors_are_declared_by_their_operation() -> None:
    spec = default()
    flow_sources = "".join(
        (PACKAGE / "domains" / name).read_text(encoding="utf-8") for name in ("flows.py", "flow_checks.py")
    )
    flow_errors = {n for n in _named_errors() if n.startswith("Flow") and f'"{n}"' in flow_sources}
    flow_ops = [op for op in spec.operations.values() if op.operation_id.startswith("tasks.flow.")]
    # which flow method raises which error is checked where it is raised (an undeclared error fails
    # the answer); here: each one is declared by some flow method
    for flow_error in flow_errors:
        assert any(op.statuses_of(flow_error) for op in flow_ops), flow_error
    command_checks = {"FlowValueTooSmall", "FlowValueTooLarge", "FlowNameLength", "FlowValueEmpty"}
    for handler in HANDLERS.values():
        op = spec.operations[handler.operation_id]
        if handler.invalid_errors:
            assert any(op.statuses_of(n) for n in handler.invalid_errors), handler.operation_id
        for name in handler.fields.values():
            assert name is None or op.statuses_of(name), (handler.operation_id, name)
        if handler.operation_id.startswith("tasks.flow."):
            # every flow operation declares the access error and the binder's missing parameter
            assert op.statuses_of("FlowAccessDenied") and op.statuses_of("FlowParameterMissing")
            if handler.operation_id.endswith((".create", ".update")):  # they run the command checks
                assert command_checks <= {e.name for e in op.errors}, handler.operation_id


def test_an_undeclared_error_cannot_be_sent() -> None:
    with pytest.raises(UndeclaredError):
        BitrixError.named("FlowNameExists").status(default(), "tasks.flow.Flow.get")


def test_pin_errors_use_400_not_200() -> None:
    assert BitrixError.named("FlowAccessDenied").status(default(), "tasks.flow.Flow.pin") == 400
