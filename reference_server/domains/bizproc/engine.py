"""The workflow engine: runs the steps of an executable template on a document.

A workflow runs its steps in order until one waits: a task step waits for its users' answers
(`bizproc.task.complete`), a robot or action step whose registration waits (`USE_SUBSCRIPTION` not
`N`) waits for `bizproc.event.send` with the token it issued. When the steps run out, or at a
`complete` step, the workflow completes. A workflow of an opaque (`.bpt`) template runs no steps
and stays running until it is terminated or killed.

All changes of one call are collected and written in one transaction by `flush`, so a half-applied
change never reaches the database.
"""

from __future__ import annotations

import copy
import hashlib
import re
import secrets
from collections.abc import Callable
from typing import Any

from reference_server.core.errors import BitrixError
from reference_server.core.identities import Identities
from reference_server.core.protocol import iso, parse_id
from reference_server.core.store import Store

from . import documents
from .program import activity_type

RUNNING, COMPLETED, TERMINATED = "running", "completed", "terminated"
STATE_TITLES = {RUNNING: "In progress", COMPLETED: "Completed", TERMINATED: "Terminated"}
# task STATUS and USER_STATUS values (TaskStatus / TaskUserStatus in the spec)
OPEN, APPROVED, REJECTED, DONE, CANCELLED = 0, 1, 2, 3, 5
USER_WAITING, USER_YES, USER_NO, USER_OK, USER_CANCEL = 0, 1, 2, 3, 4
# the answers each task type accepts (TaskResponseStatus)
ALLOWED = {
    "ApproveActivity": {1, 2},
    "ReviewActivity": {3},
    "RequestInformationActivity": {3},
    "RequestInformationOptionalActivity": {3, 4},
}
_EXPRESSION = re.compile(r"\{=([A-Za-z0-9_]+):([A-Za-z0-9_]+)\}")


