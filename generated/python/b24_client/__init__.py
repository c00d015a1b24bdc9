"""A client library for accessing Bitrix24 REST API for task flows and business processes"""

from ._batch import BatchResult, Command
from ._bitrix import Bitrix24Error, batch_errors, oauth_client, runtime_of, unwrap, webhook_client
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
    "BatchResult",
    "Bitrix24",
    "Bitrix24Error",
    "BitrixTransport",
    "Client",
    "Command",
    "Limits",
    "RetryPolicy",
    "Runtime",
    "TokenKeeper",
    "batch_errors",
    "oauth_client",
    "runtime_of",
    "unwrap",
    "webhook_client",
)
