# generated from spec/ by `nox -s generate`; do not edit
"""The exceptions the client raises. The base classes are defined in `_errors` (hand-written
runtime); the errors named after the spec's catalogue (`FlowNotFound`, `QueryLimitExceeded`, ...) in
`_catalogue`, generated from the bundle."""

from ._catalogue import *  # noqa: F403 - every named error, listed in its __all__
from ._catalogue import __all__ as _named
from ._errors import (
    B24ClientError,
    Bitrix24Error,
    MalformedResponse,
    ResponseTooLarge,
    UnexpectedStatus,
    UnknownBitrix24Error,
    WaitTooLong,
)

__all__ = [
    "B24ClientError",
    "Bitrix24Error",
    "MalformedResponse",
    "ResponseTooLarge",
    "UnexpectedStatus",
    "UnknownBitrix24Error",
    "WaitTooLong",
    *_named,
]
