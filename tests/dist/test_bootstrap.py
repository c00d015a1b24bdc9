"""`python3 noxfile.py -s ...` works with nothing installed: the README's first commands are .ci/run's,
and the noxfile installs nox and uv for itself when the Python running it has neither."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .conftest import pypi_unreachable

UV = shutil.which("uv")


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```bash\n(.*?)```", readme, flags=re.DOTALL)
    assert first is not None
    return [line.split("#")[0].strip() for line in first.group(1).splitlines() if line.strip()]


def test_readme_leads_with_the_main_job_and_the_tests() -> None:
    assert _readme_commands() == ["python3 noxfile.py -s contract", "python3 noxfile.py -s tests"]


def test_ci_runs_the_readme_test_command_and_installs_no_nox() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    assert _readme_commands()[1] in commands
    assert not any(re.search(r"pip install .*\bnox\b", line) for line in commands), commands


def test_noxfile_bootstraps_itself_with_a_python_that_lacks_nox(tmp_path: Path) -> None:
    if UV is None:
        pytest.skip("uv is not on PATH (the test dependency group installs it)")
    if (reason := pypi_unreachable()) is not None:
        pytest.skip(reason)
    scratch = tmp_path / "checkout"
    scratch.mkdir()
    for name in ("noxfile.py", "pyproject.toml", "uv.lock"):
        shutil.copy2(ROOT / name, scratch / name)
    bare = tmp_path / "bare"
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, str(bare)], check=True, timeout=120)
    python = bare / "bin" / "python"
    lacks = subprocess.run([str(python), "-c", "import nox"], capture_output=True, check=False)
    assert lacks.returncode != 0, "the scratch Python must not have nox"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run(
        [str(python), "noxfile.py", "--list"], cwd=scratch, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert first.returncode == 0, first.stdout + first.stderr
    assert "installing nox==" in first.stdout
    for session in ("contract", "tests", "build"):
        assert re.search(rf"^[*-] {session} ", first.stdout, flags=re.MULTILINE), first.stdout
    again = subprocess.run(
        [str(python), "noxfile.py", "--list"], cwd=scratch, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert again.returncode == 0 and "installing" not in again.stdout, again.stdout + again.stderr
    bad = subprocess.run(
        [str(python), "noxfile.py", "-s", "no-such-session"], cwd=scratch, env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
    assert bad.returncode != 0
