"""The conventions of spec/README.md as functions.

Each rule takes the spec source folder and/or the bundled document and returns a list of violations
(empty when the rule holds). tests/spec/ asserts every rule on the real spec and proves, on broken
copies, that each one can fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from b24_spec import errors
from b24_spec.bundle import pointer as json_pointer
from b24_spec.bundle import resolve
from b24_spec.messages import message_matches
from b24_spec.model import HTTP_METHODS, error_catalogue, operation_objects

Json = Any
SYSTEM_RESPONSES = {
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "NotFound",
    "429": "TooManyRequests",
    "500": "ServerError",
    "503": "ServiceUnavailable",
}
SYSTEM_400_EXAMPLES = ("InvalidRequest",)
# Codes a portal sends only as `result_error` entries of a batch that answers 200 (D46): no other
# operation declares them for the whole call.
BATCH_ONLY_EXAMPLES = ("BatchLengthExceeded", "BatchMethodNotAllowed")
RETRY_VALUES = {"never", "after-backoff", "after-reset", "after-token-refresh", "if-idempotent"}
REQUIRED_OPERATION_EXTENSIONS = (
    "x-bitrix-scope",
    "x-bitrix-access",
    "x-bitrix-role",
    "x-bitrix-idempotent",
    "x-bitrix-batchable",
)
FORBIDDEN_SCHEMA_NAMES = {
    "Error",
    "Time",
    "Object",
    "String",
    "Date",
    "Integer",
    "Number",
    "Boolean",
    "Array",
}
DOCS_PREFIX = "https://apidocs.bitrix24.com/"
SCHEMA_CHILD_MAPS = ("properties", "patternProperties", "$defs")
SCHEMA_CHILD_LISTS = ("allOf", "oneOf", "anyOf", "prefixItems")
SCHEMA_CHILD_ONE = ("items", "additionalProperties", "not", "propertyNames", "contains")
_DOC_URI = "urn:b24-openapi:bundle"


def operations(doc: Json) -> Iterator[tuple[str, str, Json]]:
    return operation_objects(doc)


def deref(doc: Json, node: Json) -> Json:
    return resolve(doc, node)


# --- structure -----------------------------------------------------------------------------------


def check_layout(spec_dir: Path) -> list[str]:
    """Root paths are $refs to paths/<method>.yaml; file name = operationId = path."""
    problems: list[str] = []
    root = yaml.safe_load((spec_dir / "openapi.yaml").read_text(encoding="utf-8"))
    listed: set[str] = set()
    for path, item in (root.get("paths") or {}).items():
        ref = item.get("$ref") if isinstance(item, dict) else None
        expected = f"paths/{path.lstrip('/')}.yaml"
        if set(item) != {"$ref"} or ref != expected:
            problems.append(f"root path {path}: must be only `$ref: {expected}`")
            continue
        listed.add(expected)
        file = spec_dir / expected
        if not file.is_file():
            problems.append(f"root path {path}: {expected} does not exist")
            continue
        path_item = yaml.safe_load(file.read_text(encoding="utf-8"))
        methods = [m for m in path_item if m in HTTP_METHODS]
        if methods != ["post"]:
            problems.append(f"{expected}: must hold exactly one `post` operation, found {methods}")
            continue
        op_id = path_item["post"].get("operationId")
        if op_id != file.stem or path != f"/{op_id}":
            problems.append(f"{expected}: operationId {op_id!r}, path {path!r} and file name must be equal")
    for file in sorted((spec_dir / "paths").glob("*.yaml")):
        if f"paths/{file.name}" not in listed:
            problems.append(f"paths/{file.name} is not listed under the root's paths")
    return problems


def check_operation_fields(doc: Json) -> list[str]:
    problems: list[str] = []
    tag_names = {tag["name"] for tag in doc.get("tags", [])}
    for path, _method, op in operations(doc):
        where = op.get("operationId", path)
        for key in ("summary", "description", *REQUIRED_OPERATION_EXTENSIONS):
            if op.get(key) in (None, ""):
                problems.append(f"{where}: missing {key}")
        tags = op.get("tags", [])
        if len(tags) != 1 or tags[0] not in tag_names:
            problems.append(f"{where}: needs exactly one tag from the root tag list, has {tags}")
        url = (op.get("externalDocs") or {}).get("url", "")
        if not url.startswith(DOCS_PREFIX):
            problems.append(f"{where}: externalDocs.url must point at {DOCS_PREFIX}")
        body = op.get("requestBody") or {}
        if not body.get("required") or "application/json" not in body.get("content", {}):
            problems.append(f"{where}: needs a required application/json requestBody")
        elif not body["content"]["application/json"].get("examples"):
            problems.append(f"{where}: the request body needs at least one named example")
        for key in ("x-bitrix-idempotent", "x-bitrix-batchable", "x-bitrix-operating-budget"):
            if key in op and not isinstance(op[key], bool):
                problems.append(f"{where}: {key} must be a boolean")
        if op.get("x-bitrix-operating-budget") is True:
            problems.append(f"{where}: x-bitrix-operating-budget is written only where it is false")
        if "x-bitrix-toggle" in op and op.get("x-bitrix-idempotent") is not False:
            problems.append(f"{where}: a toggle cannot be idempotent")
        if "x-bitrix-role" in op:
            problems += [f"{where}: x-bitrix-role {problem}" for problem in _role_problems(doc, op)]
    return problems


ROLE_EFFECTS = ("read", "create", "start", "change", "toggle", "delete")


def _role_problems(doc: Json, op: Json) -> list[str]:
    role = op["x-bitrix-role"]
    if not isinstance(role, dict) or role.get("effect") not in ROLE_EFFECTS:
        return [f"needs an effect, one of {', '.join(ROLE_EFFECTS)}"]
    problems = []
    if (role["effect"] == "toggle") != ("x-bitrix-toggle" in op):
        problems.append("is toggle exactly where x-bitrix-toggle is")
    if set(role) - {"effect", "name", "unique"}:
        problems.append(f"has unknown members {sorted(set(role) - {'effect', 'name', 'unique'})}")
    if "name" in role:
        if role["effect"] != "create" or not isinstance(role.get("unique"), bool):
            problems.append("names a member only on a create, with `unique` true or false")
        elif not _request_has(doc, op, str(role["name"])):
            problems.append(f"name {role['name']} is no member of the request schema")
    elif "unique" in role:
        problems.append("has `unique` without a `name`")
    return problems


def _request_has(doc: Json, op: Json, pointer: str) -> bool:
    """Whether the JSON pointer `pointer` names a declared member of the operation's request body."""
    schema = deref(doc, op["requestBody"]["content"]["application/json"]["schema"])
    for part in filter(None, pointer.split("/")):
        members: Json = {}
        for branch in [schema, *[deref(doc, b) for b in schema.get("allOf", [])]]:
            members.update(branch.get("properties", {}))
        if part not in members:
            return False
        schema = deref(doc, members[part])
    return True


