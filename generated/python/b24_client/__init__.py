"""A client library for accessing Bitrix24 REST API for task flows and business processes"""

from ._bitrix import Bitrix24Error, batch_errors, oauth_client, unwrap, webhook_client
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Bitrix24Error",
    "Client",
    "batch_errors",
    "oauth_client",
    "unwrap",
    "webhook_client",
)
