"""pytest plugin of the contract suite: options, the target, clean-up and the per-operation summary."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any, NoReturn

import pytest

from contract_tests import patience, target
from contract_tests import session as run

USAGE_ERROR = 2


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Bitrix24 contract suite")
    group.addoption(
        "--base-url", help="server to test, e.g. https://portal/rest/1/code/ (default: in-process)"
    )
    group.addoption("--token", help="OAuth access token, sent as `auth` (use with https://portal/rest)")
    group.addoption("--live", action="store_true", help="a real portal: touch only objects this run creates")
    group.addoption("--max-examples", type=int, default=20, help="generated cases per operation (default 20)")
    group.addoption("--stateful-steps", type=int, default=6, help="calls per stateful sequence (default 6)")
    group.addoption(
        "--operations", help="only operations whose path matches this regex, e.g. '^/tasks\\.flow'"
    )
    group.addoption("--mutant", help="test a deliberately broken in-process server (see mutants.py)")
    group.addoption("--report-dir", default="build/contract", help="where summary.txt / summary.json go")
    group.addoption("--timeout", type=float, default=30.0, help="seconds to wait for one answer (default 30)")


def pytest_configure(config: pytest.Config) -> None:
    base_url = config.getoption("--base-url", default=None)
    timeout = float(config.getoption("--timeout", default=30.0))
    if timeout <= 0:
        _usage_error(f"--timeout must be a positive number of seconds, not {timeout:g}")
    if base_url is None:
        current = run.in_process_target(config.getoption("--mutant", default=None))
        current.live = bool(config.getoption("--live", default=False))
    else:
        try:
            url = target.validate_base_url(base_url)
        except ValueError as error:
            _usage_error(str(error))
        token = config.getoption("--token")
        if (warning := target.portal_warning(url, token)) is not None:
            print(f"contract: warning: {warning}", file=sys.stderr)
        current = target.Target(base_url=url, token=token, live=bool(config.getoption("--live")))
    current.timeout = timeout
    patience.notice = lambda text: _say(config, text)
    run.start(
        current,
        max_examples=int(config.getoption("--max-examples", default=20)),
        stateful_steps=int(config.getoption("--stateful-steps", default=6)),
        operations=config.getoption("--operations", default=None),
    )


def _say(config: pytest.Config, text: str) -> None:
    """One line on the terminal now, in the middle of a test (pytest captures output until the end)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        print(text, file=sys.stderr)
        return
    with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
        reporter.write_line("")
        reporter.write_line(text)


def _usage_error(message: str) -> NoReturn:
    """A bad option: one line and exit code 2, as command-line tools report usage errors."""
    pytest.exit(message, returncode=USAGE_ERROR)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    left = run.clean_up()
    if left:
        print(f"\ncontract: could not remove {len(left)} object(s) this run created: {left}")


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    summary = run.SUMMARY
    if summary is None:
        return
    written = summary.write(Path(str(config.getoption("--report-dir", default="build/contract"))))
    terminalreporter.section(f"contract: {target.CURRENT.describe()}")
    terminalreporter.write_line(summary.table())
    if patience.waits:
        terminalreporter.write_line(f"waited out the portal's limits {patience.waits} times")
    for operation, reasons in summary.skipped.items():
        terminalreporter.write_line(f"not exercised: {operation}: {'; '.join(reasons)}")
    if summary.failures:
        terminalreporter.section("contract failures (with a curl that reproduces each)")
        terminalreporter.write_line(summary.failure_report())
    terminalreporter.write_line(f"reports: {', '.join(str(p) for p in written)}")
