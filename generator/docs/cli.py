"""`b24-docs`: the API reference site from the bundled spec, or another bundle with `--spec FILE`.

Exit codes: 0 built, 1 the bundle lacks something the docs must show (or cannot be read), 2 bad
options or a missing extra.
"""

from __future__ import annotations

import importlib.util
import sys

USAGE_ERROR = 2
NEEDS = ("jinja2", "markupsafe")


def main() -> None:
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"b24-docs: missing {', '.join(missing)}; install it with pip install 'b24-openapi[docs]'",
            file=sys.stderr,
        )
        sys.exit(USAGE_ERROR)
    from generator.docs import main as build  # noqa: PLC0415  (needs the extra checked above)

    sys.exit(build(prog="b24-docs"))
