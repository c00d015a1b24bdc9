# generated from spec/ by `nox -s generate`; do not edit
"""The exceptions the client raises; they are defined in `_errors` (hand-written runtime)."""

from ._errors import (
    B24ClientError,
    Bitrix24Error,
    MalformedResponse,
    ResponseTooLarge,
    UnexpectedStatus,
    WaitTooLong,
)

__all__ = [
    "B24ClientError",
    "Bitrix24Error",
    "MalformedResponse",
    "ResponseTooLarge",
    "UnexpectedStatus",
    "WaitTooLong",
]
