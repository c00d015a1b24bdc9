"""Each benchmark case in its quickest mode: the results have every field, sane values, and ratios
taken from the two sides. No timed assertions: the machine is shared, only the shape is checked."""

from __future__ import annotations

import json
import pstats
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks import runtime_hook
from benchmarks.harness import Settings, run_cases
from benchmarks.registry import CASES
from benchmarks.servers import PRISM
from benchmarks.stats import paired_ratio, percentile
from tests.conftest import ROOT

ROW_FIELDS = {
    "figure",
    "unit",
    "ours",
    "peer",
    "peer_value",
    "ratio",
    "ours_samples",
    "peer_samples",
    "target",
    "met",
}


def _quick(tmp_path: Path) -> Settings:
    return Settings.for_mode(quick=True, workdir=tmp_path)


def _run(name: str, settings: Settings) -> dict[str, Any]:
    report = run_cases(CASES, [name], settings)
    entry: dict[str, Any] = report["cases"][name]
    assert entry["status"] == "ok", entry.get("error") or entry.get("reason")
    assert entry["seconds"] > 0
    json.dumps(report)  # results.json must be able to hold it
    return entry


def _rows(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    rows = {row["figure"]: row for row in entry["rows"]}
    for row in rows.values():
        assert set(row) >= ROW_FIELDS, row
    return rows


def _check_side_by_side(row: dict[str, Any], repeats: int) -> None:
    """Positive figures on both sides, one sample per repeat, ratio = median of the paired ratios."""
    assert len(row["ours_samples"]) == len(row["peer_samples"]) == repeats
    assert all(v > 0 for v in row["ours_samples"] + row["peer_samples"]), row
    assert row["ratio"] == pytest.approx(paired_ratio(row["ours_samples"], row["peer_samples"]))
    assert row["ratio"] == pytest.approx(row["ours"] / row["peer_value"])  # one repeat: both agree


def _check_met(row: dict[str, Any], op: str, value: float, on: str = "ratio") -> None:
    actual = row["ratio"] if on == "ratio" else row["ours"]
    assert row["met"] is (actual <= value if op == "<=" else actual >= value)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return _quick(tmp_path)


def test_registry_names_every_case() -> None:
    assert list(CASES) == [
        "server", "client", "contract", "regen", "client_runtime", "hostile_body", "plugin",
    ]  # fmt: skip


def test_server_vs_prism(settings: Settings) -> None:
    if not PRISM.exists():
        pytest.skip("Prism is not installed: `npm ci` installs the pinned @stoplight/prism-cli")
    entry = _run("server", settings)
    rows = _rows(entry)
    for op in ("get", "create"):
        throughput = rows[f"{op}: throughput"]
        assert throughput["peer"] == "prism mock"
        _check_side_by_side(throughput, settings.repeats)
        _check_met(throughput, ">=", 2.0)
        p50, p99 = rows[f"{op}: p50 latency"], rows[f"{op}: p99 latency"]
        _check_side_by_side(p50, settings.repeats)
        _check_side_by_side(p99, settings.repeats)
        assert p50["ours"] <= p99["ours"]
        assert p50["peer_value"] <= p99["peer_value"]
        for side in entry["details"][f"tasks.flow.Flow.{op}"].values():
            assert side[0]["errors"] == 0, side  # every request answered 200: the load was the real call
            assert side[0]["requests"] > 0
    assert rows["load generator: req/s to a null server"]["ours"] > 0


def test_client_overhead(settings: Settings) -> None:
    rows = _rows(_run("client", settings))
    assert set(rows) == {"get: time per call", "create: time per call"}
    for row in rows.values():
        assert row["peer"] == "raw httpx"
        assert row["unit"] == "us"
        _check_side_by_side(row, settings.repeats)
        _check_met(row, "<=", 1.3)


def test_contract_suite(settings: Settings) -> None:
    entry = _run("contract", settings)
    rows = _rows(entry)
    _check_side_by_side(rows["wall time"], 1)
    _check_met(rows["wall time"], "<=", 300.0, on="ours")
    _check_side_by_side(rows["cases per second"], 1)
    for run in entry["details"]["runs"].values():
        assert run[0]["cases"] > 0
        assert run[0]["exit_code"] == 0, run[0]["outcome"]  # the quick slice passes on our server
    wall, rate = rows["wall time"], rows["cases per second"]
    cases = entry["details"]["runs"]["in-process"][0]["cases"]
    assert rate["ours"] == pytest.approx(cases / wall["ours"])


def test_regeneration(settings: Settings) -> None:
    entry = _run("regen", settings)
    rows = _rows(entry)
    assert {"bundle: wall time", "docs: wall time"} <= set(rows)
    for row in rows.values():
        _check_side_by_side(row, settings.repeats)
    total = rows["all 2 steps: wall time"]
    assert total["ours"] == pytest.approx(rows["bundle: wall time"]["ours"] + rows["docs: wall time"]["ours"])
    work = Path(entry["details"]["workdir"])
    assert (work / "openapi.yaml").exists()  # ours really bundled
    assert (work / "docs" / "index.html").exists()  # and really built the docs
    assert (work / "redoc" / "index.html").exists()  # and so did the stock tool


def test_hostile_body(settings: Settings) -> None:
    entry = _run("hostile_body", settings)
    rows = _rows(entry)
    details = entry["details"]
    assert details["body_bytes"] <= details["max_body"]
    for figure in (
        "parse in-process",
        "POST, valid webhook",
        "POST, no credentials",
        "POST, wrong webhook code",
    ):
        row = rows[f"worst body: {figure}"]
        assert row["peer"] is None
        assert len(row["ours_samples"]) == settings.repeats
        assert all(v > 0 for v in row["ours_samples"]), row
    for q in ("p50", "p99", "max"):
        row = rows[f"innocent {q} latency"]
        assert row["peer"] == "same server idle"
        _check_side_by_side(row, settings.repeats)
    assert rows["innocent p50 latency"]["peer_value"] <= rows["innocent p99 latency"]["peer_value"]
    added = rows["innocent p99 added by the hostile bodies"]
    loaded, idle = rows["innocent p99 latency"]["ours_samples"], rows["innocent p99 latency"]["peer_samples"]
    assert added["ours_samples"] == pytest.approx([a - b for a, b in zip(loaded, idle, strict=True)])
    _check_met(added, "<=", 50.0, on="ours")
    for pair in details["innocent"]:  # every innocent call answered 200, idle and under load
        for side in pair.values():
            assert side["requests"] > 0
            assert set(side["statuses"]) == {200}, side
    assert all(h["posts"] >= 1 for h in details["hostile"])
    assert set(details["other_posts"]["no credentials"]) == {401}


@pytest.fixture
def fake_runtime_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    """A stand-in for benchmarks/client_runtime.py written to the hook's documented contract."""
    module = types.ModuleType(runtime_hook.MODULE)
    seen: dict[str, Any] = {}

    def bench_list(quick: bool) -> dict[str, Any]:
        seen["quick"] = quick
        return {
            "wall time": {"ours": 2.0, "peer": 4.0, "unit": "s", "target": {"op": "<=", "value": 1.0}},
            "requests": {"ours_samples": [5, 7, 6], "peer_samples": [10, 14, 12], "unit": ""},
            "503s seen": 0,
            "note": "text is a detail",
        }

    bench_list.__module__ = module.__name__
    module.bench_list = bench_list  # type: ignore[attr-defined]
    module.seen = seen  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, runtime_hook.MODULE, module)
    yield module


