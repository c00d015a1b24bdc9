"""`b24-portal`: the reference server as an installed command (`python -m reference_server`).

Exit codes: 0 stopped cleanly, 2 bad options, a store another server holds, or a missing extra.
"""

from __future__ import annotations

import importlib.util
import sys

USAGE_ERROR = 2
NEEDS = ("starlette", "uvicorn", "yaml", "jsonschema")


def main() -> None:
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"b24-portal: missing {', '.join(missing)}; install it with pip install 'b24-openapi[server]'",
            file=sys.stderr,
        )
        sys.exit(USAGE_ERROR)
    from reference_server.__main__ import main as serve  # noqa: PLC0415  (needs the extra checked above)

    serve(prog="b24-portal")
