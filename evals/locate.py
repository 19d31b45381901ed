"""Find gold fragments and lines in analysed articles, and test spans against them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from storylens.model import Article, Report, Story


@dataclass(frozen=True, slots=True)
class Place:
    """A located gold fragment: the article and the character range in its text."""

    article_id: str
    start: int
    end: int


class Ref(Protocol):
    """Anything with an article and a character range (Statement, Side, mentions)."""

    @property
    def article_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def locate(article: Article, fragment: str) -> Place | None:
    """Where ``fragment`` (or, for long lines, its first 60 characters) stands in the text."""
    needle = " ".join(fragment.split())
    for probe in (needle, needle[:60]):
        at = article.text.find(probe)
        if probe and at >= 0:
            return Place(article.id, at, at + len(needle if probe == needle else probe))
    return None


def overlaps(ref: Ref, place: Place) -> bool:
    return ref.article_id == place.article_id and ref.start < place.end and place.start < ref.end


def story_of(report: Report, article_id: str) -> Story | None:
    for story in report.stories:
        if article_id in story.article_ids:
            return story
    return None


def share(hits: Iterable[bool]) -> float:
    """The share of True in ``hits`` (1.0 for nothing to find)."""
    values = list(hits)
    return sum(values) / len(values) if values else 1.0


def articles_by_prefix(report: Report) -> dict[str, Article]:
    """Seed articles by their three-digit prefix, sample articles by id."""
    found: dict[str, Article] = {}
    for article in report.articles:
        found[article.id] = article
        found.setdefault(article.id[:3], article)
    return found
