"""The import rules of ARCHITECTURE.md: a forbidden edge between our packages fails the build."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = ("b24_spec", "reference_server", "contract_tests", "generator", "benchmarks", "tests", "b24_client")
RUNTIME = ROOT / "generator" / "python" / "runtime"
STANDALONE = ("b24_spec.bundle", "b24_spec.model", "b24_spec.messages")
# One narrow edge across the layers: the other-language smoke runs start the reference server as a
# process through its launcher, which imports nothing of the server (checked below).
LAUNCHER = "reference_server.process"

# package prefix -> our packages it may import besides itself (ARCHITECTURE.md, "Who may import whom")
ALLOWED: dict[str, frozenset[str]] = {
    "b24_spec": frozenset(),
    "reference_server": frozenset({"b24_spec"}),
    "contract_tests": frozenset({"b24_spec", "reference_server"}),
    "generator": frozenset({"b24_spec"}),
    "benchmarks": frozenset({"b24_spec", "reference_server", "contract_tests", "generator", "b24_client"}),
    "tests": frozenset(OURS),
}


def module_name(where: Path) -> str:
    parts = list(where.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(where: Path, source: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in the module at `where` (relative to the
    repository), relative imports resolved."""
    name = module_name(where)
    package = name.split(".") if where.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(source, filename=str(where))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if base else alias.name


def top(module: str) -> str:
    return module.split(".", 1)[0]


def violations(where: Path, source: str) -> list[str]:
    """The forbidden edges of the module at `where` (relative to the repository) with `source`."""
    name = module_name(where)
    owner = top(name)
    found = []
    if (ROOT / where).is_relative_to(RUNTIME):
        # the client runtime ships inside b24_client: only its siblings, relatively
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and top(node.module or "") in OURS:
                found.append(f"{where}:{node.lineno}: the client runtime imports {node.module}")
            if isinstance(node, ast.Import):
                found += [
                    f"{where}:{node.lineno}: the client runtime imports {a.name}"
                    for a in node.names
                    if top(a.name) in OURS
                ]
        return found
    for line, imported in imports(where, source):
        target = top(imported)
        if target not in OURS or target == owner:
            if name.startswith("reference_server.core") and imported.startswith("reference_server.domains"):
                found.append(f"{where}:{line}: the portal core imports the domain module {imported}")
            if name in STANDALONE and target == "b24_spec" and not imported.startswith(STANDALONE):
                found.append(f"{where}:{line}: {name} must stay standard-library only, not import {imported}")
            continue
        if name.startswith("generator.languages") and imported.startswith(LAUNCHER):
            continue
        if name in STANDALONE or target not in ALLOWED.get(owner, frozenset()):
            found.append(f"{where}:{line}: {owner} may not import {imported}")
    return found


def our_modules() -> list[Path]:
    found = []
    for package in ALLOWED:
        found += sorted((ROOT / package).rglob("*.py"))
    found += sorted(RUNTIME.glob("*.py"))
    return [p for p in dict.fromkeys(found) if "__pycache__" not in p.parts]


def test_every_import_follows_the_layers() -> None:
    problems = [
        problem
        for path in our_modules()
        for problem in violations(path.relative_to(ROOT), path.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_the_model_is_standard_library_only() -> None:
    for name in STANDALONE:
        where = Path(*name.split(".")).with_suffix(".py")
        third_party = [
            imported
            for _line, imported in imports(where, (ROOT / where).read_text(encoding="utf-8"))
            if top(imported) not in {"b24_spec", "__future__"} and not _stdlib(top(imported))
        ]
        assert third_party == [], name


def _stdlib(module: str) -> bool:
    return module in sys.stdlib_module_names


@pytest.mark.parametrize(
    ("where", "source", "expected"),
    [
        (
            "reference_server/core/x.py",
            "from generator.bundle import bundle",
            "reference_server may not import",
        ),
        ("reference_server/core/x.py", "from ..domains import flows", "the portal core imports"),
        ("contract_tests/x.py", "import generator.docs", "contract_tests may not import"),
        ("b24_spec/x.py", "from reference_server.core import app", "b24_spec may not import"),
        ("b24_spec/model.py", "from b24_spec import conventions", "must stay standard-library only"),
        ("generator/python/runtime/_x.py", "from b24_spec import model", "the client runtime imports"),
        ("generator/docs/x.py", "from tests import conftest", "generator may not import"),
    ],
)
def test_a_forbidden_edge_fails(where: str, source: str, expected: str) -> None:
    problems = violations(Path(where), source + "\n")
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("contract_tests/x.py", "from b24_spec import model\nfrom reference_server import create_app"),
        ("reference_server/__init__.py", "from . import domains"),  # the package root registers handlers
        ("reference_server/domains/x.py", "from reference_server.core.errors import BitrixError"),
        ("generator/python/runtime/_x.py", "from ._spec import Operation"),
        ("b24_spec/conventions.py", "import yaml\nfrom b24_spec.model import operation_objects"),
    ],
)
def test_allowed_edges_pass(where: str, source: str) -> None:
    assert violations(Path(where), source + "\n") == []


def test_the_server_launcher_imports_nothing_of_the_server() -> None:
    """Generators may use the launcher only because it starts the server in another process."""
    where = Path(*LAUNCHER.split(".")).with_suffix(".py")
    ours = [m for _line, m in imports(where, (ROOT / where).read_text(encoding="utf-8")) if top(m) in OURS]
    assert ours == []
