"""`_areas.py` of the Python client: a typed namespace per area, one method per operation.

`b24.tasks.flow.create(name=..., planned_completion_time=...)` builds the generated request model
and calls the generated endpoint function; `acreate` is its async twin. What it derives, and from
where:

- the namespaces, from the operationId: its dotted segments minus the portal's controller class
  (a segment that starts with a capital, `Flow` in `tasks.flow.Flow.create`); the last segment,
  snake_cased, is the method (`isExists` → `is_exists`). An operationId of one segment (`batch`)
  has no namespace: `Bitrix24.batch` serves it;
- the keyword arguments, from the request model openapi-python-client generated for the operation:
  its fields with their snake_case names, types and defaults, which the model maps to the wire names
  (`planned_completion_time` → `plannedCompletionTime`). A body that only wraps one object
  (`{"flowData": {...}}`) is flattened: the wrapped object's fields are the arguments;
- the return type, from the `result` field of the success model.

The generated modules are read as source (`ast`), not imported, so generation needs nothing but
the files openapi-python-client wrote.
"""

from __future__ import annotations

import ast
import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Json = Any

# Names an annotation or a default in a generated model may use, and where the facade imports them.
_BUILTINS = frozenset({"list", "dict", "set", "tuple", "str", "int", "float", "bool", "bytes", "type"})
_KNOWN_IMPORTS = {"Unset": "types", "UNSET": "types", "Any": "typing", "datetime": "datetime"}


class FacadeError(Exception):
    """The generated client does not have the shape the facade is built from."""


@dataclass(frozen=True)
class Field:
    name: str
    annotation: str
    default: str | None  # the source of the default, None when required


@dataclass(frozen=True)
class Method:
    operation_id: str
    namespace: tuple[str, ...]
    name: str
    module: str  # api.<tag>.<module>
    body_class: str
    wrapper: tuple[str, str] | None  # (field of the body, class of the wrapped object) when flattened
    fields: tuple[Field, ...]
    returns: str
    summary: str
    deprecated: bool


