"""Number conflicts: the same quantity slot reported with different values.

1. Pair every quantity with those of other sources that count the same kind of thing
   (the same unit; for counts, the same or a synonymous head noun, no clashing demonym).
2. Score a pair by its context: shared words and entities of the two sentences (a shared
   word is required unless the counted noun is the same); clearly unrelated clauses
   (by embedding) lose score.
3. Join pairs into slots best first, never two mentions of one article in a slot.
4. A slot with two or more values is a conflict; the note compares the bounds, pair by pair.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from storylens.compare.independence import Groups
from storylens.compare.lexicon import COUNT_SYNONYMS, NATIONALITY_SUFFIXES
from storylens.compare.statements import Unit, stem
from storylens.model import Conflict, Quantity, Side

MIN_SLOT_SCORE = 1.5
EXACT = 1.3
"""The head score of the same counted noun (synonyms score 1.0)."""
SEMANTIC_WEIGHT = 2.0
SEMANTIC_FLOOR = 0.4
"""Clauses whose embeddings are less similar than this lose slot score (never gain)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity with its sentence and the index of the smallest unit holding it."""

    quantity: Quantity
    unit: Unit
    clause: int


def number_conflicts(
    units: Sequence[Unit], *, sources: Groups, vectors: np.ndarray[Any, Any] | None = None
) -> list[Conflict]:
    """One conflict per quantity slot that sources report with different values."""
    mentions = _mentions(units)
    scored = []
    for i, j in combinations(range(len(mentions)), 2):
        a, b = mentions[i], mentions[j]
        if sources.group(a.unit.article_id) == sources.group(b.unit.article_id):
            continue
        score = slot_score(a, b, units=units, vectors=vectors)
        if score >= MIN_SLOT_SCORE:
            scored.append((-round(score, 6), i, j))
    slot_of: dict[int, int] = {}
    slots: dict[int, list[int]] = {}
    for _, i, j in sorted(scored):
        slot_i, slot_j = slot_of.get(i), slot_of.get(j)
        if slot_i is not None and slot_i == slot_j:
            continue
        members_i = slots[slot_i] if slot_i is not None else [i]
        members_j = slots[slot_j] if slot_j is not None else [j]
        articles_i = {mentions[m].unit.article_id for m in members_i}
        if any(mentions[m].unit.article_id in articles_i for m in members_j):
            continue
        merged = sorted(members_i + members_j)
        for old in (slot_i, slot_j):
            if old is not None:
                del slots[old]
        slots[merged[0]] = merged
        slot_of.update((m, merged[0]) for m in merged)
    conflicts = []
    for members in sorted(slots.values()):
        found = [mentions[i] for i in members]
        if len({_bounds(m.quantity) for m in found}) > 1:
            conflicts.append(_conflict(found))
    return conflicts


def _mentions(units: Sequence[Unit]) -> list[Mention]:
    """Every quantity with its sentence and its smallest enclosing unit."""
    mentions = []
    for index, unit in enumerate(units):
        if unit.clause:
            continue
        for quantity in unit.quantities:
            inner = [
                k
                for k, other in enumerate(units)
                if other.article_id == unit.article_id
                and other.start <= quantity.start
                and quantity.end <= other.end
            ]
            clause = min(inner or [index], key=lambda k: units[k].end - units[k].start)
            mentions.append(Mention(quantity, unit, clause))
    return mentions


def slot_score(
    a: Mention,
    b: Mention,
    *,
    units: Sequence[Unit],
    vectors: np.ndarray[Any, Any] | None,
) -> float:
    """How likely two quantities fill the same slot (0 when they cannot)."""
    qa, qb = a.quantity, b.quantity
    if qa.unit != qb.unit or qa.value is None or qb.value is None:
        return 0.0
    if qa.unit == "currency" and qa.currency != qb.currency:
        return 0.0
    head = _head_match(qa.counts, qb.counts)
    demonyms_a, demonyms_b = _demonyms(qa.counts), _demonyms(qb.counts)
    if head == 0.0 or (demonyms_a and demonyms_b and not demonyms_a & demonyms_b):
        return 0.0
    counted = {stem(w) for text in (qa.counts, qb.counts) if text for w in text.split()}
    terms = (a.unit.terms & b.unit.terms) - counted
    if not terms and (head < EXACT or qa.unit != "count"):
        return 0.0
    entities = a.unit.entities & b.unit.entities
    score = head + 0.5 * min(len(terms), 2) + 0.25 * min(len(entities), 2)
    if vectors is not None:
        cosine = float(vectors[a.clause] @ vectors[b.clause])
        score += SEMANTIC_WEIGHT * min(0.0, cosine - SEMANTIC_FLOOR)
    return score


def _head_match(first: str | None, second: str | None) -> float:
    """1.3 for the same counted noun, 1.0 for synonyms, 1.0 when neither names one."""
    if first is None and second is None:
        return 1.0
    if first is None or second is None:
        return 0.0
    head_a, head_b = _head(first), _head(second)
    if head_a == head_b:
        return EXACT
    if any(head_a in group and head_b in group for group in COUNT_SYNONYMS):
        return 1.0
    return 0.0


def _head(counts: str) -> str:
    """The counted noun: the last word before any "of" ("members of the forces" -> members)."""
    words = counts.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _demonyms(counts: str | None) -> frozenset[str]:
    """The capitalised nationality words of a counted noun phrase ("Russian troops")."""
    if not counts:
        return frozenset()
    return frozenset(
        w for w in counts.split() if w[:1].isupper() and w.lower().endswith(NATIONALITY_SUFFIXES)
    )


def _bounds(quantity: Quantity) -> tuple[float, float]:
    """The range a quantity allows: its stated bounds, else its value."""
    value = quantity.value if quantity.value is not None else math.nan
    low = (
        quantity.low
        if quantity.low is not None
        else (value if quantity.high is None else -math.inf)
    )
    high = (
        quantity.high
        if quantity.high is not None
        else (value if quantity.low is None else math.inf)
    )
    return (low, high)


def describe(quantity: Quantity) -> str:
    """The value as a short normalised string: 12000, 11000-13000, >=1000, <=15000."""
    low, high = _bounds(quantity)
    if low == high:
        return _number(low)
    if math.isinf(high):
        return f">={_number(low)}"
    if math.isinf(low):
        return f"<={_number(high)}"
    return f"{_number(low)}-{_number(high)}"


def compare_bounds(first: Quantity, second: Quantity) -> str:
    """Whether two reported values can both hold, and on what reading."""
    (low_a, high_a), (low_b, high_b) = _bounds(first), _bounds(second)
    if high_a < low_b or high_b < low_a:
        return "contradictory: the ranges do not overlap"
    for quantity, bounds in ((first, (low_a, high_a)), (second, (low_b, high_b))):
        if math.isinf(bounds[1]):
            return f"compatible only if '{quantity.text}' is read as a floor"
        if math.isinf(bounds[0]):
            return f"compatible: '{quantity.text}' is a ceiling the other stays under"
    return "compatible: the ranges overlap"


def _conflict(found: Sequence[Mention]) -> Conflict:
    """The conflict for one slot: a side per mention and a note per pair of values."""
    ordered = sorted(found, key=lambda m: (m.unit.article_id, m.quantity.start))
    sides = tuple(
        Side(
            article_id=m.unit.article_id,
            start=m.unit.start,
            end=m.unit.end,
            text=m.unit.text,
            speaker=m.unit.speaker,
            value=describe(m.quantity),
        )
        for m in ordered
    )
    notes = []
    distinct: dict[tuple[float, float], Mention] = {}
    for m in ordered:
        distinct.setdefault(_bounds(m.quantity), m)
    for a, b in combinations(distinct.values(), 2):
        notes.append(
            f"{a.unit.article_id} says '{a.quantity.text}', {b.unit.article_id} says "
            f"'{b.quantity.text}': {compare_bounds(a.quantity, b.quantity)}"
        )
    counts = next((m.quantity.counts for m in ordered if m.quantity.counts), None)
    topic = f"how many {counts}" if counts else f"a {ordered[0].quantity.unit} figure"
    return Conflict(kind="number", topic=topic, sides=sides, note="; ".join(notes) + ".")


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        index = parent[index]
    return index
