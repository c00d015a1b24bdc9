"""Cloud-portal limits: the leaky bucket, the per-method operating budget, and fault injection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import BitrixError

PLANS = {"standard": (50, 2.0), "enterprise": (250, 5.0)}  # (threshold, drain per second)
OPERATING_LIMIT = 480.0  # seconds per method per credential in ten minutes (the documented cloud example)
WINDOW = 600.0
BUCKET = 60.0

Clock = Callable[[], float]


class LeakyBucket:
    """Each request adds one; the level drains at `rate` per second; past `capacity` requests fail."""

    def __init__(self, capacity: int, rate: float, clock: Clock) -> None:
        self.capacity = capacity
        self.rate = rate
        self.clock = clock
        self.level = 0.0
        self.last = clock()
        self._lock = threading.Lock()

    def take(self) -> None:
        with self._lock:
            now = self.clock()
            self.level = max(0.0, self.level - (now - self.last) * self.rate)
            self.last = now
            if self.level + 1 > self.capacity:
                raise BitrixError.named("QueryLimitExceeded")
            self.level += 1


@dataclass
class OperatingBudget:
    """Seconds spent per (credential, method) in one-minute buckets over a sliding ten minutes.

    As on a portal, the call that crosses the limit completes; the next one is refused.
    """

    clock: Clock
    limit: float = OPERATING_LIMIT
    buckets: dict[tuple[str, str], list[list[float]]] = field(default_factory=dict)

    def _live(self, key: tuple[str, str]) -> list[list[float]]:
        now = self.clock()
        live = [b for b in self.buckets.get(key, []) if b[0] + WINDOW > now]
        self.buckets[key] = live
        return live

    def check(self, key: tuple[str, str]) -> None:
        if sum(b[1] for b in self._live(key)) > self.limit:
            raise BitrixError.named("OperationTimeLimit")

    def record(self, key: tuple[str, str], seconds: float) -> None:
        live = self._live(key)
        now = self.clock()
        if live and live[-1][0] + BUCKET > now:
            live[-1][1] += seconds
        else:
            live.append([now, seconds])

    def report(self, key: tuple[str, str]) -> dict[str, Any]:
        live = self._live(key)
        reset = live[0][0] + WINDOW if live else self.clock() + WINDOW
        return {"operating": sum(b[1] for b in live), "operating_reset_at": int(reset)}

    @staticmethod
    def unbudgeted(started: float) -> dict[str, Any]:
        """The report of a call the budget ignores (`batch`): the portal's limiter never records its
        time, so `operating` is 0, and with no bucket of its own the reset falls back to the first
        call registered in the request, the envelope itself: ten minutes after it began."""
        return {"operating": 0, "operating_reset_at": int(started + WINDOW)}


@dataclass
class Fault:
    """The next `count` calls of `method` fail with the error example `error` (with `status`, under
    that one of its declared statuses), or are charged `operating` extra seconds of operating time
    (a slow method, to rehearse OPERATION_TIME_LIMIT)."""

    method: str
    count: int = 1
    error: str | None = None
    operating: float = 0.0
    status: int | None = None  # one of the statuses the method declares `error` under (pin: 200)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "count": self.count,
            "error": self.error,
            "operating": self.operating,
            "status": self.status,
        }


class Faults:
    def __init__(self) -> None:
        self.pending: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self.pending.append(fault)

    def clear(self) -> None:
        with self._lock:
            self.pending.clear()

    def take(self, operation_id: str) -> Fault | None:
        """The first pending fault of this method (or of `*`), used up by one call."""
        with self._lock:
            for fault in self.pending:
                if fault.method in {operation_id, "*"} or fault.method.lower() == operation_id.lower():
                    fault.count -= 1
                    if fault.count <= 0:
                        self.pending.remove(fault)
                    return fault
        return None
