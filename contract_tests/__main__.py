"""`python -m contract_tests [options]`: the contract suite as one command (`nox -s contract` runs it).

Options are the suite's (`--base-url`, `--token`, `--live`, ... see contract_tests/README.md) and any
of pytest's. Exit codes, as CI reads them: 0 the server passed, 1 it failed a check, 2 bad options,
3 the suite itself broke, 5 the options selected no test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parent
USAGE_ERROR = 2
INTERNAL_ERROR = 3


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # short tracebacks: the long form prints call arguments, the caller's token among them
    # -c: the suite's own settings, not whatever pytest configuration the current folder has
    config = ["-c", str(SUITE / "pytest.ini"), "--rootdir", str(SUITE.parent)]
    code = pytest.main([str(SUITE), *config, "-p", "no:cacheprovider", "--tb=short", *args])
    if code == pytest.ExitCode.USAGE_ERROR:  # pytest's own option errors are its code 4
        return USAGE_ERROR
    if code == pytest.ExitCode.INTERNAL_ERROR:
        return INTERNAL_ERROR
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
