"""Turn JSON Schemas of the bundled spec into readable parameter tables for the reference docs.

A schema becomes a flat list of rows, one per member, with nested members expanded beneath their
parent (`flowData.name`, `PROPERTIES.<key>.Name`, `rows[].ID`). Named schemas (`$ref`) are followed
and their name is kept beside the row, so a reader sees both the shape and the shared type it comes
from. Only what the docs show is computed here; the HTML lives in the templates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from b24_spec import bundle

Schema = dict[str, Any]

# Deeper nesting than this is cut off: no schema in the spec needs it, and it stops runaway recursion.
MAX_DEPTH = 6
# Shared protocol schemas are explained once, on the protocol page, instead of under every operation.
PROTOCOL_SCHEMAS = {"ResponseTime": "envelope", "ErrorResponse": "errors"}


@dataclass
class Row:
    """One member of a request or response body, as one table row."""

    path: str
    depth: int
    type: str
    required: bool
    description: str = ""
    ref: str | None = None
    default: str | None = None
    allowed: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    example: str | None = None
    protocol_anchor: str | None = None
    read_only: bool = False

    @property
    def prefix(self) -> str:
        """The parent part of the path (`flowData.`), shown dimmed before the member's own name."""
        cut = self.path.rfind(".") + 1
        return self.path[:cut]

    @property
    def leaf(self) -> str:
        return self.path[self.path.rfind(".") + 1 :]


