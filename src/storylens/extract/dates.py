"""Date and time expressions resolved to TimeML values against the publication date.

1. Find candidate spans with the grammar of :mod:`storylens.extract.dates_patterns`
   (every pattern is tried; overlapping candidates are settled longest first).
2. For each kept span, left to right, decide the tense of its clause from the spaCy tags
   (a ``will``/``'ll``/``shall`` verb group or "scheduled/expected/due to" means future) and
   resolve it with :func:`storylens.extract.timex.normalize` against ``article.published``;
   "a year earlier" is anchored to the last absolute date before it.
3. Without a publication date, relative expressions keep ``value=None``;
   :func:`infer_reference_date` proposes a reference date from absolute dates in the text,
   with a :class:`Flag` that says how (the caller decides whether to use it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storylens.extract.dates_patterns import COMPILED
from storylens.extract.timex import ANCHOR, Context, Tense, normalize
from storylens.model import Article, DateMention, Flag

__all__ = ["Inference", "find_dates", "infer_reference_date"]

_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo", "’ll"})
_FUTURE_TO = frozenset(
    {"going", "scheduled", "expected", "due", "set", "planned", "plans", "plan", "is", "are"}
)
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_FUTURE_NEAR = re.compile(r"\b(will|shall)\b|'ll\b", re.IGNORECASE)
"""A future marker just before a date, for text without tags."""
_ANCHORING = frozenset(
    {"iso", "numeric", "month_day", "day_month", "month_year", "quarter", "this_quarter"}
)
"""Patterns whose values anchor a later "a year earlier" or "the quarter"."""
DATELINE_CHARS = 300
"""An absolute full date this close to the start of the text is read as a dateline."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    name: str
    priority: int
    groups: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Inference:
    """A reference date inferred from the text, and the flag that says how."""

    date: dt.date
    flag: Flag


def find_dates(article: Article, doc: Any) -> tuple[DateMention, ...]:
    """Date and time expressions resolved against the publication date."""
    text = article.text
    tenses = _Tenses(doc)
    mentions: list[DateMention] = []
    anchor: str | None = None
    for candidate in _select(_candidates(text)):
        context = Context(
            ref=article.published,
            tense=tenses.tense_at(candidate.start, candidate.end, text),
            anchor=anchor,
        )
        timex = normalize(candidate.name, candidate.groups, context)
        if timex is None:
            continue
        start, end = candidate.start, candidate.end
        mentions.append(
            DateMention(article.id, start, end, text[start:end], timex.value, timex.type)
        )
        anchoring = candidate.name in _ANCHORING and "year" not in (
            candidate.groups.get("which") or ""
        )
        if anchoring and timex.type == "DATE" and timex.value and ANCHOR.fullmatch(timex.value):
            anchor = timex.value
    return tuple(mentions)


def infer_reference_date(article: Article, dates: Sequence[DateMention]) -> Inference | None:
    """A reference date from absolute full dates in the text, when the evidence is strong.

    1. A full date (day, month and year) in the first ``DATELINE_CHARS`` characters: a dateline.
    2. Otherwise the latest full date, if it occurs at least twice and no date is later.
    """
    full = [d for d in dates if d.value and _FULL_DATE.fullmatch(d.value)]
    if not full:
        return None
    # 1. a dateline
    early = [d for d in full if d.start < DATELINE_CHARS]
    if early:
        first = min(early, key=lambda d: d.start)
        detail = f"publication date taken from the dateline {first.text!r} at {first.start}"
        return Inference(dt.date.fromisoformat(first.value or ""), Flag("inferred_date", detail))
    # 2. the latest full date, mentioned repeatedly
    counts = Counter(d.value or "" for d in full)
    latest = max(counts)
    if counts[latest] >= 2:
        detail = (
            f"publication date inferred as the latest date in the text, named {counts[latest]}×"
        )
        return Inference(dt.date.fromisoformat(latest), Flag("inferred_date", detail))
    return None


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for priority, (name, pattern) in enumerate(COMPILED):
        for match in pattern.finditer(text):
            start, end = match.span()
            if end > start:
                found.append(_Candidate(start, end, name, priority, match.groupdict()))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (then the earlier pattern), in text order."""
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[tuple[int, int]] = []
    kept = []
    for candidate in ranked:
        index = bisect.bisect_left(taken, (candidate.start, candidate.end))
        before = taken[index - 1] if index else None
        after = taken[index] if index < len(taken) else None
        if before and before[1] > candidate.start:
            continue
        if after and after[0] < candidate.end:
            continue
        taken.insert(index, (candidate.start, candidate.end))
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


class _Tenses:
    """Whether the clause around a span is in the future tense, from spaCy's tags."""

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import IDX, TAG

        self._doc = doc
        columns = doc.to_array([IDX, TAG]) if doc is not None and len(doc) else None
        self._starts: list[int] = [] if columns is None else columns[:, 0].tolist()
        self._tagged = columns is not None and bool(columns[:, 1].any())

    def tense_at(self, start: int, end: int, text: str) -> Tense:
        """The tense of the nearest verb group in the sentence (past when there is none)."""
        if not self._tagged:
            window = text[max(0, start - 80) : start].split(".")[-1]
            return "future" if _FUTURE_NEAR.search(window) else "past"
        doc = self._doc
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_left(self._starts, end) - 1)
        sent = doc[first].sent if doc.has_annotation("SENT_START") else doc[:]
        verbs = [
            token.i
            for token in sent
            if token.tag_.startswith("VB") or token.tag_ == "MD"
            if not first <= token.i <= last
        ]
        if not verbs:
            return "past"
        nearest = min(verbs, key=lambda i: (abs(i - first), i > first))
        return _group_tense(doc, nearest, sent.start)

    def __repr__(self) -> str:
        return f"_Tenses({len(self._starts)} tokens)"


def _group_tense(doc: Any, index: int, floor: int) -> Tense:
    """The tense of the verb group ending at ``index`` (looking back a few tokens)."""
    tags = []
    for i in range(index, max(floor, index - 4) - 1, -1):
        token = doc[i]
        if token.lower_ in _FUTURE_WORDS:
            return "future"
        if token.lower_ == "to" and i > floor and doc[i - 1].lower_ in _FUTURE_TO:
            return "future"
        if i < index and not (token.tag_ in ("MD", "RB", "TO") or token.tag_.startswith("VB")):
            break
        tags.append(token.tag_)
    if tags and tags[-1] in ("VBZ", "VBP") and not any(tag in ("VBN", "VBD") for tag in tags):
        return "present"
    return "past"
