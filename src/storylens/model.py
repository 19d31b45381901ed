"""The data model: frozen dataclasses that every stage reads and returns.

The pipeline is a chain of pure functions over these types::

    Document ──clean──▶ Article ──segment──▶ Article(+sentences)
             ──extract──▶ Article(+entities, quantities, dates, quotes)
    [Article] ──stories──▶ [Story] ──compare──▶ Story(+facts, conflicts, reuse)
             ──summarize──▶ Story(+summary, timeline, framing, profiles) ──▶ Report

Spans: every mention is ``(article_id, start, end)`` into that article's cleaned
``text``; ``article.text[start:end] == mention.text`` always holds (tests check it).
Nothing here does I/O; ``render.json`` turns a :class:`Report` into the JSON
contract (``docs/json-contract.md``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed", "term"]
FactStatus = Literal["agreed", "disputed", "single"]
ConflictKind = Literal["number", "attribution", "denial", "dispute", "date"]
Unit = Literal["count", "currency", "distance", "duration", "percent", "other"]


@dataclass(frozen=True, slots=True)
class Offsets:
    """A character range inside an article's cleaned text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One raw input as read by ingest: text or HTML plus what the input said about itself."""

    source: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    notes: tuple[str, ...] = ()
    """What ingest noticed (an encoding fallback, NULs removed); cleaning turns them into flags."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be analysed, and why (one line, says how to fix it)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A line or paragraph that cleaning dropped from the article body."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Flag:
    """A quality observation about an article (mojibake, spinner artifacts, truncation…)."""

    kind: str
    detail: str


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named mention; ``canonical`` is the story-wide name it refers to."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its bounds and what it counts.

    ``low``/``high`` are the bounds implied by hedges ("more than 1,000" has
    ``low=1000, high=None``; "around 50,000" a ±10% band); ``counts`` is the
    normalised noun phrase being counted ("Russian troops").
    """

    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: Unit
    counts: str | None = None
    currency: str | None = None
    hedge: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time expression with its TimeML-style value (None when unresolved)."""

    article_id: str
    start: int
    end: int
    text: str
    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (``speaker``) said what (``start``/``end``), marked by ``cue``."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_span: Offsets | None
    cue: str | None
    cue_span: Offsets | None
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and everything extracted from it."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    removed: tuple[Removal, ...] = ()
    flags: tuple[Flag, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """One article's version of a fact: a span plus who it is credited to."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """Statements from different articles that report the same fact or utterance."""

    id: str
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]
    independent_sources: int
    status: FactStatus


@dataclass(frozen=True, slots=True)
class Side:
    """One version in a conflict; ``value`` is the normalised number or date, if any."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree; ``note`` states the difference, never a verdict."""

    kind: ConflictKind
    topic: str
    sides: tuple[Side, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Reuse:
    """Text shared between two articles, and a guess at who copied whom."""

    article_a: str
    article_b: str
    spans_a: tuple[Offsets, ...]
    spans_b: tuple[Offsets, ...]
    share_a: float
    share_b: float
    direction: str | None = None
    """The id of the article guessed to be the original (None when nothing tells)."""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[str, ...]
    fact_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineItem:
    date: str
    text: str
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TermUse:
    """One source's word for a referent, with where it stands."""

    article_id: str
    start: int
    end: int
    text: str
    loaded: bool = False


@dataclass(frozen=True, slots=True)
class Framing:
    """The words different sources use for the same referent."""

    referent: str
    terms: tuple[TermUse, ...]


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """Figures (not verdicts) about how one article tells the story."""

    article_id: str
    statements: int
    attributed: int
    asserted: int
    speakers: tuple[str, ...]
    loaded_terms: tuple[str, ...]
    hedges: int
    sentiment: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event and its articles, with the cross-source analysis."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    date_range: tuple[str, str] | None = None
    related: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineItem, ...] = ()
    framing: tuple[Framing, ...] = ()
    profiles: tuple[SourceProfile, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    """Exact duplicates in ``article_ids``: (duplicate id, id of the first copy kept)."""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole analysis of one run."""

    generator: str
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...] = ()