def test_client_runtime_hook_reads_the_documented_contract(
    fake_runtime_module: types.ModuleType, settings: Settings
) -> None:
    rows = _rows(_run("client_runtime", settings))
    assert fake_runtime_module.seen == {"quick": True}
    wall = rows["list: wall time"]
    assert wall["ratio"] == pytest.approx(0.5)
    assert wall["peer"] == "fast_bitrix24"
    assert wall["met"] is True
    assert rows["list: requests"]["ratio"] == pytest.approx(0.5)
    assert rows["list: requests"]["ours"] == 6
    assert rows["list: 503s seen"]["peer"] is None
    assert "list: note" not in rows


def test_client_runtime_case_when_the_module_is_there(settings: Settings) -> None:
    if runtime_hook._load() is None:
        pytest.skip("benchmarks/client_runtime.py is not there yet; the hook reports the case as skipped")
    entry = _run("client_runtime", settings)
    assert entry["rows"], "the client-runtime module returned no figures"
    for row in entry["rows"]:
        if row["peer_samples"] and all(v != 0 for v in row["peer_samples"]):
            assert row["ratio"] == pytest.approx(paired_ratio(row["ours_samples"], row["peer_samples"]))


def test_a_failing_case_is_reported_and_the_others_still_run(settings: Settings) -> None:
    def broken(_: Settings) -> Any:
        raise RuntimeError("boom")

    report = run_cases({"broken": broken, "client": CASES["client"]}, ["broken", "client"], settings)
    assert report["cases"]["broken"]["status"] == "error"
    assert "boom" in report["cases"]["broken"]["error"]
    assert report["cases"]["client"]["status"] == "ok"


def test_cli_writes_results_and_prints_one_table(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--case", "client", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"created", "machine", "settings", "cases"}
    assert list(report["cases"]) == ["client"]
    assert report["settings"]["quick"] is True
    table = [line for line in done.stdout.splitlines() if line.startswith("|")]
    assert table[0].split("|")[1].strip() == "case"
    assert sum("time per call" in line for line in table) == 2


def test_percentile_and_paired_ratio() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50
    assert percentile(values, 99) == 99
    assert percentile([3.0], 99) == 3.0
    assert paired_ratio([2.0, 9.0, 3.0], [1.0, 3.0, 3.0]) == 2.0
    with pytest.raises(ValueError, match="unpaired"):
        paired_ratio([1.0], [1.0, 2.0])


def test_plugin_fixture(settings: Settings) -> None:
    rows = _rows(_run("plugin", settings))
    row = rows["fresh in-process portal: time per test"]
    assert row["peer"] == "httpx.MockTransport"
    assert row["unit"] == "ms"
    _check_side_by_side(row, settings.repeats)
    _check_met(row, "<=", 10.0, on="ours")


def test_the_batch_path_profile_is_written_for_each_library(tmp_path: Path, capsys: Any) -> None:
    """`python -m benchmarks.client_runtime --profile`: one cProfile file per library, each holding
    that library's own request-building code, and a printed summary naming the file."""
    client_runtime = runtime_hook._load()
    if client_runtime is None:
        pytest.skip("benchmarks/client_runtime.py is not there")
    written = client_runtime.profile_create_flows(count=100, out=tmp_path, top=5)
    assert set(written) == {"b24_client", "fast_bitrix24"}
    own_code = {
        "b24_client": ("b24_client", "php_query"),
        "fast_bitrix24": ("fast_bitrix24", "http_build_query"),
    }
    for library, path in written.items():
        assert path == tmp_path / f"create_100_flows.{library}.prof"
        functions = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
        package, function = own_code[library]
        assert any(package in file and name == function for file, _line, name in functions), library
    printed = capsys.readouterr().out
    assert all(f"== {library}: wall " in printed and str(written[library]) in printed for library in written)
