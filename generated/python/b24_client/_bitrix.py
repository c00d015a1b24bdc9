"""Bitrix24 behaviour that the generated code cannot express on its own.

This module is written by hand in generator/python_client/runtime/ and copied into the generated
package by generator/client.py; do not edit the copy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from . import errors
from .client import Client
from .types import Response

__all__ = ["Bitrix24Error", "batch_errors", "oauth_client", "unwrap", "webhook_client"]


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


def webhook_client(url: str, **kwargs: Any) -> Client:
    """A client for an incoming webhook URL such as `https://portal.bitrix24.com/rest/1/code/`.

    The URL carries the credentials. Extra keyword arguments go to `Client` (e.g. `timeout`,
    `httpx_args`).
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.scheme not in {"http", "https"} or len(segments) != 3 or segments[0] != "rest":
        raise ValueError(f"not a webhook URL (expected https://<portal>/rest/<userId>/<code>/): {url!r}")
    return Client(base_url=f"{parts.scheme}://{parts.netloc}/rest/{segments[1]}/{segments[2]}", **kwargs)


def oauth_client(portal: str, token: str, **kwargs: Any) -> Client:
    """A client for an OAuth application: `portal` is the host or `https://host`; `token` the access token.

    The token travels as the `auth` query parameter, which every method accepts.
    """
    base = portal if "://" in portal else f"https://{portal}"
    httpx_args = dict(kwargs.pop("httpx_args", {}))
    httpx_args["params"] = {**httpx_args.get("params", {}), "auth": token}
    return Client(base_url=f"{base.rstrip('/')}/rest", httpx_args=httpx_args, **kwargs)
