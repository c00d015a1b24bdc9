"""Generate, compile and smoke-test clients in other languages from the committed bundle.

    python -m generator.languages.clients [--spec generated/openapi.yaml] [--out build/clients]
        [--lang typescript go]

(what `nox -s clients` runs). For each language: openapi-generator (the pinned `openapi-generator-cli`
from PyPI, which bundles its jar) writes the client into build/clients/<lang>, the client is compiled
(`tsc` from node_modules; Debian's Go with dependencies resolved offline), and a small committed smoke
program (generator/languages/smoke.ts, generator/languages/smoke_test.go) drives a reference server started
on a free 127.0.0.1 port. Every step raises ChainError with the tool's own output when it fails.

Spec validation is switched off (`--skip-validate-spec`) for one reason only: openapi-generator's
validator rejects OpenAPI links whose `requestBody` is an object (`... requestBody is not of type
string`), which OpenAPI 3.1 allows and our links use. `validate_without_links` runs that same validator
on a copy with the links stripped, so every other problem still fails (tests/clients/test_clients.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from b24_spec import model
from b24_spec.bundle import BUNDLE_YAML
from generator.bundle import load_yaml
from reference_server.process import serving

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "clients"
SOURCES = Path(__file__).resolve().parent
VALIDATOR_SOURCE = Path("/usr/share/gocode/src/gopkg.in/validator.v2")  # golang-gopkg-validator.v2-dev
ADMIN_WEBHOOK = "rest/1/reference-admin"
OAUTH_TOKEN = "reference-token-admin"

# Generator options: only what a user of that generator would pass anyway, no name mappings.
# Go's enumClassPrefix: without it the constants of Flag01 (0/1), TaskStatus ("0".."5") and
# TaskUserStatus ("0".."4") are all named _0, _1, ... and collide (`_0 redeclared in this block`).
GENERATORS: dict[str, tuple[str, list[str]]] = {
    "typescript": ("typescript-fetch", []),
    "go": ("go", ["--additional-properties=packageName=b24,enumClassPrefix=true"]),
}
LANGUAGES = tuple(GENERATORS)

TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "module": "commonjs",
        "lib": ["ES2022", "DOM"],
        "strict": True,
        "outDir": "dist",
        "types": [],
        "skipLibCheck": True,
    },
    "include": ["*.ts", "apis/*.ts", "models/*.ts"],
}


class ChainError(RuntimeError):
    """A step of the chain failed; the message carries the tool's output."""

    def __init__(self, lang: str, step: str, output: str) -> None:
        super().__init__(f"{lang}: {step} failed\n{output}")
        self.lang = lang
        self.step = step
        self.output = output


@dataclass
class Timing:
    lang: str
    step: str
    seconds: float


TIMINGS: list[Timing] = []


def _run(
    lang: str,
    step: str,
    cmd: Sequence[str | Path],
    cwd: Path,
    env: dict[str, str] | None = None,
    *,
    timeout: float = 300,
) -> str:
    started = time.monotonic()
    proc = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    TIMINGS.append(Timing(lang, step, time.monotonic() - started))
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise ChainError(lang, step, output)
    return output


# --- toolchains ----------------------------------------------------------------------------------


def openapi_generator() -> str | None:
    """The openapi-generator-cli next to this Python (a venv's bin) or on PATH."""
    local = Path(sys.executable).parent / "openapi-generator-cli"
    return str(local) if local.exists() else shutil.which("openapi-generator-cli")


def tsc() -> Path:
    return ROOT / "node_modules" / ".bin" / "tsc"


