"""Canonical names across a story (work in progress: the mentions issue fills this in)."""

from __future__ import annotations

from collections.abc import Sequence

from storylens.model import Article


def canonicalize(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles with story-wide canonical names on entities and quote speakers."""
    return tuple(articles)