def check_unused_components(spec_dir: Path, doc: Json) -> list[str]:
    """Every file under components/ is referenced (so it appears in the bundle)."""
    problems = []
    components = doc.get("components", {})
    for file in sorted((spec_dir / "components").glob("*/*.yaml")):
        kind, name = file.parent.name, file.stem
        if name not in components.get(kind, {}):
            problems.append(f"components/{kind}/{file.name} is never referenced")
    return problems


# --- errors --------------------------------------------------------------------------------------


def _is_error_body(value: Json) -> bool:
    return isinstance(value, dict) and "error" in value


def check_error_examples(doc: Json) -> list[str]:
    """Error bodies live once in components/examples, fully described, and are only referenced."""
    problems = []
    for name, example in doc.get("components", {}).get("examples", {}).items():
        if not _is_error_body(example.get("value")):
            continue
        for key in ("summary", "description"):
            if not example.get(key):
                problems.append(f"error example {name}: missing {key}")
        if example.get("x-bitrix-retry") not in RETRY_VALUES:
            problems.append(f"error example {name}: x-bitrix-retry must be one of {sorted(RETRY_VALUES)}")
        value = example["value"]
        if not isinstance(value.get("error"), str) or not isinstance(value.get("error_description"), str):
            problems.append(f"error example {name}: value needs string error and error_description")
        else:
            problems.extend(_message_problems(name, example))
    for _path, _method, op in operations(doc):
        for status, response in op.get("responses", {}).items():
            media = deref(doc, response).get("content", {}).get("application/json", {})
            for ex_name, example in media.get("examples", {}).items():
                if _is_error_body(example.get("value")) and "$ref" not in example:
                    problems.append(
                        f"{op['operationId']} {status} example {ex_name}: error bodies must be "
                        "a $ref to components/examples"
                    )
    return problems


