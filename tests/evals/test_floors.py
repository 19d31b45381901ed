"""The eval gate: every figure stays at or above its pinned floor (evals/floors.json).

Runs each eval on its fast subset (the figures under "fast"); ``make eval`` measures the
full data sets and checks the floors under "full" (evals/floors.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.floors import below_floors, load_floors
from evals.metric import Metric
from evals.run import EVALS, run_evals


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("name", EVALS)
def test_figures_stay_above_their_floors(name: str, shared: Path) -> None:
    floors = load_floors("fast", only=(name,))
    assert floors, f"no fast floors pinned for {name}: every eval needs a floor"
    failing = below_floors(run_evals(shared, only=(name,), fast=True), floors)
    assert not failing, f"below floor or not measured (measured, floor): {failing}"


def test_every_eval_has_full_floors() -> None:
    for name in EVALS:
        assert load_floors("full", only=(name,)), f"no full floors pinned for {name}"


def test_below_floors_reports_drops_and_missing_figures() -> None:
    metrics = [Metric("x", "f1", 0.5, "d"), Metric("x", "errors", 3.0, "d", higher_is_better=False)]
    floors = {"x.f1": 0.6, "x.errors": 2.0, "x.gone": 0.1}
    assert below_floors(metrics, floors) == {
        "x.f1": (0.5, 0.6),
        "x.errors": (3.0, 2.0),
        "x.gone": (None, 0.1),
    }
    assert below_floors(metrics, {"x.f1": 0.5, "x.errors": 3.0}) == {}
