"""Deliberately broken variants of the reference server: the suite must catch every one.

Each mutant wraps the real app in a small ASGI middleware that changes one realistic thing, so the
server itself stays correct. tests/contract/test_mutants.py runs the suite against each.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

import uvicorn

from reference_server import ServerConfig, create_app

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
# (method, request body, status, response body) -> (status, response body)
Rewrite = Callable[[str, Any, int, Any], tuple[int, Any]]


# (method, request body) -> (method to call instead, body to send instead); may also edit the scope.
RequestRewrite = Callable[[Scope, str, Any], tuple[str, Any]]


@dataclass(frozen=True)
class Mutant:
    name: str
    description: str
    caught_by: tuple[str, ...]  # the checks expected to notice it
    operations: str  # the part of the spec it breaks (a path regex for --operations)
    rewrite: Rewrite | None = None
    request: RequestRewrite | None = None


def _method(scope: Scope) -> str:
    return str(scope.get("path", "")).rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")


def _success(body: Any) -> bool:
    return isinstance(body, dict) and "result" in body and "error" not in body


def _wrong_status(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    return (201, body) if method == "tasks.flow.Flow.create" and status == 200 else (status, body)


def _missing_field(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if method == "tasks.flow.Flow.get" and _success(body):
        body["result"].pop("active", None)
    return status, body


def _server_error(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if status == 400 and method.startswith("tasks.flow."):
        return 500, {"error": "INTERNAL_SERVER_ERROR", "error_description": "Internal server error"}
    return status, body


def _wrong_code(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if isinstance(body, dict) and body.get("error") in ("0", 0):
        body["error"] = "ERROR_FLOW"
    return status, body


def _wrong_message(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if (
        isinstance(body, dict)
        and body.get("error") in ("0", 0)
        and isinstance(body.get("error_description"), str)
    ):
        body["error_description"] = body["error_description"].rstrip(".") + " (changed)"
    return status, body


def _binder_code_zero(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    """A parameter the framework's binder refuses (code 100) reported as a flow error (code 0)."""
    if isinstance(body, dict) and body.get("error") in ("100", 100):
        body["error"] = 0
    return status, body


