"""`batch` for any number of calls: chunks of 50, `halt`, `$result` references (also across
chunks), per-command results and `Bitrix24Error`s. The planner does no I/O; `Bitrix24.batch` and
`abatch` drive it.

Written by hand in generator/python_client/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import httpx

from ._bitrix import Bitrix24Error
from ._limits import OperatingBudgets
from ._operations import OPERATIONS
from ._spec import lookup
from .client import Client

__all__ = ["MAX_COMMANDS", "BatchPlan", "BatchResult", "Command", "CommandLike", "Commands", "php_query"]

MAX_COMMANDS = 50
_REFERENCE = re.compile(r"\$result((?:\[[^\[\]]*\])+)")
_PART = re.compile(r"\[([^\[\]]*)\]")
_MISSING = object()


@dataclass(frozen=True)
class Command:
    """One call inside a batch: a method name and its parameters (values may hold
    `$result[command][field]` references to earlier commands)."""

    method: str
    params: Mapping[str, Any] = field(default_factory=dict)


CommandLike = Command | tuple[str, Mapping[str, Any]]
Commands = Mapping[str, CommandLike] | Sequence[CommandLike]


def php_query(params: Mapping[str, Any]) -> str:
    """`params` as PHP's http_build_query writes them: `a[b][0]=x`; true → 1, false → 0, None and
    empty arrays left out."""
    pairs: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                walk(f"{prefix}[{key}]", item)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(f"{prefix}[{index}]", item)
        elif value is None:
            return
        elif isinstance(value, bool):
            pairs.append((prefix, "1" if value else "0"))
        else:
            pairs.append((prefix, str(value)))

    for key, value in params.items():
        walk(str(key), value)
    return urlencode(pairs)


def _lookup(results: Mapping[str, Any], path: list[str]) -> Any:
    node: Any = results
    for part in path:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node


def resolve(value: Any, results: Mapping[str, Any]) -> Any:
    """Replace `$result[...]` references to `results` the way the portal does: a whole reference
    keeps the referenced value's type, a reference inside text becomes text; unknown ones stay."""
    if isinstance(value, Mapping):
        return {k: resolve(v, results) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, results) for v in value]
    if not isinstance(value, str) or "$result" not in value:
        return value
    whole = _REFERENCE.fullmatch(value)
    if whole:
        found = _lookup(results, _PART.findall(whole.group(1)))
        return value if found is _MISSING else found

    def text(match: re.Match[str]) -> str:
        found = _lookup(results, _PART.findall(match.group(1)))
        if found is _MISSING:
            return match.group(0)
        if isinstance(found, bool):
            return "1" if found else ""
        return str(found)

    return _REFERENCE.sub(text, value)


def _as_map(value: Any) -> dict[str, Any]:
    """A batch member the portal sends as a map, or as a list when the ids are 0..n-1 (or `[]`)."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, list):  # ids 0..n-1 came back as a list, or `[]` for none
        return {str(i): v for i, v in enumerate(value)}
    return {}


def _status_of(method: str, code: str) -> int:
    operation = lookup(OPERATIONS, method)
    for status, err_code, _retry in operation.errors if operation else ():
        if err_code == code:
            return status
    return 400


@dataclass
class BatchResult:
    """The outcome of every command, by command id.

    `results` holds the successes, `errors` the failures as `Bitrix24Error`, `not_run` the
    commands never sent or skipped after a `halt`. `result[key]` returns a success or raises its
    error; `typed(key)` parses a success into the generated model of its method.
    """

    commands: dict[str, Command]
    results: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, Bitrix24Error] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    nexts: dict[str, int] = field(default_factory=dict)
    times: dict[str, Any] = field(default_factory=dict)
    not_run: list[str] = field(default_factory=list)
    requests: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.not_run

    def __getitem__(self, key: str) -> Any:
        if key in self.errors:
            raise self.errors[key]
        if key not in self.results:
            raise KeyError(f"command {key!r} did not run")
        return self.results[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.commands)

    def typed(self, key: str) -> Any:
        """The success of command `key` as its method's generated response model (e.g.
        `TasksFlowFlowGetResponse200`), with `result` and the command's `time`."""
        value = self[key]
        operation = lookup(OPERATIONS, self.commands[key].method)
        if operation is None or not operation.module:
            raise LookupError(f"no generated module for {self.commands[key].method!r}")
        module: Any = importlib.import_module(f"..api.{operation.module}", __name__)
        body: dict[str, Any] = {"result": value}
        if key in self.times:
            body["time"] = self.times[key]
        if key in self.totals:
            body["total"] = self.totals[key]
        if key in self.nexts:
            body["next"] = self.nexts[key]
        response = httpx.Response(200, json=body)
        return module._parse_response(client=Client(base_url=""), response=response)


