# copied from generator/python/runtime/_oauth.py by `nox -s generate`; do not edit
"""OAuth access tokens that refresh themselves once, however many calls find them expired.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable

__all__ = ["AsyncRefresh", "Refresh", "TokenKeeper"]

logger = logging.getLogger("b24_client")

Refresh = Callable[[str], str]
AsyncRefresh = Callable[[str], Awaitable[str]]


class TokenKeeper:
    """The current access token and the user's refresh callbacks.

    `refresh(stale)` / `arefresh(stale)` are called by every request that got `expired_token` with
    the token it sent. The first caller runs the callback; the others wait for it and find the token
    already changed, so the callback runs once per expiry, across threads and across tasks.
    A sync `refresh` callback also serves async callers (it runs in a worker thread).
    """

    def __init__(self, token: str, refresh: Refresh | None = None, arefresh: AsyncRefresh | None = None):
        self.token = token
        self.refresh_callback = refresh
        self.arefresh_callback = arefresh
        self.refreshes = 0
        self._lock = threading.Lock()
        self._async_locks: dict[int, asyncio.Lock] = {}

    @property
    def can_refresh(self) -> bool:
        return self.refresh_callback is not None or self.arefresh_callback is not None

    def _install(self, stale: str, fresh: str) -> None:
        if not fresh or fresh == stale:
            raise RuntimeError("the token refresh callback returned no new access token")
        self.token = fresh
        self.refreshes += 1
        logger.info("OAuth access token refreshed (refresh %d)", self.refreshes)

    def refresh(self, stale: str) -> str:
        with self._lock:
            if self.token != stale:
                return self.token
            if self.refresh_callback is None:
                raise RuntimeError("the access token expired and only an async refresh callback is set")
            self._install(stale, self.refresh_callback(stale))
            return self.token

    async def arefresh(self, stale: str) -> str:
        if self.arefresh_callback is None:
            return await asyncio.to_thread(self.refresh, stale)
        loop = id(asyncio.get_running_loop())
        lock = self._async_locks.setdefault(loop, asyncio.Lock())
        async with lock:
            if self.token != stale:
                return self.token
            self._install(stale, await self.arefresh_callback(stale))
            return self.token
