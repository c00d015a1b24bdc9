"""A compiled yes/no check for the request schemas: the fast path of request validation.

Most requests are valid, and jsonschema spends most of a create call proving it. This module turns
a schema (references inlined) into nested closures that only answer "valid?"; jsonschema still
runs whenever the answer is no, so every error message comes from it, unchanged. The subset covers
the keywords the bundled request schemas use; a schema with any other assertion keyword is not
compiled (`compile_check` returns None) and jsonschema alone validates it. A test checks that both
agree on generated and mutated instances of every operation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sized
from typing import Any

Check = Callable[[Any], bool]

# Keywords that assert nothing under Draft 2020-12 as the server runs it (no format checker).
_ANNOTATIONS = frozenset(
    {
        "description", "title", "examples", "default", "format", "contentEncoding", "contentMediaType",
        "deprecated", "readOnly", "writeOnly", "$comment", "$schema", "$id", "$defs", "discriminator",
        "externalDocs", "example", "xml",
    }
)  # fmt: skip


class UnsupportedError(Exception):
    """The schema uses a keyword this module does not compile."""


def compile_check(schema: Any) -> Check | None:
    """A function telling whether an instance is valid against `schema`, or None if not compilable."""
    try:
        return _compile(schema)
    except UnsupportedError:
        return None


_PLAIN_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool}


def _type_check(names: list[str]) -> Check:
    unknown = set(names) - {*_PLAIN_TYPES, "null", "integer", "number"}
    if unknown:
        raise UnsupportedError(f"type {sorted(unknown)}")
    plain = tuple(_PLAIN_TYPES[n] for n in names if n in _PLAIN_TYPES)
    null, integer, number = "null" in names, "integer" in names, "number" in names

    def check(value: Any) -> bool:
        if isinstance(value, plain):
            return True
        if value is None:
            return null
        if isinstance(value, bool):
            return False  # true is not the number 1 in JSON Schema
        if number and isinstance(value, int | float):
            return True
        # 2.0 is an integer in JSON Schema; 2.5 is not
        return integer and (isinstance(value, int) or (isinstance(value, float) and value.is_integer()))

    return check


def _equal(a: Any, b: Any) -> bool:
    """JSON equality as jsonschema sees it: true is not 1, 1 is 1.0, containers compared deeply."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return bool(a == b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | dict) or isinstance(b, list | dict):
        return False
    return bool(a == b)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _enum(arg: Any, schema: dict[str, Any]) -> Check:
    options = list(arg)
    if options and all(isinstance(o, str) for o in options):
        texts = frozenset(options)  # the common case, a set lookup: a text equals only a text
        return lambda v: isinstance(v, str) and v in texts
    return lambda v: any(_equal(v, o) for o in options)


def _const(arg: Any, schema: dict[str, Any]) -> Check:
    return lambda v: _equal(v, arg)


def _size(kind: type[Sized], low: bool) -> Builder:
    """minLength/maxLength (code points, as len counts them), minItems/maxItems, min/maxProperties."""

    def build(arg: Any, schema: dict[str, Any]) -> Check:
        n = int(arg)
        return (
            (lambda v: not isinstance(v, kind) or len(v) >= n)
            if low
            else (lambda v: not isinstance(v, kind) or len(v) <= n)
        )

    return build


def _pattern(arg: Any, schema: dict[str, Any]) -> Check:
    rx = re.compile(arg)
    return lambda v: not isinstance(v, str) or rx.search(v) is not None


def _bound(compare: Callable[[Any, Any], bool]) -> Builder:
    def build(arg: Any, schema: dict[str, Any]) -> Check:
        return lambda v: not _number(v) or compare(v, arg)

    return build


def _required(arg: Any, schema: dict[str, Any]) -> Check:
    names = list(arg)
    return lambda v: not isinstance(v, dict) or all(n in v for n in names)


def _property_names(arg: Any, schema: dict[str, Any]) -> Check:
    check = _compile(arg)
    return lambda v: not isinstance(v, dict) or all(check(k) for k in v)


def _all_of(arg: Any, schema: dict[str, Any]) -> Check:
    return _every([_compile(s) for s in arg])


def _any_of(arg: Any, schema: dict[str, Any]) -> Check:
    parts = [_compile(s) for s in arg]
    return lambda v: any(p(v) for p in parts)


def _one_of(arg: Any, schema: dict[str, Any]) -> Check:
    parts = [_compile(s) for s in arg]
    return lambda v: sum(1 for p in parts if p(v)) == 1


def _not(arg: Any, schema: dict[str, Any]) -> Check:
    inner = _compile(arg)
    return lambda v: not inner(v)