MESSAGE_LANGUAGES = {"en", "ru"}


def _message_problems(name: str, example: Json) -> list[str]:
    variants = example.get("x-bitrix-messages")
    if not isinstance(variants, list) or not variants:
        return [f"error example {name}: x-bitrix-messages must list the known message variants"]
    problems = []
    for index, variant in enumerate(variants):
        where = f"error example {name}: x-bitrix-messages[{index}]"
        if not isinstance(variant, dict) or ("text" in variant) == ("pattern" in variant):
            problems.append(f"{where} needs exactly one of text and pattern")
            continue
        if variant.get("lang") not in MESSAGE_LANGUAGES or not variant.get("source"):
            problems.append(f"{where} needs lang ({sorted(MESSAGE_LANGUAGES)}) and source")
        if "current" in variant and variant["current"] is not True:
            problems.append(f"{where}: current is either true or absent")
        if "template" in variant and not ("pattern" in variant and isinstance(variant["template"], str)):
            problems.append(f"{where}: a template belongs next to a pattern")
        if "pattern" in variant:
            try:
                re.compile(variant["pattern"])
            except (re.error, TypeError):
                problems.append(f"{where}: pattern does not compile")
                continue
            if variant.get("current") and "template" not in variant:
                problems.append(f"{where}: a current pattern needs a template")
    current = [str(v.get("lang")) for v in variants if isinstance(v, dict) and v.get("current") is True]
    for lang in sorted({lang for lang in current if current.count(lang) > 1}):
        problems.append(f"error example {name}: more than one current variant for {lang}")
    described = example["value"]["error_description"]
    if not problems and not any(message_matches(v, described) for v in variants):
        problems.append(f"error example {name}: no x-bitrix-messages variant matches its error_description")
    return problems


def _example_names(doc: Json, response: Json) -> set[str]:
    media = deref(doc, response).get("content", {}).get("application/json", {})
    return {
        example["$ref"].rsplit("/", 1)[-1] if "$ref" in example else name
        for name, example in media.get("examples", {}).items()
    }


def check_batch_only_errors(doc: Json) -> list[str]:
    """The batch-entry errors (D46) are declared by `batch` alone, never by a command's own method."""
    problems = []
    for _path, _method, op in operations(doc):
        if op["operationId"] == "batch":
            continue
        declared = {e["example"].rsplit("/", 1)[-1] for e in op.get("x-bitrix-errors", [])}
        for name in sorted(declared & set(BATCH_ONLY_EXAMPLES)):
            problems.append(f"{op['operationId']}: declares {name}, which only a batch entry carries")
    return problems


def check_system_errors(doc: Json) -> list[str]:
    """Every operation declares every system error at its status, and the 400 system errors."""
    problems = []
    responses = doc.get("components", {}).get("responses", {})
    system: dict[str, set[str]] = {}
    for status, name in SYSTEM_RESPONSES.items():
        if name not in responses:
            problems.append(f"components/responses/{name} (the {status} system errors) is missing")
        else:
            system[status] = _example_names(doc, responses[name])
    for _path, _method, op in operations(doc):
        declared = op.get("responses", {})
        expected = {**system, "400": set(SYSTEM_400_EXAMPLES)}
        for status, names in expected.items():
            if status not in declared:
                problems.append(f"{op['operationId']}: missing the {status} response")
                continue
            missing = names - _example_names(doc, declared[status])
            if missing:
                problems.append(f"{op['operationId']} {status}: missing system errors {sorted(missing)}")
    return problems


def _covers(variants: Json, texts: Json) -> bool:
    return any(message_matches(v, t["text"]) for v in variants for t in texts if "text" in t)


