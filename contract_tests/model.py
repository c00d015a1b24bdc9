"""What the suite knows about each operation, read from the bundled spec (never typed in by hand).

- what each operation does to state (`x-bitrix-role`), the declared errors (`x-bitrix-errors`),
  paging (`x-bitrix-pagination`), toggles (`x-bitrix-toggle`);
- from the OpenAPI links: which operation creates the objects that another one acts on, where the id
  travels, and which operation deletes them (used for live-mode safety and clean-up).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from b24_spec import bundle
from b24_spec import model as spec_model
from b24_spec.model import Role

Json = Any
_EXPRESSION = re.compile(r"^\$(response|request)\.body#(/.*)?$")


@dataclass(frozen=True)
class Binding:
    """A link says: member `path` of `target`'s request body carries a value taken from `source`."""

    source: str
    target: str
    path: tuple[str, ...]
    side: str  # "response" or "request": which body of the source call the value comes from
    pointer: str


def spec() -> Json:
    return bundle.document()


def deref(node: Json) -> Json:
    return bundle.resolve(spec(), node)


@cache
def operations() -> dict[str, Json]:
    return {operation_id: op.raw for operation_id, op in spec_model.default().operations.items()}


def error_entries(operation_id: str) -> list[Json]:
    """The operation's error catalogue (`x-bitrix-errors`)."""
    entries: list[Json] = operations()[operation_id].get("x-bitrix-errors", [])
    return entries


def declared_errors(operation_id: str) -> set[tuple[int, str]]:
    return {(e["status"], e["code"]) for e in operations()[operation_id].get("x-bitrix-errors", [])}


def role(operation_id: str) -> Role:
    return spec_model.role_of(operations()[operation_id]["x-bitrix-role"])


def is_read(operation_id: str) -> bool:
    """Reads change nothing; everything else is a write that live mode restricts to this run's objects."""
    return role(operation_id).effect == "read"


def name_member(operation_id: str) -> tuple[str, ...]:
    """The request member that names what a create makes (empty for other operations)."""
    return role(operation_id).name


def unique_name_member(operation_id: str) -> tuple[str, ...]:
    """The name member of a create whose names the portal keeps unique (empty otherwise)."""
    found = role(operation_id)
    return found.name if found.unique else ()


def _walk(node: Json, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, str(index)))
    elif isinstance(node, str):
        yield path, node


@cache
def bindings() -> tuple[Binding, ...]:
    found = []
    for source, op in operations().items():
        for response in op.get("responses", {}).values():
            for declared in (deref(response).get("links") or {}).values():
                link = deref(declared)
                for path, text in _walk(link.get("requestBody"), ()):
                    match = _EXPRESSION.match(text)
                    if match:
                        found.append(Binding(source, link["operationId"], path, match[1], match[2] or ""))
    return tuple(found)


def creators() -> set[str]:
    """Creates and starts whose links pass on ids of what they made (flow create, template add,
    workflow start...). Other link sources only pass an id on (an update answers with the id it was
    given)."""
    return {b.source for b in bindings() if role(b.source).effect in ("create", "start")}


def is_delete(operation_id: str) -> bool:
    return role(operation_id).effect == "delete"


def ownership(target: str) -> list[Binding]:
    """The links by which `target` acts on an object some creator made."""
    return [b for b in bindings() if b.target == target and b.source in creators()]


def cleanup_operation(creator: str) -> str | None:
    """The operation a link from `creator` names to remove what it made (a `delete` effect)."""
    targets = sorted({b.target for b in bindings() if b.source == creator})
    removers = [t for t in targets if is_delete(t)]
    return removers[0] if removers else None


def pointer_get(document: Json, pointer: str) -> Json:
    return bundle.at(document, pointer)


def member(body: Json, path: tuple[str, ...]) -> Json:
    """The value at `path` of a request body, or None when absent."""
    for part in path:
        if isinstance(body, dict) and part in body:
            body = body[part]
        elif isinstance(body, list) and part.isdigit() and int(part) < len(body):
            body = body[int(part)]
        else:
            return None
    return body


def link_body(binding_source: str, target: str, request: Json, response: Json) -> Json:
    """The request body a link from `binding_source` to `target` builds from one call's bodies."""
    for op_response in operations()[binding_source].get("responses", {}).values():
        for declared in (deref(op_response).get("links") or {}).values():
            link = deref(declared)
            if link["operationId"] == target:
                return _fill(link.get("requestBody"), request, response)
    raise KeyError(f"no link from {binding_source} to {target}")


def _fill(node: Json, request: Json, response: Json) -> Json:
    if isinstance(node, dict):
        return {key: _fill(value, request, response) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(value, request, response) for value in node]
    if isinstance(node, str):
        match = _EXPRESSION.match(node)
        if match:
            return pointer_get(response if match[1] == "response" else request, match[2] or "")
    return node


def linked_reads(creator: str) -> list[str]:
    """Read operations a creator's responses link to, whatever the link passes."""
    found = []
    for response in operations()[creator].get("responses", {}).values():
        for link in (deref(response).get("links") or {}).values():
            target = deref(link)["operationId"]
            if is_read(target):
                found.append(target)
    return found


def result_schema(operation_id: str) -> Json:
    """The `result` member's schema in the operation's success body (a `$ref` kept as written)."""
    success = deref(operations()[operation_id]["responses"]["200"])
    body = deref(success["content"]["application/json"]["schema"])
    for part in [body, *body.get("allOf", [])]:
        found = deref(part).get("properties", {}).get("result")
        if found is not None:
            return found
    return None


def marked_members(schema: Json, marking: str) -> set[str]:
    """Members of `schema` that carry a property marking (`x-bitrix-volatile`, ...)."""
    return spec_model.marked_members(spec(), schema, marking)


def reads_back(creator: str) -> list[str]:
    """Reads a create links to that answer with the same kind of object it answered with."""
    made = result_schema(creator)
    return [
        target
        for target in sorted(link_targets(creator))
        if is_read(target) and made is not None and result_schema(target) == made
    ]


def request_examples(operation_id: str) -> list[Json]:
    """The request bodies the spec gives as examples for an operation (the official ones first)."""
    media = operations()[operation_id]["requestBody"]["content"]["application/json"]
    return [deref(example)["value"] for example in media.get("examples", {}).values()]


def request_schema(operation_id: str) -> Json:
    return deref(operations()[operation_id]["requestBody"]["content"]["application/json"]["schema"])


def required_members(schema: Json) -> set[str]:
    """Required top-level members of a request schema, through `allOf`."""
    schema = deref(schema)
    found = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        found |= required_members(part)
    return found


def lenient_operations() -> set[str]:
    """Operations with no required parameter: a portal runs them whatever the body holds."""
    return {op for op in operations() if not required_members(request_schema(op))}


def link_targets(operation_id: str) -> set[str]:
    """Every operation that `operation_id`'s responses link to."""
    return {
        deref(link)["operationId"]
        for response in operations()[operation_id].get("responses", {}).values()
        for link in (deref(response).get("links") or {}).values()
    }
