"""Runs one case: live-mode safety, the call, every check one by one (for the per-operation summary)."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import requests
from schemathesis import Case, GenerationMode, Response
from schemathesis.checks import CHECKS
from schemathesis.core.failures import FailureGroup

from contract_tests import checks, live, model, patience, reproduce, target
from contract_tests.summary import Failure, Summary

# A call that gets no answer at all fails this pseudo-check (a column of the summary like the others).
ANSWERS_AT_ALL = "answers_at_all"
# Built-in checks that do not fit an RPC API whose portals answer every verb (see schemathesis.toml).
EXCLUDED = {"unsupported_method", "positive_data_acceptance"}


def all_checks() -> list[Any]:
    builtin = [c for c in CHECKS.get_all() if c.__name__ not in EXCLUDED and c not in checks.BITRIX_CHECKS]
    return [*builtin, *checks.BITRIX_CHECKS]


def operation_id(case: Case[Any]) -> str:
    return str(case.operation.definition.raw["operationId"])


def prepare(case: Case[Any]) -> str | None:
    """Make `case` safe to send; return why it must not be sent at all (live mode), or None."""
    current = target.CURRENT
    op = operation_id(case)
    if current.live:
        case.body = live.mark_name(op, case.body)
    return live.refusal(current, op, case.body)


_SEEDS = itertools.count(1)


def seed_from_examples(case: Case[Any]) -> None:
    """Start a positive stateful sequence's create call from one of the spec's own request examples.

    Random bodies almost never name users, groups or documents that exist, so without this the
    sequences (create -> get -> activate -> ... -> delete) would stop at their first step. The name
    (or code) is made unique, and members that a link filled in from an earlier answer are kept.
    """
    op = operation_id(case)
    mode = getattr(getattr(case.meta, "generation", None), "mode", None)
    examples = model.request_examples(op)
    if op not in model.creators() or mode != GenerationMode.POSITIVE or not examples:
        return
    seed = next(_SEEDS)
    body = copy.deepcopy(examples[seed % len(examples)])
    path = model.name_member(op)
    holder = model.member(body, path[:-1]) if path else None
    if path and isinstance(holder, dict) and isinstance(holder.get(path[-1]), str):
        holder[path[-1]] = f"{holder[path[-1]]}{'_' if path[-1] == 'CODE' else ' '}{seed}"
    for binding in model.bindings():
        value = model.member(case.body, binding.path) if binding.target == op else None
        if value is not None:
            checks.with_member(body, binding.path, value)
    case.body = body


def after_call(case: Case[Any], response: Response, summary: Summary) -> None:
    body = _json(response)
    success = (
        response.status_code == 200 and isinstance(body, dict) and "result" in body and "error" not in body
    )
    summary.record_call(operation_id(case), success)
    if success:
        live.remember(target.CURRENT, operation_id(case), case.body, body)
        live.forget(target.CURRENT, operation_id(case), case.body)


def validate(case: Case[Any], response: Response, summary: Summary) -> list[str]:
    """Run every check on one answer; record each outcome; return the failure messages."""
    op = operation_id(case)
    messages = []
    for check in all_checks():
        try:
            case.validate_response(response, checks=[check])
        except (AssertionError, FailureGroup) as error:
            message = _message(error)
            curl = reproduction(response.request)
            summary.record_failure(Failure(op, check.__name__, message, curl, response.status_code))
            messages.append(f"{check.__name__}: {message}")
        else:
            summary.record_pass(op, check.__name__)
    summary.exercised |= checks.EXERCISED
    return messages


def _message(error: BaseException) -> str:
    if isinstance(error, FailureGroup):
        parts = []
        for failure in error.exceptions:
            title = str(getattr(failure, "title", "") or failure).splitlines()[0]
            detail = str(getattr(failure, "message", "") or "").strip().splitlines()
            parts.append(f"{title}: {detail[0]}" if detail else title)
        return "; ".join(parts)
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _json(response: Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def reproduction(request: Any) -> str:
    """The curl for a request the suite sent, the token masked unless it is the local server's."""
    current = target.CURRENT
    token = None if current.in_process else current.token
    return reproduce.curl(request, token, in_process=current.in_process)


def send(case: Case[Any], summary: Summary, **kwargs: Any) -> Response:
    """The answer to `case`; a call that gets none (timeout, refused or dropped connection) is a
    failure of the operation, recorded with its curl, not a crash of the run."""
    current = target.CURRENT
    try:
        response = patience.call(case, params=current.params, timeout=current.timeout, **kwargs)
    except requests.RequestException as error:
        op = operation_id(case)
        message = _no_answer(error, current.timeout)
        curl = reproduction(error.request) if error.request is not None else case.as_curl_command()
        summary.record_call(op, success=False)
        summary.record_failure(Failure(op, ANSWERS_AT_ALL, message, curl, None))
        raise AssertionError(f"{op}: {message}") from None
    summary.record_pass(operation_id(case), ANSWERS_AT_ALL)
    return response


def _no_answer(error: requests.RequestException, timeout: float) -> str:
    if isinstance(error, requests.Timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(error, requests.ConnectionError):
        return f"no answer: the connection was refused or dropped ({type(error).__name__})"
    return f"no usable answer: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
