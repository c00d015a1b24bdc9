"""`batch`: up to 50 `method?query` commands in one call (scope `basic`).

As the REST core's batch method (rest 22.400.100 `rest_provider.php` methodsBatch and
`rest_util.php` processBatchElement; spec decision D46):
- top-level keys in any letter case (`cmd`, `CMD`, `Halt`); `halt` is a PHP boolean, so `"0"`, `""`,
  `0`, `false` and an empty array are off and any other value (`"false"`, `"n"`) is on;
- every `cmd` entry counts towards the 50, string or not: entries within the 50 that are not
  strings are skipped silently, and every entry past the 50th gets its own
  `ERROR_BATCH_LENGTH_EXCEEDED` entry in `result_error` (the call itself answers 200);
- references `$result[...]`, `$next[...]`, `$total[...]`, `$time[...]` and `$error[...]` (the names
  matched in any letter case, but only the lower-case spelling finds data) run to the next
  whitespace; each `[key]` steps into the earlier outcomes, and a step that finds nothing stops the
  walk at the level reached (`$result[nope]` is the whole `result` map). A parameter that is one
  whole reference takes the value with its type; inside longer text a reference is replaced only by
  text or a number, and other values leave it as written.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from reference_server.core.context import CallContext
from reference_server.core.errors import BitrixError
from reference_server.core.protocol import parse_query, php_json
from reference_server.core.registry import method

MAX_COMMANDS = 50
NAMES = ("result", "next", "total", "time", "error")
_REFERENCE = re.compile(r"\$(result|next|total|time|error)(\S*)", re.IGNORECASE)
_STEP = re.compile(r"\[([^\]]+)\]")


def _step(node: Any, key: str) -> Any:
    """`node[key]` as PHP's isset() walk sees it, or None when there is nothing there."""
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, (list, str)) and re.fullmatch(r"-?[0-9]+", key):
        index = int(key)
        return node[index] if 0 <= index < len(node) else None
    return None


def _resolve(running: dict[str, Any], name: str, path: str) -> Any:
    node = running.get(name)  # the name as written: `$RESULT[...]` finds nothing
    for key in _STEP.findall(path):
        found = _step(node, key)
        if found is None:
            break
        node = found
    return node


def _text(value: Any) -> str | None:
    """The text a reference inside longer text is replaced by, or None to leave it as written."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) else None


def _substitute(value: Any, running: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, running) for k, v in value.items()}
    if not isinstance(value, str) or "$" not in value:
        return value
    for match in list(_REFERENCE.finditer(value)):
        if not _STEP.search(match.group(2)):
            continue  # a name without a `[key]` is no reference
        found = _resolve(running, match.group(1), match.group(2))
        if match.group(0) == value:
            return found
        text = _text(found)
        if text is not None:
            value = value.replace(match.group(0), text)
    return value


def _entries(cmd: Any) -> list[tuple[str, Any]]:
    if isinstance(cmd, list):
        return [(str(k), v) for k, v in enumerate(cmd)]
    if isinstance(cmd, dict):
        # PHP turns numeric-string keys into integers; the command ids follow suit
        return [(str(k), v) for k, v in cmd.items()]
    return []


def _php_true(value: Any) -> bool:
    """PHP's (bool) cast."""
    if isinstance(value, str):
        return value not in ("", "0")
    if isinstance(value, (list, dict)):
        return bool(value)
    return bool(value) and value is not None


def _member(params: dict[str, Any], name: str) -> Any:
    """A top-level key in any letter case; the last spelling wins, as array_change_key_case does."""
    found = None
    for key, value in params.items():
        if isinstance(key, str) and key.upper() == name:
            found = value
    return found


@method("batch", validate=False)
def batch(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    # Not validated as a whole: commands past 50 are reported one by one and commands that are not
    # strings are skipped, so nothing in a batch body makes the call itself fail.
    halt = _php_true(_member(params, "HALT"))
    results: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    totals: dict[str, Any] = {}
    nexts: dict[str, Any] = {}
    times: dict[str, Any] = {}
    running = {"result": results, "next": nexts, "total": totals, "time": times, "error": errors}
    for index, (cmd_id, command) in enumerate(_entries(_member(params, "CMD"))):
        if index >= MAX_COMMANDS:
            too_many = BitrixError.named("BatchLengthExceeded")
            errors[cmd_id] = ctx.error_body(too_many)
            if halt:
                break
            continue
        if not isinstance(command, str):
            continue
        name, _, query = command.partition("?")
        args = _substitute(parse_query(query), running)
        outcome = ctx.call(unquote(name).strip(), args)
        if outcome.error is not None:
            errors[cmd_id] = ctx.error_body(outcome.error)
            if halt:
                break
            continue
        results[cmd_id] = outcome.result
        times[cmd_id] = outcome.time
        if outcome.total is not None:
            totals[cmd_id] = outcome.total
        if outcome.next is not None:
            nexts[cmd_id] = outcome.next
    return {
        "result": php_json(results) if results else [],
        "result_error": php_json(errors),
        "result_total": php_json(totals),
        "result_next": php_json(nexts),
        "result_time": php_json(times),
    }
