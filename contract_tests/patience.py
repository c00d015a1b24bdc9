"""Calls that wait out a portal's limits instead of reporting them as the server's fault.

A real portal (and the reference server with its limits on) answers 503 `QUERY_LIMIT_EXCEEDED` once
the request bucket is empty and 429 `OPERATION_TIME_LIMIT` once a method's time budget is spent. Both
refuse the call before it runs (the spec marks them `after-backoff` / `after-reset`), so the suite
waits and sends the same call again: the run slows to the portal's pace, and no check sees a refusal
that says nothing about the contract.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from schemathesis import Case, Response

LIMIT_CODES = {(503, "QUERY_LIMIT_EXCEEDED"), (429, "OPERATION_TIME_LIMIT")}
FIRST_WAIT = 0.5
LONGEST_WAIT = 30.0
GIVE_UP_AFTER = 600.0
waits = 0  # how often this run waited, for the summary
# Told once, when the run first waits: a run at a portal's pace can take many minutes, and without a
# word it looks hung. The suite's conftest points it at the terminal; unset, nothing is said.
notice: Callable[[str], None] | None = None


def _first_wait_notice(response: Response) -> str:
    code = response.json().get("error")
    return (
        f"contract: the server refuses calls for its limits ({response.status_code} {code}); each is sent "
        "again after a pause, so the run now goes at the server's pace (a cloud portal: about 2 calls a "
        "second). Quicker: `b24-portal --no-limits` as the target, or a smaller --max-examples."
    )


def _limited(response: Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and (response.status_code, body.get("error")) in LIMIT_CODES


def patiently(send: Callable[[], Response], sleep: Callable[[float], None] = time.sleep) -> Response:
    """`send()`, repeated with growing pauses while the portal refuses it for its limits."""
    global waits  # noqa: PLW0603 - a run-wide counter, read once for the summary
    pause, waited = FIRST_WAIT, 0.0
    response = send()
    while _limited(response) and waited < GIVE_UP_AFTER:
        if waits == 0 and notice is not None:
            notice(_first_wait_notice(response))
        waits += 1
        sleep(pause)
        waited += pause
        pause = min(pause * 2, LONGEST_WAIT)
        response = send()
    return response


def call(case: Case[Any], **kwargs: Any) -> Response:
    return patiently(lambda: case.call(**kwargs))