def missing_toolchains(langs: Sequence[str] = LANGUAGES) -> list[str]:
    """What cannot be had on this machine, as sentences (empty when everything is there)."""
    missing = []
    if shutil.which("java") is None:
        missing.append(
            "Java (openapi-generator runs on it): install a JRE 11+, e.g. apt-get install default-jre"
        )
    if openapi_generator() is None:
        missing.append("openapi-generator-cli: install the `clients` dependency group")
    if "typescript" in langs:
        if shutil.which("node") is None:
            missing.append("Node.js (tsc and the TypeScript smoke program run on it)")
        elif not tsc().exists():
            missing.append("tsc: run `npm ci` (typescript is pinned in package.json)")
    if "go" in langs:
        if shutil.which("go") is None:
            missing.append("Go: apt-get install golang-go golang-gopkg-validator.v2-dev")
        elif not VALIDATOR_SOURCE.is_dir():
            missing.append("gopkg.in/validator.v2 source: apt-get install golang-gopkg-validator.v2-dev")
    return missing


# --- generation ----------------------------------------------------------------------------------


def generate(lang: str, spec: Path, out: Path) -> Path:
    """Run openapi-generator for one language into out/<lang> (emptied first)."""
    generator, options = GENERATORS[lang]
    target = out / lang
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    cli = openapi_generator()
    if cli is None:
        raise ChainError(lang, "generate", "openapi-generator-cli not found")
    _run(
        lang,
        "generate",
        # --skip-validate-spec: links with an object requestBody only (module docstring).
        [cli, "generate", "-i", spec, "-g", generator, "-o", target, "--skip-validate-spec", *options],
        cwd=ROOT,
    )
    return target


