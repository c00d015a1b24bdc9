"""Conventions 3, 4 and 5 of spec/README.md: the error model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b24_spec import conventions, messages
from generator.bundle import bundle
from tests.spec.breakage import dump, edit_operation, load

FLOW_METHODS = [
    "tasks.flow.Flow.create",
    "tasks.flow.Flow.update",
    "tasks.flow.Flow.get",
    "tasks.flow.Flow.delete",
    "tasks.flow.Flow.isExists",
    "tasks.flow.Flow.activate",
    "tasks.flow.Flow.pin",
]
# the batch-entry codes (ERROR_BATCH_LENGTH_EXCEEDED, ERROR_BATCH_METHOD_NOT_ALLOWED) are batch's alone (D46)
RU_ACCESS = "Доступ запрещён или поток не найден"
RU_NAME_EXISTS = "Поток с таким названием уже существует"  # noqa: RUF001 (Cyrillic text)
RU_NOT_FOUND = "Поток с таким ID не существует"  # noqa: RUF001 (Cyrillic text)
RU_UNKNOWN = "Неизвестная ошибка [Flow: {line}]"
SYSTEM_CODES = {
    "INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER", "QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT",
    "NO_AUTH_FOUND", "INVALID_REQUEST",
    "OVERLOAD_LIMIT", "ACCESS_DENIED", "INVALID_CREDENTIALS", "ERROR_MANIFEST_IS_NOT_AVAILABLE",
    "insufficient_scope", "expired_token", "user_access_error", "PORTAL_DELETED", "ERROR_METHOD_NOT_FOUND",
}  # fmt: skip


def test_error_bodies_are_described_once_and_referenced(bundled: Any) -> None:
    assert conventions.check_error_examples(bundled) == []


def test_every_operation_declares_the_system_errors(bundled: Any) -> None:
    assert conventions.check_system_errors(bundled) == []


def test_the_error_index_matches_the_responses(bundled: Any) -> None:
    assert conventions.check_error_index(bundled) == []


def test_every_operation_indexes_every_system_code(bundled: Any) -> None:
    for _path, _method, op in conventions.operations(bundled):
        codes = {entry["code"] for entry in op["x-bitrix-errors"]}
        assert codes >= SYSTEM_CODES, (op["operationId"], SYSTEM_CODES - codes)


def test_the_flow_methods_carry_their_documented_errors(bundled: Any) -> None:
    expected = {
        "tasks.flow.Flow.create": {"Access denied or flow not found", "Unknown error",
                                   "'distributionType': field's value has an invalid value",
                                   "A flow with this name already exists"},
        "tasks.flow.Flow.get": {"Access denied or flow not found", "Unknown error", "Flow not found"},
        "tasks.flow.Flow.delete": {"Access denied or flow not found", "Unknown error", "Flow not found"},
        "tasks.flow.Flow.activate": {"Access denied or flow not found", "Unknown error", "Flow not found"},
        "tasks.flow.Flow.pin": {"Access denied or flow not found", "Unknown error"},
    }  # fmt: skip
    for method, texts in expected.items():
        index = bundled["paths"][f"/{method}"]["post"]["x-bitrix-errors"]
        flow_errors = {(e["status"], e["message"]) for e in index if e["code"] == "0"}
        assert {m for _s, m in flow_errors} >= texts, method
        assert {s for s, _m in flow_errors} <= {200, 400}, method


def test_pin_documents_its_errors_under_http_200_and_400(bundled: Any) -> None:
    index = bundled["paths"]["/tasks.flow.Flow.pin"]["post"]["x-bitrix-errors"]
    statuses = {e["status"] for e in index if e["message"] == "Access denied or flow not found"}
    assert statuses == {200, 400}


def test_a_missing_system_error_response_is_caught(spec_copy: Path) -> None:
    edit_operation(spec_copy, "tasks.flow.Flow.get", lambda op: op["responses"].pop("429"))
    problems = conventions.check_system_errors(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["tasks.flow.Flow.get: missing the 429 response"]


def test_a_system_error_missing_from_an_inline_response_is_caught(spec_copy: Path) -> None:
    edit_operation(
        spec_copy,
        "tasks.flow.Flow.get",
        lambda op: op["responses"]["400"]["content"]["application/json"]["examples"].pop("InvalidRequest"),
    )
    problems = conventions.check_system_errors(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["tasks.flow.Flow.get 400: missing system errors ['InvalidRequest']"]


def test_batch_entry_errors_are_not_whole_call_errors(bundled: Any) -> None:
    """D46: ERROR_BATCH_LENGTH_EXCEEDED and ERROR_BATCH_METHOD_NOT_ALLOWED come only inside a batch."""
    assert conventions.check_batch_only_errors(bundled) == []
    for path, item in bundled["paths"].items():
        assert "405" not in item["post"]["responses"] or path == "/batch", path


def test_a_batch_entry_error_on_a_method_is_caught(spec_copy: Path) -> None:
    def add(op: Any) -> None:
        examples = op["responses"]["400"]["content"]["application/json"]["examples"]
        examples["BatchLengthExceeded"] = {"$ref": "../components/examples/BatchLengthExceeded.yaml"}

    edit_operation(spec_copy, "bizproc.task.list", add)
    problems = conventions.check_batch_only_errors(bundle(spec_copy / "openapi.yaml"))
    assert "bizproc.task.list: declares BatchLengthExceeded, which only a batch entry carries" in problems


def test_an_inline_error_body_is_caught(spec_copy: Path) -> None:
    def inline(op: Any) -> None:
        examples = op["responses"]["400"]["content"]["application/json"]["examples"]
        examples["Inline"] = {"value": {"error": "0", "error_description": "Flow not found"}}

    edit_operation(spec_copy, "tasks.flow.Flow.get", inline)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    assert any("Inline" in p for p in problems), problems


def test_an_error_without_retry_advice_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowNotFound.yaml"
    example = load(file)
    example["x-bitrix-retry"] = "sometimes"
    dump(file, example)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    assert any("FlowNotFound" in p for p in problems), problems


def test_a_stale_error_index_is_caught(bundled: Any) -> None:
    broken = {**bundled, "paths": dict(bundled["paths"])}
    item = broken["paths"]["/tasks.flow.Flow.get"]
    op = {**item["post"], "x-bitrix-errors": item["post"]["x-bitrix-errors"][1:]}
    broken["paths"]["/tasks.flow.Flow.get"] = {"post": op}
    assert conventions.check_error_index(broken) == [
        "tasks.flow.Flow.get: x-bitrix-errors does not match the declared responses"
    ]


def test_the_flow_methods_are_all_present(bundled: Any) -> None:
    ids = {op["operationId"] for _p, _m, op in conventions.operations(bundled)}
    assert set(FLOW_METHODS) <= ids


def test_error_messages_name_one_declared_error(bundled: Any) -> None:
    assert conventions.check_error_messages_distinct(bundled) == []


def test_an_error_without_message_variants_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowNotFound.yaml"
    example = load(file)
    del example["x-bitrix-messages"]
    dump(file, example)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["error example FlowNotFound: x-bitrix-messages must list the known message variants"]


def test_variants_that_miss_the_example_message_are_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowNotFound.yaml"
    example = load(file)
    example["x-bitrix-messages"] = [{"pattern": r"Flow \d+ not found", "lang": "en", "source": "docs"}]
    dump(file, example)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        "error example FlowNotFound: no x-bitrix-messages variant matches its error_description"
    ]


def test_a_malformed_variant_is_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowNotFound.yaml"
    example = load(file)
    first = len(example["x-bitrix-messages"])
    example["x-bitrix-messages"] += [{"text": "x", "pattern": "x", "lang": "en", "source": "docs"},
                                     {"pattern": "(", "lang": "en", "source": "docs"},
                                     {"text": "y", "lang": "de", "source": ""}]  # fmt: skip
    dump(file, example)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    assert problems == [
        f"error example FlowNotFound: x-bitrix-messages[{first}] needs exactly one of text and pattern",
        f"error example FlowNotFound: x-bitrix-messages[{first + 1}]: pattern does not compile",
        f"error example FlowNotFound: x-bitrix-messages[{first + 2}] needs lang (['en', 'ru']) and source",
    ]


def test_current_variants_are_checked(spec_copy: Path) -> None:
    """The reference server answers with the `current` variant of its language: at most one per
    language, and a current pattern carries the template the server fills."""
    file = spec_copy / "components" / "examples" / "FlowUnknownError.yaml"
    example = load(file)
    first = len(example["x-bitrix-messages"])
    example["x-bitrix-messages"] += [
        {"text": "Another", "lang": "en", "source": "docs", "current": True},
        {"pattern": r"X \d+", "lang": "ru", "source": "docs", "current": "yes"},
        {"text": "Z", "template": "Z {n}", "lang": "ru", "source": "docs"},
    ]
    dump(file, example)
    problems = conventions.check_error_examples(bundle(spec_copy / "openapi.yaml"))
    where = "error example FlowUnknownError: x-bitrix-messages"
    assert problems == [
        f"{where}[{first + 1}]: current is either true or absent",
        f"{where}[{first + 1}]: a current pattern needs a template",
        f"{where}[{first + 2}]: a template belongs next to a pattern",
        "error example FlowUnknownError: more than one current variant for en",
    ]


def test_the_flow_errors_carry_the_language_file_strings(bundled: Any) -> None:
    """EN and RU strings of tasks 24.450 are the current variants (spec/README.md D34)."""
    examples = bundled["components"]["examples"]
    current = {
        name: {v["lang"]: v.get("text", v.get("template")) for v in examples[name]["x-bitrix-messages"]
               if v.get("current")}
        for name in ("FlowAccessDenied", "FlowNameExists", "FlowNotFound", "FlowUnknownError")
    }  # fmt: skip
    assert current == {
        "FlowAccessDenied": {"en": "Cannot find flow", "ru": RU_ACCESS},
        "FlowNameExists": {"en": "A flow with this name already exists.", "ru": RU_NAME_EXISTS},
        "FlowNotFound": {"en": "Flow with this ID does not exist.", "ru": RU_NOT_FOUND},
        "FlowUnknownError": {"en": "Unknown error. [Flow: {line}]", "ru": RU_UNKNOWN},
    }
    unknown = examples["FlowUnknownError"]["x-bitrix-messages"]
    assert any(messages.message_matches(v, "Unknown error. [Flow: 123]") for v in unknown)
    assert any(messages.message_matches(v, "Unknown error") for v in unknown)


def test_two_errors_sharing_a_variant_are_caught(spec_copy: Path) -> None:
    file = spec_copy / "components" / "examples" / "FlowUnknownError.yaml"
    example = load(file)
    example["x-bitrix-messages"].append({"pattern": "Flow.*", "lang": "en", "source": "docs"})
    dump(file, example)
    problems = conventions.check_error_messages_distinct(bundle(spec_copy / "openapi.yaml"))
    assert any("FlowUnknownError" in p and "FlowNotFound" in p for p in problems), problems


def test_flow_limits_and_their_messages(bundled: Any) -> None:
    """Audit "Command validation" (tasks 24.450 AddCommand/UpdateCommand): bounds in the schemas, one
    error example per rule on create and update, each pattern covering every field it names."""
    schemas = bundled["components"]["schemas"]
    for name in ("FlowCreateData", "FlowUpdateData"):
        props = schemas[name]["properties"]
        assert (props["name"]["minLength"], props["name"]["maxLength"]) == (1, 255), name
        planned = props["plannedCompletionTime"]
        assert (planned["minimum"], planned["maximum"]) == (3600, 2145398400), name
        assert props["notifyOnQueueOverflow"]["maximum"] == 99999
        assert props["notifyOnTasksInProgressOverflow"]["maximum"] == 99999
        assert props["notifyWhenEfficiencyDecreases"]["maximum"] == 100
        assert props["templateId"]["minimum"] == 0
    assert schemas["NotifyThreshold"]["minimum"] == 0
    create = schemas["FlowCreateData"]["properties"]
    assert "minimum" not in create["groupId"] and "minimum" not in create["ownerId"]
    rules_examples = {"FlowValueTooSmall", "FlowValueTooLarge", "FlowNameLength", "FlowValueEmpty"}
    for method in ("tasks.flow.Flow.create", "tasks.flow.Flow.update"):
        index = bundled["paths"][f"/{method}"]["post"]["x-bitrix-errors"]
        assert rules_examples <= {e["example"].rsplit("/", 1)[-1] for e in index}, method
    examples = bundled["components"]["examples"]
    for text, name in [
        ("'templateId': field's value must be greater than 0", "FlowValueTooSmall"),
        ("'id': field's value must be greater than 0", "FlowValueTooSmall"),
        ("'plannedCompletionTime': field's value must be less than 2145398400", "FlowValueTooLarge"),
        ("'efficiency': field's value must be less than 100", "FlowValueTooLarge"),
    ]:
        assert any(messages.message_matches(v, text) for v in examples[name]["x-bitrix-messages"]), text


def test_access_comes_before_existence(bundled: Any) -> None:
    """D9: update and delete answer an unknown id with the unknown error (admins) or access denied;
    isExists takes an empty name; get and activate keep "does not exist" for admins."""
    for method in ("tasks.flow.Flow.update", "tasks.flow.Flow.delete"):
        names = {
            e["example"].rsplit("/", 1)[-1] for e in bundled["paths"][f"/{method}"]["post"]["x-bitrix-errors"]
        }
        assert {"FlowUnknownError", "FlowAccessDenied"} <= names, method
    for method in ("tasks.flow.Flow.get", "tasks.flow.Flow.activate"):
        names = {
            e["example"].rsplit("/", 1)[-1] for e in bundled["paths"][f"/{method}"]["post"]["x-bitrix-errors"]
        }
        assert "FlowNotFound" in names, method
    is_exists = bundled["paths"]["/tasks.flow.Flow.isExists"]["post"]
    name = is_exists["requestBody"]["content"]["application/json"]["schema"]["properties"]["flowData"]
    assert "minLength" not in name["properties"]["name"]
