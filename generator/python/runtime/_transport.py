"""httpx transports that keep a client within the portal's limits and retry only what is safe.

Every request of the generated endpoint functions, of `batch` and of the `Bitrix24` helpers passes
through them. Written by hand in generator/python/runtime/ and copied into the generated
package; do not edit the copy.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from ._decoding import DEFAULT_MAX_RESPONSE_BYTES, accept_encoding, aread_capped, read_capped
from ._errors import WaitTooLong
from ._limits import Limits, OperatingBudgets, RequestBucket
from ._oauth import TokenKeeper
from ._operations import OPERATIONS
from ._retry import RetryPolicy
from ._spec import Operation, lookup, retry_class

__all__ = ["AsyncBitrixTransport", "BitrixTransport", "Runtime"]

logger = logging.getLogger("b24_client")

_NUMBER = r"\s*(-?[0-9][0-9.eE+-]*)"
_TIME_FIELDS = {
    name: re.compile(rf'"{name}":{_NUMBER}'.encode())
    for name in ("finish", "processing", "operating", "operating_reset_at")
}
_TAIL = 2048


@dataclass
class _Verdict:
    """What to do with an answer: hand it back, or send again after `delay` (refreshing the token
    first when `refresh`)."""

    retry: bool
    delay: float = 0.0
    refresh: bool = False


class Runtime:
    """The state every transport of one client shares: limiter, budgets, retry policy, token, and
    `max_response_bytes`, the cap on one answer's decoded body (`ResponseTooLarge` beyond it).

    `stats` counts what happened on the wire: `sent` requests, `overloaded` (503
    QUERY_LIMIT_EXCEEDED answers seen), `refused` (429 OPERATION_TIME_LIMIT), `retried`, `timeouts`.
    """

    def __init__(
        self,
        *,
        limits: Limits | str | None = "standard",
        retry: RetryPolicy | None = None,
        token: TokenKeeper | None = None,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if max_response_bytes < 1:
            raise ValueError(f"max_response_bytes must be positive, not {max_response_bytes}")
        self.max_response_bytes = max_response_bytes
        self.limits = Limits.of(limits)
        self.retry = retry or RetryPolicy()
        self.token = token
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.bucket: RequestBucket | None = None
        self.budgets: OperatingBudgets | None = None
        if self.limits is not None:
            capacity, rate = self.limits.bucket()
            self.bucket = RequestBucket(capacity, rate, self.limits.margin, self.limits.clock)
            self.budgets = OperatingBudgets(self.limits)
        self.stats = {"sent": 0, "overloaded": 0, "refused": 0, "retried": 0, "timeouts": 0}
        self._stats_lock = threading.Lock()

    def count(self, name: str) -> None:
        with self._stats_lock:
            self.stats[name] += 1

    # -- before sending ----------------------------------------------------------------------------

    @staticmethod
    def method_of(request: httpx.Request) -> str:
        return request.url.path.rstrip("/").rsplit("/", 1)[-1]

    def operation(self, request: httpx.Request) -> Operation | None:
        return lookup(OPERATIONS, self.method_of(request))

    def authorize(self, request: httpx.Request) -> str | None:
        """Put the current access token into the request; return it (None without OAuth)."""
        if self.token is None:
            return None
        request.url = request.url.copy_set_param("auth", self.token.token)
        return self.token.token

    def waiting(
        self, request: httpx.Request, waited: float, delay: float, response: httpx.Response | None = None
    ) -> float:
        """`waited + delay` when that stays within the policy's `max_wait`; else raise `WaitTooLong`
        (with the last answer, if any), so no portal value can make one call sleep without end."""
        if delay > 0 and waited + delay > self.retry.max_wait:
            raise WaitTooLong(
                self.method_of(request), delay, waited, self.retry.max_wait,
                status_code=None if response is None else response.status_code,
                content=b"" if response is None else response.content,
            )  # fmt: skip
        return waited + max(0.0, delay)

    def budget_delay(self, operation: Operation | None) -> float:
        if self.budgets is None or operation is None or not operation.budgeted:
            return 0.0
        return self.budgets.delay(operation.id)

    def bucket_delay(self) -> float:
        self.count("sent")
        return 0.0 if self.bucket is None else self.bucket.reserve()

    # -- after sending -----------------------------------------------------------------------------

    def on_exception(self, operation: Operation | None, error: Exception, sent: int) -> _Verdict:
        self.count("timeouts")
        name = operation.id if operation else "?"
        if not self.retry.unsure_retry(operation, sent):
            why = "not idempotent" if operation is None or not operation.retry_safe else "out of attempts"
            logger.warning(
                "%s: %s after %d attempt(s); not retried (%s)", name, type(error).__name__, sent, why
            )
            return _Verdict(False)
        delay = self.retry.backoff(sent)
        self.count("retried")
        logger.warning(
            "%s: %s; idempotent, retry %d/%d in %.2fs",
            name, type(error).__name__, sent, self.retry.unsure_attempts - 1, delay,
        )  # fmt: skip
        return _Verdict(True, delay)

    def on_response(  # noqa: PLR0911 - one exit per retry class reads best
        self, operation: Operation | None, response: httpx.Response, sent: int, token: str | None
    ) -> _Verdict:
        name = operation.id if operation else self.method_of(response.request)
        if response.status_code == 200:
            self._note_success(operation, response.content)
            return _Verdict(False)
        try:
            body = json.loads(response.content)
        except ValueError:
            return _Verdict(False)
        if not isinstance(body, dict) or "error" not in body:
            return _Verdict(False)
        code = str(body["error"])
        kind = retry_class(OPERATIONS, operation, response.status_code, code)
        if kind == "after-token-refresh":
            if token is not None and self.token is not None and self.token.can_refresh and sent < 3:
                logger.info("%s: %s; refreshing the access token", name, code)
                return _Verdict(True, 0.0, refresh=True)
            return _Verdict(False)
        if kind == "after-backoff":
            self.count("overloaded")
            if self.bucket is not None:
                self.bucket.overloaded()
        if kind == "after-reset":
            self.count("refused")
        if not self.retry.error_retry(kind, operation, sent):
            if kind != "never":
                logger.warning("%s: %s (HTTP %d, %s); not retried", name, code, response.status_code, kind)
            return _Verdict(False)
        delay = self.retry.backoff(sent)
        if kind == "after-reset":
            wait = delay if self.budgets is None else self.budgets.refused(name, fallback=60.0)
            if wait > self.retry.max_reset_wait:
                logger.warning("%s: %s; the budget resets in %.0fs, not waiting", name, code, wait)
                return _Verdict(False)
            delay = max(delay, wait)
        self.count("retried")
        logger.warning(
            "%s: %s (HTTP %d, %s); retry %d/%d in %.2fs",
            name, code, response.status_code, kind, sent, self.retry.attempts - 1, delay,
        )  # fmt: skip
        return _Verdict(True, delay)

    def _note_success(self, operation: Operation | None, content: bytes) -> None:
        if self.bucket is not None:
            self.bucket.succeeded()
        if self.budgets is None or operation is None or not operation.budgeted:
            return  # a call outside the budget (batch) reports 0; its commands are read elsewhere
        tail = content[-_TAIL:]
        found: dict[str, float] = {}
        for field, pattern in _TIME_FIELDS.items():
            matches = pattern.findall(tail)
            if matches:
                try:
                    found[field] = float(matches[-1])
                except ValueError:
                    return
        if {"finish", "operating", "operating_reset_at"} <= found.keys():
            self.budgets.record(
                operation.id,
                found["operating"],
                found["operating_reset_at"] - found["finish"],
                found.get("processing", 0.0),
            )


class BitrixTransport(httpx.BaseTransport):
    """Wraps a synchronous transport (by default `httpx.HTTPTransport()`) with `runtime`."""

    def __init__(self, runtime: Runtime, inner: httpx.BaseTransport | None = None) -> None:
        self.runtime = runtime
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        rt = self.runtime
        operation = rt.operation(request)
        request.read()
        accept_encoding(request)  # only codings that can be inflated within the cap
        sent = 0
        waited = 0.0
        while True:
            token = rt.authorize(request)
            for delay in (rt.budget_delay(operation), rt.bucket_delay()):
                if delay > 0:
                    waited = rt.waiting(request, waited, delay)
                    rt.sleep(delay)
            sent += 1
            try:
                response = self.inner.handle_request(request)
                # httpx would inflate the whole body at once: read it raw, within the cap
                response = read_capped(response, request, rt.max_response_bytes, rt.method_of(request))
            except httpx.TransportError as error:
                verdict = rt.on_exception(operation, error, sent)
                if not verdict.retry:
                    raise
                waited = rt.waiting(request, waited, verdict.delay)
                rt.sleep(verdict.delay)
                continue
            verdict = rt.on_response(operation, response, sent, token)
            if not verdict.retry:
                return response
            if verdict.delay > 0:
                waited = rt.waiting(request, waited, verdict.delay, response)
            response.close()
            if verdict.refresh and rt.token is not None and token is not None:
                rt.token.refresh(token)
            elif verdict.delay > 0:
                rt.sleep(verdict.delay)

    def close(self) -> None:
        self.inner.close()


class AsyncBitrixTransport(httpx.AsyncBaseTransport):
    """Wraps an asynchronous transport (by default `httpx.AsyncHTTPTransport()`) with `runtime`."""

    def __init__(self, runtime: Runtime, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.runtime = runtime
        self.inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        rt = self.runtime
        operation = rt.operation(request)
        await request.aread()
        accept_encoding(request)  # only codings that can be inflated within the cap
        sent = 0
        waited = 0.0
        while True:
            token = rt.authorize(request)
            for delay in (rt.budget_delay(operation), rt.bucket_delay()):
                if delay > 0:
                    waited = rt.waiting(request, waited, delay)
                    await rt.async_sleep(delay)
            sent += 1
            try:
                response = await self.inner.handle_async_request(request)
                response = await aread_capped(response, request, rt.max_response_bytes, rt.method_of(request))
            except httpx.TransportError as error:
                verdict = rt.on_exception(operation, error, sent)
                if not verdict.retry:
                    raise
                waited = rt.waiting(request, waited, verdict.delay)
                await rt.async_sleep(verdict.delay)
                continue
            verdict = rt.on_response(operation, response, sent, token)
            if not verdict.retry:
                return response
            if verdict.delay > 0:
                waited = rt.waiting(request, waited, verdict.delay, response)
            await response.aclose()
            if verdict.refresh and rt.token is not None and token is not None:
                await rt.token.arefresh(token)
            elif verdict.delay > 0:
                await rt.async_sleep(verdict.delay)

    async def aclose(self) -> None:
        await self.inner.aclose()
