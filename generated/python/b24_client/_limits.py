# copied from generator/python/runtime/_limits.py by `nox -s generate`; do not edit
"""Client-side limits: the portal's leaky bucket and each method's operating-time budget.

Written by hand in generator/python/runtime/ and copied into the generated package; do not
edit the copy.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["PLANS", "Limits", "OperatingBudgets", "RequestBucket"]

logger = logging.getLogger("b24_client")

# (bucket size, requests drained per second) of a cloud portal's REST leaky bucket
PLANS: dict[str, tuple[int, float]] = {"standard": (50, 2.0), "enterprise": (250, 5.0)}
OPERATING_LIMIT = 480.0  # seconds of processing per method in a sliding 10 minutes
OPERATING_WINDOW = 600.0

Clock = Callable[[], float]


@dataclass(frozen=True)
class Limits:
    """How hard the client may push a portal.

    `plan` picks the bucket numbers (`standard`: 50 requests, 2 per second; `enterprise`: 250 and 5);
    `capacity` and `rate` override them. `margin` requests of the bucket are left free for other
    callers of the same portal and for timing skew. `operating_limit` is the per-method budget in
    seconds per 10 minutes; above `slow_fraction` of it calls of that method are spaced out to the
    sustainable pace, and above it they wait for `operating_reset_at`. `clock` is monotonic seconds
    (a fake one in tests).
    """

    plan: str = "standard"
    capacity: int | None = None
    rate: float | None = None
    margin: float = 1.0
    operating_limit: float = OPERATING_LIMIT
    slow_fraction: float = 0.8
    clock: Clock = time.monotonic

    @classmethod
    def of(cls, value: Limits | str | None) -> Limits | None:
        if value is None or isinstance(value, Limits):
            return value
        if value not in PLANS:
            raise ValueError(f"unknown plan {value!r}; expected one of {sorted(PLANS)}")
        return cls(plan=value)

    def bucket(self) -> tuple[int, float]:
        capacity, rate = PLANS[self.plan]
        return (self.capacity or capacity, self.rate or rate)


class RequestBucket:
    """A mirror of the portal's leaky bucket that hands out send times.

    `reserve()` books the next slot and returns how long to wait for it; the level counts booked
    requests, so concurrent callers queue up instead of racing. When the portal still answers
    QUERY_LIMIT_EXCEEDED (other clients share the bucket), `overloaded()` marks the bucket full and
    lowers the drain rate the client counts on; successes raise it back step by step.
    """

    def __init__(self, capacity: int, rate: float, margin: float, clock: Clock) -> None:
        self.capacity = capacity
        self.rate = rate
        self.effective_rate = rate
        self.allowed = max(1.0, capacity - margin)
        self.clock = clock
        self.level = 0.0
        self.last = clock()
        self._lock = threading.Lock()

    def _drain(self, now: float) -> None:
        self.level = max(0.0, self.level - (now - self.last) * self.effective_rate)
        self.last = now

    def reserve(self) -> float:
        with self._lock:
            self._drain(self.clock())
            delay = max(0.0, (self.level + 1 - self.allowed) / self.effective_rate)
            self.level += 1
            return delay

    def overloaded(self) -> None:
        with self._lock:
            self._drain(self.clock())
            self.level = max(self.level, self.allowed)
            self.effective_rate = max(self.rate * 0.25, self.effective_rate * 0.75)
            logger.warning(
                "QUERY_LIMIT_EXCEEDED although the client kept within its bucket: now counting on %.2f "
                "requests/s (of %.2f)",
                self.effective_rate,
                self.rate,
            )

    def succeeded(self) -> None:
        if self.effective_rate < self.rate:
            with self._lock:
                self.effective_rate = min(self.rate, self.effective_rate + self.rate * 0.02)


@dataclass
class _Budget:
    operating: float = 0.0
    reset_at: float = 0.0  # on the client's clock
    cost: float = 0.0  # the most one call of the method has taken


class OperatingBudgets:
    """Per-method `time.operating` as the portal last reported it, to stay clear of a 429."""

    def __init__(self, limits: Limits) -> None:
        self.limit = limits.operating_limit
        self.slow_fraction = limits.slow_fraction
        self.clock = limits.clock
        self._budgets: dict[str, _Budget] = {}
        self._lock = threading.Lock()

    def record(self, method: str, operating: float, reset_in: float, processing: float) -> None:
        """Note a success's `time`: `operating` seconds spent, the reset `reset_in` seconds away
        (`operating_reset_at - finish`, both on the portal's clock; a second is added for the
        portal's rounding down)."""
        with self._lock:
            budget = self._budgets.setdefault(method, _Budget())
            budget.operating = operating
            budget.reset_at = self.clock() + max(0.0, reset_in) + 1.0
            budget.cost = max(budget.cost, processing)

    def delay(self, method: str) -> float:
        """How long to hold a call of `method` back: until the reset when the budget is spent, a
        pace the budget sustains when it is nearly spent, otherwise not at all."""
        with self._lock:
            budget = self._budgets.get(method)
            if budget is None:
                return 0.0
            now = self.clock()
            if budget.reset_at <= now:
                return 0.0
            if budget.operating > self.limit:
                return budget.reset_at - now
            if budget.operating > self.limit * self.slow_fraction:
                return min(budget.reset_at - now, budget.cost * OPERATING_WINDOW / self.limit)
            return 0.0

    def refused(self, method: str, fallback: float) -> float:
        """A 429 came back: how long until the budget resets (`fallback` when it is not known)."""
        with self._lock:
            budget = self._budgets.setdefault(method, _Budget())
            now = self.clock()
            budget.operating = max(budget.operating, self.limit + 1)
            if budget.reset_at <= now:
                budget.reset_at = now + fallback
            return budget.reset_at - now
