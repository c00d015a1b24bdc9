"""Convention 16 of spec/README.md: every error has a name, and the published catalogue is current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from b24_spec import conventions, errors
from generator.bundle import bundle, write
from tests.conftest import ROOT
from tests.spec.breakage import dump, load


def test_error_names_are_identifiers_and_unique_per_code(bundled: Any) -> None:
    assert conventions.check_error_names(bundled) == []


def test_a_message_shared_across_operations_is_caught(spec_copy: Path) -> None:
    """Two errors with code 0 on different operations may not share a message: a batch command's
    error, met without its operation, would name either."""
    file = spec_copy / "components" / "examples" / "EventWorkflowNotFoundZero.yaml"
    example = load(file)
    example["x-bitrix-messages"].append({"text": "Flow not found", "lang": "en", "source": "docs"})
    dump(file, example)
    problems = conventions.check_error_names(bundle(spec_copy / "openapi.yaml"))
    assert any("EventWorkflowNotFoundZero" in p and "FlowNotFound" in p for p in problems), problems


def test_a_reserved_name_is_caught(spec_copy: Path) -> None:
    examples = spec_copy / "components" / "examples"
    (examples / "FlowNotFound.yaml").rename(examples / "MalformedResponse.yaml")
    for path in (spec_copy / "paths").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("/FlowNotFound.yaml", "/MalformedResponse.yaml"), encoding="utf-8")
    problems = conventions.check_error_names(bundle(spec_copy / "openapi.yaml"))
    assert problems == ["error example MalformedResponse: the name is reserved by the client runtime"]


def test_the_catalogue_gathers_statuses_and_operations(bundled: Any) -> None:
    named = {error["name"]: error for error in errors.catalogue(bundled)}
    pairs = {
        (op["operationId"], entry["status"], entry["example"].rsplit("/", 1)[-1])
        for _p, _m, op in conventions.operations(bundled) for entry in op["x-bitrix-errors"]
    }  # fmt: skip
    assert {(op, status, name) for name, e in named.items() for op in e["operations"]
            for status in e["statuses"]} >= pairs  # fmt: skip
    for op, status, name in pairs:
        assert op in named[name]["operations"] and status in named[name]["statuses"]
    flow = named["FlowAccessDenied"]
    assert (flow["code"], flow["statuses"], flow["retry"]) == ("0", [200, 400], "never")
    assert {v["lang"] for v in flow["messages"]} == {"en", "ru"}


def test_the_committed_errors_json_equals_a_fresh_one(bundled: Any, tmp_path: Path) -> None:
    write(tmp_path)
    fresh = (tmp_path / "errors.json").read_text(encoding="utf-8")
    assert fresh == errors.to_json(bundled)
    committed = ROOT / "generated" / "errors.json"
    assert committed.is_file(), "generated/errors.json is missing: run `nox -s generate`"
    assert committed.read_text(encoding="utf-8") == fresh, (
        "generated/errors.json is stale: run `nox -s generate`"
    )
    assert len(json.loads(fresh)["errors"]) == len({e["name"] for e in errors.catalogue(bundled)})
