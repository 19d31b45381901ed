"""Same-fact alignment: score unit pairs across articles and group them into facts.

1. Lexical: cosine of the units' content words, each weighted by its rarity in the story (idf).
2. Semantic: cosine of wordllama embeddings, rescaled so that unrelated text scores 0.
3. Anchors: a shared exact quantity, a shared date or the same speaker add a bonus.
Without an embedder the lexical score stands alone.
A pair aligns when it shares two content words (or exact quantities and dates) and its
lexical score and its blend both pass their thresholds (with much shared, the lexical
score alone may pass). Pairs are then merged greedily, best first and links across
independent sources before links between copies, never putting two units of one article
into one group nor a unit overlapping one already grouped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storylens.compare.independence import Groups
from storylens.compare.statements import MIN_WORDS, Unit

MIN_TERMS = 2
"""Shared lower-case content words, exact quantities and dates a pair needs: sharing only
names is not the same fact."""
STRONG_EVIDENCE = 3
STRONG_LEXICAL = 0.4
STRONG_WORDS = 5
"""With STRONG_EVIDENCE shared content words, dates and quantities and this lexical score,
the lexical score alone may align two units of STRONG_WORDS content words or more
(wordllama scores short paraphrases low; a fragment is all overlap)."""
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
    values = [_values(unit) for unit in units]
    dated = [bool(quantities or dates) for quantities, dates in values]
    links = []
    for i, first in enumerate(units):
        if len(first.words) < MIN_WORDS:
            continue
        for j in range(i + 1, len(units)):
            second = units[j]
            if second.article_id == first.article_id or len(second.words) < MIN_WORDS:
                continue
            terms = len(first.terms & second.terms)
            if terms + 2 * (dated[i] and dated[j]) < MIN_TERMS:
                continue
            shared_values = _shared(values[i], values[j])
            evidence = terms + shared_values
            if evidence < MIN_TERMS:
                continue
            shared = first.words & second.words
            lexical = sum(idf[word] for word in shared) / math.sqrt(weights[i] * weights[j])
            if lexical < MIN_LEXICAL:
                continue
            same_speaker = first.speaker is not None and first.speaker == second.speaker
            anchors = shared_values + int(same_speaker)
            if similarity is None:
                score = lexical
            else:
                semantic = _rescale(float(similarity[i, j]))
                score = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semantic
            if evidence >= STRONG_EVIDENCE and lexical >= STRONG_LEXICAL and _full(first, second):
                score = max(score, lexical)
            score += ANCHOR_BONUS * anchors
            if score >= MIN_SCORE:
                links.append(Link(-round(score, 6), i, j))
    return sorted(links)


def group_links(
    units: Sequence[Unit], links: Sequence[Link], *, sources: Groups | None = None
) -> list[list[int]]:
    """Merge links best first into groups with at most one unit per article.

    Links across independent sources go first: a copied sentence then joins the fact its
    original shares with another source instead of forming a copy-only fact first.
    """
    if sources is not None:
        links = sorted(links, key=lambda link: _same_source(units, link, sources))
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for link in links:
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
    found = _merge_sentences(units, sorted(groups.values()))
    return found if sources is None else _whole_copies(units, found, sources)


def _full(first: Unit, second: Unit) -> bool:
    return min(len(first.words), len(second.words)) >= STRONG_WORDS


def _same_source(units: Sequence[Unit], link: Link, sources: Groups) -> bool:
    first, second = units[link.first].article_id, units[link.second].article_id
    return sources.group(first) == sources.group(second)


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


def add_groups(groups: list[list[int]], extra: Sequence[Sequence[int]]) -> list[list[int]]:
    """The groups plus the units of each extra group not grouped yet (when two or more)."""
    taken = {i for group in groups for i in group}
    added = []
    for group in extra:
        free = sorted(set(group) - taken)
        if len(free) >= 2:
            added.append(free)
            taken.update(free)
    return sorted([*groups, *added])


def _whole_copies(
    units: Sequence[Unit], groups: list[list[int]], sources: Groups
) -> list[list[int]]:
    """A clause grouped with a whole sentence of the same source (its copy) becomes its
    whole sentence too, when no other group holds a piece of that sentence."""
    parent = _parents(units)
    pieces: dict[int, int] = {}
    for group in groups:
        for i in group:
            pieces[parent[i]] = pieces.get(parent[i], 0) + 1
    whole = []
    for group in groups:
        sentences = {sources.group(units[i].article_id) for i in group if not units[i].clause}
        promoted = []
        for i in group:
            copy = units[i].clause and sources.group(units[i].article_id) in sentences
            promoted.append(parent[i] if copy and pieces[parent[i]] == 1 else i)
        whole.append(sorted(promoted))
    return sorted(whole)


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


def _values(unit: Unit) -> tuple[frozenset[tuple[float, str]], frozenset[str]]:
    """The unit's exact quantities and dates: anchors two statements of one fact share."""
    quantities = frozenset((q.value, q.unit) for q in unit.quantities if q.value is not None)
    return quantities, frozenset(d.value for d in unit.dates if d.value)


def _shared(
    first: tuple[frozenset[Any], frozenset[Any]], second: tuple[frozenset[Any], frozenset[Any]]
) -> int:
    """1 for a shared exact quantity plus 1 for a shared date."""
    return int(not first[0].isdisjoint(second[0])) + int(not first[1].isdisjoint(second[1]))


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
