"""Conflicts: where sources disagree, shown with their evidence and never judged.

number       the same quantity slot with different values (numbers.py)
attribution  aligned statements credited to different speakers
denial       one source asserts what another reports as denied or rejected
date         aligned statements that put the same event on different days
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from storylens.compare.independence import Groups
from storylens.compare.lexicon import CLAIM_CUES, REPORT_CUES, STRONG_DENIAL_CUES
from storylens.compare.numbers import number_conflicts
from storylens.compare.statements import Unit, units_by_article
from storylens.model import Article, Conflict, Side

SAME_STATEMENT_TERMS = 4
"""Shared content words needed before two credits of "the same statement" are compared."""
NEIGHBOURS = 1
"""How many sentences around a reported claim are searched for its denial."""


def find_conflicts(
    units: Sequence[Unit],
    groups: Sequence[Sequence[int]],
    articles: Sequence[Article],
    *,
    sources: Groups,
    vectors: np.ndarray[Any, Any] | None = None,
) -> tuple[Conflict, ...]:
    """All conflicts of the story, numbers first, each kind in text order."""
    found = number_conflicts(units, sources=sources, vectors=vectors)
    by_article = units_by_article([u for u in units if not u.clause])
    for group in groups:
        members = [units[i] for i in group]
        found.extend(attribution_conflicts(members, sources=sources))
        found.extend(date_conflicts(members, sources=sources))
        found.extend(denial_conflicts(members, by_article, sources=sources))
    return tuple(_unique(found))


def attribution_conflicts(members: Sequence[Unit], *, sources: Groups) -> list[Conflict]:
    """The same statement credited to different speakers by independent sources."""
    credited = [u for u in members if u.speaker]
    speakers = sorted({u.speaker for u in credited if u.speaker}, key=str.lower)
    if len({speaker.lower() for speaker in speakers}) < 2:
        return []
    if sources.count(u.article_id for u in credited) < 2 or not _close(credited):
        return []
    return [
        Conflict(
            kind="attribution",
            topic=_topic(members),
            sides=tuple(_side(u) for u in credited),
            note="The same statement is credited to "
            + " and to ".join(
                f"{speaker} ({', '.join(u.article_id for u in credited if u.speaker == speaker)})"
                for speaker in speakers
            )
            + ".",
        )
    ]


def date_conflicts(members: Sequence[Unit], *, sources: Groups) -> list[Conflict]:
    """Aligned statements whose day-precise dates differ, from independent sources."""
    dated = [(u, d) for u in members for d in u.dates if d.value and len(d.value) == 10]
    days = sorted({d.value for _, d in dated if d.value})
    if len(days) < 2 or sources.count(u.article_id for u, _ in dated) < 2:
        return []
    seen: dict[str, Unit] = {}
    for unit, _date in dated:
        seen.setdefault(unit.article_id, unit)
    sides = tuple(
        _side(unit, value=date.value) for unit, date in dated if seen[unit.article_id] is unit
    )
    note = "; ".join(
        f"{unit.article_id} puts it on {date.value} ('{date.text}')" for unit, date in dated
    )
    return [Conflict(kind="date", topic=_topic(members), sides=sides, note=note + ".")]


def denial_conflicts(
    members: Sequence[Unit],
    by_article: Mapping[str, tuple[Unit, ...]],
    *,
    sources: Groups,
) -> list[Conflict]:
    """One source asserts; another, independent one reports the claim and its denial."""
    asserted = [
        u
        for u in members
        if u.speaker is None and not _has(u.text, CLAIM_CUES + STRONG_DENIAL_CUES + REPORT_CUES)
    ]
    reported = [u for u in members if _has(u.text, CLAIM_CUES + STRONG_DENIAL_CUES)]
    conflicts = []
    for claim in asserted:
        for report in reported:
            if sources.group(claim.article_id) == sources.group(report.article_id):
                continue
            denial = _denial_near(report, by_article.get(report.article_id, ()))
            if denial is None:
                continue
            conflicts.append(
                Conflict(
                    kind="denial",
                    topic=_topic([claim]),
                    sides=(_side(claim), _side(denial)),
                    note=f"{claim.article_id} states it as fact; {report.article_id} reports "
                    f"it as a claim that was denied or rejected.",
                )
            )
    return conflicts


def _denial_near(report: Unit, sentences: Sequence[Unit]) -> Unit | None:
    """The sentence holding the report, or one next to it, that carries a denial cue."""
    index = next((i for i, s in enumerate(sentences) if s.start <= report.start < s.end), None)
    if index is None:
        return None
    window = sentences[max(0, index - NEIGHBOURS) : index + NEIGHBOURS + 1]
    nearby = sorted(window, key=lambda s: abs(s.start - sentences[index].start))
    return next((s for s in nearby if _has(s.text, STRONG_DENIAL_CUES)), None)


def _close(members: Sequence[Unit]) -> bool:
    """Whether the statements share enough words to be the same statement, not one topic."""
    shared = frozenset.intersection(*(u.terms for u in members))
    return len(shared) >= SAME_STATEMENT_TERMS


def _has(text: str, cues: Sequence[str]) -> bool:
    lowered = f" {text.lower()} "
    return any(f" {cue}" in lowered for cue in cues)


def _side(unit: Unit, *, value: str | None = None) -> Side:
    return Side(unit.article_id, unit.start, unit.end, unit.text, unit.speaker, value)


def _topic(members: Sequence[Unit]) -> str:
    """A short topic: the first member's text, cut at a word boundary."""
    text = members[0].text
    return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"


def _unique(conflicts: Sequence[Conflict]) -> list[Conflict]:
    """Drop exact repeats (same kind and sides), keep the first."""
    seen = set()
    kept = []
    for conflict in conflicts:
        key = (conflict.kind, tuple((s.article_id, s.start, s.end) for s in conflict.sides))
        if key not in seen:
            seen.add(key)
            kept.append(conflict)
    return kept