class Engine:
    def __init__(self, store: Store, identities: Identities, clock: Callable[[], float]) -> None:
        self.store = store
        self.identities = identities
        self.clock = clock
        self._puts: dict[tuple[str, str], dict[str, Any]] = {}
        self._deletes: set[tuple[str, str]] = set()

    # -- records ---------------------------------------------------------------------------------

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        """A working copy of a record; changes reach the store at `flush`."""
        if (kind, key) in self._deletes:
            return None
        if (kind, key) not in self._puts:
            found = self.store.of(kind).get(key)
            if found is None:
                return None
            self._puts[(kind, key)] = copy.deepcopy(found)
        return self._puts[(kind, key)]

    def put(self, kind: str, key: str, record: dict[str, Any]) -> None:
        self._deletes.discard((kind, key))
        self._puts[(kind, key)] = record

    def delete(self, kind: str, key: str) -> None:
        self._puts.pop((kind, key), None)
        self._deletes.add((kind, key))

    def flush(self) -> None:
        self.store.save(
            [(kind, key, record) for (kind, key), record in self._puts.items()], sorted(self._deletes)
        )
        self._puts.clear()
        self._deletes.clear()

    def now(self) -> str:
        return iso(self.clock())

    # -- workflows -------------------------------------------------------------------------------

    def new_workflow_id(self) -> str:
        """`uniqid('', true)`-shaped: 14 hex digits, a dot, 8 digits; unique and rising over time."""
        seq = self.store.next_id("workflow")
        return f"{int(self.clock()) & 0xFFFFFFFF:08x}{seq & 0xFFFFFF:06x}.{seq * 7919 % 10**8:08d}"

    def start(
        self, template: dict[str, Any], document: list[str], parameters: dict[str, Any], user: int
    ) -> str:
        program = copy.deepcopy(template.get("PROGRAM"))  # a snapshot: later edits do not reach it
        values = {}
        if program is not None:
            for name, spec in program["parameters"].items():
                default = spec.get("Default") if isinstance(spec, dict) else None
                values[name] = parameters.get(name, default)
        workflow_id = self.new_workflow_id()
        now = self.now()
        workflow: dict[str, Any] = {
            "ID": workflow_id,
            "TEMPLATE_ID": template["ID"],
            "TEMPLATE_NAME": template["NAME"],
            "APP": template.get("APP"),
            "MODULE_ID": document[0],
            "ENTITY": document[1],
            "DOCUMENT": list(document),
            "STARTED": now,
            "STARTED_BY": user,
            "MODIFIED": now,
            "OWNED_UNTIL": None,
            "STATE": RUNNING,
            "STATUS_TEXT": "",
            "FINISHED_AT": None,
            "PROGRAM": program,
            "POSITION": 0,
            "PARAMETERS": values,
            "VARIABLES": dict(program["variables"]) if program else {},
            "OUTPUTS": {},
            "WAITING": None,
            "LOG": [],
        }
        self.put("workflow", workflow_id, workflow)
        self.advance(workflow)
        return workflow_id

    def finish(self, workflow: dict[str, Any], state: str, text: str) -> None:
        workflow.update(
            STATE=state, STATUS_TEXT=text, WAITING=None, FINISHED_AT=self.clock(), MODIFIED=self.now()
        )
        self.note(workflow, f"Workflow {STATE_TITLES[state].lower()}" + (f": {text}" if text else ""))

    def note(self, workflow: dict[str, Any], message: str) -> None:
        program = workflow.get("PROGRAM")
        if program is None or program.get("log", True):
            workflow["LOG"].append({"time": self.now(), "message": message})

    def advance(self, workflow: dict[str, Any]) -> None:
        """Run steps until one waits or the workflow ends."""
        program = workflow["PROGRAM"]
        while workflow["STATE"] == RUNNING and program is not None and workflow["WAITING"] is None:
            steps = program["steps"]
            if workflow["POSITION"] >= len(steps):
                self.finish(workflow, COMPLETED, "")
                return
            step = steps[workflow["POSITION"]]
            if not self._run(workflow, step):
                return
            workflow["POSITION"] += 1
        workflow["MODIFIED"] = self.now()

    def _run(self, workflow: dict[str, Any], step: dict[str, Any]) -> bool:
        """Run one step; False when it waits."""
        kind = step["kind"]
        if kind == "complete":
            self.finish(workflow, COMPLETED, _text(self.expand(workflow, step["status"])))
            return False
        if kind in ("robot", "activity"):
            return self._call(workflow, step)
        users = self.users(workflow, step["users"])
        if not users:
            self.note(workflow, f"{step['id']}: no user to assign, step skipped")
            workflow["OUTPUTS"][step["id"]] = {"result": "skipped"}
            return True
        self._create_task(workflow, step, users)
        workflow["WAITING"] = {"kind": "task", "activity": step["id"]}
        return False

    def _create_task(self, workflow: dict[str, Any], step: dict[str, Any], users: list[int]) -> None:
        task_id = self.store.next_id("task")
        overdue = step.get("overdue")
        parameters: dict[str, Any] = {
            "CommentLabel": str(step.get("comment_label", "Comment")),
            "CommentRequired": step.get("comment", "N"),
            "ShowComment": "Y" if step.get("show_comment", True) else "N",
        }
        activity = activity_type(step)
        if activity == "ApproveActivity":
            parameters["StatusYesLabel"] = str(step.get("yes_label", "Approve"))
            parameters["StatusNoLabel"] = str(step.get("no_label", "Reject"))
        else:
            parameters["StatusOkLabel"] = str(step.get("ok_label", "OK"))
        if activity == "RequestInformationOptionalActivity":
            parameters["StatusCancelLabel"] = str(step.get("cancel_label", "Decline"))
        if step["kind"] == "request":
            parameters["Fields"] = [_task_field(f) for f in step.get("fields", [])]
        task = {
            "ID": task_id,
            "WORKFLOW_ID": workflow["ID"],
            "ACTIVITY": activity,
            "ACTIVITY_NAME": step["id"],
            "NAME": _text(self.expand(workflow, str(step.get("name", step["id"])))),
            "DESCRIPTION": _text(self.expand(workflow, str(step.get("description", "")))),
            "STATUS": OPEN,
            "MODIFIED": self.now(),
            "OVERDUE_DATE": iso(self.clock() + float(overdue)) if isinstance(overdue, int | float) else None,
            "PARAMETERS": parameters,
            "USERS": {str(u): USER_WAITING for u in users},
            "MODE": step.get("mode", "any"),
            "DELEGATION": step.get("delegation", "all"),
            "STOP_ON_REJECT": bool(step.get("stop_on_reject", False)),
            "COMMENTS": [],
        }
        self.put("task", str(task_id), task)

    def _call(self, workflow: dict[str, Any], step: dict[str, Any]) -> bool:
        """A robot or action step: record the call of its handler; wait for event.send if it waits."""
        robot = step["kind"] == "robot"
        registration = self.store.of("activity").get(f"{workflow['APP']}|{step['code']}")
        if registration is None or (registration["IS_ROBOT"] == "Y") != robot:
            self.finish(workflow, COMPLETED, f"Error: {step['kind']} {step['code']} is not installed")
            return False
        waits = registration.get("USE_SUBSCRIPTION") != "N"
        token = None
        if waits:
            key = secrets.token_urlsafe(24)
            signature = hashlib.sha256(f"{workflow['ID']}|{step['id']}|{key}".encode()).hexdigest()
            token = f"{workflow['ID']}|{step['id']}|{key}.{signature}"
        call_id = self.store.next_id("call")
        self.put(
            "call",
            str(call_id),
            {
                "ID": call_id,
                "APP": workflow["APP"],
                "CODE": step["code"],
                "IS_ROBOT": registration["IS_ROBOT"],
                "HANDLER": registration["HANDLER"],
                "AUTH_USER_ID": registration.get("AUTH_USER_ID", 0),
                "WORKFLOW_ID": workflow["ID"],
                "ACTIVITY_NAME": step["id"],
                "DOCUMENT_ID": workflow["DOCUMENT"],
                "DOCUMENT_TYPE": registration.get("DOCUMENT_TYPE"),
                "PROPERTIES": {k: self.expand(workflow, v) for k, v in step["properties"].items()},
                "EVENT_TOKEN": token,
                "TIME": self.now(),
            },
        )
        if not waits:
            workflow["OUTPUTS"][step["id"]] = {}
            return True
        returns = registration.get("RETURN_PROPERTIES") or {}
        workflow["WAITING"] = {
            "kind": step["kind"],
            "activity": step["id"],
            "token": token,
            "returns": list(returns) if isinstance(returns, dict) else [],
        }
        return False

    # -- expressions and users ---------------------------------------------------------------------

    def expand(self, workflow: dict[str, Any], value: Any) -> Any:
        """`{=Template:p}`, `{=Variable:v}`, `{=Constant:c}`, `{=Document:ID}` and `{=<step id>:<key>}`.
        A value that is one whole expression takes the referenced value with its type."""
        if not isinstance(value, str):
            return value
        whole = _EXPRESSION.fullmatch(value)
        if whole:
            return self._lookup(workflow, whole.group(1), whole.group(2))
        return _EXPRESSION.sub(lambda m: _text(self._lookup(workflow, m.group(1), m.group(2))), value)

    def _lookup(self, workflow: dict[str, Any], source: str, name: str) -> Any:
        program = workflow.get("PROGRAM") or {}
        if source == "Template":
            return workflow["PARAMETERS"].get(name)
        if source == "Variable":
            return workflow["VARIABLES"].get(name)
        if source == "Constant":
            constant = program.get("constants", {}).get(name)
            return constant.get("Default") if isinstance(constant, dict) else constant
        if source == "Document":
            return {"ID": workflow["DOCUMENT"][2], "MODULE_ID": workflow["MODULE_ID"]}.get(name)
        return workflow["OUTPUTS"].get(source, {}).get(name)

    def users(self, workflow: dict[str, Any], wanted: list[Any]) -> list[int]:
        """Existing users among ids, `user_<id>`, `author` and expressions giving those."""
        found: list[int] = []
        queue = list(wanted)
        expanded: set[str] = set()  # a parameter holding a list with itself must not loop for ever
        while queue:
            item = queue.pop(0)
            if isinstance(item, str) and _EXPRESSION.search(item):
                if item in expanded:
                    continue
                expanded.add(item)
                item = self.expand(workflow, item)
            if isinstance(item, list):
                queue[:0] = item
                continue
            user = None
            if isinstance(item, int) and not isinstance(item, bool):
                user = item
            elif isinstance(item, str):
                text = item.strip().removeprefix("user_")
                if text == "author":
                    user = workflow["STARTED_BY"]
                elif (number := parse_id(text)) is not None:
                    user = number
            if user in self.identities.users and user not in found:
                found.append(user)
        return found

    # -- tasks -----------------------------------------------------------------------------------

    def answer(
        self, task: dict[str, Any], user: int, status: int, comment: str, fields: dict[str, Any]
    ) -> None:
        """`bizproc.task.complete` after its checks: record the answer, decide the step if due."""
        self._check_answer(task, status, comment, fields)
        users: dict[str, int] = task["USERS"]
        users[str(user)] = {1: USER_YES, 2: USER_NO, 3: USER_OK, 4: USER_CANCEL}[status]
        if comment:
            task["COMMENTS"].append({"user": user, "comment": comment})
        task["MODIFIED"] = self.now()
        task["STATUS"] = _decision(task, status)
        workflow = self.get("workflow", task["WORKFLOW_ID"])
        if workflow is None or task["STATUS"] == OPEN:
            return
        result = {APPROVED: "approved", REJECTED: "rejected", DONE: "done", CANCELLED: "cancelled"}
        workflow["OUTPUTS"][task["ACTIVITY_NAME"]] = {
            "result": result[task["STATUS"]],
            "comment": comment,
            "user": f"user_{user}",
            **(fields if status == 3 else {}),
        }
        workflow["WAITING"] = None
        workflow["POSITION"] += 1
        if task["STATUS"] == REJECTED and task["STOP_ON_REJECT"]:
            self.finish(workflow, COMPLETED, "Rejected")
            return
        self.advance(workflow)

    def _check_answer(self, task: dict[str, Any], status: int, comment: str, fields: dict[str, Any]) -> None:
        """The engine's refusals (ERROR_TASK_EXECUTION): a status the task type does not take, a
        missing required comment, a missing required field of an information request."""
        activity = task["ACTIVITY"]
        if status not in ALLOWED[activity]:
            raise BitrixError.named("TaskExecutionFailed", message="Incorrect task status")
        rule = task["PARAMETERS"].get("CommentRequired", "N")
        if not comment.strip() and (rule == "Y" or (rule, status) in (("YA", 1), ("YR", 2))):
            raise BitrixError.named("TaskExecutionFailed")
        if status == 3 and activity.startswith("RequestInformation"):
            for field in task["PARAMETERS"].get("Fields", []):
                if field["Required"] and fields.get(field["Id"]) in (None, "", []):
                    raise BitrixError.named(
                        "TaskExecutionFailed", message=f'The "{_text(field["Name"])}" field is required.'
                    )

    # -- events ----------------------------------------------------------------------------------

    def genuine(self, token: Any) -> tuple[str, str]:
        """(workflow id, activity) of a token this portal signed, else "Access denied!"."""
        parts = token.split("|") if isinstance(token, str) else []
        if len(parts) == 3 and "." in parts[2]:
            key, signature = parts[2].rsplit(".", 1)
            expected = hashlib.sha256(f"{parts[0]}|{parts[1]}|{key}".encode()).hexdigest()
            if secrets.compare_digest(signature, expected):
                return parts[0], parts[1]
        raise BitrixError.named("BizprocAccessDenied")

    def waiting_for(self, token: Any) -> dict[str, Any] | None:
        """The running workflow of a genuine token, and None when its robot or action no longer
        waits for it (the portal then accepts the call without effect). A token that is not
        genuine is "Access denied!"; a workflow that is no longer running is the engine's
        "WorkflowNotFound" (code 0, as the newest source sends it; spec decision D44)."""
        workflow_id, _activity = self.genuine(token)
        workflow = self.get("workflow", workflow_id)
        if workflow is None or workflow["STATE"] != RUNNING:
            raise BitrixError.named("EventWorkflowNotFoundZero")
        waiting = workflow.get("WAITING")
        if not waiting or waiting.get("token") != token:
            return None
        return workflow

    def event(self, token: Any, values: dict[str, Any], message: str) -> None:
        workflow = self.waiting_for(token)
        if workflow is None:
            return
        waiting = workflow["WAITING"]
        declared = {str(k).upper(): k for k in waiting.get("returns", [])}
        # return values are matched to the declared properties in any letter case (BP22 restactivity)
        workflow["OUTPUTS"][waiting["activity"]] = {
            declared[str(k).upper()]: v for k, v in values.items() if str(k).upper() in declared
        }
        if message:
            self.note(workflow, message)
        workflow["WAITING"] = None  # the token is spent
        workflow["POSITION"] += 1
        self.advance(workflow)

    # -- stop ------------------------------------------------------------------------------------

    def running(self, workflow_id: str) -> dict[str, Any]:
        workflow = self.get("workflow", workflow_id)
        if workflow is None or workflow["STATE"] != RUNNING:
            raise BitrixError.named("WorkflowInstanceNotFound")
        return workflow

    def tasks_of(self, workflow_id: str) -> list[str]:
        return [k for k, t in self.store.of("task").items() if t["WORKFLOW_ID"] == workflow_id]

    def terminate(self, workflow_id: str, text: str) -> None:
        """Stop; keep the workflow, its log and tasks. Open tasks are cancelled (STATUS 5)."""
        workflow = self.running(workflow_id)
        for key in self.tasks_of(workflow_id):
            task = self.get("task", key)
            if task is not None and task["STATUS"] == OPEN:
                task.update(STATUS=CANCELLED, MODIFIED=self.now())
        self.finish(workflow, TERMINATED, text)

    def kill(self, workflow_id: str) -> None:
        """Stop and delete the workflow with its tasks and history."""
        self.running(workflow_id)
        for key in self.tasks_of(workflow_id):
            self.delete("task", key)
        self.delete("workflow", workflow_id)


