"""The declared dependencies: ranges in [project], exact pins in the dependency groups that satisfy
them, and a uv.lock that matches pyproject.toml."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import tomllib
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT

from .conftest import pypi_unreachable

PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pins() -> dict[str, str]:
    """package name -> the exact version a dependency group pins."""
    pins: dict[str, str] = {}
    for group in PYPROJECT["dependency-groups"].values():
        for item in group:
            if isinstance(item, str):
                requirement = Requirement(item)
                exact = [s.version for s in requirement.specifier if s.operator == "=="]
                if exact:
                    pins[requirement.name.lower()] = exact[0]
    return pins


def _ranges() -> list[Requirement]:
    declared = list(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"]["optional-dependencies"].values():
        declared += extra
    return [Requirement(r) for r in declared if not r.startswith(PYPROJECT["project"]["name"])]


def test_ranges_not_pins_and_the_pins_satisfy_them() -> None:
    pins = _pins()
    for requirement in _ranges():
        assert not any(s.operator in {"==", "==="} for s in requirement.specifier), requirement
        pinned = pins.get(requirement.name.lower())
        assert pinned is not None, f"{requirement.name} has a range but no pinned version in a group"
        assert requirement.specifier.contains(pinned), f"{requirement} does not admit the pinned {pinned}"


def test_every_extra_the_scripts_name_exists() -> None:
    extras = set(PYPROJECT["project"]["optional-dependencies"])
    for module in ("contract_tests/cli.py", "reference_server/cli.py", "generator/docs/cli.py"):
        named = set(re.findall(r"b24-openapi\[(\w+)\]", (ROOT / module).read_text(encoding="utf-8")))
        assert named and named <= extras, (module, named)


def test_the_lock_matches_pyproject() -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH (the test dependency group installs it)")
    if (reason := pypi_unreachable()) is not None:
        pytest.skip(reason)
    done = subprocess.run(
        [uv, "lock", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"uv.lock is stale: run `uv lock`\n{done.stderr}"


@pytest.mark.parametrize(
    ("module", "command"),
    [
        ("contract_tests.cli", "b24-contract"),
        ("reference_server.cli", "b24-portal"),
        ("generator.docs.cli", "b24-docs"),
    ],
)
def test_a_missing_extra_is_named_with_exit_2(
    module: str, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = importlib.import_module(module)
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    message = capsys.readouterr().err
    assert message.startswith(f"{command}: missing ") and "pip install 'b24-openapi[" in message


def test_the_bootstrap_installs_the_pinned_nox_and_uv() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    found = re.search(r"^BOOTSTRAP_REQUIREMENTS = \((.*)\)$", noxfile, flags=re.MULTILINE)
    assert found is not None
    wanted = dict(re.findall(r'"([\w-]+)==([^"]+)"', found.group(1)))
    pins = _pins()
    assert wanted == {name: pins[name] for name in ("nox", "uv")}