class BatchPlan:
    """Splits commands into batches of at most 50 and collects the answers."""

    def __init__(
        self,
        commands: Commands,
        *,
        halt: bool = False,
        size: int = MAX_COMMANDS,
        budgets: OperatingBudgets | None = None,
    ) -> None:
        # `budgets`: the client's per-method operating budgets. The portal checks and counts each
        # command against its own method's budget (the `batch` call itself is not counted), so the
        # plan feeds each command's `result_time` into them and holds a request back while one of
        # its methods is over budget (spec decisions D46, D69).
        self.budgets = budgets
        pairs = commands.items() if isinstance(commands, Mapping) else enumerate(commands)
        self.commands: dict[str, Command] = {}
        for key, given in pairs:
            self.commands[str(key)] = given if isinstance(given, Command) else Command(*given)
        self.halt = halt
        self.size = max(1, min(MAX_COMMANDS, size))
        self.outcome = BatchResult(dict(self.commands))
        self._pending = list(self.commands)
        self._stopped = False

    def next_body(self) -> dict[str, Any] | None:
        """The next `batch` request body, or None when done. References to commands of earlier
        batches are resolved here, since the portal only sees one batch at a time."""
        if self._stopped or not self._pending:
            return None
        chunk, self._pending = self._pending[: self.size], self._pending[self.size :]
        cmd: dict[str, str] = {}
        for key in chunk:
            command = self.commands[key]
            params = resolve(dict(command.params), self.outcome.results)
            query = php_query(params)
            cmd[key] = f"{command.method}?{query}" if query else command.method
        return {"halt": 1 if self.halt else 0, "cmd": cmd}

    def feed(self, body: Mapping[str, Any], sent: Mapping[str, Any]) -> None:
        """Take the answer `body` of the batch request `sent` (as returned by `next_body`)."""
        self.outcome.requests += 1
        keys = list(sent["cmd"])
        result = body.get("result")
        inner = result if isinstance(result, Mapping) else {}
        results = _as_map(inner.get("result"))
        errors = _as_map(inner.get("result_error"))
        for key, value in results.items():
            self.outcome.results[key] = value
        for key, error in errors.items():
            if isinstance(error, Mapping):
                code = str(error.get("error", ""))
                method = self.commands[key].method if key in self.commands else "batch"
                self.outcome.errors[key] = Bitrix24Error.from_body(
                    error, _status_of(method, code), f"batch[{key}] {method}"
                )
        for name, target in (("result_total", self.outcome.totals), ("result_next", self.outcome.nexts)):
            for key, value in _as_map(inner.get(name)).items():
                if isinstance(value, int):
                    target[key] = value
        times = _as_map(inner.get("result_time"))
        self.outcome.times.update(times)
        self._account(times, errors)
        missing = [k for k in keys if k not in results and k not in errors]
        self.outcome.not_run.extend(missing)
        if self.halt and (errors or missing):
            self._stopped = True
            self.outcome.not_run.extend(self._pending)
            self._pending = []

    def result(self) -> BatchResult:
        return self.outcome

    def delay(self, body: Mapping[str, Any]) -> float:
        """How long to hold the request `body` back: the longest wait any of its commands' methods
        needs to stay clear of an `OPERATION_TIME_LIMIT`."""
        if self.budgets is None:
            return 0.0
        methods = {self.commands[key].method for key in body.get("cmd", {}) if key in self.commands}
        return max((self.budgets.delay(method) for method in methods), default=0.0)

    def _account(self, times: Mapping[str, Any], errors: Mapping[str, Any]) -> None:
        if self.budgets is None:
            return
        for key, spent in times.items():
            if key not in self.commands or not isinstance(spent, Mapping):
                continue
            numbers = {
                name: spent.get(name)
                for name in ("finish", "processing", "operating", "operating_reset_at")
                if isinstance(spent.get(name), int | float) and not isinstance(spent.get(name), bool)
            }
            if {"finish", "operating", "operating_reset_at"} <= numbers.keys():
                self.budgets.record(
                    self.commands[key].method,
                    float(numbers["operating"]),
                    float(numbers["operating_reset_at"]) - float(numbers["finish"]),
                    float(numbers.get("processing", 0.0)),
                )
        for key, error in errors.items():
            if (
                key in self.commands
                and isinstance(error, Mapping)
                and error.get("error") == "OPERATION_TIME_LIMIT"
            ):
                self.budgets.refused(self.commands[key].method, fallback=60.0)
