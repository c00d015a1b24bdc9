"""Bundle spec/openapi.yaml and the files it references into one deterministic document.

Rules (spec/README.md, "Layout"):
- a reference to ``components/<type>/<Name>.yaml`` becomes ``#/components/<type>/<Name>``;
- any other file reference (the path files) is inlined;
- sibling keys next to a ``$ref`` are kept, as OpenAPI 3.1 allows;
- each operation gets an ``x-bitrix-errors`` index computed from its error responses.

The same input always gives the same bytes: components are sorted, key order follows the source.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from b24_spec import errors
from b24_spec.bundle import target as referenced
from b24_spec.model import HTTP_METHODS, error_catalogue
from generator.banner import README as GENERATED_README
from generator.banner import with_banner

ROOT = Path(__file__).resolve().parent.parent
SPEC_ROOT = ROOT / "spec" / "openapi.yaml"
OUT_DIR = ROOT / "generated"
# The same document with every $ref inlined, for tools that cannot follow references.
DEREFERENCED = "openapi.dereferenced.json"
COMPONENT_ORDER = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)

Json = Any


class BundleError(Exception):
    """The spec sources break a layout rule; the message names the file."""


# libyaml's safe loader when PyYAML has it (its wheels do): the same documents, about five times
# faster, which every bundling (tests make many from spec copies) gains
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """A YAML document (the spec's sources, a bundle), read safely and with libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)


class _Bundler:
    def __init__(self, root_file: Path) -> None:
        self.components_dir = root_file.parent / "components"
        self.components: dict[str, dict[str, Json]] = {}
        self._cache: dict[Path, Json] = {}

    def load(self, path: Path) -> Json:
        if path not in self._cache:
            if not path.is_file():
                raise BundleError(f"referenced file does not exist: {path}")
            try:
                self._cache[path] = load_yaml(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise BundleError(f"{path} is not valid YAML: {exc}") from exc
        return copy.deepcopy(self._cache[path])

    def component_of(self, path: Path) -> tuple[str, str] | None:
        try:
            rel = path.relative_to(self.components_dir)
        except ValueError:
            return None
        if len(rel.parts) != 2 or rel.suffix != ".yaml":
            raise BundleError(f"component files live at components/<type>/<Name>.yaml: {path}")
        kind, name = rel.parts[0], rel.stem
        if kind not in COMPONENT_ORDER:
            raise BundleError(f"unknown component type {kind!r}: {path}")
        return kind, name

    def resolve(self, node: Json, base: Path) -> Json:
        if isinstance(node, list):
            return [self.resolve(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return {key: self.resolve(value, base) for key, value in node.items()}
        if ref.startswith("#"):
            raise BundleError(f"{base}: use a file reference, not the local reference {ref!r}")
        siblings = {key: self.resolve(value, base) for key, value in node.items() if key != "$ref"}
        file_part, _, fragment = ref.partition("#")
        target = (base.parent / file_part).resolve()
        component = None if fragment else self.component_of(target)
        if component is not None:
            kind, name = component
            bucket = self.components.setdefault(kind, {})
            if name not in bucket:
                bucket[name] = None  # placeholder: breaks reference cycles
                bucket[name] = self.resolve(self.load(target), target)
            return {"$ref": f"#/components/{kind}/{name}", **siblings}
        content = self.load(target)
        for part in filter(None, fragment.split("/")):
            content = content[part.replace("~1", "/").replace("~0", "~")]
        resolved = self.resolve(content, target)
        if siblings:
            if not isinstance(resolved, dict):
                raise BundleError(f"{base}: keys next to $ref {ref!r} need an object target")
            resolved = {**resolved, **siblings}
        return resolved


def bundle(root_file: Path = SPEC_ROOT) -> Json:
    """Return the bundled document as plain JSON-compatible data."""
    bundler = _Bundler(root_file.resolve())
    root = bundler.load(root_file.resolve())
    own_components = root.pop("components", {}) or {}
    doc = bundler.resolve(root, root_file.resolve())
    for kind, entries in own_components.items():
        for name, value in entries.items():
            resolved = bundler.resolve(value, root_file.resolve())
            if name in bundler.components.setdefault(kind, {}):
                raise BundleError(f"component {kind}/{name} is defined twice")
            bundler.components[kind][name] = resolved
    doc["components"] = {
        kind: dict(sorted(bundler.components[kind].items()))
        for kind in COMPONENT_ORDER
        if bundler.components.get(kind)
    }
    for path_item in doc.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            if "x-bitrix-errors" in operation:
                raise BundleError(f"{operation.get('operationId')}: x-bitrix-errors is computed, not written")
            operation["x-bitrix-errors"] = error_catalogue(doc, operation)
    return doc


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dereference(doc: Json) -> Json:
    """A copy of the bundle with every local `$ref` replaced by what it points at, for tools that
    cannot follow references. References are followed and keys beside a `$ref` win over the target's,
    by b24_spec.bundle's one rule (`target`, `resolve`). A cycle is an error."""

    def inline(node: Json, trail: tuple[str, ...]) -> Json:
        if isinstance(node, list):
            return [inline(item, trail) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref in trail:
                raise BundleError(f"cannot dereference the cycle {' -> '.join((*trail, ref))}")
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            found = inline(referenced(doc, ref), (*trail, ref))
            return {**found, **inline(siblings, trail)} if siblings else found
        return {key: inline(value, trail) for key, value in node.items()}

    result: Json = inline(doc, ())
    return result


def to_yaml(doc: Json) -> str:
    text = yaml.dump(doc, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=100)
    return with_banner(text, ".yaml")


def to_json(doc: Json) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write(out_dir: Path = OUT_DIR, root_file: Path = SPEC_ROOT) -> list[Path]:
    doc = bundle(root_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = {
        out_dir / "openapi.yaml": to_yaml(doc),
        out_dir / "openapi.json": to_json(doc),
        out_dir / "errors.json": errors.to_json(doc),
        out_dir / DEREFERENCED: to_json(dereference(doc)),
        out_dir / "README.md": GENERATED_README,
    }
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    return list(targets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=OUT_DIR, help="folder for openapi.yaml, openapi.json and errors.json"
    )
    parser.add_argument(
        "--root", type=Path, default=SPEC_ROOT, help="root document (default spec/openapi.yaml)"
    )
    args = parser.parse_args(argv)
    try:
        written = write(args.out, args.root)
    except BundleError as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
