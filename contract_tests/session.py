"""The state of one contract run: the loaded schema, the target, the summary."""

from __future__ import annotations

import re
from typing import Any

import schemathesis

from b24_spec.bundle import BUNDLE_JSON
from contract_tests import checks, live, model, mutants, patience, runner, target
from contract_tests.summary import Summary
from reference_server import ServerConfig, create_app

SCHEMA: Any = None
SUMMARY: Summary | None = None
MAX_EXAMPLES = 20
STATEFUL_STEPS = 6


def in_process_target(mutant: str | None) -> target.Target:
    app: Any = create_app(ServerConfig(limits=False))
    if mutant is not None:
        app = mutants.wrap(mutant, app)
    return target.Target(base_url=target.IN_PROCESS_URL, token=target.IN_PROCESS_TOKEN, app=app)


def start(
    current: target.Target, *, max_examples: int, stateful_steps: int, operations: str | None = None
) -> None:
    global SCHEMA, SUMMARY, MAX_EXAMPLES, STATEFUL_STEPS  # noqa: PLW0603 - one run per process
    target.use(current)
    config = schemathesis.Config.from_path(str(target.CONFIG))
    SCHEMA = schemathesis.openapi.from_path(str(BUNDLE_JSON), config=config)
    if current.app is not None:
        SCHEMA.app = current.app
    SCHEMA.config.update(base_url=current.base_url)
    SCHEMA.config.generation.update(max_examples=max_examples, database="none")
    if operations:
        # An exclusion, because the config's [[operations]] sections already add an inclusion filter
        # that would let every operation through.
        pattern = re.compile(operations)
        SCHEMA = SCHEMA.exclude(func=lambda ctx: not pattern.search(ctx.operation.path))
    MAX_EXAMPLES, STATEFUL_STEPS = max_examples, stateful_steps
    SUMMARY = Summary(
        operations=sorted(op for op in model.operations() if re.search(operations or "", f"/{op}")),
        checks=[runner.ANSWERS_AT_ALL, *(c.__name__ for c in runner.all_checks())],
        conditional={c.__name__ for c in checks.BITRIX_CHECKS},
    )


def clean_up() -> list[str]:
    """Remove what the run created (live mode); return what could not be removed."""
    current = target.CURRENT
    if not current.live or SCHEMA is None:
        return []
    left = []
    for creator, request, operation_id, body in live.cleanup_calls(current):
        operation = SCHEMA.find_operation_by_label(f"POST /{operation_id}")
        response = patience.call(
            operation.Case(body=body, media_type="application/json"), params=current.params
        )
        removed = response.status_code == 200 and "error" not in (response.json() if response.content else {})
        if not removed:
            removed = _already_gone(operation_id, body)
        if not removed:
            left.append(f"{operation_id} {body}")
        if SUMMARY is not None:
            path = model.name_member(creator)
            name = model.member(request, path) if path else None
            SUMMARY.created.append(
                {"operation": creator, "name": name, "removed_by": operation_id, "removed": removed}
            )
    return left


def _already_gone(remover: str, body: Any) -> bool:
    """A removal failed: true when the object is gone anyway (the run itself deleted it earlier)."""
    probe = checks.probe_for_deleted(remover, body)
    if probe is None or SCHEMA is None:
        return False
    read_id, read_body, value = probe
    operation = SCHEMA.find_operation_by_label(f"POST /{read_id}")
    answer = patience.call(
        operation.Case(body=read_body, media_type="application/json"), params=target.CURRENT.params
    )
    found = answer.json() if answer.content else {}
    if answer.status_code != 200 or not isinstance(found, dict) or "result" not in found:
        return True
    return not checks.mentions(found["result"], value)
