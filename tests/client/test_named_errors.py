"""The client names every error of the spec's catalogue, from any of its message forms.

The expectations come from the bundle (b24_spec.errors.catalogue, the list errors.json publishes)
and from the contract suite's matcher (b24_spec.messages), never from the client's own tables.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from b24_client import Bitrix24Error, UnknownBitrix24Error, batch_errors, errors
from b24_client._batch import BatchPlan, Command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b24_spec import conventions, messages
from b24_spec.errors import catalogue
from generator.bundle import bundle
from tests.conftest import ROOT

SPEC = bundle()
NAMED = catalogue(SPEC)
BY_NAME = {error["name"]: error for error in NAMED}
OPERATIONS = {op["operationId"]: op for _p, _m, op in conventions.operations(SPEC)}
VARIANTS = [(error["name"], index) for error in NAMED for index in range(len(error["messages"]))]


def _raised(status: int | None, code: Any, message: Any, operation: str) -> Bitrix24Error:
    body = {"error": code, "error_description": message}
    return Bitrix24Error.from_body(body, status if status is not None else 200, operation)


def _codes(code: str) -> list[Any]:
    """The code as the catalogue writes it and, for a number, as the JSON integer portals send."""
    return [code, int(code)] if code.isdigit() else [code]


def _expect_named(name: str, message: str) -> None:
    error = BY_NAME[name]
    for code in _codes(error["code"]):
        for operation in error["operations"]:
            for status in error["statuses"]:
                raised = _raised(status, code, message, operation)
                assert type(raised).__name__ == name, (operation, status, code, message)
                # the contract suite's matcher agrees, where the operation declares that status
                entries = OPERATIONS[operation]["x-bitrix-errors"]
                if any(e["status"] == status for e in entries if e["example"].endswith(f"/{name}")):
                    found = messages.classify(entries, status, code, message)
                    assert found is not None and found["example"].endswith(f"/{name}")
        # met outside its operation (a batch command's error, an operation the spec does not know)
        assert type(_raised(None, code, message, "batch[7]")).__name__ == name


def test_every_catalogue_entry_is_an_exception_class() -> None:
    exported_named = {n for n in errors.__all__ if getattr(getattr(errors, n), "error_name", "")}
    assert exported_named == set(BY_NAME)
    for name, error in BY_NAME.items():
        cls = getattr(errors, name)
        assert issubclass(cls, Bitrix24Error) and not issubclass(cls, UnknownBitrix24Error)
        assert (cls.error_name, cls.expected_code, cls.retry) == (name, error["code"], error["retry"])
        assert cls.statuses == tuple(error["statuses"])


def test_the_catalogue_has_both_languages() -> None:
    langs = {variant["lang"] for error in NAMED for variant in error["messages"]}
    assert langs == {"en", "ru"}
    assert len(VARIANTS) > len(NAMED)


@pytest.mark.parametrize(("name", "index"), VARIANTS, ids=[f"{n}-{i}" for n, i in VARIANTS])
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_message_variant_names_its_error(name: str, index: int, data: st.DataObject) -> None:
    variant = BY_NAME[name]["messages"][index]
    if "text" in variant:
        message = variant["text"]
    else:
        message = data.draw(st.from_regex(variant["pattern"], fullmatch=True), label="message")
    _expect_named(name, message)


def test_a_template_filled_in_names_its_error() -> None:
    for name, error in BY_NAME.items():
        for variant in error["messages"]:
            template = variant.get("template")
            if template is None:
                continue
            # the value the current reference server puts in: the pattern's own alternatives
            filled = re.sub(r"\{(\w+)\}", lambda m: {"line": "123"}.get(m.group(1), "x"), template)
            if re.fullmatch(variant["pattern"], filled):
                _expect_named(name, filled)


RU_NOT_FOUND = "Поток с таким ID не существует"  # noqa: RUF001 (Cyrillic text)
UNKNOWN_TEXTS = ["A message no portal sends", "Flow not found!", "", "flow not found"]


@pytest.mark.parametrize("text", UNKNOWN_TEXTS)
def test_an_unknown_message_is_an_unknown_error(text: str) -> None:
    """Under every code of the catalogue, a message none of its variants covers is unknown, and one
    a variant covers (a catch-all pattern) is named; the oracle is the contract suite's matcher."""
    for error in NAMED:
        covered = any(
            messages.message_matches(v, text) for other in NAMED if other["code"] == error["code"]
            for v in other["messages"]
        )  # fmt: skip
        raised = _raised(error["statuses"][0], error["code"], text, error["operations"][0])
        assert isinstance(raised, UnknownBitrix24Error) is not covered, (error["name"], text)


