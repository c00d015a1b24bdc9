# copied from generator/python/runtime/_retry.py by `nox -s generate`; do not edit
"""When to send a call again, decided by the spec's markings (`x-bitrix-retry`, `x-bitrix-idempotent`,
`x-bitrix-toggle`), and how long to wait first.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ._spec import Operation

__all__ = ["RetryPolicy"]


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with full jitter.

    `attempts`: how many times one call may be sent in all for errors refused before running
    (QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT) and for server faults of idempotent operations;
    `unsure_attempts` the same for timeouts and lost connections (idempotent operations only).
    Delay before retry n (1, 2, ...): a random value in [base * 2**(n-1) / 2, base * 2**(n-1)],
    at most `cap`. `max_reset_wait` bounds the wait for an operating budget to reset (beyond it
    the 429 is raised as it came). `max_wait` bounds everything one call waits in all (limiter,
    operating budget, backoff): a wait beyond it raises `WaitTooLong` instead of sleeping. Its
    default covers one operating-budget window (the portal resets a method's budget every 10
    minutes) plus backoff, so a legitimate reset is waited out and anything longer is refused.
    """

    attempts: int = 8
    unsure_attempts: int = 3
    base: float = 0.5
    cap: float = 30.0
    max_reset_wait: float = 660.0
    max_wait: float = 720.0
    random: random.Random = field(default_factory=random.Random, compare=False)

    def backoff(self, retry: int) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, retry - 1))
        return self.random.uniform(ceiling / 2, ceiling)

    def error_retry(self, retry_class: str, operation: Operation | None, sent: int) -> bool:
        """May a call that was sent `sent` times and failed with an error of `retry_class` go again?
        (`after-token-refresh` is the transport's business: it needs a refresh callback.)"""
        if sent >= self.attempts:
            return False
        if retry_class in {"after-backoff", "after-reset"}:
            return True  # refused before it ran: safe for any operation
        if retry_class == "if-idempotent":
            return operation is not None and operation.retry_safe
        return False

    def unsure_retry(self, operation: Operation | None, sent: int) -> bool:
        """May a call that timed out or lost its connection (it may have run) go again?"""
        return operation is not None and operation.retry_safe and sent < self.unsure_attempts
