"""The wire format of a portal: PHP bracket notation, string coercion, PHP-style JSON, `time`."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import unquote_plus, unquote_to_bytes

# PHP's defaults (php.ini `max_input_vars`, `max_input_nesting_level`): after 1000 variables PHP warns
# and drops the rest; a variable nested deeper than 64 levels is dropped whole. The fake portal does
# the same, silently (a portal's warning goes to its log, never to the caller).
MAX_VARS = 1000
MAX_NESTING = 64
# Beyond 64-bit a PHP integer cast saturates and a portal's id columns end; such digit strings are
# never numbers here (and never reach int(), whose 4,300-digit limit raises).
MAX_ID_DIGITS = 19
INT64_MAX = 2**63 - 1
MAX_NUMBER_TEXT = 400  # longer number texts stay text: float() of them is slow or infinite
# A long name or value is decoded in pieces this long: each piece takes the interpreter lock for a few
# milliseconds at most, so a large body parsed in a worker thread never holds the event loop longer.
DECODE_PIECE = 32 * 1024  # at least 3, the length of one `%XX`

_KEY = re.compile(r"^([^\[]*)((?:\[[^\]]*\])*)(.*)$")
_SUBKEY = re.compile(r"\[([^\]]*)\]")
_INT = re.compile(r"^-?(0|[1-9][0-9]*)$", re.ASCII)
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$", re.ASCII)
# ids: ASCII digits, and one trailing newline tolerated (as the `$` this pattern used to end with)
_DIGITS = re.compile(r"[0-9]+\n?\Z", re.ASCII)


def parse_int(text: str) -> int | None:
    """A decimal integer written in ASCII (`-` allowed, no leading zeros) within 64 bits, else None.

    `str.isdigit()` takes "²" and "٢" for digits; `int()` then fails or reads another script."""
    if len(text) > MAX_ID_DIGITS + 1 or not _INT.match(text):
        return None
    number = int(text)
    return number if -INT64_MAX - 1 <= number <= INT64_MAX else None


def parse_id(value: object) -> int | None:
    """A non-negative id from an int or a string of ASCII digits (leading zeros allowed, as PHP's
    (int) cast reads them), within 64 bits; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= INT64_MAX else None
    if isinstance(value, str) and len(value) < 19 and value.isascii() and value.isdigit():
        return int(value)  # the usual id: at most 18 ASCII digits always fits 64 bits
    if not isinstance(value, str) or not _DIGITS.match(value):
        return None
    stripped = value.removesuffix("\n").lstrip("0") or "0"
    if len(stripped) > MAX_ID_DIGITS:
        return None
    number = int(stripped)
    return number if number <= INT64_MAX else None


def php_empty(value: object) -> bool:
    """PHP's empty(): missing (None), false, 0, 0.0, "", "0" and an empty array; spaces are not empty."""
    if isinstance(value, (list, dict)):
        return not value
    return value is None or value in (0, "", "0")


def php_intval(value: object) -> int:
    """PHP's (int) of a decoded JSON value: leading digits of a string, an array is 1 unless empty."""
    if isinstance(value, (list, dict)):
        return 1 if value else 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and abs(value) < 2**63 else 0
    if isinstance(value, str):
        match = re.match(r"[ \t\n\r\v\f]*([+-]?[0-9]+)", value)
        return int(match.group(1)) if match else 0
    return 0


def parse_query(query: str) -> dict[str, Any]:
    """`a[b][0]=x&a[b][]=y` into nested dicts, as PHP builds $_GET. Every leaf is a string.

    Keys stay strings here; `coerce` turns a dict of 0..n-1 keys into a list where the schema wants one.
    """
    return build_nested(_pairs(query))


def _pairs(query: str) -> list[tuple[str, str]]:
    """The first MAX_VARS pairs, decoded as `urllib.parse.parse_qsl(keep_blank_values=True)` decodes
    them; the rest of the string is not even split."""
    pairs = []
    for piece in query.split("&", MAX_VARS)[:MAX_VARS]:
        if piece:
            name, _, value = piece.partition("=")
            pairs.append((_unquote_plus(name), _unquote_plus(value)))
    return pairs


