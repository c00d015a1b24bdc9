"""Where the bundled spec lives, loading it once, and the one rule for following `$ref`.

The rule for keys written beside a `$ref` (OpenAPI 3.1 allows them: `description` on any reference,
any keyword on a schema): they apply together with the target, and where both give the same key the
sibling's value is the one that counts. `resolve` reads a node that way (a shallow merge, sibling
wins), which is what docs and tools that read structure need. `inline` writes every reference out
for a validator and keeps the siblings as a second `allOf` part, so that a sibling assertion such as
`maximum` narrows the target instead of replacing it; the two views agree wherever a sibling only
annotates or narrows, which is all the spec's conventions allow.

Only local references (`#/...`) exist in a bundle; JSON pointer tokens are decoded (`~1` is `/`,
`~0` is `~`). Standard library only.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

Json = Any

PACKAGE = Path(__file__).resolve().parent


def located(name: str, package: Path = PACKAGE) -> Path:
    """An installed copy beside the package wins; a checkout reads the committed `generated/` one."""
    inside = package / name
    return inside if inside.is_file() else package.parent / "generated" / name


BUNDLE_JSON: Path = located("openapi.json")
BUNDLE_YAML: Path = located("openapi.yaml")

_MAX_DEPTH = 64


class BrokenReferenceError(ValueError):
    """A `$ref` that cannot be followed: not local, pointing nowhere, or a cycle."""


def read(path: Path) -> dict[str, Any]:
    """A bundle read from `path` (JSON), fresh: the caller may change it."""
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@cache
def document() -> dict[str, Any]:
    """The committed (or installed) bundle, read once. Shared: never change it."""
    return read(BUNDLE_JSON)


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def decode(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: str) -> str:
    """A JSON pointer made of `tokens`, each escaped."""
    return "".join("/" + escape(token) for token in tokens)


def at(document: Json, json_pointer: str) -> Json:
    """The node a JSON pointer (`/a/b`, list indexes as digits) names inside `document`."""
    node = document
    for token in json_pointer.split("/")[1:]:
        part = decode(token)
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def target(document: Json, ref: str) -> Json:
    """What a local reference `#/...` names."""
    if not ref.startswith("#"):
        raise BrokenReferenceError(f"only local references can be followed, not {ref!r}")
    try:
        return at(document, ref[1:])
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise BrokenReferenceError(f"reference {ref!r} names nothing in the bundle") from exc


def resolve(document: Json, node: Json) -> Json:
    """`node` read through its `$ref` chain; keys beside a `$ref` win over the target's."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise BrokenReferenceError(f"reference cycle through {ref!r}")
        seen.add(ref)
        found = target(document, ref)
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node = {**found, **siblings} if siblings and isinstance(found, dict) else found
    return node


def inline(document: Json, node: Json, depth: int = 0) -> Json:
    """`node` with every `$ref` written out; siblings become a second `allOf` part (both apply)."""
    if depth > _MAX_DEPTH:
        raise BrokenReferenceError("reference chain too deep: a recursive schema cannot be inlined")
    if isinstance(node, list):
        return [inline(document, item, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):
        inlined = inline(document, target(document, node["$ref"]), depth + 1)
        siblings = {key: inline(document, value, depth) for key, value in node.items() if key != "$ref"}
        return {"allOf": [inlined], **siblings} if siblings else inlined
    return {key: inline(document, value, depth) for key, value in node.items()}
