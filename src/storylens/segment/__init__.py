"""Segment: parse articles with spaCy (batched) and record their sentences as spans.

:func:`parse` lives in :mod:`storylens.segment.parse` (entities everywhere, syntax only
where the extractors read it); :func:`segment` turns a parsed Doc into Sentences.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storylens.model import Article, Sentence
from storylens.segment.parse import parse

__all__ = ["parse", "segment", "trim_span"]


def segment(article: Article, doc: Any) -> Article:
    """The article with its sentences (trimmed of surrounding whitespace)."""
    sentences = []
    for sent in doc.sents:
        start, end = trim_span(article.text, sent.start_char, sent.end_char)
        if end > start:
            sentences.append(Sentence(article.id, start, end))
    return replace(article, sentences=tuple(sentences))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
