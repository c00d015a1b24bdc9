"""SELECT / FILTER / ORDER / start of the bizproc list methods (digest 1.5 and 4.1).

Rows are prepared as the portal sends them (numbers as strings, datetimes as ISO 8601); a field's
kind says how to compare it. Unknown fields in SELECT, FILTER and ORDER are ignored, a SELECT
without a known name falls back to the default, SELECT and ORDER names are case-insensitive, and
any ORDER direction but `desc` sorts ascending. Pages hold 50 rows, cut by exact offsets or by page
numbers (`page` below). A FILTER key is applied only when it is one of the prefixes none, `!`, `<`,
`<=`, `>`, `>=` followed by a field name exactly as the portal spells it (upper case); any other key
(`=ID`, `!=ID`, `%NAME`, `id`) is dropped silently, so the rows come back unfiltered by it (bizproc
`restservice.php` getFilter, 17.5 to 22.300 and the newest copy; spec decision D40).

A malformed SELECT, FILTER or ORDER (not a list or an object) is treated as absent: the schema
declares only the access error for the instance and template lists, so there is no error to send.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from reference_server.core.protocol import php_intval
from reference_server.core.registry import Page

PAGE_SIZE = 50
_CONDITION = re.compile(r"^([^A-Za-z]*)(.*)$", re.DOTALL)
_PREFIXES = frozenset({"", "!", "<", "<=", ">", ">="})
INT, DATE, TEXT = "int", "date", "text"


def select(value: Any, fields: Mapping[str, str], default: Iterable[str]) -> list[str]:
    # a JSON object is a PHP array too: its values are the names
    values = list(value.values()) if isinstance(value, dict) else value
    names = [str(v).upper() for v in values] if isinstance(values, list) else []
    known = [n for n in dict.fromkeys(names) if n in fields]
    return known or list(default)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _moment(value: Any) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _key(kind: str, value: Any) -> Any:
    """A comparable form of a row or filter value, or None when it has none."""
    if value is None:
        return None
    if kind == INT:
        return _number(value)
    if kind == DATE:
        return _moment(value)
    # text compares case-insensitively, like the portal's MySQL collation
    return str(value).casefold()


_ORDERING: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _compare(op: str, left: Any, right: Any) -> bool:
    if op == "":
        return left is not None and left == right
    if op == "!":
        return bool(left != right)
    if left is None or right is None:
        return False
    return _ORDERING[op](left, right)


def _matches(row: Mapping[str, Any], op: str, field: str, kind: str, value: Any) -> bool:
    left = _key(kind, row.get(field))
    if isinstance(value, list):
        # an array matches any of its members; negated, none of them
        rights = [_key(kind, v) for v in value]
        hit = any(left is not None and left == r for r in rights)
        return not hit if op == "!" else hit
    return _compare(op, left, _key(kind, value))


def condition(key: Any, fields: Mapping[str, str]) -> tuple[str, str] | None:
    """The (prefix, field) a portal applies for a FILTER key, or None when it drops the key."""
    match = _CONDITION.match(str(key))
    if match is None or match.group(1) not in _PREFIXES or match.group(2) not in fields:
        return None
    return match.group(1), match.group(2)


def filter_rows(rows: list[dict[str, Any]], value: Any, fields: Mapping[str, str]) -> list[dict[str, Any]]:
    if not isinstance(value, dict):
        return rows
    conditions = []
    for raw, wanted in value.items():
        kept = condition(raw, fields)
        if kept is not None:
            conditions.append((kept[0], kept[1], fields[kept[1]], wanted))
    return [r for r in rows if all(_matches(r, op, f, k, v) for op, f, k, v in conditions)]


def _order_value(kind: str, value: Any) -> tuple[int, Any]:
    key = _key(kind, value)
    return (0, 0) if key is None else (1, key)  # nulls first, as MySQL sorts them ascending


def order_rows(
    rows: list[dict[str, Any]], value: Any, fields: Mapping[str, str], default: Mapping[str, str]
) -> list[dict[str, Any]]:
    pairs = [(str(k).upper(), str(v)) for k, v in value.items()] if isinstance(value, dict) else []
    known = [(f, d.strip().lower() == "desc") for f, d in pairs if f in fields]
    if not known:
        known = [(f.upper(), d.lower() == "desc") for f, d in default.items()]
    ordered = list(rows)
    # stable sorts from the last key to the first apply the keys in turn
    for field, descending in reversed(known):
        ordered.sort(key=functools.partial(_sort_key, fields[field], field), reverse=descending)
    return ordered


def _sort_key(kind: str, field: str, row: Mapping[str, Any]) -> tuple[int, Any]:
    return _order_value(kind, row.get(field))


def start_of(value: Any) -> int:
    """`start` as PHP's intval reads it: leading digits count (`"12abc"` is 12, `12.9` is 12)."""
    return php_intval(value)


OFFSET, PAGE = "offset", "page"  # x-bitrix-pagination.kind (spec decision D41)


def page(rows: list[dict[str, Any]], start: Any, chosen: list[str], kind: str = OFFSET) -> Page:
    """One page as the portal cuts it (spec D41).

    `offset` (ORM lists): `start` is the exact offset (a negative one reads from the first row),
    `total` is always counted, and `next` = start + rows while that is below `total`, so `-1`
    may answer `next` 49. `page` (old list API, task.list): a negative `start` gives the first page
    uncounted (`total` 0, no `next`); otherwise page floor(start / 50) + 1, clamped to the last page,
    with `next` = page * 50 while pages remain.
    """
    offset = start_of(start)
    if kind == PAGE:
        if offset < 0:
            return Page([_project(r, chosen) for r in rows[:PAGE_SIZE]], 0)
        pages = -(-len(rows) // PAGE_SIZE)
        number = min(offset // PAGE_SIZE + 1, max(pages, 1))
        chunk = rows[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return Page(
            [_project(r, chosen) for r in chunk], len(rows), number * PAGE_SIZE if number < pages else None
        )
    chunk = rows[max(offset, 0) : max(offset, 0) + PAGE_SIZE]
    following = offset + len(chunk)
    return Page(
        [_project(r, chosen) for r in chunk],
        len(rows),
        following if chunk and following < len(rows) else None,
    )


def _project(row: Mapping[str, Any], chosen: list[str]) -> dict[str, Any]:
    return {name: row.get(name) for name in chosen}
