"""Compare: align the same facts across a story's articles, find reuse and conflicts.

    1. statements    sentences (and their clauses) with entities, numbers, dates, speaker
    2. reuse         shared passages per article pair, with a guess at who copied whom
    3. independence  copies and same-outlet articles form one source (union-find)
    4. align         score unit pairs (words, embeddings, anchors) and group them
    5. conflicts     numbers, attributions, dates that differ across sources; claims
                     one source asserts and another denies, disputes or only reports;
                     acts answered in one source (rebuttals); one statement credited
                     to one institution of two countries (credits)
    6. facts         each group of two or more articles, with its status

Only facts carried by two or more articles are kept: a sentence that one article alone
reports is not listed as a fact (the articles themselves carry it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import combinations
from typing import Any

from storylens.compare.align import add_groups, embed_units, group_links, score_links
from storylens.compare.claims import stance_conflicts
from storylens.compare.conflicts import find_conflicts
from storylens.compare.credits import credit_conflicts
from storylens.compare.facts import build_facts
from storylens.compare.independence import source_groups
from storylens.compare.places import story_places
from storylens.compare.rebuttals import rebuttal_conflicts
from storylens.compare.reuse import find_reuse
from storylens.compare.statements import build_units
from storylens.model import Article, Reuse, Story

__all__ = ["compare"]


def compare(story: Story, articles: Mapping[str, Article], *, embedder: Any = None) -> Story:
    """The story with its facts, conflicts and reuse filled in."""
    members = [articles[key] for key in sorted(story.article_ids) if key in articles]
    if len(members) < 2:
        return story
    # 1. statements
    units = build_units(members)
    # 2. reuse and 3. independence
    reuse = tuple(
        entry
        for first, second in combinations(members, 2)
        if (entry := find_reuse(first, second)) is not None
    )
    sources = source_groups(members, reuse)
    # 4. align
    vectors = embed_units(units, embedder=embedder)
    groups = group_links(units, score_links(units, vectors), sources=sources)
    # 5. conflicts (and the denials of one assertion, as one more group)
    stances = stance_conflicts(units, articles, sources=sources)
    groups = add_groups(groups, stances.responses)
    places = story_places(articles.values())
    answered = rebuttal_conflicts(units, articles, sources=sources, places=places)
    credits = credit_conflicts(units, articles, sources=sources, places=places)
    conflicts = find_conflicts(
        units,
        groups,
        sources=sources,
        vectors=vectors,
        stances=(*stances.conflicts, *answered, *credits),
    )
    # 6. facts
    facts = build_facts(units, groups, sources=sources, conflicts=conflicts)
    return replace(story, facts=facts, conflicts=conflicts, reuse=_sorted(reuse))


def _sorted(reuse: tuple[Reuse, ...]) -> tuple[Reuse, ...]:
    return tuple(sorted(reuse, key=lambda r: (-max(r.share_a, r.share_b), r.article_a)))
