"""Conflicts: where sources disagree, shown with their evidence and never judged.

number       the same quantity slot with different values (numbers.py)
attribution  aligned statements credited to different speakers; or a statement one
             source asserts and another reports only as someone's claim (claims.py)
denial       one source asserts what another reports as a claim that was denied (claims.py)
dispute      one source asserts what another calls unproven or disputed (claims.py)
date         aligned statements that put the same event on different days
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

import numpy as np

from storylens.compare.independence import Groups
from storylens.compare.lexicon import STOP_WORDS
from storylens.compare.numbers import number_conflicts
from storylens.compare.statements import WORD, Unit
from storylens.model import Conflict, Side

NAME_PREFIX = 5
"""Letters compared when a speaker's name is looked for in a statement (minist-ry/-er)."""
SAME_STATEMENT_TERMS = 4
"""Shared content words needed before two credits of "the same statement" are compared."""


def find_conflicts(
    units: Sequence[Unit],
    groups: Sequence[Sequence[int]],
    *,
    sources: Groups,
    vectors: np.ndarray[Any, Any] | None = None,
    stances: Sequence[Conflict] = (),
) -> tuple[Conflict, ...]:
    """All conflicts of the story: numbers, then credits and dates per fact, then
    ``stances`` (the claim conflicts of claims.py)."""
    found = number_conflicts(units, sources=sources, vectors=vectors)
    for group in groups:
        members = [units[i] for i in group]
        found.extend(attribution_conflicts(members, sources=sources))
        found.extend(date_conflicts(members, sources=sources))
    found.extend(stances)
    return tuple(_unique(found))


def attribution_conflicts(members: Sequence[Unit], *, sources: Groups) -> list[Conflict]:
    """The same statement credited to different speakers by independent sources."""
    credited = [u for u in members if u.speaker]
    speakers = sorted({u.speaker for u in credited if u.speaker}, key=str.lower)
    if len({speaker.lower() for speaker in speakers}) < 2:
        return []
    if sources.count(u.article_id for u in credited) < 2 or not _close(credited):
        return []
    if not _distinct_credits(credited):
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


def _distinct_credits(credited: Sequence[Unit]) -> bool:
    """Whether two of the speakers are not one source named two ways.

    "Interior Ministry" and "Tobias Renner" are one source when the statement crediting
    Renner calls him "Interior Minister": a speaker whose name words all begin a word of
    the other statement is not set against its speaker.
    """
    for first, second in combinations(credited, 2):
        if not first.speaker or not second.speaker:
            continue
        if first.speaker.lower() == second.speaker.lower():
            continue
        if not (_names(first.speaker, second.text) or _names(second.speaker, first.text)):
            return True
    return False


def _names(speaker: str, text: str) -> bool:
    """Whether every word of the speaker's name starts like a word of ``text``."""
    words = {w[:NAME_PREFIX] for w in WORD.findall(text.lower())}
    name = [w[:NAME_PREFIX] for w in WORD.findall(speaker.lower()) if w not in STOP_WORDS]
    return bool(name) and all(w in words for w in name)


def _close(members: Sequence[Unit]) -> bool:
    """Whether the statements share enough words to be the same statement, not one topic."""
    shared = frozenset.intersection(*(u.terms for u in members))
    return len(shared) >= SAME_STATEMENT_TERMS


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