def _ok_status_for_error(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if status == 400 and method == "tasks.flow.Flow.get":
        return 200, body
    return status, body


def _bad_time(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if _success(body) and isinstance(body.get("time"), dict):
        body["time"]["duration"] = body["time"]["duration"] + 5
    return status, body


def _no_time(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if _success(body):
        body.pop("time", None)
    return status, body


def _result_and_error(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if _success(body) and method == "tasks.flow.Flow.isExists":
        body["error"] = ""
    return status, body


def _broken_paging(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if _success(body) and "total" in body:
        body["next"] = 50
    return status, body


def _activate_reads(scope: Scope, method: str, body: Any) -> tuple[str, Any]:
    return ("tasks.flow.Flow.get", body) if method == "tasks.flow.Flow.activate" else (method, body)


def _activate_says_true(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if method == "tasks.flow.Flow.activate" and _success(body):
        body["result"] = True
    return status, body


def _delete_reads(scope: Scope, method: str, body: Any) -> tuple[str, Any]:
    if (
        method == "tasks.flow.Flow.delete"
        and isinstance(body, dict)
        and isinstance(body.get("flowData"), dict)
        and type(body["flowData"].get("id")) is int
    ):
        # only a delete that names a flow: other bodies would make get's own binding errors
        return "tasks.flow.Flow.get", {"flowId": body["flowData"]["id"]}
    return method, body


def _delete_says_deleted(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if method == "tasks.flow.Flow.delete" and _success(body):
        body["result"] = {"deleted": True}
    return status, body


_SUFFIX = " (copy)"


def _rename_duplicates(scope: Scope, method: str, body: Any) -> tuple[str, Any]:
    data = body.get("flowData") if isinstance(body, dict) else None
    if method == "tasks.flow.Flow.create" and isinstance(data, dict) and isinstance(data.get("name"), str):
        _COPIES[data["name"]] = _COPIES.get(data["name"], -1) + 1
        data["name"] += _SUFFIX * _COPIES[data["name"]]
    return method, body


_COPIES: dict[str, int] = {}


def _hide_renames(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if method == "tasks.flow.Flow.create" and _success(body) and isinstance(body["result"], dict):
        body["result"]["name"] = str(body["result"].get("name", "")).split(_SUFFIX)[0]
    return status, body


def _accept_any_credentials(scope: Scope, method: str, body: Any) -> tuple[str, Any]:
    parts = str(scope["path"]).split("/")
    if len(parts) >= 5 and parts[1] == "rest" and parts[2].isdigit():
        parts[2:4] = ["1", "reference-admin"]
        scope["path"] = "/".join(parts)
    query = bytes(scope.get("query_string", b"")).decode()
    if "auth=" in query:
        scope["query_string"] = b"auth=reference-token-admin"
    if isinstance(body, dict) and "auth" in body:
        body["auth"] = "reference-token-admin"
    return method, body


def _drop_halt(scope: Scope, method: str, body: Any) -> tuple[str, Any]:
    if method == "batch" and isinstance(body, dict):
        body["halt"] = 0
    return method, body


def _batch_entry_message(method: str, request: Any, status: int, body: Any) -> tuple[int, Any]:
    if method == "batch" and _success(body) and isinstance(body["result"], dict):
        failed = body["result"].get("result_error")
        for error in (
            failed.values() if isinstance(failed, dict) else failed if isinstance(failed, list) else []
        ):
            if isinstance(error, dict):
                error["error_description"] = "Something went wrong"
    return status, body


FLOWS = r"^/tasks\.flow\."
LISTS = r"^/bizproc\.(workflow\.instances|workflow\.template\.list|task\.list)$"

MUTANTS = {
    m.name: m
    for m in (
        Mutant("wrong-status", "create answers 201 instead of 200", ("status_code_conformance",), FLOWS,
               _wrong_status),
        Mutant("missing-field", "get leaves out the required `active`",
               ("response_schema_conformance", "created_equals_read"), FLOWS, _missing_field),
        Mutant("server-error", "bad flow input answers 500 instead of the declared 400",
               ("not_a_server_error", "status_code_conformance"), FLOWS, _server_error),
        # a repeated create is refused with code 0 too, so the uniqueness check may see it first
        Mutant("wrong-code", 'flow errors carry an undeclared code instead of "0"',
               ("error_is_declared", "names_stay_unique"), FLOWS, _wrong_code),
        Mutant("wrong-message", "flow errors carry a message no declared error has", ("error_is_declared",),
               FLOWS, _wrong_message),
        Mutant("binder-code-zero", "a missing or unreadable parameter is answered with code 0, not 100",
               ("error_is_declared",), FLOWS, _binder_code_zero),
        Mutant("ok-status-error", "get answers its errors with HTTP 200",
               ("error_is_declared", "response_schema_conformance"), FLOWS, _ok_status_for_error),
        Mutant("bad-time", "time.duration is not finish - start", ("time_is_consistent",), FLOWS, _bad_time),
        Mutant("no-time", "successes carry no `time`", ("time_is_consistent",), FLOWS, _no_time),
        Mutant("result-and-error", "isExists answers with both `result` and `error`", ("result_xor_error",),
               FLOWS, _result_and_error),
        Mutant("broken-paging", "list answers always claim a next page at 50", ("pagination_is_consistent",),
               LISTS, _broken_paging),
        Mutant("activate-no-toggle", "activate answers true but changes nothing", ("toggle_flips_back",),
               FLOWS, _activate_says_true, _activate_reads),
        Mutant("delete-no-op", "delete answers deleted but keeps the flow", ("delete_really_deletes",), FLOWS,
               _delete_says_deleted, _delete_reads),
        Mutant("duplicate-names", "create accepts a name that is taken", ("names_stay_unique",), FLOWS,
               _hide_renames, _rename_duplicates),
        Mutant("auth-ignored", "wrong credentials are accepted", ("wrong_credentials_are_refused",), FLOWS,
               request=_accept_any_credentials),
        Mutant("batch-ignores-halt", "batch runs every command although halt is set",
               ("batch_halts_on_error",), r"^/batch$", request=_drop_halt),
        Mutant("batch-undeclared-entry", "batch command errors carry a message nobody declares",
               ("batch_errors_are_declared",), r"^/batch$", _batch_entry_message),
    )
}  # fmt: skip


def wrap(name: str, app: App) -> App:
    """The app with mutant `name` applied."""
    if name not in MUTANTS:
        raise ValueError(f"unknown mutant {name!r}; known: {', '.join(MUTANTS)}")
    mutant = MUTANTS[name]

    async def mutated(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        scope = dict(scope)
        raw = b""
        while True:
            message = await receive()
            raw += message.get("body", b"")
            if not message.get("more_body"):
                break
        try:
            request: Any = json.loads(raw) if raw else {}
        except ValueError:
            request = None
        method = _method(scope)
        if mutant.request is not None and request is not None:
            new_method, request = mutant.request(scope, method, request)
            if new_method != method:
                scope["path"] = str(scope["path"]).replace(method, new_method)
            raw = json.dumps(request).encode()
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}

        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await app(scope, replay, capture)
        status, payload = int(start["status"]), b"".join(chunks)
        if mutant.rewrite is not None:
            try:
                body = json.loads(payload)
            except ValueError:
                body = None
            if body is not None:
                status, body = mutant.rewrite(method, request, status, body)
                payload = json.dumps(body).encode()
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(payload)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    return mutated


def main(argv: list[str] | None = None) -> int:
    """Serve the reference server with one mutant applied, e.g. to watch `schemathesis run` catch it."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("mutant", choices=sorted(MUTANTS))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    app = wrap(args.mutant, create_app(ServerConfig(limits=False)))
    url = f"http://{args.host}:{args.port}/rest/1/reference-admin/"
    print(f"mutant {args.mutant!r} ({MUTANTS[args.mutant].description}) serving {url}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
