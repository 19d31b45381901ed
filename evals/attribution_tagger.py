"""Attribution quality with the optional tagger's second opinion (``analyze --tagger``).

The same data, gold and scoring as :mod:`evals.attribution`; the predictions are
``find_quotes`` with the transformer tagger's reading of each article, so the two evals
side by side show what the tagger adds. Needs the ``tagger`` extra (``make test`` and
``make eval`` install it).
"""

from __future__ import annotations

from pathlib import Path

from evals import attribution
from evals.metric import Metric
from storylens.extract.quotes.tagger import load_tagger


def evaluate(shared: Path, *, fast: bool = False, split: str = "dev") -> list[Metric]:
    """The attribution figures of a split, with the tagger."""
    return attribution.evaluate(
        shared, fast=fast, split=split, tagger=load_tagger(), name="attribution_tagger"
    )
