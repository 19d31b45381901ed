"""One benchmark figure and the timing helpers every bench module uses.

Rules (DEVELOPERS.md): medians of several runs, and ratios against a peer measured in
the same run; the machine is shared and noisy, so absolute seconds are context only.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    """A measured figure: ``bench`` groups it (``clean``), ``name`` says what it is."""

    bench: str
    name: str
    value: float
    unit: str
    note: str = ""


def median_seconds(run: Callable[[], object], *, repeats: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``run()`` over ``repeats`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
