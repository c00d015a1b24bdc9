# copied from generator/python/runtime/_bitrix.py by `nox -s generate`; do not edit
"""Bitrix24 behaviour that the generated code cannot express on its own.

This module is written by hand in generator/python/runtime/ and copied into the generated
package by generator/python/client.py; do not edit the copy.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import ssl
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from ._decoding import DEFAULT_MAX_RESPONSE_BYTES
from ._errors import Bitrix24Error, MalformedResponse, UnexpectedStatus
from ._limits import Limits
from ._oauth import AsyncRefresh, Refresh, TokenKeeper
from ._retry import RetryPolicy
from ._transport import AsyncBitrixTransport, BitrixTransport, Runtime
from .client import Client
from .models.error_response import ErrorResponse
from .types import Response, Unset

__all__ = [
    "Bitrix24Error",
    "batch_errors",
    "decode",
    "oauth_client",
    "parsed_or_none",
    "runtime_of",
    "unwrap",
    "webhook_client",
]

# id(client) → its runtime, dropped with the client (a Client compares by value, so it is unhashable)
_RUNTIMES: dict[int, Runtime] = {}
T = TypeVar("T")


def decode(content: bytes) -> Any:
    """The JSON in `content`, or `_NOT_JSON` when it is not JSON the client can read (not UTF-8,
    empty, cut short, nested too deeply, a number too long to convert)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return _NOT_JSON


_NOT_JSON = object()


def _is_error_body(body: Any) -> bool:
    return isinstance(body, dict) and "error" in body and "result" not in body


def _wrong_result(parsed: Any) -> str | None:
    """Why the `result` of a parsed success model does not have its declared type (the generated
    models copy scalars unchecked), or None."""
    hints = getattr(type(parsed), "__annotations__", {})
    expected = hints.get("result")
    if not isinstance(expected, str):
        return None
    value = getattr(parsed, "result", None)
    # A model that reads both a success and an error body (pin's 200, D71) has an optional `result`;
    # once the body is known not to be an error, `result` must be there.
    if expected.endswith(" | Unset"):
        if isinstance(value, Unset):
            return "no result"
        expected = expected.removesuffix(" | Unset")
    scalar: dict[str, type | tuple[type, ...]] = {"bool": bool, "int": int, "str": str, "float": (int, float)}
    if expected in scalar:
        wanted = scalar[expected]
        if not isinstance(value, wanted) or (expected != "bool" and isinstance(value, bool)):
            return f"result is {type(value).__name__}, expected {expected}"
    elif expected == "list[str]" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return "result is not a list of strings"
    return None


def unwrap(response: Response[Any], operation: str) -> Any:
    """The parsed success body of `response`; raise `Bitrix24Error` for any error body and
    `MalformedResponse` for anything else that is not a valid success body."""
    status = int(response.status_code)
    body = decode(response.content)
    if _is_error_body(body):
        raise Bitrix24Error.from_body(body, status, operation, response.content)
    if body is _NOT_JSON:
        raise MalformedResponse(status, response.content, operation, "not JSON")
    if status != 200:
        raise MalformedResponse(status, response.content, operation, "neither a success nor an error body")
    parsed = response.parsed
    if parsed is None or isinstance(parsed, ErrorResponse):
        raise MalformedResponse(status, response.content, operation, "not the success body of the spec")
    wrong = _wrong_result(parsed)
    if wrong is not None:
        raise MalformedResponse(status, response.content, operation, wrong)
    return parsed


def parsed_or_none(parse: Callable[[], T]) -> T | None:
    """What a generated `_parse_response` makes of an answer, or None when the answer does not fit
    the spec (any exception of the parse: the body is data from outside, not code of ours)."""
    try:
        return parse()
    except UnexpectedStatus:
        raise
    except Exception:  # any failure of the parse means the body does not fit (see above)
        return None


def batch_errors(batch_result: Mapping[str, Any], operation: str = "batch") -> dict[str, Bitrix24Error]:
    """The failed commands of a `batch` result (its `result` member), keyed by command id.

    `batch` answers HTTP 200 even when commands fail; their error bodies sit in `result_error`,
    which the portal sends as `[]` when there are none.
    """
    failed = batch_result.get("result_error") or {}
    if isinstance(failed, list):
        failed = dict(enumerate(failed))
    return {
        str(key): Bitrix24Error.from_body(body, 200, f"{operation}[{key}]")
        for key, body in failed.items()
        if isinstance(body, Mapping)
    }


