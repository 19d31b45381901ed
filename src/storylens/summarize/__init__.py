"""Summarize: a cited neutral summary, a timeline, framing and source profiles per story.

summary.py    5-10 sentences: supported facts, then disputes; every sentence cited
timeline.py   dated events merged across sources; ``date`` conflicts
framing.py    each source's words for the same referent
profiles.py   per-source figures: attribution, speakers, loaded terms, hedges, sentiment
lexicon.py    the word lists (data)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from storylens.model import Article, Story
from storylens.summarize.framing import frame
from storylens.summarize.profiles import profiles
from storylens.summarize.summary import summarize_story
from storylens.summarize.timeline import build_timeline, date_conflicts

__all__ = ["summarize"]


def summarize(story: Story, articles: Mapping[str, Article]) -> Story:
    """The story with summary, timeline, framing and profiles filled in."""
    members = [articles[article_id] for article_id in story.article_ids if article_id in articles]
    story = replace(story, conflicts=(*story.conflicts, *date_conflicts(story, members)))
    return replace(
        story,
        summary=summarize_story(story, members),
        timeline=build_timeline(story, members),
        framing=frame(story, members),
        profiles=profiles(members),
    )
