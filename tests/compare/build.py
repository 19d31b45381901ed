"""Hand-built articles for the compare tests: spans found by text, sentences by a full stop."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storylens.model import Article, DateMention, Entity, Offsets, Quantity, Quote, Sentence, Unit

Q = tuple[str, float | None, float | None, float | None, str | None]
"""(fragment, value, low, high, counts) of a count quantity."""


def find(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def article(
    article_id: str,
    text: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    quantities: Sequence[Q] = (),
    unit: Unit = "count",
    dates: Sequence[tuple[str, str]] = (),
    quotes: Sequence[tuple[str, str]] = (),
    entities: Sequence[tuple[str, str]] = (),
) -> Article:
    """An Article with consistent spans for the given fragments."""
    sentences = tuple(
        Sentence(article_id, m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)
    )
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        outlet=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        sentences=tuple(s for s in sentences if text[s.start : s.end].strip()),
        quantities=tuple(
            Quantity(article_id, *find(text, f), f, v, lo, hi, unit, counts)
            for f, v, lo, hi, counts in quantities
        ),
        dates=tuple(DateMention(article_id, *find(text, f), f, v) for f, v in dates),
        quotes=tuple(
            Quote(article_id, *find(text, f), f, speaker, None, "said", None, "indirect")
            for f, speaker in quotes
        ),
        entities=tuple(
            Entity(article_id, *find(text, f), f, "ORG", canonical) for f, canonical in entities
        ),
    )


def offsets(text: str, fragment: str) -> Offsets:
    return Offsets(*find(text, fragment))
