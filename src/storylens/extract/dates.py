"""Date expressions (work in progress: the mentions issue fills this in)."""

from __future__ import annotations

from typing import Any

from storylens.model import Article, DateMention


def find_dates(article: Article, doc: Any) -> tuple[DateMention, ...]:
    """Date and time expressions resolved against the publication date."""
    return ()