def check_error_messages_distinct(doc: Json) -> list[str]:
    """Within one operation, an answer's status, code and message name at most one declared error."""
    problems = []
    for _path, _method, op in operations(doc):
        entries = error_catalogue(doc, op)
        for i, entry in enumerate(entries):
            for other in entries[i + 1 :]:
                same_slot = (entry["status"], entry["code"]) == (other["status"], other["code"])
                if not same_slot or entry["example"] == other["example"]:
                    continue
                mine, theirs = entry["messages"], other["messages"]
                if _covers(mine, theirs) or _covers(theirs, mine):
                    problems.append(
                        f"{op['operationId']}: {entry['example']} and {other['example']} share a message "
                        f"variant under {entry['status']} {entry['code']!r}"
                    )
    return problems


_ERROR_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


def _samples(variants: Json) -> list[str]:
    """The literal forms of a message: its texts and the templates of its patterns."""
    return [str(v.get("text", v.get("template"))) for v in variants if "text" in v or "template" in v]


def check_error_names(doc: Json) -> list[str]:
    """Each error example names one error across the whole catalogue: its key is a PascalCase
    identifier the Python client does not reserve, and no two errors with the same code share a
    message variant in any operation, so an answer met without its operation (a batch command's
    error) still names one."""
    problems = []
    named = errors.catalogue(doc)
    for error in named:
        if not _ERROR_NAME.fullmatch(error["name"]):
            problems.append(f"error example {error['name']}: the name is not a PascalCase identifier")
        if error["name"] in errors.RESERVED_NAMES:
            problems.append(f"error example {error['name']}: the name is reserved by the client runtime")
    for i, error in enumerate(named):
        for other in named[i + 1 :]:
            if error["code"] != other["code"]:
                continue
            mine, theirs = error["messages"], other["messages"]
            if any(message_matches(v, t) for v in mine for t in _samples(theirs)) or any(
                message_matches(v, t) for v in theirs for t in _samples(mine)
            ):
                problems.append(
                    f"error examples {error['name']} and {other['name']} share a message variant "
                    f"under code {error['code']!r}"
                )
    return problems


def check_error_index(doc: Json) -> list[str]:
    """x-bitrix-errors is present, equals what the responses declare, and names declared statuses."""
    problems = []
    for _path, _method, op in operations(doc):
        index = op.get("x-bitrix-errors")
        if index is None:
            problems.append(f"{op['operationId']}: x-bitrix-errors is missing (bundle with generator.bundle)")
            continue
        if index != error_catalogue(doc, op):
            problems.append(f"{op['operationId']}: x-bitrix-errors does not match the declared responses")
        for entry in index:
            if str(entry["status"]) not in op.get("responses", {}):
                problems.append(f"{op['operationId']}: error {entry['code']!r} names undeclared status")
    return problems


# --- examples ------------------------------------------------------------------------------------


def _validator(doc: Json, pointer: str) -> Draft202012Validator:
    registry: Registry[Json] = Registry().with_resource(_DOC_URI, DRAFT202012.create_resource(doc))
    return Draft202012Validator({"$ref": f"{_DOC_URI}#{pointer}"}, registry=registry)


def _errors(doc: Json, pointer: str, instance: Json) -> list[str]:
    found = _validator(doc, pointer).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


def iter_schemas(doc: Json) -> Iterator[tuple[str, Json]]:
    """Every schema object in the document, with its JSON pointer."""

    def walk(pointer: str, schema: Json) -> Iterator[tuple[str, Json]]:
        if not isinstance(schema, dict):
            return
        yield pointer, schema
        for key in SCHEMA_CHILD_MAPS:
            for name, child in (schema.get(key) or {}).items():
                yield from walk(f"{pointer}/{key}/{json_pointer(name)[1:]}", child)
        for key in SCHEMA_CHILD_LISTS:
            for i, child in enumerate(schema.get(key) or []):
                yield from walk(f"{pointer}/{key}/{i}", child)
        for key in SCHEMA_CHILD_ONE:
            if key in schema:
                yield from walk(f"{pointer}/{key}", schema[key])

    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        yield from walk(json_pointer("components", "schemas", name), schema)
    for path, method, op in operations(doc):
        base = ("paths", path, method)
        body = op.get("requestBody", {}).get("content", {})
        for media_type, media in body.items():
            if "schema" in media:
                pointer = json_pointer(*base, "requestBody", "content", media_type, "schema")
                yield from walk(pointer, media["schema"])
        for status, response in op.get("responses", {}).items():
            for media_type, media in response.get("content", {}).items():
                if "schema" in media:
                    pointer = json_pointer(*base, "responses", status, "content", media_type, "schema")
                    yield from walk(pointer, media["schema"])


