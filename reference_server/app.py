"""HTTP: the portal's URL forms, request decoding, credentials, and the JSON envelope."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .config import ServerConfig
from .dispatch import Dispatcher, Outcome
from .errors import BitrixError
from .identities import Caller, Identities, load_identities
from .limits import PLANS, Fault, Faults, LeakyBucket, OperatingBudget
from .protocol import build_nested, parse_query
from .spec import Spec, default_spec, load_spec
from .store import Store

MAX_BODY = 2 * 1024 * 1024  # larger bodies are not read; the call then fails validation like an empty one
FAULT_HEADER = "x-reference-fault"


class Portal:
    """Everything one running server holds."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.spec: Spec = load_spec(config.spec_path) if config.spec_path else default_spec()
        self.identities: Identities = load_identities(config.fixtures)
        self.store = Store(config.db, self.identities.groups)
        self.faults = Faults()
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
        return Fault(
            method=method,
            count=int(raw.get("count", 1)),
            error=error,
            operating=float(raw.get("operating", 0)),
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
    return JSONResponse(error.body(portal.spec), status_code=error.status(portal.spec, operation_id))


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


def _decode_body(raw: bytes | None, content_type: str) -> tuple[dict[str, Any], bool]:  # noqa: PLR0911
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
    if "json" in content_type or (not content_type and text.lstrip()[:1] in "{["):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return {}, False
        return (data if isinstance(data, dict) else {}), False
    if "x-www-form-urlencoded" in content_type or not content_type:
        return parse_query(text), True
    if "multipart/form-data" in content_type:
        return _parse_multipart(raw, content_type), True
    return {}, False


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
    path = request.path_params
    if "code" in path:
        return portal.identities.webhook_caller(str(path["user"]), str(path["code"]))
    token: Any = query.get("auth", body.get("auth"))
    header = request.headers.get("authorization", "")
    if not token and header.lower().startswith("bearer "):
        token = header[7:].strip()
    return portal.identities.token_caller(token if isinstance(token, str) else None, portal.config.clock())


def _method_name(raw: str) -> str:
    name = raw.strip("/")
    return name[:-5] if name.lower().endswith(".json") else name


async def rest(request: Request) -> Response:
    portal: Portal = request.app.state.portal
    method = _method_name(str(request.path_params["method"]))
    # from the scope, not request.url: building the URL object cost a twentieth of a call
    query = parse_query(request.scope["query_string"].decode("utf-8", "replace"))
    body, body_strings = _decode_body(await _read_body(request), request.headers.get("content-type", ""))
    try:
        caller = _authenticate(portal, request, query, body)
    except BitrixError as error:
        return _error_response(portal, error, portal.spec.canonical(method))
    fault = request.headers.get(FAULT_HEADER)
    if fault:
        with contextlib.suppress(ValueError):
            portal.faults.add(portal.make_fault({"method": method, "error": fault, "count": 1}))
    # A JSON body keeps its types and wins over the query string, as in PHP's $_REQUEST; query and
    # form values are strings and are coerced to the spec's types first.
    if body_strings:
        outcome = portal.dispatcher.invoke(caller, method, {**query, **body})
    else:
        outcome = portal.dispatcher.invoke(caller, method, query, typed=body)
    return _render(portal, outcome)


async def faults_endpoint(request: Request) -> Response:
    portal: Portal = request.app.state.portal
    if request.method == "DELETE":
        portal.faults.clear()
    elif request.method == "POST":
        try:
            raw = json.loads(await request.body())
            items = raw if isinstance(raw, list) else [raw]
            for item in items:
                portal.faults.add(portal.make_fault(item))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            return JSONResponse({"error": "BAD_FAULT", "error_description": str(exc)}, status_code=400)
    return JSONResponse({"faults": [f.as_dict() for f in portal.faults.pending]})


async def reset_limits(request: Request) -> Response:
    portal: Portal = request.app.state.portal
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


def build_app(config: ServerConfig) -> Starlette:
    routes = [
        Route("/rest/{user:int}/{code}/{method:path}", _AnyVerb()),
        Route("/rest/{method:path}", _AnyVerb()),
    ]
    if config.admin:
        routes += [
            Route("/_reference/faults", faults_endpoint, methods=["GET", "POST", "DELETE"]),
            Route("/_reference/limits/reset", reset_limits, methods=["POST"]),
            Route("/_reference/bizproc/{kind:str}", bizproc_state, methods=["GET"]),
        ]
    app = Starlette(routes=routes)
    app.state.portal = Portal(config)
    return app