def _snake(name: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    return f"{snake}_" if keyword.iskeyword(snake) else snake


def namespace_of(operation_id: str) -> tuple[tuple[str, ...], str]:
    """(namespace segments, method name) of an operationId."""
    parts = [p for p in operation_id.split(".") if p and not p[0].isupper()]
    if len(parts) < 2:
        return (), ""
    return tuple(_snake(p) for p in parts[:-1]), _snake(parts[-1])


class _Models:
    """The generated models, read as source."""

    def __init__(self, package: Path) -> None:
        self.package = package
        self.files: dict[str, Path] = {}
        for path in sorted((package / "models").glob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.ClassDef):
                    self.files[node.name] = path

    def fields(self, class_name: str) -> list[Field]:
        tree = ast.parse(self.files[class_name].read_text(encoding="utf-8"))
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
        found = []
        for node in cls.body:
            if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
                continue
            if isinstance(node.value, ast.Call):  # attrs fields outside __init__ (additional_properties)
                continue
            default = None if node.value is None else ast.unparse(node.value)
            found.append(Field(node.target.id, ast.unparse(node.annotation), default))
        return found


def _sync_signature(module: Path) -> tuple[str, str | None]:
    """(return annotation, body annotation) of a generated endpoint module's `sync`."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    sync = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "sync")
    body = next((a for a in sync.args.kwonlyargs if a.arg == "body"), None)
    if sync.returns is None:
        raise FacadeError(f"{module}: sync has no return annotation")
    return ast.unparse(sync.returns), None if body is None or body.annotation is None else ast.unparse(
        body.annotation
    )


def methods(doc: Json, package: Path, modules: dict[str, str]) -> list[Method]:
    """Every operation with a namespace, as a facade method. `modules`: operationId → `tag.module`."""
    models = _Models(package)
    found = []
    for item in doc["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            op_id = op["operationId"]
            namespace, name = namespace_of(op_id)
            if not namespace:
                continue
            if op_id not in modules:
                raise FacadeError(f"{op_id}: no generated endpoint module")
            returns, body_class = _sync_signature(
                package / "api" / (modules[op_id].replace(".", "/") + ".py")
            )
            if body_class is None or body_class not in models.files:
                raise FacadeError(f"{op_id}: the request body is not a generated model ({body_class})")
            fields = models.fields(body_class)
            wrapper = None
            if len(fields) == 1 and fields[0].default is None and fields[0].annotation in models.files:
                wrapper = (fields[0].name, fields[0].annotation)
                fields = models.fields(fields[0].annotation)
            result = (
                next((f for f in models.fields(returns) if f.name == "result"), None)
                if (returns in models.files)
                else None
            )
            if result is None:
                raise FacadeError(f"{op_id}: the success model {returns} has no `result`")
            found.append(
                Method(
                    operation_id=op_id,
                    namespace=namespace,
                    name=name,
                    module=modules[op_id],
                    body_class=body_class,
                    wrapper=wrapper,
                    fields=tuple(fields),
                    returns=result.annotation,
                    summary=" ".join(str(op.get("summary", "")).split()),
                    deprecated=op.get("deprecated") is True,
                )
            )
    return sorted(found, key=lambda m: (m.namespace, m.name))


def _class_name(namespace: tuple[str, ...]) -> str:
    return "".join(part.title().replace("_", "") for part in namespace) + "Area"


def _names_used(sources: list[str]) -> set[str]:
    used: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source, mode="eval")):
            if isinstance(node, ast.Name):
                used.add(node.id)
    return used


def _check_names(found: list[Method], reserved: set[str]) -> None:
    """No method hides a namespace or another method, and no root namespace hides a `Bitrix24` name."""
    children: dict[tuple[str, ...], set[str]] = {}
    for method in found:
        for depth in range(1, len(method.namespace)):
            children.setdefault(method.namespace[:depth], set()).add(method.namespace[depth])
        children.setdefault((), set()).add(method.namespace[0])
    seen: dict[tuple[str, ...], str] = {}
    for method in found:
        key = (*method.namespace, method.name)
        if key in seen:
            raise FacadeError(f"{method.operation_id} and {seen[key]} are both {'.'.join(key)}")
        seen[key] = method.operation_id
        async_key = (*method.namespace, f"a{method.name}")
        if method.name in children.get(method.namespace, set()) or async_key in seen:
            raise FacadeError(f"{method.operation_id}: {'.'.join(key)} is also a namespace or a method")
    hidden = children.get((), set()) & reserved
    if hidden:
        raise FacadeError(f"namespaces {sorted(hidden)} would hide attributes of Bitrix24")


class _Qualify(ast.NodeTransformer):
    """`list[str]` → `builtins.list[str]` where a method of the class is called `list` (in a class
    body a method's name hides the builtin, also inside annotations)."""

    def __init__(self, hidden: set[str]) -> None:
        self.hidden = hidden

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.hidden:
            return ast.Attribute(value=ast.Name("builtins", ast.Load()), attr=node.id, ctx=ast.Load())
        return node


def _qualified(annotation: str, hidden: set[str]) -> str:
    if not hidden:
        return annotation
    return ast.unparse(_Qualify(hidden).visit(ast.parse(annotation, mode="eval")))


def _method_source(method: Method, asynchronous: bool, hidden: set[str]) -> list[str]:
    params = [
        f"        {f.name}: {_qualified(f.annotation, hidden)}"
        + ("" if f.default is None else f" = {f.default}")
        for f in method.fields
    ]
    args = ", ".join(f"{f.name}={f.name}" for f in method.fields)
    if method.wrapper is None:
        build = f"{method.body_class}({args})"
    else:
        build = f"{method.body_class}({method.wrapper[0]}={method.wrapper[1]}({args}))"
    endpoint = method.module.rsplit(".", 1)[-1]
    name = f"a{method.name}" if asynchronous else method.name
    note = " Deprecated: the portal keeps it as an alias." if method.deprecated else ""
    doc = f"{method.summary} (`{method.operation_id}`{', async' if asynchronous else ''}).{note}"
    lines = [f"    {'async def' if asynchronous else 'def'} {name}("]
    lines.append("        self,")
    if params:
        lines.append("        *,")
        lines.extend(f"{p}," for p in params)
    lines.append(f"    ) -> {_qualified(method.returns, hidden)}:")
    lines.append(f"        {_literal(doc)}")
    lines.append(f"        body = {build}")
    if asynchronous:
        lines.append(f"        return (await {endpoint}.asyncio(client=self._client, body=body)).result")
    else:
        lines.append(f"        return {endpoint}.sync(client=self._client, body=body).result")
    return lines


def _literal(text: str) -> str:
    return '"""' + text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') + '"""'


def _imports(found: list[Method]) -> list[str]:
    """The import lines for every name the methods' annotations, defaults and bodies use."""
    sources = [f.annotation for m in found for f in m.fields]
    sources += [f.default for m in found for f in m.fields if f.default is not None]
    sources += [m.returns for m in found]
    model_names = {m.body_class for m in found} | {m.wrapper[1] for m in found if m.wrapper}
    by_origin: dict[str, set[str]] = {}
    for name in _names_used(sources) | model_names:
        if name in _BUILTINS or name == "None":
            continue
        by_origin.setdefault(_KNOWN_IMPORTS.get(name, ".models"), set()).add(name)
    lines = ["import builtins"]
    if "datetime" in by_origin:
        lines.append("import datetime")
    lines.append("from functools import cached_property")
    if "typing" in by_origin:
        lines.append(f"from typing import {', '.join(sorted(by_origin['typing']))}")
    lines.append("")
    api_imports: dict[str, list[str]] = {}
    for method in found:
        tag, endpoint = method.module.split(".")
        api_imports.setdefault(tag, []).append(endpoint)
    lines.extend(
        f"from .api.{tag} import {', '.join(sorted(api_imports[tag]))}" for tag in sorted(api_imports)
    )
    lines.append("from .client import AuthenticatedClient, Client")
    lines.append(f"from .models import ({', '.join(sorted(by_origin.get('.models', set())))})")
    if "types" in by_origin:
        lines.append(f"from .types import {', '.join(sorted(by_origin['types']))}")
    return lines


def _namespace_source(
    namespace: tuple[str, ...], namespaces: set[tuple[str, ...]], found: list[Method]
) -> list[str]:
    label = ".".join(namespace)
    lines = [
        "",
        f"class {_class_name(namespace)}:",
        f'    """The `{label}` operations; every method has an async twin prefixed with `a`."""',
        "",
        "    def __init__(self, client: AuthenticatedClient | Client) -> None:",
        "        self._client = client",
    ]
    for child in sorted(n for n in namespaces if n[:-1] == namespace):
        lines += [
            "",
            "    @cached_property",
            f"    def {child[-1]}(self) -> {_class_name(child)}:",
            f"        return {_class_name(child)}(self._client)",
        ]
    own = [m for m in found if m.namespace == namespace]
    hidden = {n for m in own for n in (m.name, f"a{m.name}")} & _BUILTINS
    for method in own:
        lines += ["", *_method_source(method, False, hidden), "", *_method_source(method, True, hidden)]
    lines.append("")
    return lines


def areas_module(doc: Json, package: Path, modules: dict[str, str], reserved: set[str]) -> str:
    """The source of `_areas.py`; `reserved`: the attribute names of `Bitrix24`."""
    found = methods(doc, package, modules)
    _check_names(found, reserved)
    namespaces = {m.namespace[:depth] for m in found for depth in range(1, len(m.namespace) + 1)}
    lines = [
        '"""Typed namespaces over the endpoint functions: `b24.tasks.flow.create(...)` and',
        "`await b24.tasks.flow.acreate(...)`; each method builds the request model from its keyword",
        "arguments, calls the endpoint function and returns the success body's `result`.",
        "",
        "Generated by generator/python/client.py (generator/python/facade.py) from the bundled spec and the",
        "generated models; do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        *_imports(found),
        "",
        '__all__ = ["Areas"]',
        "",
    ]
    for namespace in sorted(namespaces, key=lambda n: (-len(n), n)):
        lines += _namespace_source(namespace, namespaces, found)
    lines += [
        "",
        "class Areas:",
        '    """The root namespaces, mixed into `Bitrix24` (which sets `client`)."""',
        "",
        "    client: Client",
    ]
    for root in sorted(n for n in namespaces if len(n) == 1):
        lines += [
            "",
            "    @cached_property",
            f"    def {root[0]}(self) -> {_class_name(root)}:",
            f"        return {_class_name(root)}(self.client)",
        ]
    return "\n".join(lines) + "\n"


def bitrix24_attributes(facade: Path) -> set[str]:
    """The attribute names `class Bitrix24` of the hand-written runtime defines."""
    tree = ast.parse(facade.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Bitrix24")
    names = {n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    for node in ast.walk(cls):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            names.add(node.attr)
    return names
