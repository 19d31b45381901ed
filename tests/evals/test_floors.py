"""The eval gate: every figure stays at or above its pinned floor (evals/floors.json).

Runs each eval on its fast subset (the figures under "fast"); ``make eval`` measures the
full data sets, whose floors are under "full" and checked by ``python -m evals.gate``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.run import EVALS, run_evals

FLOORS = json.loads((Path(__file__).parents[2] / "evals" / "floors.json").read_text())


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("name", EVALS)
def test_figures_stay_above_their_floors(name: str, shared: Path) -> None:
    floors = {k: v for k, v in FLOORS["fast"].items() if k.split(".")[0] == name}
    assert floors, f"no fast floors pinned for {name}: every eval needs a floor"
    measured = {m.key: m for m in run_evals(shared, only=(name,), fast=True)}
    missing = sorted(set(floors) - set(measured))
    assert not missing, f"floors pinned for figures no longer measured: {missing}"
    below = {
        key: (measured[key].value, floor)
        for key, floor in floors.items()
        if (measured[key].value < floor) == measured[key].higher_is_better
        and measured[key].value != floor
    }
    assert not below, f"below floor (measured, floor): {below}"
