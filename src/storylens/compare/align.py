"""Same-fact alignment: score unit pairs across articles and group them into facts.

1. Lexical: cosine of the units' content words, each weighted by its rarity in the story (idf).
2. Semantic: cosine of wordllama embeddings, rescaled so that unrelated text scores 0.
3. Anchors: a shared exact quantity, a shared date or the same speaker add a bonus.
Without an embedder the lexical score stands alone.
A pair aligns when its lexical score and its blend both pass their thresholds; pairs are
then merged greedily, best first, never putting two overlapping units of one article, or
two units of one article, into one group.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storylens.compare.statements import MIN_WORDS, Unit

MIN_TERMS = 2
"""Shared lower-case content words a pair needs: sharing only names is not the same fact."""
MIN_LEXICAL = 0.3
MIN_SCORE = 0.38
LEXICAL_WEIGHT = 0.6
ANCHOR_BONUS = 0.08


@dataclass(frozen=True, slots=True, order=True)
class Link:
    """Two aligned units (indices into the unit list), best score first when sorted."""

    rank: float
    first: int
    second: int

    @property
    def score(self) -> float:
        return -self.rank


def embed_units(units: Sequence[Unit], *, embedder: Any) -> np.ndarray[Any, Any] | None:
    """Unit vectors, L2-normalised (None without an embedder)."""
    if embedder is None or not units:
        return None
    vectors = np.asarray(embedder.embed([unit.text for unit in units]), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def score_links(units: Sequence[Unit], vectors: np.ndarray[Any, Any] | None) -> list[Link]:
    """Every cross-article pair that passes the thresholds, best first."""
    idf = _idf(units)
    weights = [sum(idf[word] for word in unit.words) for unit in units]
    similarity = vectors @ vectors.T if vectors is not None else None
    links = []
    for i, first in enumerate(units):
        if len(first.words) < MIN_WORDS:
            continue
        for j in range(i + 1, len(units)):
            second = units[j]
            if second.article_id == first.article_id or len(second.words) < MIN_WORDS:
                continue
            shared = first.words & second.words
            if len(first.terms & second.terms) < MIN_TERMS:
                continue
            lexical = sum(idf[word] for word in shared) / math.sqrt(weights[i] * weights[j])
            if lexical < MIN_LEXICAL:
                continue
            if similarity is None:
                score = lexical
            else:
                semantic = _rescale(float(similarity[i, j]))
                score = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semantic
            score += ANCHOR_BONUS * _anchors(first, second)
            if score >= MIN_SCORE:
                links.append(Link(-round(score, 6), i, j))
    return sorted(links)


def group_links(units: Sequence[Unit], links: Sequence[Link]) -> list[list[int]]:
    """Merge links best first into groups with at most one unit per article."""
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for link in links:
        print(
            round(link.score, 3), units[link.first].text[:60], "||", units[link.second].text[:60]
        ) if __import__("os").environ.get("DBG") else None
        a = group_of.get(link.first)
        b = group_of.get(link.second)
        if a is not None and a == b:
            continue
        members_a = groups.get(a, [link.first]) if a is not None else [link.first]
        members_b = groups.get(b, [link.second]) if b is not None else [link.second]
        if not _compatible(units, members_a, members_b, group_of):
            continue
        merged = sorted(members_a + members_b)
        key = min(merged)
        for old in (a, b):
            if old is not None:
                groups.pop(old, None)
        groups[key] = merged
        for member in merged:
            group_of[member] = key
    return _merge_sentences(units, sorted(groups.values()))


def _merge_sentences(units: Sequence[Unit], groups: list[list[int]]) -> list[list[int]]:
    """Groups that cut the same sentences in two or more articles become one group.

    A copied sentence often aligns clause by clause: where the merged groups share a
    sentence, the fact holds the whole sentence; elsewhere it keeps the aligned clause.
    """
    parent = _parents(units)
    merged: list[dict[str, int]] = []
    for group in groups:
        members = {units[i].article_id: i for i in group}
        for other in merged:
            same = [key for key in members if key in other and _same(parent, other, members, key)]
            differ = [key for key in members if key in other and key not in same]
            if len(same) >= 2 and not differ:
                for key, index in members.items():
                    other[key] = parent[index] if key in same else other.get(key, index)
                break
        else:
            merged.append(members)
    return sorted(sorted(members.values()) for members in merged)


def _same(parent: list[int], first: dict[str, int], second: dict[str, int], key: str) -> bool:
    return parent[first[key]] == parent[second[key]]


def _parents(units: Sequence[Unit]) -> list[int]:
    """For each unit, the index of the sentence unit it was cut from (itself for sentences)."""
    parents = []
    current = 0
    for index, unit in enumerate(units):
        if not unit.clause:
            current = index
        parents.append(current)
    return parents


def _compatible(
    units: Sequence[Unit], first: list[int], second: list[int], group_of: dict[int, int]
) -> bool:
    """No article twice, and no new member overlapping a unit already in some group."""
    articles_a = {units[i].article_id for i in first}
    if any(units[j].article_id in articles_a for j in second):
        return False
    for member in (*first, *second):
        if member in group_of:
            continue
        if any(_overlaps(units[member], units[other]) for other in group_of):
            return False
    return True


def _overlaps(first: Unit, second: Unit) -> bool:
    return (
        first.article_id == second.article_id
        and first.start < second.end
        and second.start < first.end
    )


def _anchors(first: Unit, second: Unit) -> int:
    """How many anchors two units share: an exact quantity, a date, the speaker."""
    values_a = {(q.value, q.unit) for q in first.quantities if q.value is not None}
    values_b = {(q.value, q.unit) for q in second.quantities if q.value is not None}
    dates_a = {d.value for d in first.dates if d.value}
    dates_b = {d.value for d in second.dates if d.value}
    same_speaker = first.speaker is not None and first.speaker == second.speaker
    return int(bool(values_a & values_b)) + int(bool(dates_a & dates_b)) + int(same_speaker)


def _rescale(cosine: float) -> float:
    """Map wordllama cosines (unrelated news text sits near 0.5) onto [0, 1]."""
    return min(1.0, max(0.0, (cosine - 0.5) / 0.5))


def _idf(units: Sequence[Unit]) -> dict[str, float]:
    """Inverse document frequency of each content word over the story's sentences."""
    sentences = [unit for unit in units if not unit.clause] or list(units)
    counts: dict[str, int] = {}
    for unit in sentences:
        for word in unit.words:
            counts[word] = counts.get(word, 0) + 1
    total = len(sentences)
    idf = {word: math.log((1 + total) / (1 + count)) + 1 for word, count in counts.items()}
    for unit in units:
        for word in unit.words:
            idf.setdefault(word, math.log(1 + total) + 1)
    return idf
