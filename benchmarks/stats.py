"""Medians, percentiles and side-by-side ratios: the only arithmetic the benchmarks do."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0..100), nearest rank on the sorted values."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return float(ordered[min(rank, len(ordered)) - 1])


def paired_ratio(ours: Sequence[float], peer: Sequence[float]) -> float:
    """The median of ours[i] / peer[i]: each repeat measured both sides back to back, so the ratio of
    a pair cancels the machine's load of that moment better than a ratio of two medians would."""
    if len(ours) != len(peer) or not ours:
        raise ValueError(f"unpaired samples: {len(ours)} vs {len(peer)}")
    return median([a / b for a, b in zip(ours, peer, strict=True)])
