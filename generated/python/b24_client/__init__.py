# generated from spec/ by `nox -s generate`; do not edit
"""A client library for accessing Bitrix24 REST API for task flows and business processes"""

from ._batch import BatchResult, Command
from ._bitrix import batch_errors, oauth_client, runtime_of, unwrap, webhook_client
from ._errors import (
    B24ClientError,
    Bitrix24Error,
    MalformedResponse,
    ResponseTooLarge,
    UnexpectedStatus,
    UnknownBitrix24Error,
    WaitTooLong,
)
from ._facade import Bitrix24
from ._limits import PLANS, Limits
from ._oauth import TokenKeeper
from ._retry import RetryPolicy
from ._transport import AsyncBitrixTransport, BitrixTransport, Runtime
from .client import AuthenticatedClient, Client

__all__ = (
    "PLANS",
    "AsyncBitrixTransport",
    "AuthenticatedClient",
    "B24ClientError",
    "BatchResult",
    "Bitrix24",
    "Bitrix24Error",
    "BitrixTransport",
    "Client",
    "Command",
    "Limits",
    "MalformedResponse",
    "ResponseTooLarge",
    "RetryPolicy",
    "Runtime",
    "TokenKeeper",
    "UnexpectedStatus",
    "UnknownBitrix24Error",
    "WaitTooLong",
    "batch_errors",
    "oauth_client",
    "runtime_of",
    "unwrap",
    "webhook_client",
)
