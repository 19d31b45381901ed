"""Find gold fragments and lines in analysed articles, and test spans against them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from evals.metric import Metric
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


def covers(refs: Iterable[Ref], places: Iterable[Place | None]) -> bool:
    """Whether ``refs`` overlap every located place (a place not located is ignored)."""
    refs = list(refs)
    return all(any(overlaps(ref, place) for ref in refs) for place in places if place)


def story_of(report: Report, article_id: str) -> Story | None:
    for story in report.stories:
        if article_id in story.article_ids:
            return story
    return None


def share(hits: Iterable[bool]) -> float:
    """The share of True in ``hits`` (1.0 for nothing to find)."""
    values = list(hits)
    return sum(values) / len(values) if values else 1.0


def report_counts(eval_name: str, report: Report, data: str) -> list[Metric]:
    """How many facts and conflicts a report lists, by status and kind (read, not pinned)."""
    facts = [fact for story in report.stories for fact in story.facts]
    conflicts = [conflict for story in report.stories for conflict in story.conflicts]
    statuses = Counter[str](fact.status for fact in facts)
    kinds = Counter[str](conflict.kind for conflict in conflicts)
    return [
        Metric(eval_name, "facts_listed", len(facts), data, breakdown(statuses)),
        Metric(eval_name, "conflicts_listed", len(conflicts), data, breakdown(kinds)),
    ]


def breakdown(counts: Counter[str]) -> str:
    """``name count`` pairs, by name (``agreed 10, disputed 1``)."""
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
