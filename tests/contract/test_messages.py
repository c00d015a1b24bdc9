"""The contract suite names an error by status, code (string or integer) and message variant."""

from __future__ import annotations

from b24_spec import messages
from contract_tests import model


def test_an_integer_code_and_a_language_file_text_name_the_error() -> None:
    entries = model.error_entries("tasks.flow.Flow.get")
    found = messages.classify(entries, 400, 0, "Cannot find flow")
    assert found is not None and found["example"].endswith("/FlowAccessDenied")
    found = messages.classify(entries, 400, "0", "Доступ запрещён или поток не найден")
    assert found is not None and found["example"].endswith("/FlowAccessDenied")
    found = messages.classify(entries, 400, 0, "Unknown error. [Flow: 42]")
    assert found is not None and found["example"].endswith("/FlowUnknownError")


def test_an_undeclared_message_is_reported_with_the_closest_variant() -> None:
    entries = model.error_entries("tasks.flow.Flow.get")
    assert messages.classify(entries, 400, 0, "Cannot find the flow") is None
    near = messages.closest(entries, 400, 0, "Cannot find the flow")
    assert near == ("FlowAccessDenied", "Cannot find flow")
    # a code the operation does not declare has no closest variant
    assert messages.closest(entries, 400, "SOMETHING", "Cannot find flow") is None
    assert messages.classify(entries, 400, True, "Cannot find flow") is None
