"""The harness: settings, result rows, running the registered cases, the table and results.json.

A case is a function `(Settings) -> CaseResult`, registered in `benchmarks.registry.CASES`. Each
figure is a `Row`: our median, the peer's median, and the median of the per-repeat ratios (both
sides measured back to back in every repeat), with an optional target on the ratio or on our value.
"""

from __future__ import annotations

import json
import os
import platform
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from benchmarks.stats import median, paired_ratio

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build" / "bench" / "results.json"


@dataclass(frozen=True)
class Settings:
    """How long and how often to measure. `quick` is the smoke run (tests, `-- --quick`)."""

    quick: bool = False
    repeats: int = 5
    concurrency: int = 16
    load_seconds: float = 3.0  # per server, operation and repeat
    client_calls: int = 300  # per side and repeat
    contract_max_examples: int = 20  # the suite's default: a "full default run"
    contract_operations: str | None = None  # a regex to restrict the suite (quick mode)
    workdir: Path = ROOT / "build" / "bench" / "work"

    @classmethod
    def for_mode(cls, *, quick: bool, **overrides: Any) -> Settings:
        if quick:
            base = cls(
                quick=True,
                repeats=1,
                concurrency=4,
                load_seconds=0.4,
                client_calls=20,
                contract_max_examples=1,
                contract_operations=r"^/tasks\.flow\.Flow\.get$",
            )
        else:
            base = cls()
        values = {**asdict(base), **{k: v for k, v in overrides.items() if v is not None}}
        return cls(**values)


@dataclass(frozen=True)
class Target:
    """`on` (the ratio, or our own value) must be `op` `value`."""

    op: Literal["<=", ">="]
    value: float
    on: Literal["ratio", "ours"] = "ratio"

    def met(self, row: Row) -> bool | None:
        actual = row.ratio if self.on == "ratio" else row.ours
        if actual is None:
            return None
        return actual <= self.value if self.op == "<=" else actual >= self.value

    def __str__(self) -> str:
        subject = "ratio" if self.on == "ratio" else "ours"
        return f"{subject} {self.op} {self.value:g}"


@dataclass
class Row:
    """One figure. `ours_samples[i]` and `peer_samples[i]` were measured side by side in repeat i."""

    figure: str
    unit: str
    ours_samples: list[float]
    peer: str | None = None
    peer_samples: list[float] = field(default_factory=list)
    target: Target | None = None
    note: str = ""

    @property
    def ours(self) -> float:
        return median(self.ours_samples)

    @property
    def peer_value(self) -> float | None:
        return median(self.peer_samples) if self.peer_samples else None

    @property
    def ratio(self) -> float | None:
        """ours / peer, the median over the paired repeats."""
        if not self.peer_samples or any(v == 0 for v in self.peer_samples):
            return None  # no peer, or a count the peer did not incur (e.g. 0 errors): no ratio
        return paired_ratio(self.ours_samples, self.peer_samples)

    def to_json(self) -> dict[str, Any]:
        met = self.target.met(self) if self.target else None
        return {
            "figure": self.figure,
            "unit": self.unit,
            "ours": self.ours,
            "peer": self.peer,
            "peer_value": self.peer_value,
            "ratio": self.ratio,
            "ours_samples": self.ours_samples,
            "peer_samples": self.peer_samples,
            "target": str(self.target) if self.target else None,
            "met": met,
            "note": self.note,
        }


@dataclass
class CaseResult:
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None  # why the case did not run (a missing tool, a missing module)


Case = Callable[[Settings], CaseResult]


def run_cases(cases: Mapping[str, Case], names: Sequence[str], settings: Settings) -> dict[str, Any]:
    """Run the named cases in order; a case that raises is reported as an error, not fatal."""
    report: dict[str, Any] = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()},
        "cases": {},
    }
    for name in names:
        started = time.perf_counter()
        entry: dict[str, Any]
        try:
            result = cases[name](settings)
            if result.skipped is not None:
                entry = {"status": "skipped", "reason": result.skipped}
            else:
                entry = {"status": "ok", "rows": [row.to_json() for row in result.rows]}
            entry["details"] = result.details
        except Exception as exc:  # a broken case must not hide the others' figures
            entry = {
                "status": "error",
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(),
            }
        entry["seconds"] = time.perf_counter() - started
        report["cases"][name] = entry
    return report


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".rstrip()


def table(report: Mapping[str, Any]) -> str:
    """The one table: a line per figure, and a line per case that was skipped or failed."""
    header = ("case", "figure", "ours", "peer", "peer value", "ratio", "target", "met")
    lines: list[tuple[str, ...]] = []
    for name, entry in report["cases"].items():
        if entry["status"] != "ok":
            reason = entry.get("reason") or entry.get("error") or ""
            lines.append((name, f"{entry['status'].upper()}: {reason}", "", "", "", "", "", ""))
            continue
        for row in entry["rows"]:
            met = {True: "yes", False: "NO", None: "-"}[row["met"]]
            ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}x"
            lines.append(
                (
                    name,
                    row["figure"],
                    _fmt(row["ours"], row["unit"]),
                    row["peer"] or "-",
                    _fmt(row["peer_value"], row["unit"]),
                    ratio,
                    row["target"] or "-",
                    met,
                )
            )
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    # The failure/skip reason may be long: let the last line run over rather than widen the table.
    widths[1] = min(widths[1], 44)

    def render(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([render(header), rule, *(render(line) for line in lines)])


def write(report: Mapping[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
