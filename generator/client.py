"""Generate the Python client in generated/python from the bundled spec.

openapi-python-client (pinned in pyproject.toml) does the work with our config and the templates we
override (generator/python_client/templates); the hand-written runtime modules in
generator/python_client/runtime are then copied into the package. Same input, same bytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "python_client"
SPEC = ROOT / "generated" / "openapi.yaml"
OUT = ROOT / "generated" / "python"
PACKAGE = "b24_client"


def generate(out_dir: Path = OUT, spec: Path = SPEC) -> None:
    """Write the client distribution (pyproject.toml, README.md, b24_client/) into `out_dir`."""
    out_dir = out_dir.resolve()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Use the tools installed next to this interpreter (openapi-python-client, and the ruff its
    # post-hooks call), whether or not that environment is activated.
    tools = str(Path(sys.executable).parent)
    command = [
        shutil.which("openapi-python-client", path=tools) or "openapi-python-client",
        "generate",
        "--path", str(spec),
        "--meta", "uv",
        "--config", str(HERE / "config.yaml"),
        "--custom-template-path", str(HERE / "templates"),
        "--output-path", str(out_dir),
        "--fail-on-warning",
    ]  # fmt: skip
    env = {**os.environ, "PATH": os.pathsep.join([tools, os.environ.get("PATH", "")])}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    for module in sorted((HERE / "runtime").glob("*.py")):
        shutil.copyfile(module, out_dir / PACKAGE / module.name)
    (out_dir / ".gitignore").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="target folder (replaced)")
    args = parser.parse_args(argv)
    try:
        generate(args.out)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
