"""Number conflicts: the same quantity slot reported with different values.

1. Describe every quantity: its sentence and smallest clause, its counted noun (head and
   qualifiers) and its frame, what the words next to it say it counts (evacuated, killed,
   a town's population…; ``lexicon.SLOT_FRAMES``).
2. Pair it with the quantities of other sources that can count the same thing: the same
   unit; for counts, the same or a synonymous head noun, no clashing demonym, no group
   qualifier ("new", "active-duty") on one side only, no clashing frames.
3. Score a pair by its context: a shared frame, shared words and entities of the two
   sentences (numerals excluded); one of them is required unless the counted noun is the
   same. Clearly unrelated clauses (by embedding) lose score unless the frame is shared.
4. Join pairs into slots best first, never two mentions of one article in a slot.
5. A slot with two or more values is a conflict; the note compares the bounds pair by pair
   and says what else differs (counted noun, qualifier, source), never which is right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from storylens.compare.independence import Groups
from storylens.compare.lexicon import (
    COUNT_SYNONYMS,
    NATIONALITY_SUFFIXES,
    SLOT_FRAMES,
    SUBSET_QUALIFIERS,
)
from storylens.compare.statements import Unit, stem
from storylens.model import Conflict, Quantity, Side

MIN_SLOT_SCORE = 1.5
EXACT = 1.3
"""The head score of the same counted noun (synonyms score 1.0)."""
FRAME_BONUS = 1.0
"""A shared frame weighs as much as two shared context words."""
SEMANTIC_WEIGHT = 2.0
SEMANTIC_FLOOR = 0.4
"""Clauses whose embeddings are less similar than this lose slot score (never gain)."""
WINDOW = 8
"""Words on each side of a quantity searched for its frame."""
TOKEN = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity with its sentence, smallest enclosing unit, counted noun and frame."""

    quantity: Quantity
    unit: Unit
    clause: int
    frame: str | None = None
    qualifiers: frozenset[str] = frozenset()


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
        score = slot_score(a, b, vectors=vectors)
        if score >= MIN_SLOT_SCORE:
            scored.append((-round(score, 6), i, j))
    conflicts = []
    for members in _slots(mentions, scored):
        found = [mentions[i] for i in members]
        if len({_bounds(m.quantity) for m in found}) > 1:
            conflicts.append(_conflict(found))
    return conflicts


def _slots(mentions: Sequence[Mention], scored: list[tuple[float, int, int]]) -> list[list[int]]:
    """Scored pairs joined best first into slots with one mention per article."""
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
    return sorted(slots.values())


def _mentions(units: Sequence[Unit]) -> list[Mention]:
    """Every quantity with its sentence, smallest enclosing unit, qualifiers and frame."""
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
            mentions.append(
                Mention(
                    quantity,
                    unit,
                    clause,
                    frame=frame_of(unit, quantity),
                    qualifiers=_qualifiers(quantity.counts),
                )
            )
    return mentions


def frame_of(unit: Unit, quantity: Quantity) -> str | None:
    """The frame of the cue nearest the quantity within WINDOW words, if any."""
    offset = quantity.start - unit.start
    words = [(m.start(), m.group(0).lower().replace("’", "'")) for m in TOKEN.finditer(unit.text)]
    before = [w for start, w in words if start < offset][-WINDOW:]
    after = [w for start, w in words if start >= quantity.end - unit.start][:WINDOW]
    best: tuple[int, str] | None = None
    for frame, cues in sorted(SLOT_FRAMES.items()):
        for cue in cues:
            for distance in _cue_distances(cue.split(), before, after):
                if best is None or distance < best[0]:
                    best = (distance, frame)
    return best[1] if best else None


def _cue_distances(cue: list[str], before: list[str], after: list[str]) -> list[int]:
    """Distances (in words) from the quantity to each occurrence of a cue phrase."""
    size = len(cue)
    found = [
        len(before) - i - size for i in range(len(before) - size + 1) if before[i : i + size] == cue
    ]
    found += [i for i in range(len(after) - size + 1) if after[i : i + size] == cue]
    return found


