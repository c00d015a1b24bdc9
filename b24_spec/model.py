"""Each operation of the bundle with its `x-bitrix-*` markings typed (spec/EXTENSIONS.md).

`load(document)` builds the model of any bundle (a test's broken copy too); `default()` is the
model of the committed or installed bundle, built once. Nothing here guesses what an operation does
from its name: the role, toggles, paging and errors are the spec's own markings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from b24_spec import bundle

Json = Any
EXAMPLE_PREFIX = "#/components/examples/"
# Markings every operation carries (spec/EXTENSIONS.md); the spec's tests name a missing one too.
REQUIRED_MARKINGS = (
    "x-bitrix-scope",
    "x-bitrix-access",
    "x-bitrix-role",
    "x-bitrix-idempotent",
    "x-bitrix-batchable",
)


class IncompleteSpecError(ValueError):
    """An operation lacks something every tool relies on; the message says what and where."""


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class MessageVariant:
    """One known form of an error's `error_description` (`x-bitrix-messages`)."""

    lang: str
    source: str
    text: str | None = None
    pattern: str | None = None
    template: str | None = None
    current: bool = False


@dataclass(frozen=True)
class ErrorEntry:
    """One `x-bitrix-errors` entry: an error body the operation declares, under one status."""

    status: int
    code: str
    message: str
    cause: str
    retry: str
    example: str  # the `#/components/examples/...` reference of the body
    messages: tuple[MessageVariant, ...] = ()

    @property
    def name(self) -> str:
        """The error example's name (`FlowNameExists`)."""
        return self.example.removeprefix(EXAMPLE_PREFIX)


@dataclass(frozen=True)
class Role:
    """`x-bitrix-role`: what the call does to the portal's state."""

    effect: str  # read, create, start, change, toggle or delete
    name: tuple[str, ...] = ()  # creates: request member path of the name a person knows it by
    unique: bool = False


@dataclass(frozen=True)
class Toggle:
    """`x-bitrix-toggle`: the call flips a state."""

    result: str  # "success" or "new-state"
    observe_operation: str | None = None
    observe_pointer: str | None = None


@dataclass(frozen=True)
class Pagination:
    """`x-bitrix-pagination` of a list method."""

    kind: str  # "offset" or "page" (decision D41)
    page_size: int
    start_parameter: str
    result_path: str
    cursor_field: str | None = None
    filter_parameter: str | None = None
    order_parameter: str | None = None


@dataclass(frozen=True)
class Link:
    """An OpenAPI link from one of the operation's responses to another operation."""

    name: str
    status: str
    operation_id: str
    request_body: Json


@dataclass(frozen=True)
class Operation:
    operation_id: str
    path: str
    method: str
    tags: tuple[str, ...]
    summary: str
    deprecated: bool
    scope: str
    access: str
    role: Role
    idempotent: bool
    batchable: bool
    operating_budget: bool  # False: only the commands inside the call are counted (`batch`)
    app_context: bool
    toggle: Toggle | None
    pagination: Pagination | None
    alias_of: str | None
    errors: tuple[ErrorEntry, ...]
    links: tuple[Link, ...]
    request_pointer: str  # JSON pointer of the request body's schema inside the bundle
    # The request schema with every reference written out, once: validating through a reference
    # registry on every request costs more than the rest of a call.
    request_schema: Json = field(repr=False, compare=False)
    raw: Json = field(repr=False, compare=False)  # the operation object as the bundle has it

    @property
    def paginated(self) -> bool:
        return self.pagination is not None

    @property
    def is_read(self) -> bool:
        return self.role.effect == "read"

    def statuses_of(self, error_name: str) -> list[int]:
        """The statuses under which the operation declares the error example `error_name`."""
        return [entry.status for entry in self.errors if entry.name == error_name]


@dataclass(frozen=True)
class Model:
    document: Json = field(repr=False)
    operations: dict[str, Operation]
    by_lower_name: dict[str, str] = field(default_factory=dict, repr=False)

    def canonical(self, name: str) -> str | None:
        """The operationId a method name stands for in any letter case (portals ignore case)."""
        return self.by_lower_name.get(name.lower())

    def example(self, name: str) -> dict[str, Any]:
        """The value of the example `components/examples/<name>`."""
        value: dict[str, Any] = self.document["components"]["examples"][name]["value"]
        return value

    def messages(self, name: str) -> list[dict[str, Any]]:
        """The `x-bitrix-messages` of an error example, as written."""
        variants: list[dict[str, Any]] = self.document["components"]["examples"][name].get(
            "x-bitrix-messages", []
        )
        return variants


def marked_members(document: Json, schema: Json, marking: str) -> set[str]:
    """The members of an object schema (through `allOf`) that carry the property marking `marking`
    (`x-bitrix-volatile`, `x-bitrix-empty-on-write`: spec/EXTENSIONS.md)."""
    schema = bundle.resolve(document, schema)
    if not isinstance(schema, dict):
        return set()
    found = {
        name
        for name, member in schema.get("properties", {}).items()
        if isinstance(member, dict) and member.get(marking) is True
    }
    for part in schema.get("allOf", []):
        found |= marked_members(document, part, marking)
    return found


