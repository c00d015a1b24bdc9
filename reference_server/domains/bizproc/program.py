"""The executable template format (README "Business processes"): parsing and checking.

`TEMPLATE_DATA` is `[fileName, base64]`. Decoded, a YAML or JSON mapping with a `steps` list is a
program the engine runs; anything else (a real `.bpt` export, which is compressed PHP data) is
stored as it came and runs no steps. A mapping with `steps` that breaks the format is refused with
"Incorrect field TEMPLATE_DATA!", since it was meant to run.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

import yaml

from reference_server.core.errors import BitrixError

TASK_STEPS = {
    "approve": "ApproveActivity",
    "review": "ReviewActivity",
    "request": "RequestInformationActivity",
    "task": "",  # any other task type: listed, never completable through REST (ERROR_TASK_TYPE)
}
STEP_KINDS = (*TASK_STEPS, "robot", "activity", "complete")
COMMENT_RULES = ("N", "Y", "YA", "YR")
DELEGATION = ("all", "subordinates", "none")
MAX_DATA = 1024 * 1024  # a decoded template larger than this is stored, never parsed
# YAML aliases share one object, so 400 bytes can stand for a million values once written out: a program
# whose values, counted with every alias expanded, pass this bound is refused before it is expanded
MAX_VALUES = 100_000
MAX_OVERDUE = 100 * 365 * 86400  # seconds; further ahead is no date a portal can store


def decode(upload: Any) -> tuple[str, bytes]:
    """The file name and bytes of a FileUpload, or "Incorrect field TEMPLATE_DATA!"."""
    if not (isinstance(upload, list) and len(upload) == 2 and all(isinstance(p, str) for p in upload)):
        raise BitrixError.named("WorkflowTemplateIncorrectData")
    name, encoded = upload
    try:
        data = base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        raise BitrixError.named("WorkflowTemplateIncorrectData") from None
    if not name.strip() or not data:
        raise BitrixError.named("WorkflowTemplateIncorrectData")
    return name, data


def parse(data: bytes) -> dict[str, Any] | None:
    """The program in `data`, None for an opaque (`.bpt`) template."""
    if len(data) > MAX_DATA:
        return None
    try:
        raw = yaml.safe_load(data.decode("utf-8"))  # JSON is YAML too
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(raw, dict) or "steps" not in raw:
        return None
    try:
        _bounded(raw)
        # dates and other YAML-only values become text, so the program is plain JSON from here on;
        # NaN and infinities (`.nan`, `.inf`) have no JSON form, and a lone surrogate (`"\ud800"`) no
        # UTF-8 form: both are refused here, as nothing later could write them out
        text = json.dumps(raw, default=str, allow_nan=False, ensure_ascii=False)
        raw = json.loads(text.encode("utf-8"))
        return _program(raw)
    except (TypeError, ValueError, KeyError, RecursionError):
        raise BitrixError.named("WorkflowTemplateIncorrectData") from None


def _bounded(raw: Any) -> None:
    """Refuse a document with more than MAX_VALUES values once every alias is expanded; it stops
    counting at the bound, so a bomb (or an alias of itself) costs no more than a legal program."""
    pending = [raw]
    for _ in range(MAX_VALUES):
        if not pending:
            return
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    if pending:
        raise ValueError("the program is too large once its aliases are expanded")


def _mapping(value: Any) -> dict[str, Any]:
    if value is None or value == []:
        return {}
    if not isinstance(value, dict):
        raise ValueError("a mapping is expected")
    return {str(k): v for k, v in value.items()}


def _program(raw: dict[str, Any]) -> dict[str, Any]:
    steps = raw["steps"]
    if not isinstance(steps, list):
        raise ValueError("steps must be a list")
    parsed = [_step(item, index) for index, item in enumerate(steps)]
    ids = [s["id"] for s in parsed]
    if len(set(ids)) != len(ids):
        raise ValueError("step ids must be unique")
    return {
        "steps": parsed,
        "parameters": _mapping(raw.get("parameters")),
        "variables": _mapping(raw.get("variables")),
        "constants": _mapping(raw.get("constants")),
        "log": bool(raw.get("log", True)),
    }


def _step(item: Any, index: int) -> dict[str, Any]:
    if not isinstance(item, dict) or len(item) != 1:
        raise ValueError("a step is a mapping of one kind to its options")
    kind, options = next(iter(item.items()))
    if kind not in STEP_KINDS:
        raise ValueError(f"unknown step {kind}")
    if kind == "complete" and isinstance(options, str):
        options = {"status": options}
    opts = _mapping(options)
    step: dict[str, Any] = {"kind": kind, "id": str(opts.get("id") or _activity_name(index)), **opts}
    if kind in TASK_STEPS:
        _task_options(step)
    elif kind in ("robot", "activity"):
        if not isinstance(step.get("code"), str) or not step["code"]:
            raise ValueError("a robot or activity step needs its code")
        step["properties"] = _mapping(step.get("properties"))
    else:
        step["status"] = str(step.get("status", ""))
    return step


def _task_options(step: dict[str, Any]) -> None:
    if "users" not in step:
        raise ValueError("a task step needs users")
    if not isinstance(step["users"], list):
        step["users"] = [step["users"]]
    if step["kind"] == "task" and not isinstance(step.get("activity"), str):
        raise ValueError("a task step names its activity")
    if step.get("mode", "any") not in ("any", "all"):
        raise ValueError("mode is any or all")
    if step.get("comment", "N") not in COMMENT_RULES:
        raise ValueError("comment is N, Y, YA or YR")
    if step.get("delegation", "all") not in DELEGATION:
        raise ValueError("delegation is all, subordinates or none")
    overdue = step.get("overdue")
    if overdue is not None and (
        isinstance(overdue, bool) or not isinstance(overdue, int | float) or not 0 <= overdue <= MAX_OVERDUE
    ):
        raise ValueError(f"overdue is a number of seconds from 0 to {MAX_OVERDUE}")
    fields = step.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, dict) and f.get("id") for f in fields):
        raise ValueError("fields are mappings with an id")


def _activity_name(index: int) -> str:
    """An action id of the designer's shape, `A12345_12345_12345_12345`, stable per position."""
    digest = hashlib.sha256(str(index).encode()).hexdigest()
    parts = [str(int(digest[i : i + 8], 16) % 90000 + 10000) for i in range(0, 32, 8)]
    return "A" + "_".join(parts)


def activity_type(step: dict[str, Any]) -> str:
    """The activity class a step stands for, as the task list and the template tree name it."""
    kind = step["kind"]
    if kind == "request" and step.get("optional"):
        return "RequestInformationOptionalActivity"
    if kind == "task":
        return str(step["activity"])
    if kind in TASK_STEPS:
        return TASK_STEPS[kind]
    if kind in ("robot", "activity"):
        return f"rest_{kind}:{step['code']}"
    return "SetStateTitleActivity"


def tree(program: dict[str, Any] | None) -> list[dict[str, Any]]:
    """`TEMPLATE` of template.list: the action tree (a sequence of the steps; [] for a `.bpt`)."""
    if program is None:
        return []
    return [
        {
            "Type": activity_type(step),
            "Name": step["id"],
            "Properties": {k: v for k, v in step.items() if k not in ("kind", "id")},
        }
        for step in program["steps"]
    ]