def strip_links(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document without OpenAPI links (components.links and every response's links)."""
    copy: dict[str, Any] = json.loads(json.dumps(doc))
    copy.get("components", {}).pop("links", None)
    for item in copy.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                for response in (operation.get("responses") or {}).values():
                    if isinstance(response, dict):
                        response.pop("links", None)
    return copy


def validate(spec: Path) -> str:
    """openapi-generator's own validator on a file; ChainError (with its report) when it fails."""
    cli = openapi_generator()
    if cli is None:
        raise ChainError("spec", "validate", "openapi-generator-cli not found")
    return _run("spec", "validate", [cli, "validate", "-i", spec], cwd=ROOT)


def validate_without_links(spec: Path, workdir: Path) -> str:
    """Validate a copy of `spec` with its links stripped: everything except the known limitation."""
    doc = load_yaml(spec.read_text(encoding="utf-8"))
    copy = workdir / "openapi-without-links.yaml"
    copy.write_text(yaml.safe_dump(strip_links(doc), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return validate(copy)


# --- compilation ---------------------------------------------------------------------------------


def compile_typescript(client: Path) -> None:
    """tsc --strict over the generated sources plus the smoke program, emitting CommonJS into dist/."""
    shutil.copy(SOURCES / "smoke.ts", client / "smoke.ts")
    (client / "tsconfig.json").write_text(json.dumps(TSCONFIG, indent=2) + "\n", encoding="utf-8")
    _run("typescript", "compile", [tsc(), "-p", client / "tsconfig.json"], cwd=client)


def go_validator_module(out: Path) -> Path:
    """Debian ships gopkg.in/validator.v2 as bare source; give a copy the go.mod a `replace` needs."""
    target = out / "go-deps" / "gopkg.in" / "validator.v2"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for source in VALIDATOR_SOURCE.glob("*.go"):
        if not source.name.endswith("_test.go"):
            shutil.copy(source, target / source.name)
    (target / "go.mod").write_text("module gopkg.in/validator.v2\n\ngo 1.19\n", encoding="utf-8")
    return target


def go_env(out: Path) -> dict[str, str]:
    return {
        "GOFLAGS": "-mod=mod",
        "GOPROXY": "off",
        "GOTOOLCHAIN": "local",
        "GOSUMDB": "off",
        "GOPATH": str(out / "gopath"),
        "GOCACHE": os.environ.get("GOCACHE", str(out / "gocache")),
    }


def compile_go(client: Path) -> None:
    """go build + go vet of the generated package (root only: test/ needs testify), offline."""
    out = client.parent
    validator = go_validator_module(out)
    env = go_env(out)
    _run("go", "replace", ["go", "mod", "edit", f"-replace=gopkg.in/validator.v2={validator}"], client, env)
    shutil.copy(SOURCES / "smoke_test.go", client / "smoke_test.go")
    _run("go", "compile", ["go", "build", "."], client, env)
    _run("go", "vet", ["go", "vet", "."], client, env)


# --- smoke tests against the reference server ------------------------------------------------------


@contextmanager
def reference_server() -> Iterator[str]:
    """`python -m reference_server --no-limits` on a free port; yields its base URL."""
    with serving("--no-limits") as server:
        yield server.url


def pin_200_error(spec: Path) -> str:
    """The first documented error body that tasks.flow.Flow.pin answers with HTTP 200."""
    found = model.load(load_yaml(spec.read_text(encoding="utf-8")))
    for entry in found.operations["tasks.flow.Flow.pin"].errors:
        if entry.status == 200:
            return json.dumps(found.example(entry.name))
    raise LookupError("tasks.flow.Flow.pin documents no error under 200")


def smoke_env(server: str, spec: Path) -> dict[str, str]:
    return {
        "B24_WEBHOOK": f"{server}/{ADMIN_WEBHOOK}",
        "B24_OAUTH_BASE": f"{server}/rest",
        "B24_OAUTH_TOKEN": OAUTH_TOKEN,
        "B24_PIN_200_ERROR": pin_200_error(spec),
    }


def smoke_typescript(client: Path, env: dict[str, str]) -> str:
    return _run("typescript", "smoke", ["node", client / "dist" / "smoke.js"], client, env, timeout=120)


def smoke_go(client: Path, env: dict[str, str]) -> str:
    go = {**go_env(client.parent), **env}
    return _run(
        "go", "smoke", ["go", "test", "-run", "TestSmoke", "-count=1", "-v", "."], client, go, timeout=180
    )


def smoke_lines(lang: str, output: str) -> list[str]:
    """The smoke program's own lines (`ts: ...` / `go: ...`), without the prefix."""
    prefix = {"typescript": "ts: ", "go": "go: "}[lang]
    return [line[len(prefix) :] for line in output.splitlines() if line.startswith(prefix)]


COMPILERS = {"typescript": compile_typescript, "go": compile_go}
SMOKES = {"typescript": smoke_typescript, "go": smoke_go}


def run_chain(
    spec: Path = BUNDLE_YAML, out: Path = OUT, langs: Sequence[str] = LANGUAGES
) -> dict[str, list[str]]:
    """Generate, compile and smoke-test every language; return each smoke program's lines."""
    out.mkdir(parents=True, exist_ok=True)
    clients = {}
    for lang in langs:
        clients[lang] = generate(lang, spec, out)
        COMPILERS[lang](clients[lang])
    results = {}
    with reference_server() as server:
        env = smoke_env(server, spec)
        for lang in langs:
            results[lang] = smoke_lines(lang, SMOKES[lang](clients[lang], env))
            if not results[lang] or results[lang][-1] != "SMOKE OK":
                raise ChainError(lang, "smoke", "\n".join(results[lang]))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=BUNDLE_YAML, help="the bundle to generate from")
    parser.add_argument("--out", type=Path, default=OUT, help="where the clients go")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument(
        "--check-toolchains",
        action="store_true",
        help="only print what is missing (nothing when all is there)",
    )
    args = parser.parse_args(argv)
    missing = missing_toolchains(args.lang)
    if args.check_toolchains:
        print("; ".join(missing))
        return 0
    if missing:
        print("cannot build the clients, missing:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        results = run_chain(args.spec.resolve(), args.out.resolve(), args.lang)
    except ChainError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        for timing in TIMINGS:
            print(f"{timing.lang:>10} {timing.step:<9} {timing.seconds:6.1f} s")
    for lang, lines in results.items():
        for line in lines:
            print(f"{lang}: {line}")
    print(f"clients OK in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
