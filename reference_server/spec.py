"""The bundled spec as the server reads it: operations, scopes, request schemas, error catalogues."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from b24_spec.bundle import BUNDLE_JSON

BUNDLE = BUNDLE_JSON
EXAMPLE_PREFIX = "#/components/examples/"


@dataclass(frozen=True)
class ErrorEntry:
    """One `x-bitrix-errors` entry: an error example an operation declares, with its status."""

    name: str
    status: int
    code: str
    message: str


@dataclass(frozen=True)
class Operation:
    operation_id: str
    scope: str
    batchable: bool
    pointer: str  # JSON pointer of the request schema inside the bundle
    # The request schema with every reference inlined, once: validating through jsonschema's
    # reference registry on every request cost more than the rest of a create call.
    schema: dict[str, Any]
    errors: tuple[ErrorEntry, ...]
    paginated: bool

    def statuses_of(self, name: str) -> list[int]:
        return [e.status for e in self.errors if e.name == name]


@dataclass(frozen=True)
class Spec:
    document: dict[str, Any]
    operations: dict[str, Operation]
    by_lower_name: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str | None:
        """The operationId a (case-insensitive) method name stands for, as portals lowercase names."""
        return self.by_lower_name.get(name.lower())

    def messages(self, name: str) -> list[dict[str, Any]]:
        """The example's `x-bitrix-messages` (every known form of its text)."""
        examples: dict[str, Any] = self.document["components"]["examples"]
        variants: list[dict[str, Any]] = examples[name].get("x-bitrix-messages", [])
        return variants

    def example(self, name: str) -> dict[str, Any]:
        examples: dict[str, Any] = self.document["components"]["examples"]
        value: dict[str, Any] = examples[name]["value"]
        return value


def inline_refs(document: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """`node` with every local `$ref` replaced by its target (keys next to a `$ref` still apply)."""
    if depth > 64:
        raise ValueError("reference chain too deep: a recursive schema cannot be inlined")
    if isinstance(node, list):
        return [inline_refs(document, item, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        inlined = inline_refs(document, target, depth + 1)
        siblings = {k: inline_refs(document, v, depth) for k, v in node.items() if k != "$ref"}
        return {"allOf": [inlined], **siblings} if siblings else inlined
    return {key: inline_refs(document, value, depth) for key, value in node.items()}


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def load_spec(path: Path = BUNDLE) -> Spec:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    operations: dict[str, Operation] = {}
    for route, item in document.get("paths", {}).items():
        op = item["post"]
        errors = tuple(
            ErrorEntry(
                name=entry["example"].removeprefix(EXAMPLE_PREFIX),
                status=int(entry["status"]),
                code=entry["code"],
                message=entry["message"],
            )
            for entry in op.get("x-bitrix-errors", [])
        )
        request_schema = op["requestBody"]["content"]["application/json"]["schema"]
        pointer = f"/paths/{_escape(route)}/post/requestBody/content/application~1json/schema"
        operations[op["operationId"]] = Operation(
            operation_id=op["operationId"],
            scope=op.get("x-bitrix-scope", "basic"),
            batchable=bool(op.get("x-bitrix-batchable", True)),
            pointer=pointer,
            schema=inline_refs(document, request_schema),
            errors=errors,
            paginated="x-bitrix-pagination" in op,
        )
    by_lower = {name.lower(): name for name in operations}
    return Spec(document=document, operations=operations, by_lower_name=by_lower)


@cache
def default_spec() -> Spec:
    return load_spec()