def check_examples(doc: Json) -> list[str]:
    """Every request, response and schema example validates against its schema."""
    problems = []
    for path, method, op in operations(doc):
        base = ("paths", path, method)
        places: list[tuple[tuple[str, ...], Json]] = [(("requestBody",), op.get("requestBody", {}))]
        places += [(("responses", status), deref(doc, r)) for status, r in op.get("responses", {}).items()]
        for where, holder in places:
            for media_type, media in holder.get("content", {}).items():
                schema_ptr = json_pointer(*base, *where, "content", media_type, "schema")
                if where[0] == "responses" and "$ref" in op["responses"][where[1]]:
                    ref = op["responses"][where[1]]["$ref"][1:]
                    schema_ptr = f"{ref}{json_pointer('content', media_type, 'schema')}"
                for name, example in media.get("examples", {}).items():
                    value = deref(doc, example).get("value")
                    for error in _errors(doc, schema_ptr, value):
                        problems.append(f"{op['operationId']} {'/'.join(where)} example {name}: {error}")
    for pointer, schema in iter_schemas(doc):
        for i, value in enumerate(schema.get("examples") or []):
            for error in _errors(doc, pointer, value):
                problems.append(f"schema {pointer} examples[{i}]: {error}")
    return problems


# --- schema forms --------------------------------------------------------------------------------


def _is_id_name(name: str) -> bool:
    return name == "id" or name.endswith("Id") or name == "ID" or name.endswith("_ID")


def _int32_ids(doc: Json, pointer: str, schema: Json) -> list[str]:
    problems = []
    for prop, child in (schema.get("properties") or {}).items():
        if not isinstance(child, dict) or not _is_id_name(prop):
            continue
        resolved = deref(doc, child)
        if resolved.get("type") == "integer" and resolved.get("format") != "int64":
            problems.append(f"{pointer}/properties/{prop}: integer id needs format int64")
    return problems