@functools.lru_cache(maxsize=4)
def _verified_context(cafile: str | None, capath: str | None) -> ssl.SSLContext:
    """httpx's certificate-checking context for these SSL_CERT_FILE / SSL_CERT_DIR values.

    Loading the CA bundle takes tens of milliseconds, more than a whole batch of calls to a nearby
    portal; httpx would do it again for every transport (two per client). A context only reads its
    CA list once loaded, so every client of the process shares one, as aiohttp's clients do; the
    cache key is what httpx reads from the environment, so changing those variables still counts.
    """
    return httpx.create_ssl_context(verify=True)


def _verify(given: Any) -> Any:
    """What the transports get for `verify`: the shared context for the default (True), else as given."""
    if given is True:
        return _verified_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    return given


def _install(client: Client, runtime: Runtime, transport: Any, async_transport: Any) -> Client:
    """Give `client` sync and async httpx clients whose transports run through `runtime`."""
    args = {k: v for k, v in client._httpx_args.items() if k not in {"transport", "verify", "cert", "http2"}}
    settings: dict[str, Any] = {
        "base_url": client._base_url,
        "cookies": client._cookies,
        "headers": client._headers,
        "timeout": client._timeout,
        "follow_redirects": client._follow_redirects,
        **args,
    }
    verify = _verify(client._httpx_args.get("verify", client._verify_ssl))
    given = client._httpx_args.get("transport")  # httpx_args={"transport": ...} still works
    if transport is None and isinstance(given, httpx.BaseTransport):
        transport = given
    if async_transport is None and isinstance(given, httpx.AsyncBaseTransport):
        async_transport = given
    inner = transport or httpx.HTTPTransport(verify=verify)
    async_inner = async_transport or httpx.AsyncHTTPTransport(verify=verify)
    client.set_httpx_client(httpx.Client(transport=BitrixTransport(runtime, inner), **settings))
    client.set_async_httpx_client(
        httpx.AsyncClient(transport=AsyncBitrixTransport(runtime, async_inner), **settings)
    )
    _RUNTIMES[id(client)] = runtime
    weakref.finalize(client, _RUNTIMES.pop, id(client), None)
    return client


def runtime_of(client: Client) -> Runtime | None:
    """The limiter/retry state of a client made by `webhook_client` or `oauth_client`."""
    return _RUNTIMES.get(id(client))


def webhook_client(
    url: str,
    *,
    limits: Limits | str | None = "standard",
    retry: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    **kwargs: Any,
) -> Client:
    """A client for an incoming webhook URL such as `https://portal.bitrix24.com/rest/1/code/`.

    The URL carries the credentials. Every call goes through the runtime: the client-side limiter
    (`limits`: a plan name, a `Limits`, or None for none) and the spec-driven retries (`retry`).
    `transport` / `async_transport` replace the httpx transports underneath (tests, proxies);
    `sleep` / `async_sleep` are how the runtime waits. `max_response_bytes` caps one answer's
    decoded body (64 MiB by default; `ResponseTooLarge` beyond it), compressed or not. Other
    keyword arguments go to `Client` (e.g. `timeout`, `httpx_args`).
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.scheme not in {"http", "https"} or len(segments) != 3 or segments[0] != "rest":
        raise ValueError(f"not a webhook URL (expected https://<portal>/rest/<userId>/<code>/): {url!r}")
    client = Client(base_url=f"{parts.scheme}://{parts.netloc}/rest/{segments[1]}/{segments[2]}", **kwargs)
    runtime = Runtime(
        limits=limits,
        retry=retry,
        sleep=sleep,
        async_sleep=async_sleep,
        max_response_bytes=max_response_bytes,
    )
    return _install(client, runtime, transport, async_transport)


def oauth_client(
    portal: str,
    token: str,
    *,
    refresh: Refresh | None = None,
    arefresh: AsyncRefresh | None = None,
    limits: Limits | str | None = "standard",
    retry: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    **kwargs: Any,
) -> Client:
    """A client for an OAuth application: `portal` is the host or `https://host`; `token` the access token.

    The token travels as the `auth` query parameter, which every method accepts. When a call answers
    `expired_token`, `refresh(old_token)` (or `await arefresh(old_token)` in async code) is called
    once, however many calls are waiting, and must return the new access token; the calls are then
    repeated with it. The other arguments are those of `webhook_client`.
    """
    base = portal if "://" in portal else f"https://{portal}"
    httpx_args = dict(kwargs.pop("httpx_args", {}))
    httpx_args["params"] = {**httpx_args.get("params", {}), "auth": token}
    client = Client(base_url=f"{base.rstrip('/')}/rest", httpx_args=httpx_args, **kwargs)
    keeper = TokenKeeper(token, refresh, arefresh)
    runtime = Runtime(
        limits=limits,
        retry=retry,
        token=keeper,
        sleep=sleep,
        async_sleep=async_sleep,
        max_response_bytes=max_response_bytes,
    )
    return _install(client, runtime, transport, async_transport)
