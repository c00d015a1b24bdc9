"""The client matrix (generator/languages/matrix.py): the rows that carry the spec's portability promises
run here on the committed bundle; the README's table is the matrix's own; the patches and the example
bookkeeping do what they say. `nox -s clients` runs every row, also C# and the smoke runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.languages import examples as ex
from generator.languages import matrix

DOC = json.loads(matrix.BUNDLE_JSON.read_text(encoding="utf-8"))
# The rows whose promises the spec's forms keep (spec/README.md D71): Java compiles, PHP and Rust keep
# the batch result, Kotlin reads both bodies of pin's 200, the three TypeScript generators type-check
# every official example. C#, Python and the smoke runs stay in `nox -s clients` (tests/client and
# test_clients.py cover the smoke runs).
IN_TESTS = ("java", "php", "rust", "kotlin", "openapi-typescript", "hey-api", "orval")


@pytest.mark.parametrize("name", IN_TESTS)
def test_row_is_green_on_the_committed_bundle(name: str, tmp_path: Path) -> None:
    row = next(r for r in matrix.ROWS if r.name == name)
    reason = row.missing()
    if reason:
        pytest.skip(reason)
    status, lines = matrix.run([name], matrix.BUNDLE_JSON, tmp_path)[name]
    assert status == "ok", "\n".join(lines)


def test_php_without_mbstring_skips_the_row_saying_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Debian's php-cli has no mbstring, and every generated model calls `mb_strlen`: the row names
    the package instead of failing every example."""
    row = next(r for r in matrix.ROWS if r.name == "php")
    modules = "[PHP Modules]\nCore\njson\n"
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=modules))
    assert "apt-get install php-mbstring" in (row.missing() or "")
    modules += "mbstring\n"
    assert "mbstring" not in (row.missing() or "")


def test_the_readme_table_is_the_matrix() -> None:
    readme = matrix.README.read_text(encoding="utf-8")
    start, end = readme.find(matrix.TABLE_START), readme.find(matrix.TABLE_END)
    assert start >= 0 and end > start, "README.md lacks the client-matrix markers"
    assert readme[start : end + len(matrix.TABLE_END)] == matrix.table(), (
        "README.md's client table is stale: paste `python -m generator.languages.matrix --table`"
    )


def test_every_row_is_in_the_table_once() -> None:
    table = matrix.table()
    for name in matrix.ROW_NAMES:
        assert table.count(f"\n| {name} |") == 1, name


def test_the_official_cases_are_the_marked_examples() -> None:
    cases = ex.official_cases(DOC)
    assert {c.where for c in cases} == {"request", "200"}
    assert len({c.ident for c in cases}) == len(cases)
    batch = [c for c in cases if c.operation == "batch" and c.where == "200"]
    assert batch and all("result_time" in c.value["result"] for c in batch)


def test_a_lost_member_is_named_and_a_dropped_null_is_not() -> None:
    original = {"result": {"a": [1, {"b": 2}], "gone": None}}
    assert ex.lost_members(original, {"result": {"a": [1, {}]}}) == ["$.result.a[1].b"]
    assert ex.lost_members(original, {"result": {"a": [1, {"b": 2}]}}) == []


def test_operation_names_become_generator_type_names() -> None:
    assert ex.pascal("tasks.flow.Flow.create") == "TasksFlowFlowCreate"
    assert ex.pascal("batch") == "Batch"


def _schema(doc: Any, *path: str) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def test_the_hey_api_patch_drops_only_tuple_items() -> None:
    patched = matrix.without_tuple_items(DOC)
    pair = _schema(patched, "components", "schemas", "MemberPair")
    assert (
        "items" not in pair
        and pair["prefixItems"] == DOC["components"]["schemas"]["MemberPair"]["prefixItems"]
    )
    assert (
        _schema(patched, "components", "schemas", "ListSelect") == DOC["components"]["schemas"]["ListSelect"]
    )


def test_the_orval_and_php_patches_touch_only_untyped_unions() -> None:
    orval = matrix.without_untyped_entries(DOC)
    template = _schema(orval, "components", "schemas", "BatchResult", "properties", "result_error")
    assert "unevaluatedProperties" not in template and "not" in template
    assert orval["components"]["schemas"]["FlowCreateData"] == DOC["components"]["schemas"]["FlowCreateData"]
    php = matrix.without_php_traps(DOC)
    params = _schema(php, "components", "schemas", "WorkflowTemplate", "properties", "PARAMETERS")
    assert "maxItems" not in params and "not" in params
    assert "maxItems" in _schema(php, "components", "schemas", "MemberPair")
