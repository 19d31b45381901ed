"""Compare: align the same facts across a story's articles, find reuse and conflicts.

Minimal version (until the comparison issue lands): no alignment yet.
"""

from __future__ import annotations

from collections.abc import Mapping

from storylens.model import Article, Story

__all__ = ["compare"]


def compare(story: Story, articles: Mapping[str, Article], *, embedder: object = None) -> Story:
    """The story unchanged: facts, conflicts and reuse come with the comparison issue."""
    return story
