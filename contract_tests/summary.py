"""Per-operation results: operation x check -> passed / failed / not exercised, with curl reproductions."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Failure:
    operation: str
    check: str
    message: str
    curl: str
    status: int | None  # the HTTP status of the failing answer; None when no answer came


@dataclass
class Summary:
    operations: list[str]
    checks: list[str]
    passed: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    # Checks that only apply to some answers; a pass counts only where they found something to verify.
    conditional: set[str] = field(default_factory=set)
    exercised: set[tuple[str, str]] = field(default_factory=set)
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    successes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # Live mode: what the run created and whether its clean-up removed it.
    created: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def record_pass(self, operation: str, check: str) -> None:
        self.passed[(operation, check)] += 1

    def record_failure(self, failure: Failure) -> None:
        self.failures.append(failure)

    def record_skip(self, operation: str, reason: str) -> None:
        if reason not in self.skipped[operation]:
            self.skipped[operation].append(reason)

    def cell(self, operation: str, check: str) -> str:
        failed = sum(1 for f in self.failures if (f.operation, f.check) == (operation, check))
        if failed:
            return "FAIL"
        if not self.passed.get((operation, check)):
            return "-"
        if check in self.conditional and (operation, check) not in self.exercised:
            return "-"
        return "ok"

    def record_call(self, operation: str, success: bool) -> None:
        self.calls[operation] += 1
        self.successes[operation] += int(success)

    def table(self) -> str:
        """operation x check: ok = passed where it applied, FAIL = failed at least once, - = not exercised."""
        width = max(len(o) for o in self.operations)
        numbers = " ".join(f"{i:>4}" for i in range(1, len(self.checks) + 1))
        lines = [f"{'operation':<{width}}  calls  ok-calls  {numbers}"]
        for operation in self.operations:
            cells = " ".join(f"{self.cell(operation, c):>4}" for c in self.checks)
            calls, ok = self.calls.get(operation, 0), self.successes.get(operation, 0)
            lines.append(f"{operation:<{width}}  {calls:>5}  {ok:>8}  {cells}")
        lines.append("")
        lines += [f"{i:>4}: {name}" for i, name in enumerate(self.checks, 1)]
        return "\n".join(lines)

    def failure_report(self) -> str:
        seen: set[tuple[str, str, str]] = set()
        parts = []
        for failure in self.failures:
            key = (failure.operation, failure.check, failure.message)
            if key in seen:
                continue
            seen.add(key)
            curl = failure.curl.replace("\n", "\n  ")
            parts.append(f"{failure.operation} / {failure.check}: {failure.message}\n  {curl}")
        return "\n\n".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {
            "operations": {
                operation: {check: self.cell(operation, check) for check in self.checks}
                for operation in self.operations
            },
            "calls": dict(self.calls),
            "successful_calls": dict(self.successes),
            "failures": [vars(f) for f in self.failures],
            "not_exercised": dict(self.skipped),
            "created": self.created,
        }

    def write(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        text = self.table() + ("\n\nFailures:\n\n" + self.failure_report() if self.failures else "\n")
        targets = {
            folder / "summary.txt": text,
            folder / "summary.json": json.dumps(self.as_json(), indent=2),
        }
        for path, content in targets.items():
            path.write_text(content, encoding="utf-8")
        return list(targets)
