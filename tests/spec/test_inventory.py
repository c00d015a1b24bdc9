"""The spec covers every documented method: 7 flow, 21 bizproc, the deprecated alias and batch."""

from __future__ import annotations

from typing import Any

from b24_spec import conventions

FLOW = {f"tasks.flow.Flow.{m}" for m in ("create", "update", "get", "delete", "isExists", "activate", "pin")}
BIZPROC = {
    *(f"bizproc.workflow.{m}" for m in ("start", "instances", "terminate", "kill")),
    *(f"bizproc.workflow.template.{m}" for m in ("add", "update", "list", "delete")),
    *(f"bizproc.task.{m}" for m in ("list", "complete", "delegate")),
    *(f"bizproc.robot.{m}" for m in ("add", "update", "list", "delete")),
    "bizproc.event.send",
    *(f"bizproc.activity.{m}" for m in ("add", "update", "list", "delete", "log")),
}
ALIAS = "bizproc.workflow.instance.list"


def test_every_documented_method_is_an_operation(bundled: Any) -> None:
    assert len(FLOW) == 7
    assert len(BIZPROC) == 21
    ids = {op["operationId"] for _p, _m, op in conventions.operations(bundled)}
    assert ids == FLOW | BIZPROC | {ALIAS, "batch"}


def test_application_only_methods_are_marked(bundled: Any) -> None:
    marked = {
        op["operationId"] for _p, _m, op in conventions.operations(bundled) if op.get("x-bitrix-app-context")
    }
    assert marked == {
        "bizproc.workflow.template.add",
        "bizproc.workflow.template.update",
        "bizproc.workflow.template.delete",
        *(f"bizproc.robot.{m}" for m in ("add", "update", "list", "delete")),
        *(f"bizproc.activity.{m}" for m in ("add", "update", "list", "delete")),
    }


def test_application_only_methods_declare_the_webhook_refusal(bundled: Any) -> None:
    for _p, _m, op in conventions.operations(bundled):
        if op.get("x-bitrix-app-context"):
            refusals = {
                e["status"]
                for e in op["x-bitrix-errors"]
                if e["message"] == "Access denied! Application context required"
            }
            assert refusals == {400, 403}, op["operationId"]
