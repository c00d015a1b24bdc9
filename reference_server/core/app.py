"""HTTP: the portal's URL forms, request decoding, credentials, and the JSON envelope."""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import threading
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from b24_spec import bundle
from b24_spec.model import Model, default, load

from .config import ServerConfig
from .dispatch import Dispatcher, Outcome
from .errors import BitrixError, Wire
from .identities import Caller, Identities, load_identities
from .limits import PLANS, Fault, Faults, LeakyBucket, OperatingBudget
from .protocol import build_nested, parse_id, parse_query, php_json_decode
from .store import Store

MAX_BODY = 2 * 1024 * 1024  # larger bodies are not read; the call then fails validation like an empty one
# Parameters longer than this are parsed in a worker thread, one such parse at a time: decoding a
# form body of 2 MiB takes seconds in Python (every `%` is one step), and on the event loop it would
# hold every other caller for as long. In a thread the loop keeps answering between the interpreter's
# thread switches; the lock keeps many such bodies from taking all the interpreter's time.
LARGE_PARAMETERS = 64 * 1024
_LARGE_PARSE = threading.Lock()
FAULT_HEADER = "x-reference-fault"
FAULT_STATUS_HEADER = "x-reference-fault-status"
ADMIN_HEADER = "x-reference-admin-token"
LOG = logging.getLogger("reference_server")


class Portal:
    """Everything one running server holds."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.spec: Model = load(bundle.read(config.spec_path)) if config.spec_path else default()
        self.identities: Identities = load_identities(config.fixtures)
        self.store = Store(config.db, self.identities.groups)
        self.faults = Faults()
        self.wire = Wire(lang=self.identities.lang, string_codes=config.string_codes)
        for raw in self.identities.faults:
            self.faults.add(self.make_fault(raw))
        capacity, rate = PLANS[config.plan]
        self.bucket = LeakyBucket(capacity, rate, config.clock) if config.limits else None
        self.budget = OperatingBudget(config.clock, config.operating_limit) if config.limits else None
        self.dispatcher = Dispatcher(
            spec=self.spec,
            identities=self.identities,
            store=self.store,
            clock=config.clock,
            bucket=self.bucket,
            budget=self.budget,
            faults=self.faults,
            wire=self.wire,
        )

    def make_fault(self, raw: dict[str, Any]) -> Fault:
        method = str(raw.get("method", "*"))
        error = raw.get("error")
        if error is not None:
            error = self.error_name(str(error))
        if method != "*":
            canonical = self.spec.canonical(method)
            if canonical is None:
                raise ValueError(f"unknown method {method!r}")
            if error is not None and not self.spec.operations[canonical].statuses_of(error):
                raise ValueError(f"{canonical} does not declare {error}")
            method = canonical
        status = raw.get("status")
        if status is not None:
            if error is None or method == "*" or isinstance(status, bool) or not isinstance(status, int):
                raise ValueError("status needs an error of one method, as an integer")
            if status not in self.spec.operations[method].statuses_of(error):
                raise ValueError(f"{method} does not declare {error} under {status}")
        return Fault(
            method=method,
            count=int(raw.get("count", 1)),
            error=error,
            operating=float(raw.get("operating", 0)),
            status=status,
        )

    def error_name(self, error: str) -> str:
        """An error example name, given either the name or the literal code (QUERY_LIMIT_EXCEEDED)."""
        examples = self.spec.document["components"]["examples"]
        if error in examples:
            return error
        for name, example in examples.items():
            value = example.get("value")
            if isinstance(value, dict) and value.get("error") == error and error not in {"0", ""}:
                return str(name)
        raise ValueError(f"no error example named or coded {error!r}")


def _error_response(portal: Portal, error: BitrixError, operation_id: str | None) -> JSONResponse:
    status = error.status(portal.spec, operation_id)
    return JSONResponse(error.body(portal.spec, portal.wire), status_code=status)


def _render(portal: Portal, outcome: Outcome) -> Response:
    if outcome.error is not None:
        return _error_response(portal, outcome.error, outcome.operation_id)
    body: dict[str, Any] = {"result": outcome.result}
    if outcome.total is not None:
        body["total"] = outcome.total
        if outcome.next is not None:
            body["next"] = outcome.next
    body["time"] = outcome.time
    return JSONResponse(body)


async def _read_body(request: Request) -> bytes | None:
    """The body, or None when it is larger than MAX_BODY (then it is not read further)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _decode_body(raw: bytes | None, content_type: str) -> tuple[dict[str, Any], bool]:
    """Body parameters and whether they are strings (form) rather than typed JSON.

    Undecodable bodies count as empty: the call then fails the operation's own validation, which
    always yields an error the operation declares.
    """
    if not raw:
        return {}, False
    text: str
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}, False
    media = content_type.split(";", 1)[0].strip().lower()  # media types are case-insensitive
    if media == "application/json" or (not media and text.lstrip()[:1] in "{["):
        data = php_json_decode(text)
        return (data if isinstance(data, dict) else {}), False
    if media == "application/x-www-form-urlencoded" or not media:
        return parse_query(text), True
    if media == "multipart/form-data":
        return _parse_multipart(raw, content_type), True
    return {}, False


