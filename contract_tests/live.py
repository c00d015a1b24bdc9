"""Live-mode safety: act only on objects this run created, name them recognisably, remove them after.

What counts as "created" and where its id travels comes from the spec's links (model.py).
"""

from __future__ import annotations

import copy
from typing import Any

from contract_tests import model
from contract_tests.target import NAME_PREFIX, Target


def mark_name(operation_id: str, body: Any) -> Any:
    """`body` with its name member prefixed (codes get `b24ct_`, since they must be identifiers)."""
    path = model.name_member(operation_id)
    if not path or not isinstance(body, dict):
        return body
    marked = copy.deepcopy(body)
    holder: Any = marked
    for part in path[:-1]:
        holder = holder.get(part) if isinstance(holder, dict) else None
    value = holder.get(path[-1]) if isinstance(holder, dict) else None
    if isinstance(holder, dict) and isinstance(value, str):
        prefix = NAME_PREFIX if path[-1] != "CODE" else NAME_PREFIX.replace("-", "_")
        if not value.startswith(prefix):
            holder[path[-1]] = prefix + value
    return marked


def refusal(target: Target, operation_id: str, body: Any) -> str | None:
    """Why a live run must not send this call, or None when it may."""
    if not target.live or model.is_read(operation_id):
        return None
    links = model.ownership(operation_id)
    feeders = [b for b in model.bindings() if b.target == operation_id]
    if not links and feeders:
        return f"{operation_id} acts on objects this run cannot prove it created"
    for binding in links:
        value = model.member(body, binding.path)
        if value is not None and str(value) not in target.created.get(binding.source, set()):
            return f"{operation_id} would act on {value!r}, which this run did not create"
    return None


def remember(target: Target, operation_id: str, request: Any, response: Any) -> None:
    """Note what a successful create call made."""
    if operation_id not in model.creators():
        return
    target.created_calls.append((operation_id, request, response))
    for binding in model.bindings():
        if binding.source != operation_id:
            continue
        try:
            value = model.pointer_get(response if binding.side == "response" else request, binding.pointer)
        except (KeyError, IndexError, TypeError):
            continue
        target.created.setdefault(operation_id, set()).add(str(value))


def forget(target: Target, operation_id: str, request: Any) -> None:
    """After a successful delete, the ids it removed name nothing: later writes on them are refused
    like writes on objects of others (a portal would still take some, such as a pin of a gone flow,
    and keep a row for it)."""
    if not model.is_delete(operation_id):
        return
    for binding in model.ownership(operation_id):
        value = model.member(request, binding.path)
        if value is not None:
            target.created.get(binding.source, set()).discard(str(value))


def cleanup_calls(target: Target) -> list[tuple[str, Any, str, Any]]:
    """(creator, its request, remover, remover's body) for what this run created, newest first
    (workflows before their templates)."""
    calls = []
    for operation_id, request, response in reversed(target.created_calls):
        remover = model.cleanup_operation(operation_id)
        if remover is not None:
            calls.append(
                (operation_id, request, remover, model.link_body(operation_id, remover, request, response))
            )
    return calls