def _unquote_plus(text: str) -> str:
    """`urllib.parse.unquote_plus`, a long text in pieces of DECODE_PIECE (never cutting a `%XX`
    escape); the bytes of all pieces are decoded as UTF-8 together, so a character whose escapes
    straddle two pieces comes out whole."""
    if len(text) <= DECODE_PIECE:
        return unquote_plus(text)
    parts = []
    start = 0
    while start < len(text):
        end = min(start + DECODE_PIECE, len(text))
        cut = text.rfind("%", end - 2, end)  # an escape begun in the last two characters waits
        if cut > start:
            end = cut
        parts.append(unquote_to_bytes(text[start:end].replace("+", " ")))
        start = end
    return b"".join(parts).decode("utf-8", "replace")


def build_nested(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """PHP's php_register_variable_ex in linear time: `[]` takes the node's next free index, kept
    per node as PHP's arrays keep nNextFreeElement, instead of rescanning the keys."""
    root: dict[str, Any] = {}
    next_free: dict[int, int] = {}  # id(node) -> next index; every node lives as long as `root`
    for raw_key, value in pairs[:MAX_VARS]:
        match = _KEY.match(raw_key)
        if match is None or not match.group(1):
            continue
        head, brackets, _trailing = match.groups()
        keys = [head, *_SUBKEY.findall(brackets)]
        if len(keys) - 1 > MAX_NESTING:
            root.pop(head, None)  # PHP drops the whole variable, and what it held so far
            continue
        node = root
        for depth, raw in enumerate(keys):
            if raw:
                key = raw
                index = parse_int(raw)
                if index is not None and index >= next_free.get(id(node), 0):
                    next_free[id(node)] = index + 1
            else:
                index = next_free.get(id(node), 0)
                next_free[id(node)] = index + 1
                key = str(index)
            if depth == len(keys) - 1:
                node[key] = value
            else:
                child = node.get(key)
                if not isinstance(child, dict):
                    child = {}
                    node[key] = child
                node = child
    return root


@dataclass(frozen=True)
class _Shape:
    """What coercion needs to know of one schema node: the JSON types it admits (over its
    oneOf/anyOf/allOf branches) and the branches that may declare members and items."""

    types: frozenset[str]
    branches: tuple[dict[str, Any], ...]
    texts: frozenset[str] = frozenset()  # string values an `enum` lists: a form value equal to one stays text

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
    branches = tuple(_branches(schema))
    enums = [branch["enum"] for branch in branches if isinstance(branch.get("enum"), list)]
    texts = frozenset(v for values in enums for v in values if isinstance(v, str))
    shape = _Shape(frozenset(_types(schema)), branches, texts)
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
    # plain loops: this runs on every JSON call, and a generator per level costs more than the walk
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return False
    for item in value:  # noqa: SIM110
        if isinstance(item, (dict, list, float)) and _has_float(item, depth + 1):
            return True
    return False


def _coerce(value: Any, schema: dict[str, Any] | None, *, strings: bool, depth: int) -> Any:
    if depth > MAX_NESTING:
        return value
    shape = _shape(schema) if schema is not None else None
    types = shape.types if shape is not None else frozenset()
    if isinstance(value, str):
        # a form value an enum lists as text (AUTO_EXECUTE "3", D42) stays text
        keep = not strings or (shape is not None and value in shape.texts)
        return value if keep else _coerce_string(value, types)
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
    indexes = [parse_int(k) for k in keys]
    return None not in indexes and sorted(indexes) == list(range(len(keys)))  # type: ignore[type-var]


PHP_BOOL = frozenset({"integer", "boolean"})  # a switch (spec Flag01): 0/1 or true/false


def _coerce_string(value: str, types: frozenset[str]) -> Any:  # noqa: PLR0911
    if types == PHP_BOOL:
        # a PHP bool parameter: only "" and "0" are false ("false" and "N" are true, as PHP casts)
        return value not in {"", "0"}
    if "string" in types and "integer" in types and (number := parse_int(value)) is not None:
        # an id or a status that may be a number or a word (`STATUS=3` or `STATUS=yes`): a digit
        # string from a form is the number, as PHP's casts treat it
        return number
    if not types or "string" in types:
        return value
    if "integer" in types and (number := parse_int(value.strip())) is not None:
        return number
    if "number" in types and len(value) <= MAX_NUMBER_TEXT and _NUMBER.match(value.strip()):
        real = float(value.strip())
        if math.isfinite(real):  # "1e999" stays text: nothing non-finite is ever stored
            return int(real) if real.is_integer() and "integer" in types and abs(real) <= INT64_MAX else real
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


# A generous cap on one text value: 65,535 bytes, a MySQL TEXT column, the type a portal keeps
# descriptions and other free texts in (names have their own, smaller limits where the spec says).
# Base64 file contents (`contentEncoding`) are exempt: the body cap bounds them.
MAX_TEXT_BYTES = 65_535


def _storable_text(value: str, schema: dict[str, Any] | None) -> bool:
    encoded = schema is not None and "contentEncoding" in schema
    if value.isascii() and (encoded or len(value) <= MAX_TEXT_BYTES):
        return True
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        return False
    return encoded or size <= MAX_TEXT_BYTES


def _plainly_storable(value: Any, depth: int) -> bool:
    """True when `unstorable` would find nothing whatever the schema says: the schema only decides
    for long or non-ASCII texts (base64 contents are exempt from the length cap)."""
    if isinstance(value, str):
        return value.isascii() and len(value) <= MAX_TEXT_BYTES
    if isinstance(value, float):
        return math.isfinite(value)
    if depth > MAX_NESTING or not isinstance(value, (dict, list)):
        return True
    for item in value.values() if isinstance(value, dict) else value:
        if isinstance(item, str):
            plain = item.isascii() and len(item) <= MAX_TEXT_BYTES
        else:
            plain = not isinstance(item, (dict, list, float)) or _plainly_storable(item, depth + 1)
        if not plain:
            return False
    return True


def unstorable(
    value: Any, schema: dict[str, Any] | None, path: tuple[str | int, ...] = ()
) -> tuple[str | int, ...] | None:
    """The path of the first value a portal could not store and read back: a text over
    MAX_TEXT_BYTES or not encodable as UTF-8 (a lone surrogate), a non-finite number. None if all
    is well. Walks at most MAX_NESTING levels, as coercion does."""
    if _plainly_storable(value, len(path)):
        return None  # every text short ASCII, every number finite: no schema needs reading
    return _unstorable(value, schema, path)


def _unstorable(
    value: Any, schema: dict[str, Any] | None, path: tuple[str | int, ...]
) -> tuple[str | int, ...] | None:
    if isinstance(value, str):
        return None if _storable_text(value, schema) else path
    if isinstance(value, float):
        return None if math.isfinite(value) else path
    if len(path) > MAX_NESTING:
        return None
    shape = _shape(schema) if schema is not None else None
    if isinstance(value, dict):
        for key, member in value.items():
            found = _unstorable(member, shape.member(str(key)) if shape else None, (*path, str(key)))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _unstorable(item, shape.item(index) if shape else None, (*path, index))
            if found is not None:
                return found
    return None


# PHP's json_decode, which the portal reads JSON bodies with.
# In a JSON text: a \u escape of a UTF-16 surrogate, a run of digits that may not fit 64 bits, an
# exponent that may overflow. Only bodies with one of these take the slower strict decoding.
_SUSPECT_JSON = re.compile(r"\\u[dD][89a-fA-F]|[0-9]{19}|[eE][-+]?[0-9]{3}")


class _RefusedError(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _RefusedError(name)  # NaN, Infinity, -Infinity: not JSON, and PHP's json_decode refuses them


def _php_int(text: str) -> int | float:
    """PHP's json_decode: an integer beyond 64 bits becomes a float; one beyond a float fails."""
    if len(text) <= 20:
        number = int(text)
        if -INT64_MAX - 1 <= number <= INT64_MAX:
            return number
    return _finite_float(text)


def _finite_float(text: str) -> float:
    number = float(text)
    if number in {float("inf"), float("-inf")}:
        raise _RefusedError(text)
    return number


def php_json_decode(text: str) -> Any:
    """The value of a JSON text, or None where PHP's json_decode fails: broken or too deep JSON,
    NaN or Infinity, a number beyond a float (1e400, 10**400), a lone UTF-16 surrogate escape
    (`"\\ud800"`, JSON_ERROR_UTF16). So nothing a portal could not have read gets stored."""
    try:
        if _SUSPECT_JSON.search(text) is None:
            return json.loads(text, parse_constant=_refuse_constant)
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_int=_php_int, parse_float=_finite_float
        )
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate fails to encode
    except (ValueError, RecursionError, UnicodeEncodeError):
        return None
    return data
