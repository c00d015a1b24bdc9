"""The bundled spec as the server reads it: operations, scopes, request schemas, error catalogues."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "generated" / "openapi.json"
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
    request_schema: dict[str, Any]
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

    def example(self, name: str) -> dict[str, Any]:
        examples: dict[str, Any] = self.document["components"]["examples"]
        value: dict[str, Any] = examples[name]["value"]
        return value

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Follow local `$ref`s until a schema that is not a bare reference."""
        seen = 0
        while "$ref" in schema and seen < 32:
            target: Any = self.document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **rest}
            seen += 1
        return schema


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
        pointer = f"/paths/{_escape(route)}/post/requestBody/content/application~1json/schema"
        operations[op["operationId"]] = Operation(
            operation_id=op["operationId"],
            scope=op.get("x-bitrix-scope", "basic"),
            batchable=bool(op.get("x-bitrix-batchable", True)),
            pointer=pointer,
            request_schema=op["requestBody"]["content"]["application/json"]["schema"],
            errors=errors,
            paginated="x-bitrix-pagination" in op,
        )
    by_lower = {name.lower(): name for name in operations}
    return Spec(document=document, operations=operations, by_lower_name=by_lower)


@cache
def default_spec() -> Spec:
    return load_spec()