class SchemaReader:
    """Resolves references against one bundled document and renders schemas as rows and labels."""

    def __init__(self, document: Schema) -> None:
        self.document = document

    # -- references -------------------------------------------------------------------------------

    @staticmethod
    def ref_name(schema: Schema) -> str | None:
        ref = schema.get("$ref")
        return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None

    def resolve(self, schema: Schema) -> Schema:
        """`schema` read through its `$ref` chain, by the bundle's one rule (siblings win)."""
        resolved: Schema = bundle.resolve(self.document, schema)
        return resolved

    def flatten(self, schema: Schema) -> Schema:
        """Merge `allOf` parts into one schema, so an envelope plus its `result` reads as one object."""
        schema = self.resolve(schema)
        if "allOf" not in schema:
            return schema
        merged: Schema = {k: v for k, v in schema.items() if k != "allOf"}
        properties: dict[str, Any] = {}
        required: list[str] = []
        # The inline part says what is specific (`result`, `CODE`); shared `$ref` parts follow it.
        for part in sorted(schema["allOf"], key=lambda p: "$ref" in p):
            flat = self.flatten(part)
            properties.update(flat.get("properties", {}))
            required += [name for name in flat.get("required", []) if name not in required]
            for key, value in flat.items():
                if key not in {"properties", "required", "description", "examples"}:
                    merged.setdefault(key, value)
        merged["properties"] = {**properties, **schema.get("properties", {})}
        merged["required"] = required + [n for n in schema.get("required", []) if n not in required]
        return merged

    # -- labels -----------------------------------------------------------------------------------

    def type_label(self, schema: Schema, depth: int = 0) -> str:
        """A short structural type: `integer (int64)`, `array of [string, string]`, `string | null`."""
        if depth > MAX_DEPTH:
            return "…"
        schema = self.flatten(schema)
        if "const" in schema:
            return json.dumps(schema["const"], ensure_ascii=False)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                labels = [self.type_label(part, depth + 1) for part in schema[key]]
                return " | ".join(dict.fromkeys(labels))
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind else _kinds_not_excluded(schema)
        if not kind and kinds:
            # An object-or-array value (D71) describes its entries as unevaluated ones.
            schema = {
                **schema,
                "additionalProperties": schema.get("unevaluatedProperties", {}),
                "items": schema.get("unevaluatedItems", {}),
            }
        labels = [self._kind_label(schema, k, depth) for k in kinds]
        if not labels:
            labels = ["object"] if "properties" in schema else ["any"]
        return " | ".join(labels)

    def _kind_label(self, schema: Schema, kind: str, depth: int) -> str:
        if kind == "array":
            return self._array_label(schema, depth)
        if kind == "object":
            extra = schema.get("additionalProperties")
            if not schema.get("properties") and isinstance(extra, dict) and extra:
                return f"map of string → {self.type_label(extra, depth + 1)}"
            return "object"
        fmt = schema.get("format")
        return f"{kind} ({fmt})" if fmt else kind

    def _array_label(self, schema: Schema, depth: int) -> str:
        if schema.get("maxItems") == 0:
            return "[] (empty)"  # PHP's empty map
        if "prefixItems" in schema:
            return "[" + ", ".join(self.type_label(p, depth + 1) for p in schema["prefixItems"]) + "]"
        items = schema.get("items")
        if isinstance(items, dict) and items:
            return f"array of {self.type_label(items, depth + 1)}"
        return "array"

    # -- rows -------------------------------------------------------------------------------------

    def rows(self, schema: Schema) -> list[Row]:
        """The members of an object schema, nested members expanded below their parent."""
        out: list[Row] = []
        self._members(self.flatten(schema), "", 0, out, ())
        return out

    def _members(
        self, schema: Schema, prefix: str, depth: int, out: list[Row], stack: tuple[str, ...]
    ) -> None:
        required = set(schema.get("required", []))
        for name, member in schema.get("properties", {}).items():
            self._row(member, prefix + name, required=name in required, depth=depth, out=out, stack=stack)

    def _row(
        self, member: Schema, path: str, *, required: bool, depth: int, out: list[Row], stack: tuple[str, ...]
    ) -> None:
        ref = self.ref_name(member)
        resolved = self.flatten(member)
        row = Row(
            path=path,
            depth=depth,
            type=self.type_label(resolved),
            required=required,
            description=resolved.get("description", ""),
            ref=ref,
            default=json.dumps(resolved["default"], ensure_ascii=False) if "default" in resolved else None,
            allowed=self.allowed(resolved),
            constraints=self.constraints(resolved),
            # A shared schema's example fits every use only where the member does not redefine its meaning.
            example=self._example(member if ref and "description" in member else resolved),
            protocol_anchor=PROTOCOL_SCHEMAS.get(ref or ""),
            read_only=bool(resolved.get("readOnly")),
        )
        out.append(row)
        # A recursive or protocol-level schema is not expanded again: its name links to where it is explained.
        if row.protocol_anchor or (ref and ref in stack) or depth >= MAX_DEPTH:
            return
        inner = (*stack, ref) if ref else stack
        self._children(resolved, path, depth + 1, out, inner)

    def _children(
        self, schema: Schema, path: str, depth: int, out: list[Row], stack: tuple[str, ...]
    ) -> None:
        """Expand what sits inside a member: properties, array items, map values, object variants."""
        if schema.get("properties"):
            self._members(schema, path + ".", depth, out, stack)
        items = schema.get("items")
        if isinstance(items, dict) and items and "prefixItems" not in schema:
            self._children(self.flatten(items), path + "[]", depth, out, stack)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra and not schema.get("properties"):
            self._children(self.flatten(extra), path + ".<key>", depth, out, stack)
        for key in ("oneOf", "anyOf"):
            for part in schema.get(key, []):
                flat = self.flatten(part)
                if flat.get("properties") or isinstance(flat.get("additionalProperties"), dict):
                    name = self.ref_name(part)
                    inner = (*stack, name) if name else stack
                    if name not in stack:
                        self._children(flat, path, depth, out, inner)

    # -- facts of one schema ----------------------------------------------------------------------

    def allowed(self, schema: Schema) -> list[str]:
        """Enumerated values, including those of `oneOf` branches (`1` to `4` or `yes`/`no`/...)."""
        values: list[Any] = list(schema.get("enum", []))
        if "const" in schema:
            values.append(schema["const"])
        for key in ("oneOf", "anyOf"):
            for part in schema.get(key, []):
                flat = self.flatten(part)
                values += flat.get("enum", [])
                if "const" in flat:
                    values.append(flat["const"])
        return [json.dumps(v, ensure_ascii=False) for v in values]

    @staticmethod
    def constraints(schema: Schema) -> list[str]:
        labels = {
            "minimum": "≥ {}",
            "maximum": "≤ {}",
            "exclusiveMinimum": "> {}",
            "exclusiveMaximum": "< {}",
            "minLength": "length ≥ {}",
            "maxLength": "length ≤ {}",
            "minItems": "items ≥ {}",
            "maxItems": "items ≤ {}",
            "minProperties": "members ≥ {}",
            "maxProperties": "members ≤ {}",
            "pattern": "pattern {}",
        }
        return [text.format(schema[key]) for key, text in labels.items() if key in schema]

    @staticmethod
    def _example(schema: Schema) -> str | None:
        examples = schema.get("examples")
        if not isinstance(examples, list) or not examples:
            return None
        text = json.dumps(examples[0], ensure_ascii=False)
        # Long structured examples belong in the request sample, not in a table cell.
        return text if len(text) <= 80 else None


JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")


def _kinds_not_excluded(schema: Schema) -> list[str]:
    """The JSON types a schema without `type` allows when its `not` excludes some by type (D71)."""
    negated = schema.get("not")
    excluded = (
        negated.get("type") if isinstance(negated, dict) and set(negated) <= {"type", "description"} else None
    )
    if not excluded:
        return []
    excluded = set(excluded if isinstance(excluded, list) else [excluded])
    if "number" in excluded:
        excluded.add("integer")
    return [kind for kind in JSON_TYPES if kind not in excluded]