def _generator_traps(pointer: str, schema: Json) -> list[str]:
    """Forms that break openapi-generator's Go or TypeScript output (spec/README.md, D31)."""
    problems = []
    unions = [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    if unions and "default" in schema:
        problems.append(f"{pointer}: `default` next to a union; put it in its branch")
    for branch in unions:
        if isinstance(branch, dict) and branch.get("additionalProperties") == {}:
            problems.append(
                f"{pointer}: a union branch with `additionalProperties: {{}}`; describe the values"
            )
    for key in ("properties",):
        for name, child in (schema.get(key) or {}).items():
            if isinstance(child, dict) and child.get("type") == "null":
                problems.append(f"{pointer}/{key}/{name}: a bare `type: null`; write `const: null`")
    return problems


def _is_collection(schema: Json) -> bool:
    """An array that is not a tuple, or a map (an object described only by its values)."""
    if schema.get("type") == "array":
        return "prefixItems" not in schema
    return (
        schema.get("type") == "object" and "additionalProperties" in schema and not schema.get("properties")
    )


def _collection_traps(doc: Json, pointer: str, schema: Json) -> list[str]:
    """Forms that break openapi-generator's Java, PHP, Rust and Kotlin output (spec/README.md, D71)."""
    problems = []
    branches = [
        deref(doc, b) for b in (*schema.get("oneOf", []), *schema.get("anyOf", [])) if isinstance(b, dict)
    ]
    if len(branches) > 1 and any(_is_collection(b) for b in branches):
        problems.append(f"{pointer}: a union with a map or array branch; write one schema with `not` (D71)")
    if isinstance(schema.get("default"), (list, dict)):
        problems.append(f"{pointer}: a list or object `default`; say it in the description")
    if schema.get("type") == "object" and not any(
        key in schema for key in ("properties", "additionalProperties", "patternProperties", "allOf")
    ):
        problems.append(f"{pointer}: a bare `type: object`; describe its values")
    if "prefixItems" in schema and not (
        schema.get("minItems") == schema.get("maxItems") == len(schema["prefixItems"])
    ):
        problems.append(f"{pointer}: a tuple with optional elements; make each length its own branch")
    return problems


def _is_union(schema: Json) -> bool:
    """A schema of several non-null types (`type` as a list, or `oneOf`/`anyOf` branches): Go's
    openapi-generator makes it a struct, and a `default` on a property of that type does not compile.
    A nullable value (one type and null) stays a plain type there."""
    types = schema.get("type")
    branches = [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    kinds = [t for t in types if t != "null"] if isinstance(types, list) else []
    kinds += [b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")]
    return len(kinds) > 1


MEMBER_MARKINGS = ("x-bitrix-volatile", "x-bitrix-empty-on-write")


def check_member_markings(doc: Json) -> list[str]:
    """`x-bitrix-volatile` and `x-bitrix-empty-on-write` are `true`, sit on a member of `properties`,
    and `x-bitrix-empty-on-write` only on an array member (spec/EXTENSIONS.md)."""
    problems = []
    for pointer, schema in iter_schemas(doc):
        for name, member in (schema.get("properties") or {}).items():
            if not isinstance(member, dict):
                continue
            where = f"{pointer}/properties/{json_pointer(name)[1:]}"
            for marking in MEMBER_MARKINGS:
                if marking in member and member[marking] is not True:
                    problems.append(f"{where}: {marking} is only ever `true`")
            if member.get("x-bitrix-empty-on-write") is True and deref(doc, member).get("type") != "array":
                problems.append(f"{where}: x-bitrix-empty-on-write belongs on an array member")
        for marking in MEMBER_MARKINGS:
            if marking in schema and not _is_member(pointer):
                problems.append(f"{pointer}: {marking} belongs on a member of `properties`")
    return problems


def _is_member(pointer: str) -> bool:
    return pointer.rsplit("/", 2)[-2] == "properties"


def check_portable_schemas(doc: Json) -> list[str]:
    problems = []
    for name in doc.get("components", {}).get("schemas", {}):
        if name in FORBIDDEN_SCHEMA_NAMES:
            problems.append(f"schema name {name} collides with a language built-in")
    for pointer, schema in iter_schemas(doc):
        for key in (*SCHEMA_CHILD_ONE, *SCHEMA_CHILD_MAPS):
            if isinstance(schema.get(key), bool):
                problems.append(f"{pointer}: boolean schema under {key}")
        for key in SCHEMA_CHILD_LISTS:
            if any(isinstance(child, bool) for child in schema.get(key) or []):
                problems.append(f"{pointer}: boolean schema in {key}")
        if "prefixItems" in schema and not (
            isinstance(schema.get("items"), dict) and "minItems" in schema and "maxItems" in schema
        ):
            problems.append(f"{pointer}: a tuple needs items (a schema), minItems and maxItems")
        if schema.get("type") == "array" and "items" not in schema and "prefixItems" not in schema:
            problems.append(f"{pointer}: an array needs `items` (use `items: {{}}` for any)")
        problems += _generator_traps(pointer, schema)
        problems += _collection_traps(doc, pointer, schema)
        if "default" in schema and "$ref" in schema and _is_union(deref(doc, schema)):
            problems.append(f"{pointer}: `default` on a reference to a union; say it in the description")
        types = schema.get("type")
        if "enum" in schema and (None in schema["enum"] or (isinstance(types, list) and "null" in types)):
            problems.append(f"{pointer}: nullable enum; use oneOf [$ref, {{type: 'null'}}]")
        problems += _int32_ids(doc, pointer, schema)
    return problems


# --- extensions ----------------------------------------------------------------------------------


def documented_extensions(extensions_md: Path) -> set[str]:
    return set(re.findall(r"^### `(x-[a-z0-9-]+)`", extensions_md.read_text(encoding="utf-8"), re.M))


def used_extensions(node: Json) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and key.startswith("x-"):
                found.add(key)
            found |= used_extensions(value)
    elif isinstance(node, list):
        for item in node:
            found |= used_extensions(item)
    return found


def check_extensions(doc: Json, extensions_md: Path) -> list[str]:
    undocumented = used_extensions(doc) - documented_extensions(extensions_md)
    return [f"{name} is used but not documented in spec/EXTENSIONS.md" for name in sorted(undocumented)]


# --- the source audit ----------------------------------------------------------------------------


def audited_methods(sources_md: Path) -> set[str]:
    """The method names that a section heading of spec/SOURCES.md names (`### bizproc.robot.update /
    bizproc.activity.update (...)` names two)."""
    headings = re.findall(r"^###+ (.+)$", sources_md.read_text(encoding="utf-8"), re.M)
    return {name for heading in headings for name in re.findall(r"[A-Za-z][\w]*(?:\.[\w]+)*", heading)}


def check_source_audit(doc: Json, sources_md: Path) -> list[str]:
    audited = audited_methods(sources_md)
    return [
        f"{op['operationId']} has no section in spec/SOURCES.md"
        for _p, _m, op in operations(doc)
        if op["operationId"] not in audited
    ]


# --- state and paging ----------------------------------------------------------------------------


def links_of(doc: Json, op: Json) -> list[tuple[str, Json]]:
    """(status, link object) for every link an operation's responses declare."""
    found = []
    for status, response in op.get("responses", {}).items():
        for link in (deref(doc, response).get("links") or {}).values():
            found.append((str(status), deref(doc, link)))
    return found


def check_links(doc: Json) -> list[str]:
    """Links name existing operations and only fill members the target's request body declares."""
    problems = []
    by_id = {op["operationId"]: op for _p, _m, op in operations(doc)}
    for _path, _method, op in operations(doc):
        for _status, link in links_of(doc, op):
            target = by_id.get(link.get("operationId"))
            if target is None:
                problems.append(f"{op['operationId']}: link to unknown operation {link.get('operationId')!r}")
                continue
            schema = deref(doc, target["requestBody"]["content"]["application/json"]["schema"])
            unknown = set(link.get("requestBody") or {}) - set(schema.get("properties", {}))
            if unknown:
                problems.append(
                    f"{op['operationId']} → {target['operationId']}: link fills undeclared {sorted(unknown)}"
                )
    return problems


def _is_paged(doc: Json, op: Json) -> bool:
    media = deref(doc, op["responses"]["200"])["content"]["application/json"]
    parts = media["schema"].get("allOf", [])
    return any(part.get("$ref") == "#/components/schemas/PagedEnvelope" for part in parts)


PAGING_KINDS = ("offset", "page")  # x-bitrix-pagination.kind: exact row offsets, or page numbers (D41)


def check_pagination(doc: Json) -> list[str]:
    """x-bitrix-pagination marks exactly the operations whose result uses the paged envelope."""
    problems = []
    expected = {
        "pageSize": 50,
        "startParameter": "start",
        "resultPath": "/result",
        "cursorField": "ID",
        "filterParameter": "FILTER",
        "orderParameter": "ORDER",
    }
    for _path, _method, op in operations(doc):
        marked, paged = "x-bitrix-pagination" in op, _is_paged(doc, op)
        if marked != paged:
            problems.append(
                f"{op['operationId']}: x-bitrix-pagination and the paged envelope must go together"
            )
        if marked:
            paging = dict(op["x-bitrix-pagination"])
            if paging.pop("kind", None) not in PAGING_KINDS:
                problems.append(
                    f"{op['operationId']}: x-bitrix-pagination.kind must be one of {PAGING_KINDS}"
                )
            if paging != expected:
                problems.append(f"{op['operationId']}: x-bitrix-pagination must be {expected} plus `kind`")
        alias = op.get("x-bitrix-alias-of")
        if marked and alias:
            target = next((o for _p, _m, o in operations(doc) if o["operationId"] == alias), None)
            if target is not None and target.get("x-bitrix-pagination") != op["x-bitrix-pagination"]:
                problems.append(f"{op['operationId']}: an alias pages like {alias}")
        if paged:
            body = deref(doc, op["requestBody"]["content"]["application/json"]["schema"])
            if body.get("properties", {}).get("start", {}).get("$ref") != "#/components/schemas/ListStart":
                problems.append(f"{op['operationId']}: a paged method takes `start` ($ref ListStart)")
    return problems


def response_errors(doc: Json, operation_id: str, status: str, body: Json) -> list[str]:
    """Why `body` is not a valid `status` response of the operation (empty when it is)."""
    op = doc["paths"][f"/{operation_id}"]["post"]
    response = op["responses"][status]
    base = (
        response["$ref"][1:]
        if "$ref" in response
        else json_pointer("paths", f"/{operation_id}", "post", "responses", status)
    )
    return _errors(doc, f"{base}{json_pointer('content', 'application/json', 'schema')}", body)
