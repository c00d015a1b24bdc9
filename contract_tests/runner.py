"""Runs one case: live-mode safety, the call, every check one by one (for the per-operation summary)."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import schemathesis
from schemathesis import Case, GenerationMode, Response
from schemathesis.checks import CHECKS
from schemathesis.core.failures import FailureGroup

from contract_tests import checks, live, model, patience, target
from contract_tests.summary import Failure, Summary

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
    path = live.NAME_MEMBERS.get(op)
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


def validate(case: Case[Any], response: Response, summary: Summary) -> list[str]:
    """Run every check on one answer; record each outcome; return the failure messages."""
    op = operation_id(case)
    messages = []
    for check in all_checks():
        try:
            case.validate_response(response, checks=[check])
        except (AssertionError, FailureGroup) as error:
            message = _message(error)
            curl = case.as_curl_command(headers={}, verify=True)
            summary.record_failure(Failure(op, check.__name__, message, curl))
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


def send(case: Case[Any]) -> Response:
    return patience.call(case, params=target.CURRENT.params)


__all__ = ["after_call", "all_checks", "prepare", "schemathesis", "send", "validate"]
