"""The committed client is what the generator makes, type-checks strictly, and installs with pip."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from b24_spec import model
from generator.python.client import endpoint_modules, generate
from tests.conftest import ROOT

COMMITTED = ROOT / "generated" / "python"
# one worker runs the module, so the fresh client is generated once (pytest-xdist, --dist loadgroup)
pytestmark = pytest.mark.xdist_group("client-generation")


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in committed: {prefix}{name}" for name in cmp.left_only)
        found.extend(f"only in fresh: {prefix}{name}" for name in cmp.right_only)
        found.extend(f"differs: {prefix}{name}" for name in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return found


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("client") / "python"
    generate(out)
    return out


def test_the_committed_client_equals_a_fresh_one(fresh: Path) -> None:
    assert _differences(COMMITTED, fresh) == [], "generated/python is stale: run `nox -s generate`"


def test_regeneration_is_byte_identical(fresh: Path, tmp_path: Path) -> None:
    again = tmp_path / "python"
    generate(again)
    assert _differences(fresh, again) == []


def test_a_hand_edit_is_detected(fresh: Path, tmp_path: Path) -> None:
    edited = tmp_path / "python"
    shutil.copytree(fresh, edited)
    module = edited / "b24_client" / "api" / "tasks_flow" / "tasks_flow_flow_get.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _differences(fresh, edited) == ["differs: b24_client/api/tasks_flow/tasks_flow_flow_get.py"]


def test_the_client_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "b24_client"],
        cwd=COMMITTED, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_module_per_operation_named_after_the_method() -> None:
    operations = model.default().operations
    api = COMMITTED / "b24_client" / "api"
    modules = {p.stem for p in api.glob("*/*.py") if p.stem != "__init__"}
    calls = endpoint_modules(api)  # operationId -> module, read from the URL each module calls
    assert set(calls) == set(operations)
    assert len(modules) == len(operations)
    for operation_id, module in calls.items():
        # `tasks.flow.Flow.isExists` -> `tasks_flow_flow_is_exists`
        words = re.sub(r"([a-z])([A-Z])", r"\1_\2", operation_id).lower().replace(".", "_")
        assert module.rsplit(".", 1)[-1] == words, operation_id


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv is needed to build a fresh virtual environment")
def test_pip_install_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = {**os.environ, "VIRTUAL_ENV": str(venv)}
    subprocess.run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    install = ["uv", "pip", "install", "--quiet", "--python", str(python), str(COMMITTED)]
    subprocess.run(install, check=True, env=env, timeout=600)
    probe = "import b24_client; print(b24_client.webhook_client('https://p.example/rest/1/c/')._base_url)"
    result = subprocess.run(
        [str(python), "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "https://p.example/rest/1/c"