def _parse_large(
    query_text: str, raw: bytes | None, content_type: str
) -> tuple[dict[str, Any], tuple[dict[str, Any], bool]]:
    with _LARGE_PARSE:
        return parse_query(query_text), _decode_body(raw, content_type)


def _parse_multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    """Plain text fields of a multipart body (no files: no flow or batch parameter is a file)."""
    boundary = next(
        (p.split("=", 1)[1].strip('"') for p in content_type.split(";") if p.strip().startswith("boundary=")),
        None,
    )
    if not boundary:
        return {}
    pairs: list[tuple[str, str]] = []
    for part in raw.split(b"--" + boundary.encode()):
        head, _, body = part.partition(b"\r\n\r\n")
        name = None
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if line.lower().startswith("content-disposition") and 'name="' in line:
                name = line.split('name="', 1)[1].split('"', 1)[0]
        if name is not None:
            pairs.append((name, body.removesuffix(b"\r\n").decode("utf-8", "replace")))
    return build_nested(pairs)


def _authenticate(portal: Portal, request: Request, query: dict[str, Any], body: dict[str, Any]) -> Caller:
    token: Any = query.get("auth", body.get("auth"))
    header = request.headers.get("authorization", "")
    if not token and header.lower().startswith("bearer "):
        token = header[7:].strip()
    return portal.identities.token_caller(token if isinstance(token, str) else None, portal.config.clock())


def _method_name(raw: str) -> str:
    name = raw.strip("/")
    return name[:-5] if name.lower().endswith(".json") else name


def _declared_length(request: Request) -> int | None:
    return parse_id(request.headers.get("content-length", ""))


async def rest(request: Request) -> Response:
    """One REST call, refused as cheaply as possible: an unknown method and a webhook's wrong
    credentials before the body is read, a body over MAX_BODY without reading it further, and only
    then the parameters are parsed (in linear time, see protocol.build_nested)."""
    portal: Portal = request.app.state.portal
    method = _method_name(str(request.path_params["method"]))
    operation_id = portal.spec.canonical(method)
    if operation_id is None:
        return _error_response(portal, BitrixError.named("MethodNotFound"), None)
    path = request.path_params
    caller: Caller | None = None
    if "code" in path:
        try:
            caller = portal.identities.webhook_caller(str(path["user"]), str(path["code"]))
        except BitrixError as error:
            return _error_response(portal, error, operation_id)
    # from the scope, not request.url: building the URL object cost a twentieth of a call
    query_text = request.scope["query_string"].decode("utf-8", "replace")
    length = _declared_length(request)
    raw = None if length is not None and length > MAX_BODY else await _read_body(request)
    content_type = request.headers.get("content-type", "")
    if len(query_text) + len(raw or b"") > LARGE_PARAMETERS:
        query, (body, body_strings) = await anyio.to_thread.run_sync(
            _parse_large, query_text, raw, content_type
        )
    else:
        query, (body, body_strings) = parse_query(query_text), _decode_body(raw, content_type)
    if caller is None:
        try:
            caller = _authenticate(portal, request, query, body)
        except BitrixError as error:
            return _error_response(portal, error, operation_id)
    fault = _header_fault(portal, request)
    fault_status = parse_id(request.headers.get(FAULT_STATUS_HEADER, "")) if fault else None
    # A JSON body keeps its types and wins over the query string, as in PHP's $_REQUEST; query and
    # form values are strings and are coerced to the spec's types first.
    if body_strings:
        outcome = portal.dispatcher.invoke(
            caller, method, {**query, **body}, fault=fault, fault_status=fault_status
        )
    else:
        outcome = portal.dispatcher.invoke(
            caller, method, query, typed=body, fault=fault, fault_status=fault_status
        )
    return _render(portal, outcome)


