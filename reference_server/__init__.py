"""The reference server: a fake Bitrix24 portal that speaks the real protocol (see README.md)."""

from __future__ import annotations

from starlette.applications import Starlette

from . import domains
from .core.app import build_app
from .core.config import ServerConfig

__all__ = ["ServerConfig", "create_app", "domains"]


def create_app(config: ServerConfig | None = None) -> Starlette:
    """A Starlette app serving one portal with the given settings (defaults: built-in identities,
    state in memory, limits on)."""
    return build_app(config or ServerConfig())