def slot_score(
    a: Mention,
    b: Mention,
    *,
    vectors: np.ndarray[Any, Any] | None,
) -> float:
    """How likely two quantities fill the same slot (0 when they cannot)."""
    qa, qb = a.quantity, b.quantity
    if qa.unit != qb.unit or _undefined(qa) or _undefined(qb):
        return 0.0
    if qa.unit == "currency" and qa.currency != qb.currency:
        return 0.0
    head = _head_match(qa.counts, qb.counts)
    demonyms_a, demonyms_b = _demonyms(qa.counts), _demonyms(qb.counts)
    if head == 0.0 or (demonyms_a and demonyms_b and not demonyms_a & demonyms_b):
        return 0.0
    if a.qualifiers != b.qualifiers:
        return 0.0
    if a.frame and b.frame and a.frame != b.frame:
        return 0.0
    framed = a.frame is not None and a.frame == b.frame
    counted = {stem(w) for text in (qa.counts, qb.counts) if text for w in text.split()}
    terms = {t for t in (a.unit.terms & b.unit.terms) - counted if not t.isdigit()}
    if not terms and not framed and (head < EXACT or qa.unit != "count"):
        return 0.0
    entities = a.unit.entities & b.unit.entities
    score = head + 0.5 * min(len(terms), 2) + 0.25 * min(len(entities), 2)
    if framed:
        score += FRAME_BONUS
    elif vectors is not None:
        cosine = float(vectors[a.clause] @ vectors[b.clause])
        score += SEMANTIC_WEIGHT * min(0.0, cosine - SEMANTIC_FLOOR)
    return score


def _undefined(quantity: Quantity) -> bool:
    """A quantity with neither a value nor a bound cannot be compared."""
    return quantity.value is None and quantity.low is None and quantity.high is None


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


def _qualifiers(counts: str | None) -> frozenset[str]:
    """The group qualifiers among the words before the counted noun ("new troops")."""
    if not counts:
        return frozenset()
    words = counts.lower().split(" of ")[0].split()[:-1]
    return frozenset(w for w in words if w in SUBSET_QUALIFIERS)


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


def differences(a: Mention, b: Mention) -> list[str]:
    """What else differs between two reports of a slot: counted noun, qualifier, source."""
    found = []
    counts_a, counts_b = a.quantity.counts, b.quantity.counts
    if counts_a and counts_b and counts_a.lower() != counts_b.lower():
        head_a, head_b = _head(counts_a), _head(counts_b)
        what = "counted noun" if head_a != head_b else "qualifier"
        found.append(f"{what} '{counts_a}' vs '{counts_b}'")
    speaker_a, speaker_b = a.unit.speaker, b.unit.speaker
    if (speaker_a or "").lower() != (speaker_b or "").lower():
        found.append(f"source {speaker_a or 'not named'} vs {speaker_b or 'not named'}")
    return found


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
    notes: list[tuple[bool, str]] = []
    distinct: dict[tuple[float, float], Mention] = {}
    for m in ordered:
        distinct.setdefault(_bounds(m.quantity), m)
    for a, b in combinations(distinct.values(), 2):
        verdict = compare_bounds(a.quantity, b.quantity)
        note = (
            f"{a.unit.article_id} says '{a.quantity.text}', {b.unit.article_id} says "
            f"'{b.quantity.text}': {verdict}"
        )
        others = differences(a, b)
        notes.append(
            (verdict.startswith("compatible"), note + (f" ({'; '.join(others)})" if others else ""))
        )
    notes.sort(key=lambda pair: pair[0])  # the pairs that cannot both hold come first
    counts = next((m.quantity.counts for m in ordered if m.quantity.counts), None)
    topic = f"how many {counts}" if counts else f"a {ordered[0].quantity.unit} figure"
    return Conflict(
        kind="number", topic=topic, sides=sides, note="; ".join(note for _, note in notes) + "."
    )


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"
