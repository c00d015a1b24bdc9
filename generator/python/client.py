"""Generate the Python client in generated/python from the bundled spec.

openapi-python-client (pinned in pyproject.toml) does the work with our config and the templates we
override (generator/python/templates); the hand-written runtime modules in
generator/python/runtime are then copied into the package. Same input, same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from b24_spec import model
from b24_spec.bundle import BUNDLE_YAML, resolve
from generator.banner import stamp_tree, with_banner
from generator.bundle import load_yaml
from generator.python.errors import catalogue_module
from generator.python.facade import FacadeError, areas_module, bitrix24_attributes

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "generated" / "python"
PACKAGE = "b24_client"


def generate(out_dir: Path = OUT, spec: Path = BUNDLE_YAML) -> None:
    """Write the client distribution (pyproject.toml, README.md, b24_client/) into `out_dir`."""
    out_dir = out_dir.resolve()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Use the tools installed next to this interpreter (openapi-python-client, and the ruff its
    # post-hooks call), whether or not that environment is activated.
    tools = str(Path(sys.executable).parent)
    command = [
        shutil.which("openapi-python-client", path=tools) or "openapi-python-client",
        "generate",
        "--path", str(spec),
        "--meta", "uv",
        "--config", str(HERE / "config.yaml"),
        "--custom-template-path", str(HERE / "templates"),
        "--output-path", str(out_dir),
        "--fail-on-warning",
    ]  # fmt: skip
    env = {**os.environ, "PATH": os.pathsep.join([tools, os.environ.get("PATH", "")])}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    for module in sorted((HERE / "runtime").glob("*.py")):
        source = module.relative_to(ROOT).as_posix()
        copied = with_banner(module.read_text(encoding="utf-8"), ".py", source, verb="copied")
        (out_dir / PACKAGE / module.name).write_text(copied, encoding="utf-8")
    bundle = load_yaml(spec.read_text(encoding="utf-8"))
    operations = operations_module(model.load(bundle), endpoint_modules(out_dir / PACKAGE / "api"))
    (out_dir / PACKAGE / "_operations.py").write_text(operations, encoding="utf-8")
    (out_dir / PACKAGE / "_catalogue.py").write_text(catalogue_module(bundle, PACKAGE), encoding="utf-8")
    modules = endpoint_modules(out_dir / PACKAGE / "api")
    reserved = bitrix24_attributes(HERE / "runtime" / "_facade.py")
    try:
        areas = areas_module(bundle, out_dir / PACKAGE, modules, reserved)
    except FacadeError as error:
        raise RuntimeError(f"typed namespaces: {error}") from error
    (out_dir / PACKAGE / "_areas.py").write_text(areas, encoding="utf-8")
    # The modules written here come after openapi-python-client's post-hooks: format them alike.
    ruff = shutil.which("ruff", path=tools) or "ruff"
    written = [str(out_dir / PACKAGE / name) for name in ("_catalogue.py", "_areas.py", "_operations.py")]
    formatted = subprocess.run(
        [ruff, "format", "--no-cache", "--quiet", *written], capture_output=True, text=True, check=False
    )
    if formatted.returncode != 0:
        raise RuntimeError(f"ruff format failed:\n{formatted.stdout}\n{formatted.stderr}")
    (out_dir / ".gitignore").unlink(missing_ok=True)
    stamp_tree(out_dir)


_URL = re.compile(r'"url": "/([^"]+)"')


def endpoint_modules(api: Path) -> dict[str, str]:
    """operationId → the generated endpoint module under `api` (`tag_dir.module`), read from the
    `url` each module calls, so the runtime never re-derives the generator's naming."""
    found: dict[str, str] = {}
    for path in sorted(api.glob("*/*.py")):
        match = _URL.search(path.read_text(encoding="utf-8"))
        if match:
            found[match.group(1)] = f"{path.parent.name}.{path.stem}"
    return found


def _member_names(document: Any, schema: Any) -> list[str]:
    schema = resolve(document, schema)
    if not isinstance(schema, dict):
        return []
    names = list(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for branch in schema.get(key, []):
            names.extend(_member_names(document, branch))
    return names


def operations_module(spec: model.Model, modules: dict[str, str]) -> str:
    """`_operations.py`: the retry and paging markings of every operation, for the runtime."""
    lines = [
        '"""The spec\'s markings of every operation (x-bitrix-idempotent, -toggle, -batchable,',
        "-operating-budget, -pagination, -errors), for the runtime's retry, limit and paging decisions.",
        "",
        "Generated by generator/python/client.py from the bundled spec; do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from ._spec import Operation",
        "",
        "OPERATIONS: dict[str, Operation] = {",
    ]
    for op_id, op in sorted(spec.operations.items()):
        errors: list[tuple[int, str, str]] = []
        for entry in op.errors:
            triple = (entry.status, entry.code, entry.retry)
            if triple not in errors:
                errors.append(triple)
        body = op.raw.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        members = _member_names(spec.document, body) if body is not None else []
        params = {}
        paging = op.pagination
        if paging is not None:
            params["filter"] = str(paging.filter_parameter)
            params["order"] = str(paging.order_parameter)
            params["select"] = next((m for m in members if m.lower() == "select"), "")
        lines.append(f"    {json.dumps(op_id)}: Operation(")
        lines.append(f"        id={json.dumps(op_id)},")
        lines.append(f"        idempotent={op.idempotent},")
        lines.append(f"        toggle={op.toggle is not None},")
        lines.append(f"        batchable={op.batchable},")
        lines.append(f"        paginated={op.paginated},")
        lines.append("        errors=(")
        lines.extend(f"            ({s}, {json.dumps(c)}, {json.dumps(r)})," for s, c, r in errors)
        lines.append("        ),")
        lines.append(f"        module={json.dumps(modules.get(op_id, ''))},")
        for kind, name in params.items():
            lines.append(f"        {kind}_param={json.dumps(name)},")
        if paging is not None:
            lines.append(f"        paging={json.dumps(paging.kind)},")
        if not op.operating_budget:
            lines.append("        budgeted=False,")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="target folder (replaced)")
    args = parser.parse_args(argv)
    try:
        generate(args.out)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