def _decision(task: dict[str, Any], status: int) -> int:
    """The task's STATUS after an answer: `any` decides at the first answer, `all` when everybody
    answered; one rejection rejects an approval, a declined optional request is cancelled."""
    users: dict[str, int] = task["USERS"]
    everybody = all(s != USER_WAITING for s in users.values())
    due = task["MODE"] == "any" or everybody
    if task["ACTIVITY"] == "ApproveActivity":
        if status == 2:
            return REJECTED
        return APPROVED if due else OPEN
    if status == 4:
        return CANCELLED
    return DONE if due else OPEN


def _task_field(spec: dict[str, Any]) -> dict[str, Any]:
    """A `PARAMETERS.Fields` entry (TaskField): booleans are real JSON booleans here."""

    def text(value: Any) -> Any:
        return value if isinstance(value, str | dict) else _text(value)

    def mapping(value: Any) -> Any:
        return value if isinstance(value, dict) or value in ([], None) else None

    return {
        "Id": str(spec["id"]),
        "Type": str(spec.get("type", "string")),
        "Name": text(spec.get("name", str(spec["id"]))),
        "Description": text(spec.get("description", "")),
        "Multiple": bool(spec.get("multiple", False)),
        "Required": bool(spec.get("required", False)),
        "Options": mapping(spec.get("options")),
        "Settings": mapping(spec.get("settings")),
        "Default": spec.get("default"),
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("en") or next(iter(value.values()), ""))
    return str(value)


def document_check(template: dict[str, Any], document: list[str]) -> None:
    """The start rules for `DOCUMENT_ID` against the template (digest 4.2, in the portal's order)."""
    if not documents.known_entity(document):
        raise BitrixError.named("WorkflowStartWrongDocumentId")
    if documents.type_of(document) is None:
        raise BitrixError.named("WorkflowStartIncorrectDocumentType")
    if not documents.fits(document, template["DOCUMENT_TYPE"]):
        raise BitrixError.named("WorkflowStartDocumentTypeMismatch")
