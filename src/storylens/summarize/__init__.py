"""Summarize: a cited extractive summary, a timeline and framing for each story.

Minimal version (until the summary issue lands): the lead sentence of each
article, cited to that article.
"""

from __future__ import annotations

from collections.abc import Mapping

from storylens.model import Article, Story, SummarySentence

__all__ = ["summarize"]


def summarize(story: Story, articles: Mapping[str, Article]) -> Story:
    """The story with a lead-sentence summary, each sentence citing its article."""
    from dataclasses import replace

    summary = []
    for article_id in story.article_ids:
        article = articles[article_id]
        if article.sentences:
            sent = article.sentences[0]
            text = article.text[sent.start : sent.end]
            summary.append(SummarySentence(text=text, citations=(article_id,)))
    return replace(story, summary=tuple(summary))
