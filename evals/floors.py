"""The pinned floors (evals/floors.json) and the check every run makes against them.

``make test`` checks the "fast" floors on small subsets (tests/evals/test_floors.py);
``make eval`` checks the "full" floors on the whole data sets and exits 1 below one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from evals.metric import Metric

FLOORS = Path(__file__).resolve().parent / "floors.json"

Kind = Literal["fast", "full"]


def load_floors(kind: Kind, *, only: Sequence[str] | None = None) -> dict[str, float]:
    """The floors of ``kind``, optionally for some evals only (keys are ``eval.figure``)."""
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))[kind]
    if only is None:
        return floors
    return {key: value for key, value in floors.items() if key.split(".")[0] in only}


def below_floors(
    metrics: Sequence[Metric], floors: dict[str, float]
) -> dict[str, tuple[float | None, float]]:
    """Every pinned figure that is worse than its floor or no longer measured."""
    measured = {metric.key: metric for metric in metrics}
    failing: dict[str, tuple[float | None, float]] = {}
    for key, floor in floors.items():
        metric = measured.get(key)
        if metric is None:
            failing[key] = (None, floor)
        elif metric.value != floor and (metric.value < floor) == metric.higher_is_better:
            failing[key] = (metric.value, floor)
    return failing
