"""Project tasks. `nox -s tests` is the whole offline test suite (what CI runs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
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


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite, offline."""
    session.install("--group", "test")
    _node_tools(session, "redocly", "tsc")
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
    session.install("--group", "contract")
    session.run(
        "python", "-m", "contract_tests",
        "--junitxml", "build/contract/junit.xml", "--report-dir", "build/contract", *session.posargs,
    )  # fmt: skip


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy --strict on our own code."""
    session.install("--group", "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def generate(session: nox.Session) -> None:
    """Bundle spec/ into generated/openapi.{yaml,json}; regenerate the Python client in generated/python."""
    session.install("--group", "generate")
    session.run("python", "-m", "generator.bundle")
    session.run("python", "-m", "generator.client")


@nox.session
def serve(session: nox.Session) -> None:
    """Run the reference server (a fake Bitrix24 portal): `nox -s serve -- --port 8000 [--tls] ...`."""
    session.install("--group", "server")
    session.run("python", "-m", "reference_server", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the API reference docs from generated/openapi.json into build/docs/ (static, offline)."""
    session.install("--group", "docs")
    session.run("python", "-m", "generator.docs", *session.posargs)


@nox.session
def clients(session: nox.Session) -> None:
    """Generate TypeScript and Go clients into build/clients, compile them and smoke-test them."""
    session.install("--group", "clients")
    if shutil.which("npm") is not None:  # without Node.js the toolchain check below skips the session
        _node_tools(session, "tsc")
    missing = session.run("python", "-m", "generator.clients", "--check-toolchains", silent=True)
    if isinstance(missing, str) and missing.strip():
        session.skip(f"a toolchain cannot be had: {missing.strip()}")
    session.run("python", "-m", "generator.clients", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks side by side with their peers: prints one table, writes build/bench/results.json.
    `-- --quick` is a smoke run, `-- --case NAME` runs one case (see benchmarks/README.md)."""
    session.install("--group", "bench")
    _node_tools(session, "prism", "redocly")
    session.run("python", "-m", "benchmarks", *session.posargs, env={"REDOCLY_TELEMETRY": "off"})