def _type(arg: Any, schema: dict[str, Any]) -> Check:
    return _type_check([arg] if isinstance(arg, str) else list(arg))


def _members_once(arg: Any, schema: dict[str, Any]) -> Check | None:
    """properties, patternProperties and additionalProperties compile to one check, made once."""
    first = next(k for k in ("properties", "patternProperties", "additionalProperties") if k in schema)
    return _members(schema) if arg is schema[first] else None


def _items_once(arg: Any, schema: dict[str, Any]) -> Check | None:
    first = "prefixItems" if "prefixItems" in schema else "items"
    return _items(schema) if arg is schema[first] else None


Builder = Callable[[Any, dict[str, Any]], Check | None]

_KEYWORDS: dict[str, Builder] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "minLength": _size(str, low=True),
    "maxLength": _size(str, low=False),
    "pattern": _pattern,
    "minimum": _bound(lambda v, n: bool(v >= n)),
    "maximum": _bound(lambda v, n: bool(v <= n)),
    "exclusiveMinimum": _bound(lambda v, n: bool(v > n)),
    "exclusiveMaximum": _bound(lambda v, n: bool(v < n)),
    "properties": _members_once,
    "patternProperties": _members_once,
    "additionalProperties": _members_once,
    "required": _required,
    "propertyNames": _property_names,
    "minProperties": _size(dict, low=True),
    "maxProperties": _size(dict, low=False),
    "prefixItems": _items_once,
    "items": _items_once,
    "minItems": _size(list, low=True),
    "maxItems": _size(list, low=False),
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
}


def _compile(schema: Any) -> Check:
    if schema is True or schema == {}:
        return lambda value: True
    if schema is False:
        return lambda value: False
    if not isinstance(schema, dict):
        raise UnsupportedError(f"schema {schema!r}")
    schema = _unevaluated_as_plain(schema)
    checks: list[Check] = []
    for key, arg in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        builder = _KEYWORDS.get(key)
        if builder is None:
            raise UnsupportedError(key)
        check = builder(arg, schema)
        if check is not None:
            checks.append(check)
    return _every(checks)


# Keywords that evaluate members of the same instance in place, which `unevaluated*` would have to see.
_IN_PLACE = frozenset({"allOf", "anyOf", "oneOf", "$ref", "if", "dependentSchemas"})
_UNEVALUATED = (("unevaluatedProperties", "additionalProperties"), ("unevaluatedItems", "items"))


def _unevaluated_as_plain(schema: dict[str, Any]) -> dict[str, Any]:
    """With no in-place applicator beside them, `unevaluatedProperties` and `unevaluatedItems` mean
    what `additionalProperties` and `items` mean (the spec's object-or-array values, D71)."""
    if not any(uneval in schema for uneval, _ in _UNEVALUATED):
        return schema
    if _IN_PLACE & schema.keys():
        raise UnsupportedError("unevaluated* beside an in-place applicator")
    plain = dict(schema)
    for uneval, same in _UNEVALUATED:
        if uneval in plain:
            if same in plain:
                raise UnsupportedError(f"{uneval} beside {same}")
            plain[same] = plain.pop(uneval)
    return plain


def _every(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def every(value: Any) -> bool:
        # a loop, not all(...): no generator per call on the hot path
        for check in checks:  # noqa: SIM110
            if not check(value):
                return False
        return True

    return every


def _members(schema: dict[str, Any]) -> Check:
    """properties, patternProperties and additionalProperties together (the last depends on both)."""
    named = {name: _compile(sub) for name, sub in schema.get("properties", {}).items()}
    patterns = [(re.compile(p), _compile(sub)) for p, sub in schema.get("patternProperties", {}).items()]
    extra = _compile(schema["additionalProperties"]) if "additionalProperties" in schema else None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for key, item in value.items():
            matched = False
            if key in named:
                matched = True
                if not named[key](item):
                    return False
            for rx, sub in patterns:
                if rx.search(key):
                    matched = True
                    if not sub(item):
                        return False
            if not matched and extra is not None and not extra(item):
                return False
        return True

    return check


def _items(schema: dict[str, Any]) -> Check:
    """prefixItems for the first positions, items for the rest."""
    prefix = [_compile(sub) for sub in schema.get("prefixItems", [])]
    rest = _compile(schema["items"]) if "items" in schema else None

    def check(value: Any) -> bool:
        if not isinstance(value, list):
            return True
        for index, item in enumerate(value):
            if index < len(prefix):
                if not prefix[index](item):
                    return False
            elif rest is not None and not rest(item):
                return False
        return True

    return check
