# copied from generator/python/runtime/_errors.py by `nox -s generate`; do not edit
"""Every exception the client raises about an answer or a wait, under one base.

Written by hand in generator/python/runtime/ and copied into the generated package (and
re-exported by `errors`); do not edit the copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = [
    "B24ClientError",
    "Bitrix24Error",
    "MalformedResponse",
    "ResponseTooLarge",
    "UnexpectedStatus",
    "UnknownBitrix24Error",
    "WaitTooLong",
]

_SHOWN = 200  # characters of a body quoted in a message


class B24ClientError(Exception):
    """The base of every exception the client raises for what a portal answered or made it wait
    for. Connection failures and timeouts stay httpx's own (`httpx.TransportError`)."""


class Bitrix24Error(B24ClientError):
    """An error body from the portal: `{"error": code, "error_description": text}`.

    Raised for every error body, under any HTTP status, also 200 (as `tasks.flow.Flow.pin` is
    documented to send). `code` is an open string: `"0"` for every flow error, `""` for some
    bizproc errors; tell flow errors apart by `description` (`""` when the portal sent none).
    `body` is the decoded body, `content` the raw bytes.

    `from_body` raises the subclass named after the spec's error catalogue entry the body is
    (`FlowNotFound`, `QueryLimitExceeded`, ... in `errors`), or `UnknownBitrix24Error`; the class
    carries the entry's `error_name`, `expected_code`, `statuses` and `retry` advice.
    """

    error_name: ClassVar[str] = ""  # the catalogue's name; "" for an error it does not name
    expected_code: ClassVar[str] = ""  # the catalogue's code, as text
    statuses: ClassVar[tuple[int, ...]] = ()  # every HTTP status the spec declares it under
    retry: ClassVar[str] = "never"  # x-bitrix-retry: never, after-backoff, after-reset, ...

    def __init__(
        self,
        code: str,
        description: str,
        status_code: int,
        operation: str,
        body: Mapping[str, Any],
        *,
        content: bytes = b"",
    ):
        self.code = code
        self.description = description
        self.status_code = status_code
        self.operation = operation
        self.body = dict(body)
        self.content = content
        super().__init__(f"{operation}: HTTP {status_code} {code!r}: {description}")

    @classmethod
    def from_body(
        cls, body: Mapping[str, Any], status_code: int, operation: str, content: bytes = b""
    ) -> Bitrix24Error:
        """The exception for an error body. Called on `Bitrix24Error` itself, it picks the class
        the catalogue names for `(status_code, error, error_description)` of `operation` (a method
        name, or a batch command's `batch[key] method`); called on a subclass, that class."""
        description = body.get("error_description")
        target: type[Bitrix24Error] = cls
        if cls is Bitrix24Error:
            # Imported here: the catalogue subclasses this module's classes.
            from ._catalogue import CATALOGUE  # noqa: PLC0415

            target = CATALOGUE.classify(
                status_code, body.get("error"), "" if description is None else description, operation
            )
        return target(
            code=str(body.get("error", "")),
            description="" if description is None else str(description),
            status_code=status_code,
            operation=operation,
            body=body,
            content=content,
        )


class UnknownBitrix24Error(Bitrix24Error):
    """An error body the spec's catalogue does not name: a code it does not list, or a message in
    none of the forms it knows (a newer portal version, another language). Still a
    `Bitrix24Error` with `code`, `description` and the rest."""


class UnexpectedStatus(B24ClientError):  # noqa: N818 - the generator's name, kept for callers
    """An answer that is neither a success nor a Bitrix24 error body (kept from the generator:
    also raised by `*_detailed` for an undocumented status when `Client.raise_on_unexpected_status`)."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content
        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class MalformedResponse(UnexpectedStatus):
    """The answer is not a valid Bitrix24 body for `operation`: not JSON, empty, cut short, not
    UTF-8, nested too deeply, or JSON of the wrong shape (a missing member, a wrongly typed
    `result`), under any status (a `text/plain` 500 too). `content` keeps the raw bytes, `reason`
    says what was wrong."""

    def __init__(self, status_code: int, content: bytes, operation: str, reason: str):
        self.operation = operation
        self.reason = reason
        B24ClientError.__init__(
            self,
            f"{operation}: HTTP {status_code}: not a valid Bitrix24 answer ({reason}): "
            f"{content[:_SHOWN].decode(errors='replace')!r}",
        )
        self.status_code = status_code
        self.content = content


class ResponseTooLarge(MalformedResponse):
    """The answer's body, once decoded (gzip / deflate inflated), would exceed `limit` bytes (the
    client's `max_response_bytes`): a compressed "bomb" or a runaway body. Reading stopped there,
    so memory stays bounded. A `MalformedResponse` because no valid Bitrix24 answer is that large,
    so code that handles broken answers handles this one too. `content` keeps the first raw
    (still compressed) bytes received, at most 64 KiB; `received` counts all raw bytes read."""

    def __init__(self, status_code: int, content: bytes, operation: str, limit: int, *, received: int):
        self.limit = limit
        self.received = received
        super().__init__(
            status_code, content, operation, f"the decoded body exceeds max_response_bytes={limit}"
        )


class WaitTooLong(B24ClientError):  # noqa: N818 - says what happened, like its siblings
    """One call would have to wait more than the retry policy's `max_wait` in all (an operating
    budget that resets too far ahead, a portal that keeps answering 429 / 503, a full limiter).
    `needed` is the wait that was refused, `waited` what the call had waited already;
    `status_code` / `content` are the last answer, if there was one."""

    def __init__(
        self,
        operation: str,
        needed: float,
        waited: float,
        max_wait: float,
        *,
        status_code: int | None = None,
        content: bytes = b"",
    ):
        self.operation = operation
        self.needed = needed
        self.waited = waited
        self.max_wait = max_wait
        self.status_code = status_code
        self.content = content
        super().__init__(
            f"{operation}: would wait {needed:.1f}s more after {waited:.1f}s, beyond max_wait={max_wait:.1f}s"
        )
