"""Hand-built articles with consistent spans, for the summarize unit tests."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.model import Article, DateMention, Entity, Quote, Sentence, Statement


def article(
    article_id: str,
    text: str,
    *,
    outlet: str | None = None,
    names: Sequence[tuple[str, str]] = (),
    dates: Sequence[tuple[str, str]] = (),
    quotes: Sequence[tuple[str, str]] = (),
) -> Article:
    """An article whose sentences end at ". ", with entities, dates and quotes found by text.

    ``names`` pairs a surface form with its canonical name; ``dates`` a surface form with its
    resolved value; ``quotes`` a quoted text with its speaker (every occurrence is marked).
    """
    sentences = tuple(
        Sentence(article_id, found.start(), found.end())
        for found in re.finditer(r"[^.\n]+(?:\.|$)", text)
        if found.group(0).strip()
    )
    sentences = tuple(_stripped(text, sent) for sent in sentences)
    return Article(
        id=article_id,
        source=f"test:{article_id}",
        text=text,
        outlet=outlet or article_id.title(),
        sentences=sentences,
        entities=tuple(
            Entity(article_id, start, start + len(surface), surface, "PERSON", canonical)
            for surface, canonical in names
            for start in _all(text, surface)
        ),
        dates=tuple(
            DateMention(article_id, start, start + len(surface), surface, value)
            for surface, value in dates
            for start in _all(text, surface)
        ),
        quotes=tuple(
            Quote(article_id, start, start + len(said), said, speaker, None, "said", None, "direct")
            for said, speaker in quotes
            for start in _all(text, said)
        ),
    )


def statement(article: Article, fragment: str, *, speaker: str | None = None) -> Statement:
    """The statement of ``article`` that is the first occurrence of ``fragment``."""
    start = article.text.index(fragment)
    return Statement(article.id, start, start + len(fragment), fragment, speaker)


def _all(text: str, surface: str) -> list[int]:
    return [found.start() for found in re.finditer(re.escape(surface), text)]


def _stripped(text: str, sent: Sentence) -> Sentence:
    chunk = text[sent.start : sent.end]
    start = sent.start + len(chunk) - len(chunk.lstrip())
    return Sentence(sent.article_id, start, sent.start + len(chunk.rstrip()))
