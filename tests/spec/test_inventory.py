"""The spec covers every method the source audit covers, and nothing counts operations by hand:
the paths, the audit (spec/SOURCES.md), the app-only markings and the README's numbers agree with
the bundle."""

from __future__ import annotations

import re
from typing import Any

from b24_spec import conventions
from tests.conftest import ROOT, SPEC_DIR

APP_ONLY_REFUSAL = "Access denied! Application context required"
_METHOD = re.compile(r"\b(tasks\.flow\.Flow\.\w+|bizproc(?:\.\w+)+|batch)\b")


def _operation_ids(bundled: Any) -> set[str]:
    return {op["operationId"] for _p, _m, op in conventions.operations(bundled)}


def audited_methods() -> set[str]:
    """The methods spec/SOURCES.md has a section for (a `###` heading naming them)."""
    found: set[str] = set()
    for line in (SPEC_DIR / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("###"):
            found |= set(_METHOD.findall(line))
    return found


def test_every_operation_has_a_path_file_and_an_audit_section(bundled: Any) -> None:
    ids = _operation_ids(bundled)
    files = {p.stem for p in (SPEC_DIR / "paths").glob("*.yaml")}
    assert ids == files
    assert ids - audited_methods() == set(), "add a section for the method to spec/SOURCES.md"
    assert audited_methods() - ids == set(), "spec/SOURCES.md audits a method the spec does not describe"


def test_the_audit_reader_sees_every_kind_of_heading() -> None:
    # one method, two methods on one heading, a method with a note after it
    assert {
        "tasks.flow.Flow.create",
        "bizproc.workflow.instance.list",
        "bizproc.robot.add",
    } <= audited_methods()


def test_application_only_methods_are_exactly_those_that_refuse_webhooks(bundled: Any) -> None:
    marked = {
        op["operationId"] for _p, _m, op in conventions.operations(bundled) if op.get("x-bitrix-app-context")
    }
    refusing = {
        op["operationId"]
        for _p, _m, op in conventions.operations(bundled)
        if any(e["message"] == APP_ONLY_REFUSAL for e in op["x-bitrix-errors"])
    }
    assert marked
    assert marked == refusing


def test_application_only_methods_declare_the_webhook_refusal(bundled: Any) -> None:
    for _p, _m, op in conventions.operations(bundled):
        if op.get("x-bitrix-app-context"):
            refusals = {e["status"] for e in op["x-bitrix-errors"] if e["message"] == APP_ONLY_REFUSAL}
            assert refusals == {400, 403}, op["operationId"]


def test_the_readme_counts_the_methods_the_spec_describes(bundled: Any) -> None:
    methods = {
        op["operationId"] for _p, _m, op in conventions.operations(bundled) if not op.get("deprecated")
    }
    claims = [int(n) for n in re.findall(r"\ball (\d+) methods\b", (ROOT / "README.md").read_text("utf-8"))]
    assert claims, "README.md no longer states how many methods the server serves; drop this test"
    assert set(claims) == {len(methods)}, "update the method count in README.md"
