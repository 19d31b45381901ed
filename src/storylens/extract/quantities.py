"""Quantities (work in progress: the mentions issue fills this in)."""

from __future__ import annotations

from typing import Any

from storylens.model import Article, Quantity


def find_quantities(article: Article, doc: Any) -> tuple[Quantity, ...]:
    """Numbers with their bounds, unit and what they count."""
    return ()
