"""Every nox session installs what the code it runs imports.

Read from the sources, nothing listed by hand: each session's groups and extras (its `_sync` call in
noxfile.py) and the modules it runs (`python -m M`, or a console script of pyproject.toml); the
third-party packages those modules import, following our own imports (function-level ones too,
since any of them may run); and what the session's venv holds (uv.lock: the groups and extras with
everything they depend on). A session whose venv misses an import fails here, not on a user's
machine (`nox -s clients` once lacked httpx).
"""

from __future__ import annotations

import ast
import importlib.metadata
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK: dict[str, Any] = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
# our import roots: the project's packages, and the generated client the benchmarks and the matrix
# put on sys.path
OURS = {path.parent.name: path.parent for path in ROOT.glob("*/__init__.py")} | {
    "b24_client": ROOT / "generated" / "python" / "b24_client"
}


def _name(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def sessions() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], list[str]]]:
    """session name -> (groups, extras, modules it runs) from noxfile.py."""
    scripts = {name: target.split(":")[0] for name, target in PYPROJECT["project"]["scripts"].items()}
    found = {}
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for function in tree.body:
        if not isinstance(function, ast.FunctionDef) or not any(
            "session" in ast.unparse(d) for d in function.decorator_list
        ):
            continue
        groups: tuple[str, ...] = ()
        extras: tuple[str, ...] = ()
        modules = []
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            callee = ast.unparse(call.func)
            args = [_name(a) for a in call.args]
            if callee == "_sync":
                groups = tuple(a for a in args[1:] if a)
                for keyword in call.keywords:
                    if keyword.arg == "extras" and isinstance(keyword.value, ast.Tuple):
                        extras = tuple(e for e in map(_name, keyword.value.elts) if e)
            elif callee == "session.run" and args:
                if args[:2] == ["python", "-m"] and args[2]:
                    modules.append(args[2])
                elif args[0] in scripts:
                    modules.append(scripts[args[0]])
        if groups:
            found[function.name] = (groups, extras, modules)
    return found


def _module_file(module: str, *, run: bool = False) -> Path | None:
    """The file of our `module`: imported, a package is its `__init__.py`; run (`python -m`), its
    `__main__.py`."""
    root, *rest = module.split(".")
    if root not in OURS:
        return None
    base = OURS[root].joinpath(*rest)
    candidates = [base.with_suffix(".py"), base / "__init__.py"]
    if run:
        candidates.insert(0, base / "__main__.py")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


@cache
def _imports(file: Path) -> frozenset[str]:
    """Absolute names `file` imports (relative imports resolved against its package)."""
    top = ROOT / "generated" / "python" if "generated" in file.relative_to(ROOT).parts else ROOT
    package = file.relative_to(top).parent.parts
    names: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join([*package[: len(package) - node.level + 1], *filter(None, [module])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return frozenset(names)


def third_party(modules: list[str]) -> set[str]:
    """Top-level names of the packages outside ours and the standard library that `modules` and
    everything of ours they import reach."""
    seen: set[Path] = set()
    todo = [f for f in (_module_file(m, run=True) for m in modules) if f is not None]
    outside: set[str] = set()
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.add(file)
        if file.name != "__init__.py" and (file.parent / "__init__.py").is_file():
            todo.append(file.parent / "__init__.py")  # importing a module runs its package first
        for name in _imports(file):
            top = name.split(".")[0]
            if top in OURS:
                target = _module_file(name)
                if target is not None:
                    todo.append(target)
            elif top and top != "__future__" and top not in sys.stdlib_module_names:
                outside.add(top)
    return outside


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def venv_packages(groups: tuple[str, ...], extras: tuple[str, ...]) -> set[str]:
    """What uv installs for `groups` and `extras`: their locked packages and all they depend on,
    with the extras each dependency is asked for."""
    packages = {_normal(p["name"]): p for p in LOCK["package"]}
    project = _normal(PYPROJECT["project"]["name"])
    todo: list[dict[str, Any]] = [d for g in groups for d in packages[project]["dev-dependencies"].get(g, [])]
    todo.append({"name": project, "extra": list(extras)})
    have: set[str] = set()
    done: set[tuple[str, str]] = set()
    while todo:
        wanted = todo.pop()
        name = _normal(wanted["name"])
        locked = packages.get(name)
        if locked is None:
            continue
        if name != project and name not in have:
            have.add(name)
            todo += locked.get("dependencies", [])
        for extra in wanted.get("extra", []):
            if (name, extra) not in done:
                done.add((name, extra))
                todo += locked.get("optional-dependencies", {}).get(extra, [])
    return have


SESSIONS = sessions()


def test_the_sessions_are_read_from_the_noxfile() -> None:
    assert {"tests", "contract", "generate", "clients", "bench", "docs", "serve"} <= set(SESSIONS)
    assert SESSIONS["clients"][2] == ["generator.languages.matrix"]
    assert SESSIONS["serve"][2] == ["reference_server.cli"]


@pytest.mark.parametrize("session", [name for name, (_g, _e, modules) in SESSIONS.items() if modules])
def test_each_session_installs_what_its_modules_import(session: str) -> None:
    groups, extras, modules = SESSIONS[session]
    provided = importlib.metadata.packages_distributions()
    installed = venv_packages(groups, extras)
    missing = {}
    for top in sorted(third_party(modules)):
        distributions = {_normal(d) for d in provided.get(top, [])}
        if not distributions & installed:
            missing[top] = sorted(distributions) or ["(no installed distribution provides it)"]
    assert not missing, f"nox -s {session} ({', '.join(groups)}) runs {modules}, which import {missing}"