def operation_objects(document: Json) -> Iterator[tuple[str, str, Json]]:
    """(path, HTTP method, operation object) of every operation in `document`."""
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and method in item:
                yield path, method, item[method]


def error_catalogue(document: Json, op: Json) -> list[Json]:
    """The `x-bitrix-errors` entries an operation's declared error bodies make, in response order.

    The bundler writes them; the conventions check that a bundle's index still matches them."""
    entries: list[Json] = []
    for status, declared in op.get("responses", {}).items():
        media = bundle.resolve(document, declared).get("content", {}).get("application/json", {})
        for name, example_ref in media.get("examples", {}).items():
            example = bundle.resolve(document, example_ref)
            value = example.get("value")
            if not (isinstance(value, dict) and "error" in value):
                continue
            ref = example_ref.get("$ref") if isinstance(example_ref, dict) else None
            entries.append(
                {
                    "status": int(status),
                    "code": value["error"],
                    "message": value.get("error_description", ""),
                    "cause": example.get("description", ""),
                    "retry": example.get("x-bitrix-retry", "never"),
                    "messages": example.get("x-bitrix-messages", []),
                    "example": ref or name,
                }
            )
    return entries


def _variant(raw: Json) -> MessageVariant:
    return MessageVariant(
        lang=str(raw.get("lang", "")),
        source=str(raw.get("source", "")),
        text=raw.get("text"),
        pattern=raw.get("pattern"),
        template=raw.get("template"),
        current=bool(raw.get("current", False)),
    )


def _error(raw: Json) -> ErrorEntry:
    return ErrorEntry(
        status=int(raw["status"]),
        code=str(raw["code"]),
        message=str(raw["message"]),
        cause=str(raw.get("cause", "")),
        retry=str(raw.get("retry", "never")),
        example=str(raw["example"]),
        messages=tuple(_variant(v) for v in raw.get("messages", [])),
    )


def role_of(raw: Json) -> Role:
    """The typed form of an `x-bitrix-role` marking."""
    name = tuple(part for part in str(raw.get("name", "")).split("/") if part)
    return Role(
        str(raw["effect"]), tuple(bundle.decode(part) for part in name), bool(raw.get("unique", False))
    )


def _toggle(raw: Json) -> Toggle | None:
    if raw is None:
        return None
    observe = raw.get("observe") or {}
    return Toggle(str(raw["result"]), observe.get("operationId"), observe.get("pointer"))


def _pagination(raw: Json) -> Pagination | None:
    if raw is None:
        return None
    return Pagination(
        kind=str(raw["kind"]),
        page_size=int(raw["pageSize"]),
        start_parameter=str(raw["startParameter"]),
        result_path=str(raw["resultPath"]),
        cursor_field=raw.get("cursorField"),
        filter_parameter=raw.get("filterParameter"),
        order_parameter=raw.get("orderParameter"),
    )


def _links(document: Json, op: Json) -> tuple[Link, ...]:
    found = []
    for status, response in op.get("responses", {}).items():
        for name, declared in (bundle.resolve(document, response).get("links") or {}).items():
            link = bundle.resolve(document, declared)
            found.append(Link(name, str(status), str(link["operationId"]), link.get("requestBody")))
    return tuple(found)


def operation(document: Json, path: str, method: str, op: Json) -> Operation:
    """The typed view of one operation object of `document`."""
    operation_id = op.get("operationId") or f"{method.upper()} {path}"
    missing = [key for key in ("operationId", *REQUIRED_MARKINGS) if key not in op]
    if missing:
        raise IncompleteSpecError(
            f"{operation_id}: missing {', '.join(missing)} (spec/EXTENSIONS.md says what each means)"
        )
    media = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = media.get("schema")
    return Operation(
        operation_id=str(op["operationId"]),
        path=path,
        method=method,
        tags=tuple(op.get("tags", [])),
        summary=str(op.get("summary", "")),
        deprecated=bool(op.get("deprecated", False)),
        scope=str(op["x-bitrix-scope"]),
        access=str(op["x-bitrix-access"]),
        role=role_of(op["x-bitrix-role"]),
        idempotent=op["x-bitrix-idempotent"] is True,
        batchable=op["x-bitrix-batchable"] is True,
        operating_budget=op.get("x-bitrix-operating-budget") is not False,
        app_context=op.get("x-bitrix-app-context") is True,
        toggle=_toggle(op.get("x-bitrix-toggle")),
        pagination=_pagination(op.get("x-bitrix-pagination")),
        alias_of=op.get("x-bitrix-alias-of"),
        errors=tuple(_error(entry) for entry in op.get("x-bitrix-errors", [])),
        links=_links(document, op),
        request_pointer=bundle.pointer(
            "paths", path, method, "requestBody", "content", "application/json", "schema"
        ),
        request_schema=bundle.inline(document, schema) if schema is not None else None,
        raw=op,
    )


def load(document: Json) -> Model:
    """The model of `document` (a bundle)."""
    operations = {
        str(op["operationId"]): operation(document, path, method, op)
        for path, method, op in operation_objects(document)
    }
    by_lower = {operation_id.lower(): operation_id for operation_id in operations}
    return Model(document=document, operations=operations, by_lower_name=by_lower)


@cache
def default() -> Model:
    """The model of the committed (or installed) bundle, built once."""
    return load(bundle.document())
