"""`batch`: up to 50 `method?query` commands in one call (scope `basic`)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from ..context import CallContext
from ..errors import BitrixError
from ..protocol import parse_id, parse_query, php_json
from ..registry import method

MAX_COMMANDS = 50
_REFERENCE = re.compile(r"\$result((?:\[[^\[\]]*\])+)")
_PART = re.compile(r"\[([^\[\]]*)\]")
_MISSING = object()


def _lookup(results: dict[str, Any], path: list[str]) -> Any:
    node: Any = results
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and (index := parse_id(part)) is not None and index < len(node):
            node = node[index]
        else:
            return _MISSING
    return node


def _substitute(value: Any, results: dict[str, Any]) -> Any:
    """Replace `$result[cmd][field]...` in parameter values by earlier results.

    A value that is one whole reference takes the referenced value with its type (a list stays a
    list); a reference inside longer text is replaced by its text. Unresolvable references stay as
    written, as on a portal, and then usually fail the command's validation.
    """
    if isinstance(value, dict):
        return {k: _substitute(v, results) for k, v in value.items()}
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


def _commands(cmd: Any) -> list[tuple[str, Any]]:
    if isinstance(cmd, list):
        pairs = list(enumerate(cmd))
    elif isinstance(cmd, dict):
        pairs = list(cmd.items())
    else:
        return []
    # PHP turns numeric-string keys into integers; the command ids follow suit
    return [(str(k), v) for k, v in pairs if isinstance(v, str)]


def _halt(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "y"}
    return bool(value) and value is not None


@method("batch", validate=False)
def batch(ctx: CallContext, params: dict[str, Any]) -> dict[str, Any]:
    # Not validated as a whole: the spec reports commands past 50 one by one and skips commands
    # that are not strings, so nothing in a batch body makes the call itself fail.
    halt = _halt(params.get("halt", False))
    results: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    totals: dict[str, Any] = {}
    nexts: dict[str, Any] = {}
    times: dict[str, Any] = {}
    for index, (cmd_id, command) in enumerate(_commands(params.get("cmd"))):
        if index >= MAX_COMMANDS:
            too_many = BitrixError.named("BatchLengthExceeded")
            errors[cmd_id] = too_many.body(ctx.dispatcher.spec, ctx.dispatcher.wire)
            if halt:
                break
            continue
        name, _, query = command.partition("?")
        args = _substitute(parse_query(query), results)
        outcome = ctx.call(unquote(name).strip(), args)
        if outcome.error is not None:
            errors[cmd_id] = outcome.error_body(ctx.dispatcher.spec, ctx.dispatcher.wire)
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
