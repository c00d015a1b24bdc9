"""The official examples of the bundle, as cases that a generated client must carry through its types.

A case is one named example whose summary marks it as the official page's (`official example` in the
summary), on a request body or a response of some status, with the operation it belongs to. The
client matrix (generator/languages/matrix.py) types them as TypeScript literals, decodes and re-encodes
them through Java and PHP models, and checks what each generator kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Json = Any
OFFICIAL = re.compile(r"official", re.I)


@dataclass(frozen=True)
class Case:
    operation: str  # operationId, the Bitrix24 method name
    where: str  # "request" or a response status such as "200"
    name: str  # the example's name in the spec
    value: Json
    schema: Json  # the schema the example sits next to (as in the bundle, $refs unresolved)

    @property
    def ident(self) -> str:
        """A name fit for an identifier in any language."""
        return re.sub(r"\W", "_", f"{self.operation}__{self.where}__{self.name}")


def _follow(doc: Json, node: Json) -> Json:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _media_cases(doc: Json, operation: str, where: str, media: Json) -> Iterator[Case]:
    for name, entry in (media.get("examples") or {}).items():
        example = _follow(doc, entry)
        if OFFICIAL.search(str(example.get("summary", ""))) and "value" in example:
            yield Case(operation, where, name, example["value"], media.get("schema", {}))


def official_cases(doc: Json) -> list[Case]:
    """Every official request and response example of every operation, in document order."""
    cases: list[Case] = []
    for item in doc.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            body = _follow(doc, op.get("requestBody", {}))
            media = body.get("content", {}).get("application/json")
            if media:
                cases += _media_cases(doc, op["operationId"], "request", media)
            for status, response in op.get("responses", {}).items():
                media = _follow(doc, response).get("content", {}).get("application/json")
                if media:
                    cases += _media_cases(doc, op["operationId"], status, media)
    return cases


def pascal(operation_id: str) -> str:
    """`tasks.flow.Flow.create` -> `TasksFlowFlowCreate`, as openapi-generator and hey-api name types."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", operation_id) if part)


def model_name(case: Case) -> str:
    """The class openapi-generator makes for the case's schema: the component it references, or
    the operation's inline request (`<Op>Request`) or response (`<Op><status>Response`) model."""
    ref = case.schema.get("$ref") if isinstance(case.schema, dict) else None
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[1]
    suffix = "Request" if case.where == "request" else f"{case.where}Response"
    return pascal(case.operation) + suffix


def members(value: Json, path: str = "$") -> set[str]:
    """Every member path of a JSON value (`$.result.flow.id`, `$.cmd[0]`), to tell what a round trip
    lost. A member whose value is null is left out: generated models drop nulls, which reads the same."""
    found = {path}
    if isinstance(value, dict):
        for key, child in value.items():
            if child is not None:
                found |= members(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found |= members(child, f"{path}[{index}]")
    return found


def lost_members(original: Json, decoded: Json) -> list[str]:
    """Member paths of the original that the decoded-and-re-encoded value no longer has."""
    return sorted(members(original) - members(decoded))


def ts_literal(value: Json) -> str:
    """A JSON value as a TypeScript expression (JSON is one)."""
    return json.dumps(value, ensure_ascii=False)
