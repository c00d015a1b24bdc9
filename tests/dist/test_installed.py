"""The installed tools, from a fresh venv with no clone: b24-portal serves, b24-contract passes against
it, b24-docs builds a site, the pytest plugin runs a sample project's tests, and every command has
`--help` and exits 2 on a bad option."""

from __future__ import annotations

import json
import re
import subprocess
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from reference_server.process import free_port

from .conftest import FreshVenv

COMMANDS = ("b24-contract", "b24-portal", "b24-docs")


def test_the_wheel_carries_the_bundle(wheels: tuple[Path, ...]) -> None:
    project = next(w for w in wheels if w.name.startswith("b24_openapi-"))
    with zipfile.ZipFile(project) as wheel:
        for name in ("openapi.json", "openapi.yaml"):
            assert wheel.read(f"b24_spec/{name}") == (ROOT / "generated" / name).read_bytes()
        entry_points = wheel.read(next(n for n in wheel.namelist() if n.endswith("entry_points.txt")))
    for command in COMMANDS:
        assert command.encode() in entry_points
    assert b"[pytest11]" in entry_points


def test_the_readme_installs_the_wheels_the_build_makes(wheels: tuple[Path, ...]) -> None:
    """The README's install line names the files `nox -s build` writes: a version bump that forgets
    the README fails here instead of on a user's `pip install`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"dist/([\w.+-]+\.whl)", readme))
    assert named == {wheel.name for wheel in wheels}


def test_nothing_comes_from_the_clone(fresh_venv: FreshVenv) -> None:
    probe = "import b24_spec.bundle, contract_tests, reference_server, generator; "
    probe += "print(b24_spec.bundle.BUNDLE_JSON)"
    done = fresh_venv.run("python", "-c", probe)
    assert done.returncode == 0, done.stderr
    bundle = Path(done.stdout.strip())
    assert bundle.is_relative_to(fresh_venv.home) and bundle.name == "openapi.json", bundle


@pytest.mark.parametrize("command", COMMANDS)
def test_help(fresh_venv: FreshVenv, command: str) -> None:
    done = fresh_venv.run(command, "--help")
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


@pytest.mark.parametrize(
    "command",
    [
        ("b24-contract", "--no-such-option"),
        ("b24-contract", "--base-url", "ftp://portal"),
        ("b24-portal", "--port", "eighty"),
        ("b24-portal", "--plan", "gold"),
        ("b24-docs", "--no-such-option"),
    ],
)
def test_bad_options_exit_2(fresh_venv: FreshVenv, command: tuple[str, ...]) -> None:
    done = fresh_venv.run(*command)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def served(fresh_venv: FreshVenv) -> Iterator[str]:
    """`b24-portal --port P` running from the fresh venv; its admin webhook URL as it prints it."""
    port = free_port()
    process = subprocess.Popen(
        [str(fresh_venv.bin / "b24-portal"), "--port", str(port), "--plan", "enterprise"],
        cwd=fresh_venv.work, env=fresh_venv.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        url = ""
        deadline = time.monotonic() + 30
        while not url and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                pytest.fail(f"b24-portal ended with {process.wait()}")
            if line.startswith("Webhook URL: ") and "/rest/1/" in line:
                url = line.split()[2]
        assert url.startswith(f"http://127.0.0.1:{port}/rest/1/"), url
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def test_portal_serves(served: str) -> None:
    answer = httpx.post(served + "tasks.flow.Flow.get", json={"flowId": 123456}, timeout=10).json()
    assert answer["error"] == 0 and answer["error_description"]


def test_contract_suite_passes_against_the_served_portal(fresh_venv: FreshVenv, served: str) -> None:
    done = fresh_venv.run(
        "b24-contract", "--base-url", served, "--operations", r"^/tasks\.flow\.Flow\.(create|get)$",
        "--max-examples", "2", "--junitxml", "junit.xml", "--report-dir", "report", timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    # the wheel's pytest11 entry point makes pytest mark its packages for rewriting: none may warn
    assert "PytestAssertRewriteWarning" not in done.stdout + done.stderr, done.stdout[-4000:]
    assert "<testsuite" in (fresh_venv.work / "junit.xml").read_text(encoding="utf-8")
    summary = json.loads((fresh_venv.work / "report" / "summary.json").read_text(encoding="utf-8"))
    assert sum(summary["successful_calls"].values()) > 0


def test_docs_builds_a_site(fresh_venv: FreshVenv, tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = fresh_venv.run("b24-docs", "--out", str(out))
    assert done.returncode == 0, done.stderr
    bundle = json.loads((ROOT / "generated" / "openapi.json").read_text(encoding="utf-8"))
    operations = {op["operationId"] for item in bundle["paths"].values() for op in item.values()}
    assert {p.stem for p in out.glob("*.html")} >= operations | {"index", "protocol"}
    unreadable = fresh_venv.run("b24-docs", "--spec", str(tmp_path / "missing.json"), "--out", str(out))
    assert unreadable.returncode == 1 and "cannot read" in unreadable.stderr


README = ROOT / "reference_server" / "README.md"


def readme_example() -> dict[str, str]:
    """The worked example of the plugin's README section: file name (its first line) -> code."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Testing your integration with pytest") :]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    files = {block.splitlines()[0].removeprefix("# ").strip(): block for block in blocks}
    assert set(files) == {"integration.py", "test_integration.py"}, list(files)
    return files


def test_sample_project_uses_only_the_plugin(fresh_venv: FreshVenv, tmp_path: Path) -> None:
    project = tmp_path / "sample"
    project.mkdir()
    example = readme_example()
    for name, code in example.items():
        (project / name).write_text(code, encoding="utf-8")
    done = fresh_venv.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"{example['test_integration.py'].count('def test_')} passed" in done.stdout
