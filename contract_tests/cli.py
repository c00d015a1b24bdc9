"""`b24-contract`: the contract suite as an installed command (the same options as `nox -s contract`).

Exit codes: 0 the server passed, 1 it failed a check, 2 bad options or a missing extra, 3 the suite
itself broke, 5 the options selected no test.
"""

from __future__ import annotations

import importlib.util
import sys

USAGE_ERROR = 2
NEEDS = ("pytest", "schemathesis", "starlette", "uvicorn", "yaml", "jsonschema")


def missing_modules(names: tuple[str, ...]) -> list[str]:
    """The modules of `names` that cannot be imported here."""
    return [name for name in names if importlib.util.find_spec(name) is None]


def main() -> None:
    missing = missing_modules(NEEDS)
    if missing:
        print(
            f"b24-contract: missing {', '.join(missing)}; "
            f"install it with pip install 'b24-openapi[contract]'",
            file=sys.stderr,
        )
        sys.exit(USAGE_ERROR)
    from contract_tests.__main__ import main as run  # noqa: PLC0415  (needs the extra checked above)

    sys.exit(run())
