"""Case `client_runtime`: the client-runtime benchmarks, written in benchmarks/client_runtime.py.

That module belongs to the client-runtime work: plain functions returning dicts of figures, our
runtime vs fast_bitrix24 (reading 10,000 workflow instances, creating 1,000 flows). This hook imports
it if it is there and turns what it returns into rows of the same table. The contract it expects:

- the functions: `CASES` (a mapping name -> function) if the module has one, otherwise every public
  function of the module whose name starts with `bench_`;
- each function is called with the keyword arguments it declares among `quick` (bool), `repeats`
  (int) and `settings` (the harness `Settings`); it must not need any other argument;
- it returns a dict of figures: `name: number` (our value, no peer), or `name: {"ours": x, "peer": y,
  "peer_name": "fast_bitrix24", "unit": "s", "ours_samples": [...], "peer_samples": [...]}` (samples
  optional; without them the single values count as one repeat), optionally with `"target": {"op":
  "<=", "value": 1.0, "on": "ratio"}`.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from benchmarks.harness import CaseResult, Row, Settings, Target

MODULE = "benchmarks.client_runtime"


def _load() -> ModuleType | None:
    try:
        return importlib.import_module(MODULE)
    except ModuleNotFoundError as exc:
        if exc.name == MODULE:
            return None
        raise


def functions(module: ModuleType) -> dict[str, Callable[..., Any]]:
    declared = getattr(module, "CASES", None)
    if isinstance(declared, Mapping):
        return {str(k): v for k, v in declared.items() if callable(v)}
    return {
        name: value
        for name, value in vars(module).items()
        if name.startswith("bench_") and inspect.isfunction(value) and value.__module__ == module.__name__
    }


def _call(function: Callable[..., Any], settings: Settings) -> Any:
    offered: dict[str, Any] = {"quick": settings.quick, "repeats": settings.repeats, "settings": settings}
    parameters = inspect.signature(function).parameters
    kwargs = {name: offered[name] for name in parameters if name in offered}
    missing = [
        p.name
        for p in parameters.values()
        if p.name not in offered
        and p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    if missing:
        raise TypeError(f"{function.__name__} needs {missing}; the hook offers only {sorted(offered)}")
    return function(**kwargs)


def _samples(figure: Mapping[str, Any], side: str) -> list[float]:
    listed = figure.get(f"{side}_samples")
    if isinstance(listed, list) and listed:
        return [float(v) for v in listed]
    value = figure.get(side)
    return [] if value is None else [float(value)]


def rows_from(prefix: str, figures: Mapping[str, Any]) -> list[Row]:
    rows = []
    for name, figure in figures.items():
        label = f"{prefix}: {name}" if prefix else name
        if isinstance(figure, bool) or not isinstance(figure, int | float | Mapping):
            continue  # text and flags are details, not figures
        if not isinstance(figure, Mapping):
            rows.append(Row(label, "", [float(figure)]))
            continue
        ours, peer = _samples(figure, "ours"), _samples(figure, "peer")
        if not ours:
            continue
        if len(peer) != len(ours):
            peer = peer[:1] * len(ours) if peer else []
        target = figure.get("target")
        rows.append(
            Row(
                label,
                str(figure.get("unit", "")),
                ours,
                str(figure.get("peer_name", "fast_bitrix24")) if peer else None,
                peer,
                Target(target["op"], float(target["value"]), target.get("on", "ratio"))
                if isinstance(target, Mapping)
                else None,
            )
        )
    return rows


def run(settings: Settings) -> CaseResult:
    module = _load()
    if module is None:
        return CaseResult(skipped=f"{MODULE} is not there yet (the client-runtime benchmarks plug in here)")
    found = functions(module)
    if not found:
        return CaseResult(skipped=f"{MODULE} has no CASES mapping and no bench_* functions")
    rows: list[Row] = []
    details: dict[str, Any] = {}
    for name, function in found.items():
        figures = _call(function, settings)
        if not isinstance(figures, Mapping):
            raise TypeError(f"{name} returned {type(figures).__name__}, not a dict of figures")
        rows += rows_from(name.removeprefix("bench_"), figures)
        details[name] = {k: v for k, v in figures.items() if not isinstance(v, int | float | Mapping)}
    return CaseResult(rows, details)