def _header_fault(portal: Portal, request: Request) -> str | None:
    """The error example named by X-Reference-Fault: admin surface only (with its token, if any)."""
    fault = request.headers.get(FAULT_HEADER)
    if not fault or not portal.config.admin or not _admin_allowed(portal, request):
        return None
    with contextlib.suppress(ValueError):
        return portal.error_name(fault)
    return None


def _admin_allowed(portal: Portal, request: Request) -> bool:
    token = portal.config.admin_token
    if token is None:
        return True
    sent = request.headers.get(ADMIN_HEADER, "")
    return hmac.compare_digest(sent.encode("utf-8", "replace"), token.encode("utf-8"))


def _admin_refusal(portal: Portal, request: Request) -> Response | None:
    if _admin_allowed(portal, request):
        return None
    return JSONResponse(
        {"error": "ADMIN_TOKEN_REQUIRED", "error_description": f"send the admin token in {ADMIN_HEADER}"},
        status_code=403,
    )


async def faults_endpoint(request: Request) -> Response:
    portal: Portal = request.app.state.portal
    if (refusal := _admin_refusal(portal, request)) is not None:
        return refusal
    if request.method == "DELETE":
        portal.faults.clear()
    elif request.method == "POST":
        try:
            raw = php_json_decode((await _read_body(request) or b"").decode("utf-8", "replace"))
            items = raw if isinstance(raw, list) else [raw]
            for item in items:
                portal.faults.add(portal.make_fault(item))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            return JSONResponse({"error": "BAD_FAULT", "error_description": str(exc)}, status_code=400)
    return JSONResponse({"faults": [f.as_dict() for f in portal.faults.pending]})


async def reset_limits(request: Request) -> Response:
    portal: Portal = request.app.state.portal
    if (refusal := _admin_refusal(portal, request)) is not None:
        return refusal
    if portal.bucket is not None:
        portal.bucket.level = 0.0
    if portal.budget is not None:
        portal.budget.buckets.clear()
    return JSONResponse({"result": True})


async def bizproc_state(request: Request) -> Response:
    """What the portal keeps but no REST method shows: the handler calls of robots and actions (with
    their event tokens, since the server sends no HTTP callbacks) and every stored workflow,
    finished ones included, with status text, outputs and log."""
    portal: Portal = request.app.state.portal
    if (refusal := _admin_refusal(portal, request)) is not None:
        return refusal
    kind = {"calls": "call", "workflows": "workflow"}.get(str(request.path_params["kind"]))
    if kind is None:
        return JSONResponse(
            {"error": "NOT_FOUND", "error_description": "calls or workflows"}, status_code=404
        )
    with portal.store.lock:
        records = list(portal.store.of(kind).values())
    return JSONResponse({kind + "s": records})


class _AnyVerb:
    """ASGI wrapper: a portal answers whatever the HTTP verb (PHP reads $_REQUEST), and Starlette
    routes a plain function for GET only."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await rest(Request(scope, receive))
        await response(scope, receive, send)


class _CrashGuard:
    """ASGI middleware: an exception no handler caught becomes the spec's INTERNAL_SERVER_ERROR
    JSON with status 500 and `Connection: close` (the server closes the connection after it, and a
    keep-alive client is told so instead of finding the socket dead on its next request)."""

    def __init__(self, app: Any, spec: Model) -> None:
        self.app = app
        value = spec.example("InternalServerError")
        self.body = json.dumps(
            {"error": str(value["error"]), "error_description": str(value["error_description"])}
        ).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            LOG.exception("unexpected error answering %s", scope.get("path"))
            if started:
                raise
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(self.body)).encode()),
                (b"connection", b"close"),
            ]
            await send({"type": "http.response.start", "status": 500, "headers": headers})
            await send({"type": "http.response.body", "body": self.body})


def build_app(config: ServerConfig) -> Starlette:
    routes = [
        Route("/rest/{user}/{code}/{method:path}", _AnyVerb()),
        Route("/rest/{method:path}", _AnyVerb()),
    ]
    if config.admin:
        routes += [
            Route("/_reference/faults", faults_endpoint, methods=["GET", "POST", "DELETE"]),
            Route("/_reference/limits/reset", reset_limits, methods=["POST"]),
            Route("/_reference/bizproc/{kind:str}", bizproc_state, methods=["GET"]),
        ]
    portal = Portal(config)
    app = Starlette(routes=routes, middleware=[Middleware(_CrashGuard, spec=portal.spec)])
    app.state.portal = portal
    return app
