"""Bitrix24 behaviour that the generated code cannot express on its own.

This module is written by hand in generator/python_client/runtime/ and copied into the generated
package by generator/client.py; do not edit the copy.
"""

from __future__ import annotations

import asyncio
import json
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from . import errors
from ._limits import Limits
from ._oauth import AsyncRefresh, Refresh, TokenKeeper
from ._retry import RetryPolicy
from ._transport import AsyncBitrixTransport, BitrixTransport, Runtime
from .client import Client
from .types import Response

__all__ = [
    "Bitrix24Error",
    "batch_errors",
    "oauth_client",
    "runtime_of",
    "unwrap",
    "webhook_client",
]

# id(client) → its runtime, dropped with the client (a Client compares by value, so it is unhashable)
_RUNTIMES: dict[int, Runtime] = {}


class Bitrix24Error(Exception):
    """An error body from the portal: `{"error": code, "error_description": text}`.

    Raised for every error body, also when the portal sends it with HTTP 200 (as
    `tasks.flow.Flow.pin` is documented to do). `code` is an open string: `"0"` for every flow
    error, `""` for some bizproc errors; tell flow errors apart by `description`.
    """

    def __init__(
        self, code: str, description: str, status_code: int, operation: str, body: Mapping[str, Any]
    ):
        self.code = code
        self.description = description
        self.status_code = status_code
        self.operation = operation
        self.body = dict(body)
        super().__init__(f"{operation}: HTTP {status_code} {code!r}: {description}")

    @classmethod
    def from_body(cls, body: Mapping[str, Any], status_code: int, operation: str) -> Bitrix24Error:
        return cls(
            code=str(body.get("error", "")),
            description=str(body.get("error_description", "")),
            status_code=status_code,
            operation=operation,
            body=body,
        )


def _is_error_body(body: Any) -> bool:
    return isinstance(body, dict) and "error" in body and "result" not in body


def unwrap(response: Response[Any], operation: str) -> Any:
    """The parsed success body of `response`; raise `Bitrix24Error` for any error body."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if _is_error_body(body):
        raise Bitrix24Error.from_body(body, int(response.status_code), operation)
    if int(response.status_code) != 200 or response.parsed is None:
        raise errors.UnexpectedStatus(int(response.status_code), response.content)
    return response.parsed


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
    verify = client._httpx_args.get("verify", client._verify_ssl)
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
    **kwargs: Any,
) -> Client:
    """A client for an incoming webhook URL such as `https://portal.bitrix24.com/rest/1/code/`.

    The URL carries the credentials. Every call goes through the runtime: the client-side limiter
    (`limits`: a plan name, a `Limits`, or None for none) and the spec-driven retries (`retry`).
    `transport` / `async_transport` replace the httpx transports underneath (tests, proxies);
    `sleep` / `async_sleep` are how the runtime waits. Other keyword arguments go to `Client`
    (e.g. `timeout`, `httpx_args`).
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.scheme not in {"http", "https"} or len(segments) != 3 or segments[0] != "rest":
        raise ValueError(f"not a webhook URL (expected https://<portal>/rest/<userId>/<code>/): {url!r}")
    client = Client(base_url=f"{parts.scheme}://{parts.netloc}/rest/{segments[1]}/{segments[2]}", **kwargs)
    runtime = Runtime(limits=limits, retry=retry, sleep=sleep, async_sleep=async_sleep)
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
    runtime = Runtime(limits=limits, retry=retry, token=keeper, sleep=sleep, async_sleep=async_sleep)
    return _install(client, runtime, transport, async_transport)
