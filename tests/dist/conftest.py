"""Built distributions installed into a fresh venv, once per test session.

The wheels are built from this checkout with `uv build` (the same command `nox -s build` runs) and
installed with `uv pip` into a new venv in a temporary folder; its commands run with that folder as
their working directory and without PYTHONPATH, so nothing of the clone is importable there.
Dependencies come from PyPI (or uv's cache).
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

UV = shutil.which("uv")


@functools.cache
def pypi_unreachable() -> str | None:
    """Why these tests cannot install from PyPI, or None when they can: the suite is otherwise
    offline, and a machine without PyPI skips them, saying so."""
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
    except OSError as exc:
        return f"PyPI is not reachable ({exc}): installing the built wheels needs their dependencies"
    return None


@dataclass(frozen=True)
class FreshVenv:
    home: Path
    work: Path  # an empty folder outside the clone: the commands' working directory
    wheels: tuple[Path, ...]

    @property
    def bin(self) -> Path:
        return self.home / "bin"

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
        return {**env, "PATH": f"{self.bin}{os.pathsep}{env.get('PATH', '')}"}

    def run(
        self, *command: str, timeout: float = 120, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / command[0]), *command[1:]],
            cwd=cwd or self.work, env=self.env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip


def _uv(*args: str, cwd: Path) -> None:
    assert UV is not None
    done = subprocess.run([UV, *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"uv {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    if UV is None:
        pytest.skip("uv is not on PATH (the test dependency group installs it)")
    if (reason := pypi_unreachable()) is not None:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("dist")
    _uv("build", "--quiet", "--out-dir", str(out), str(ROOT), cwd=ROOT)
    _uv("build", "--quiet", "--out-dir", str(out), str(ROOT / "generated" / "python"), cwd=ROOT)
    return tuple(sorted(out.glob("*.whl")))


@pytest.fixture(scope="session")
def fresh_venv(wheels: tuple[Path, ...], tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    base = tmp_path_factory.mktemp("fresh")
    home, work = base / "venv", base / "work"
    work.mkdir()
    _uv("venv", "--quiet", "--seed", "--python", sys.executable, str(home), cwd=work)
    project = next(w for w in wheels if w.name.startswith("b24_openapi-"))
    others = [str(w) for w in wheels if w != project]
    _uv(
        # compiled at install, as pip does: the first run of each command would otherwise compile
        "pip", "install", "--quiet", "--compile-bytecode", "--python", str(home / "bin" / "python"),
        f"{project}[contract,docs]", *others, cwd=work,
    )  # fmt: skip
    return FreshVenv(home=home, work=work, wheels=wheels)