def test_unknown_codes_and_odd_values_are_unknown_errors() -> None:
    assert isinstance(
        _raised(400, "NO_SUCH_CODE", "Flow not found", "tasks.flow.Flow.get"), UnknownBitrix24Error
    )
    assert isinstance(_raised(400, True, "Flow not found", "tasks.flow.Flow.get"), UnknownBitrix24Error)
    assert isinstance(_raised(400, 0.0, "Flow not found", "tasks.flow.Flow.get"), UnknownBitrix24Error)
    assert isinstance(_raised(400, 0, ["Flow not found"], "tasks.flow.Flow.get"), UnknownBitrix24Error)
    assert isinstance(_raised(400, 1, "Flow not found", "tasks.flow.Flow.get"), UnknownBitrix24Error)
    unknown = _raised(400, "X", "y", "tasks.flow.Flow.get")
    assert (unknown.code, unknown.description, unknown.error_name, unknown.retry) == ("X", "y", "", "never")


def test_a_missing_description_is_read_as_empty() -> None:
    raised = Bitrix24Error.from_body({"error": "QUERY_LIMIT_EXCEEDED"}, 503, "tasks.flow.Flow.get")
    assert isinstance(raised, UnknownBitrix24Error)
    assert raised.description == ""


def test_named_errors_stay_catchable_as_before() -> None:
    raised = _raised(400, 0, "Flow not found", "tasks.flow.Flow.get")
    assert isinstance(raised, errors.FlowNotFound)
    assert isinstance(raised, Bitrix24Error) and isinstance(raised, errors.B24ClientError)
    assert (raised.status_code, raised.code, raised.description) == (400, "0", "Flow not found")
    # calling from_body on a named class keeps that class
    assert type(errors.FlowNotFound.from_body({"error": 0}, 400, "x")) is errors.FlowNotFound


def test_the_operation_and_status_break_a_tie() -> None:
    """Two entries may share a code and a message only in a catalogue that breaks the naming
    convention; then the called operation's own error wins, then the one under the answer's status."""
    from b24_client._classify import Catalogue, Entry  # noqa: PLC0415

    first, second = errors.FlowNotFound, errors.FlowNameExists

    class SameError(Bitrix24Error):
        error_name, expected_code, statuses = "SameError", "0", (503,)

    table = Catalogue(
        [Entry(first, texts=frozenset({"t"})), Entry(SameError, texts=frozenset({"t"}))],
        {"op.a": ["FlowNotFound"], "op.b": ["SameError"]},
    )
    assert table.classify(400, 0, "t", "op.a") is first
    assert table.classify(400, 0, "t", "batch[1] OP.B") is SameError
    assert table.classify(503, 0, "t", "") is SameError
    assert table.classify(400, "0", "t", "") is first
    assert table.classify(400, "0", "u", "op.a") is UnknownBitrix24Error
    assert second.error_name == "FlowNameExists"


def test_batch_command_errors_are_named() -> None:
    plan = BatchPlan(
        {
            "get": Command("tasks.flow.Flow.get", {"flowId": 1}),
            "start": Command("bizproc.workflow.start", {}),
        },
        halt=False,
    )
    sent = plan.next_body()
    assert sent is not None
    plan.feed(
        {
            "result": {
                "result": [],
                "result_error": {
                    "get": {"error": 0, "error_description": RU_NOT_FOUND},
                    "start": {"error": "", "error_description": "Шаблон не найден"},
                },
            }
        },
        sent,
    )
    outcome = plan.result()
    assert type(outcome.errors["get"]) is errors.FlowNotFound
    assert type(outcome.errors["start"]) is UnknownBitrix24Error
    failed = batch_errors(
        {"result_error": {"x": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}}}
    )
    assert type(failed["x"]) is errors.QueryLimitExceeded


def test_errors_json_is_the_catalogue() -> None:
    published = json.loads((ROOT / "generated" / "errors.json").read_text(encoding="utf-8"))
    assert published["errors"] == NAMED
    error_examples = {
        name for name, example in SPEC["components"]["examples"].items()
        if isinstance(example.get("value"), dict) and "error" in example["value"]
    }  # fmt: skip
    assert {error["name"] for error in NAMED} == error_examples
