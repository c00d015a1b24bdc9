"""Project tasks. `nox -s tests` is the whole offline test suite (what CI runs).

Also runs as a script with nothing installed but Python: `python3 noxfile.py -s tests`. Without nox,
the script first makes `.nox-bootstrap/` (a venv with the pinned nox and uv: `bootstrap` below) and
runs itself again with that venv's Python.

Sessions install from uv.lock (`uv sync --frozen`), so they get the versions the project is tested
with; `nox -s build` makes the wheels and sdists in dist/.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# What `python3 noxfile.py` installs when nox is missing: the pins of nox (lint group) and uv (test group).
BOOTSTRAP_DIR = ".nox-bootstrap"
BOOTSTRAP_REQUIREMENTS = ("nox==2026.10.20", "uv==0.13.9")
BOOTSTRAPPED = "B24_NOX_BOOTSTRAPPED"


def bootstrap(noxfile: Path) -> None:
    """Make `.nox-bootstrap/` beside `noxfile` (a venv with nox and uv) unless it has them, and run
    this script again with its Python and the same arguments. Never returns."""
    import subprocess  # noqa: PLC0415
    import venv  # noqa: PLC0415

    if os.environ.get(BOOTSTRAPPED):
        sys.exit(f"{noxfile.name}: nox is still missing after the bootstrap in {BOOTSTRAP_DIR}/")
    home = noxfile.parent / BOOTSTRAP_DIR
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    marker = home / "installed.txt"
    wanted = "\n".join(BOOTSTRAP_REQUIREMENTS)
    if not marker.exists() or marker.read_text(encoding="utf-8") != wanted:
        print(
            f"{noxfile.name}: installing {', '.join(BOOTSTRAP_REQUIREMENTS)} into {BOOTSTRAP_DIR}/",
            flush=True,
        )
        try:
            venv.EnvBuilder(clear=True, with_pip=True).create(home)
        except subprocess.CalledProcessError:
            sys.exit(f"{noxfile.name}: no venv with pip here (Debian: apt-get install python3-venv)")
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, *BOOTSTRAP_REQUIREMENTS], check=True)
        marker.write_text(wanted, encoding="utf-8")
    env = {**os.environ, BOOTSTRAPPED: "1"}
    sys.exit(subprocess.run([str(python), str(noxfile), *sys.argv[1:]], env=env, check=False).returncode)


try:
    import nox
except ImportError:  # a fresh machine: nox comes from the bootstrap venv
    if __name__ != "__main__":
        raise
    bootstrap(Path(__file__).resolve())

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["lint", "tests"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent


def _node_tools(session: nox.Session, *tools: str) -> None:
    """Install the pinned Node tools (package-lock.json) unless every one of `tools` is already in
    node_modules/.bin; without npm that is an error naming what needed it."""
    if all((ROOT / "node_modules" / ".bin" / tool).exists() for tool in tools):
        return
    if shutil.which("npm") is None:
        session.error(f"npm is needed for the pinned {', '.join(tools)}; install Node.js 20 or newer")
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


def _sync(session: nox.Session, *groups: str, extras: tuple[str, ...] = ()) -> None:
    """Install the locked versions of `groups` (and the project itself, editable, with `extras`,
    for its console scripts and pytest plugin) into the session's venv: `uv sync --frozen`."""
    args = ["uv", "sync", "--frozen", "--no-default-groups"]
    args += [f"--group={group}" for group in groups] + [f"--extra={extra}" for extra in extras]
    venv = session.virtualenv.location
    session.run_install(*args, env={"UV_PROJECT_ENVIRONMENT": venv, "VIRTUAL_ENV": venv})


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite, offline."""
    _sync(session, "test")
    _node_tools(session, "redocly", "tsc", "orval")
    # every core; a module whose tests share an expensive fixture carries an xdist_group mark and
    # stays on one worker (loadgroup), the other tests spread one by one
    parallel = ["-n", "auto", "--dist", "loadgroup"]
    # The suite starts many Python processes (servers, contract runs, generators); with bytecode
    # caching switched off in the environment (some sandboxes export PYTHONDONTWRITEBYTECODE=1),
    # each one compiles every module it imports again, and pytest rewrites every test module again.
    env = {"REDOCLY_TELEMETRY": "off", "PYTHONDONTWRITEBYTECODE": ""}
    session.run("pytest", *parallel, *session.posargs, env=env)


@nox.session
def contract(session: nox.Session) -> None:
    """Contract-test a server against the spec: the in-process reference server by default, or any
    server with `-- --base-url URL [--token T] [--live]` (see contract_tests/README.md)."""
    _sync(session, "contract", extras=("contract",))
    session.run(
        "b24-contract",
        "--junitxml", "build/contract/junit.xml", "--report-dir", "build/contract", *session.posargs,
    )  # fmt: skip


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy --strict on our own code."""
    _sync(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def generate(session: nox.Session) -> None:
    """Bundle spec/ into generated/openapi.{yaml,json}; regenerate the Python client in generated/python."""
    _sync(session, "generate")
    session.run("python", "-m", "generator.bundle")
    session.run("python", "-m", "generator.python.client")


@nox.session
def serve(session: nox.Session) -> None:
    """Run the reference server (a fake Bitrix24 portal): `nox -s serve -- --port 8000 [--tls] ...`."""
    _sync(session, "server", extras=("server",))
    session.run("b24-portal", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the API reference docs from generated/openapi.json into build/docs/ (static, offline)."""
    _sync(session, "docs", extras=("docs",))
    session.run("b24-docs", *session.posargs)


@nox.session
def clients(session: nox.Session) -> None:
    """The client matrix: every generator row into build/clients, compiled, type-checked or parsed,
    the official examples carried through, smoke runs where offline runtimes exist; rows whose
    toolchain is missing skip and say why (`-- --row java php` runs some)."""
    _sync(session, "clients")
    if shutil.which("npm") is not None:  # without Node.js the rows that need it skip, saying why
        _node_tools(session, "tsc", "orval")
    session.run("python", "-m", "generator.languages.matrix", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks side by side with their peers: prints one table, writes build/bench/results.json.
    `-- --quick` is a smoke run, `-- --case NAME` runs one case (see benchmarks/README.md)."""
    _sync(session, "bench")
    _node_tools(session, "prism", "redocly")
    session.run("python", "-m", "benchmarks", *session.posargs, env={"REDOCLY_TELEMETRY": "off"})


@nox.session
def build(session: nox.Session) -> None:
    """Build the wheels and sdists into dist/ (b24-openapi and b24-client) and check them with twine."""
    _sync(session, "build")
    out = ROOT / "dist"
    shutil.rmtree(out, ignore_errors=True)
    session.run("uv", "build", "--out-dir", str(out), str(ROOT))
    session.run("uv", "build", "--out-dir", str(out), str(ROOT / "generated" / "python"))
    session.run(
        "twine", "check", "--strict", *sorted(str(p) for p in out.iterdir() if p.name != ".gitignore")
    )


if __name__ == "__main__":
    os.chdir(ROOT)
    nox.main()
