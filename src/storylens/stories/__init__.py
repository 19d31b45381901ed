"""Stories: group articles into real-world events.

Minimal version (until the stories issue lands): all articles of a run form one
story. ``storylens analyze --help`` and docs/architecture.md say so.
"""

from __future__ import annotations

from collections.abc import Sequence

from storylens.model import Article, Story

__all__ = ["group_stories"]


def group_stories(articles: Sequence[Article], *, embedder: object = None) -> tuple[Story, ...]:
    """One story holding every article (the honest minimal grouping)."""
    if not articles:
        return ()
    dates = sorted(a.published.isoformat() for a in articles if a.published)
    return (
        Story(
            id="story-1",
            title=_title_of(articles),
            article_ids=tuple(a.id for a in articles),
            date_range=(dates[0], dates[-1]) if dates else None,
        ),
    )


def _title_of(articles: Sequence[Article]) -> str:
    for article in articles:
        if article.title:
            return article.title
    first = articles[0]
    if first.sentences:
        sent = first.sentences[0]
        return first.text[sent.start : sent.end][:120]
    return first.text[:120]
