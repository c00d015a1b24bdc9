"""The suite's output is a tool's output: every failure comes with a curl that, run again, gets the same
failing answer; a server that does not answer is a failure of the operation, not a crash; any base URL
can be tested; bad options are one line and exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.contract.suite import Outcome, run_suite
from tests.contract.test_cli import server_or_mutant

# many seconds each (contract-suite runs, compilers): started first in a parallel run
pytestmark = pytest.mark.slow

FLOW_READS = r"^/tasks\.flow\.Flow\.(create|get|isExists)$"
# checks whose verdict rests on one answer, so one curl reproduces it
ONE_CALL_CHECKS = {"not_a_server_error", "status_code_conformance", "error_is_declared", "result_xor_error"}


needs_curl = pytest.mark.skipif(
    shutil.which("curl") is None, reason="curl: apt-get install curl (as .ci/run does)"
)


def _replay(curl: str, token: str | None = None) -> tuple[int, Any]:
    env = {**os.environ, "B24_TOKEN": token or ""}
    command = curl + " -o /dev/stdout -w '\\n%{http_code}'"
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=60, env=env, check=False
    )
    body, _, status = done.stdout.rpartition("\n")
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = body
    return int(status), parsed


def _one_call_failures(outcome: Outcome) -> list[dict[str, Any]]:
    found = [f for f in outcome.summary["failures"] if f["check"] in ONE_CALL_CHECKS]
    assert found, outcome.output[-3000:]
    return found


def _assert_printed(outcome: Outcome) -> None:
    """The first curl of each distinct failure is in the printed report, not only in summary.json."""
    seen = set()
    for failure in outcome.summary["failures"]:
        key = (failure["operation"], failure["check"], failure["message"])
        if key not in seen:
            seen.add(key)
            assert failure["curl"].replace("\n", "\n  ") in outcome.output, failure


@needs_curl
@pytest.mark.parametrize("mutant", ["server-error", "ok-status-error"])
def test_every_printed_curl_gets_the_same_failing_answer(tmp_path: Path, mutant: str) -> None:
    with server_or_mutant(mutant) as url:
        outcome = run_suite(tmp_path, "--base-url", url, "--operations", FLOW_READS, "--max-examples", "5")
        assert outcome.returncode == 1, outcome.output[-3000:]
        _assert_printed(outcome)
        for failure in _one_call_failures(outcome):
            status, body = _replay(failure["curl"])
            assert status == failure["status"], (failure, body)


@needs_curl
def test_a_token_is_masked_and_the_curl_still_runs(tmp_path: Path) -> None:
    token = "reference-token-admin"
    with server_or_mutant("server-error") as url:
        oauth_url = url.rsplit("/rest/", 1)[0] + "/rest"
        outcome = run_suite(
            tmp_path,
            "--base-url",
            oauth_url,
            "--token",
            token,
            "--operations",
            FLOW_READS,
            "--max-examples",
            "5",
        )
        assert outcome.returncode == 1, outcome.output[-3000:]
        assert token not in outcome.output
        for failure in _one_call_failures(outcome):
            assert token not in failure["curl"] and "$B24_TOKEN" in failure["curl"]
            assert _replay(failure["curl"], token)[0] == failure["status"]


@contextmanager
def silent_server(close_at_once: bool) -> Iterator[int]:
    """A TCP server that takes connections and never answers (or drops each at once)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            if close_at_once:
                connection.close()
            else:
                held.append(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


@pytest.mark.parametrize(
    ("close_at_once", "message"),
    [(False, "no answer within 1 s"), (True, "no answer: the connection was refused or dropped")],
)
def test_a_server_that_does_not_answer_is_a_failure_with_its_curl(
    tmp_path: Path, close_at_once: bool, message: str
) -> None:
    with silent_server(close_at_once) as port:
        outcome = run_suite(
            tmp_path, "--base-url", f"http://127.0.0.1:{port}/rest/1/code/", "--timeout", "1",
            "--operations", r"^/tasks\.flow\.Flow\.(create|get)$", "--max-examples", "1",
        )  # fmt: skip
    assert outcome.returncode == 1, outcome.output[-3000:]
    assert "INTERNALERROR" not in outcome.output and "urllib3" not in outcome.output
    failures = [f for f in outcome.summary["failures"] if f["check"] == "answers_at_all"]
    assert failures and all(f["message"].startswith(message) for f in failures), failures
    assert all("curl -sS" in f["curl"] and f"127.0.0.1:{port}/rest/1/code/" in f["curl"] for f in failures)


def test_any_base_url_is_tested_with_a_warning_when_it_is_not_a_portal(tmp_path: Path) -> None:
    with silent_server(True) as port:
        outcome = run_suite(
            tmp_path, "--base-url", f"http://127.0.0.1:{port}/api/v2", "--timeout", "1",
            "--operations", r"^/tasks\.flow\.Flow\.get$", "--max-examples", "1",
        )  # fmt: skip
    assert "does not look like a portal REST URL" in outcome.output
    assert any(
        f"127.0.0.1:{port}/api/v2/tasks.flow.Flow.get" in f["curl"] for f in outcome.summary["failures"]
    )


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--base-url", "ftp://portal/rest"], "--base-url must be an http:// or https:// URL"),
        (["--base-url", "https://portal/rest?auth=x"], "--base-url takes no query"),
        (["--timeout", "0"], "--timeout must be a positive number"),
        (["--max-examples", "many"], "invalid int value"),
    ],
)
def test_a_bad_option_is_one_line_and_exit_code_2(tmp_path: Path, options: list[str], says: str) -> None:
    outcome = run_suite(tmp_path, *options)
    assert outcome.returncode == 2, outcome.output
    assert says in outcome.output
    assert "Traceback" not in outcome.output and "INTERNALERROR" not in outcome.output
