"""The wire format of a portal: PHP bracket notation, string coercion, PHP-style JSON, `time`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import parse_qsl

# PHP drops input nested deeper than max_input_nesting_level (64) and stops after max_input_vars;
# the same caps keep a hostile query string from costing more than it is worth.
MAX_NESTING = 64
MAX_VARS = 5000

_KEY = re.compile(r"^([^\[]*)((?:\[[^\]]*\])*)(.*)$")
_SUBKEY = re.compile(r"\[([^\]]*)\]")
_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")


def parse_query(query: str) -> dict[str, Any]:
    """`a[b][0]=x&a[b][]=y` into nested dicts, as PHP builds $_GET. Every leaf is a string.

    Keys stay strings here; `coerce` turns a dict of 0..n-1 keys into a list where the schema wants one.
    """
    pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=None)[:MAX_VARS]
    return build_nested(pairs)


def build_nested(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for raw_key, value in pairs:
        match = _KEY.match(raw_key)
        if match is None or not match.group(1):
            continue
        head, brackets, _trailing = match.groups()
        keys = [head, *_SUBKEY.findall(brackets)][:MAX_NESTING]
        node = root
        for depth, raw in enumerate(keys):
            last = depth == len(keys) - 1
            key = raw or str(_next_index(node))
            if last:
                node[key] = value
            else:
                child = node.get(key)
                if not isinstance(child, dict):
                    child = {}
                    node[key] = child
                node = child
    return root


def _next_index(node: dict[str, Any]) -> int:
    indexes = [int(k) for k in node if _INT.match(k)]
    return max(indexes) + 1 if indexes else 0


@dataclass(frozen=True)
class _Shape:
    """What coercion needs to know of one schema node: the JSON types it admits (over its
    oneOf/anyOf/allOf branches) and the branches that may declare members and items."""

    types: frozenset[str]
    branches: tuple[dict[str, Any], ...]

    def member(self, name: str) -> dict[str, Any] | None:
        for branch in self.branches:
            props = branch.get("properties", {})
            if name in props:
                return cast(dict[str, Any], props[name])
            extra = branch.get("additionalProperties")
            if isinstance(extra, dict):
                return extra
        return None

    def item(self, index: int) -> dict[str, Any] | None:
        for branch in self.branches:
            prefix = branch.get("prefixItems", [])
            if index < len(prefix):
                return cast(dict[str, Any], prefix[index])
            items = branch.get("items")
            if isinstance(items, dict):
                return items
        return None


# Shapes of the request schemas, by node identity; each entry holds its node, so that the id stays
# taken (the server only passes the long-lived schemas of spec.Operation, so this stays bounded).
_SHAPES: dict[int, tuple[dict[str, Any], _Shape]] = {}


def _shape(schema: dict[str, Any]) -> _Shape:
    known = _SHAPES.get(id(schema))
    if known is not None and known[0] is schema:
        return known[1]
    shape = _Shape(frozenset(_types(schema)), tuple(_branches(schema)))
    _SHAPES[id(schema)] = (schema, shape)
    return shape


def _types(schema: dict[str, Any], depth: int = 0) -> set[str]:
    found: set[str] = set()
    declared = schema.get("type")
    if isinstance(declared, str):
        found.add(declared)
    elif isinstance(declared, list):
        found.update(t for t in declared if isinstance(t, str))
    if "enum" in schema and not declared:
        found.update(_json_type(v) for v in schema["enum"])
    if depth < 8:
        for key in ("oneOf", "anyOf", "allOf"):
            for branch in schema.get(key, []):
                found |= _types(branch, depth + 1)
    return found


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = [schema]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in schema.get(key, []):
            out.extend(_branches(branch))
    return out


def coerce(value: Any, schema: dict[str, Any] | None, *, strings: bool) -> Any:
    """Bring a value to the types its schema (references inlined: `spec.Operation.schema`) declares.

    With `strings` (form and query input, where PHP delivers every scalar as a string) "517" becomes
    517 where an integer is wanted, "0"/"1"/"true"/"false"/"Y"/"N" a boolean, "" null where null is
    allowed, and a map keyed 0..n-1 a list. JSON input keeps its types (D13); only integral floats
    become ints, so that handlers and the store see one form.
    """
    if not strings and not _has_float(value, 0):
        return value  # nothing to change: skip the walk over the schema
    return _coerce(value, schema, strings=strings, depth=0)


def _has_float(value: Any, depth: int) -> bool:
    if isinstance(value, float):
        return True
    if depth > MAX_NESTING:
        return False
    if isinstance(value, dict):
        return any(_has_float(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v, depth + 1) for v in value)
    return False


def _coerce(value: Any, schema: dict[str, Any] | None, *, strings: bool, depth: int) -> Any:
    if depth > MAX_NESTING:
        return value
    shape = _shape(schema) if schema is not None else None
    types = shape.types if shape is not None else frozenset()
    if isinstance(value, str):
        return _coerce_string(value, types) if strings else value
    if isinstance(value, float) and "integer" in types and "number" not in types and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        if (strings and "array" in types and "object" not in types and _is_list_like(value)) or (
            schema is None and strings and value and _is_list_like(value)
        ):
            value = [value[k] for k in sorted(value, key=int)]
        else:
            return {
                k: _coerce(v, shape.member(k) if shape else None, strings=strings, depth=depth + 1)
                for k, v in value.items()
            }
    if isinstance(value, list):
        return [
            _coerce(v, shape.item(i) if shape else None, strings=strings, depth=depth + 1)
            for i, v in enumerate(value)
        ]
    return value


def _is_list_like(value: dict[str, Any]) -> bool:
    keys = list(value)
    return all(_INT.match(k) for k in keys) and sorted(int(k) for k in keys) == list(range(len(keys)))


def _coerce_string(value: str, types: frozenset[str]) -> Any:  # noqa: PLR0911
    if "string" in types and "integer" in types and _INT.match(value):
        # an id or a status that may be a number or a word (`STATUS=3` or `STATUS=yes`): a digit
        # string from a form is the number, as PHP's casts treat it
        return int(value)
    if not types or "string" in types:
        return value
    if "integer" in types and _INT.match(value.strip()):
        return int(value.strip())
    if "number" in types and _NUMBER.match(value.strip()):
        number = float(value.strip())
        return int(number) if number.is_integer() and "integer" in types else number
    if "boolean" in types:
        lowered = value.strip().lower()
        if lowered in {"1", "true", "y"}:
            return True
        if lowered in {"0", "false", "n", ""}:
            return False
    if "null" in types and value == "":
        return None
    if "array" in types and value == "":
        return []  # an empty PHP array cannot be sent in a form; clients send the bare key
    return value


def php_json(value: Any) -> Any:
    """Encode maps as PHP's json_encode does: empty → [], keys 0..n-1 in order → a list."""
    if isinstance(value, dict):
        if not value:
            return []
        keys = [str(k) for k in value]
        if keys == [str(i) for i in range(len(keys))]:
            return [php_json(v) for v in value.values()]
        return {str(k): php_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [php_json(v) for v in value]
    return value


def iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(int(timestamp), dt.UTC).isoformat()


def time_block(start: float, finish: float, processing: float) -> dict[str, Any]:
    return {
        "start": start,
        "finish": finish,
        "duration": finish - start,
        "processing": processing,
        "date_start": iso(start),
        "date_finish": iso(finish),
    }


def declared_names(schema: dict[str, Any]) -> set[str]:
    """The top-level member names a request schema declares, over its allOf/oneOf branches."""
    return {name for branch in _shape(schema).branches for name in branch.get("properties", {})}
