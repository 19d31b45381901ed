"""Segment: parse articles with spaCy (batched) and record their sentences as spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from storylens.model import Article, Sentence

__all__ = ["parse", "segment"]


def parse(articles: Sequence[Article], *, nlp: Any, batch_size: int = 16) -> list[Any]:
    """One spaCy Doc per article, in order, parsed in batches."""
    return list(nlp.pipe((article.text for article in articles), batch_size=batch_size))


def segment(article: Article, doc: Any) -> Article:
    """The article with its sentences (trimmed of surrounding whitespace)."""
    sentences = []
    for sent in doc.sents:
        start, end = _trim(article.text, sent.start_char, sent.end_char)
        if end > start:
            sentences.append(Sentence(article.id, start, end))
    return replace(article, sentences=tuple(sentences))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
