"""Text reuse between two articles: shared word shingles, extended into aligned passages.

1. Tokenise both texts into lowercase words with their character offsets.
2. Seed: every shared run of ``SHINGLE`` words (a shingle) is a match on one diagonal.
3. Extend: consecutive seeds on a diagonal form a passage; passages on nearby diagonals
   separated by a small gap (a changed or inserted word) are joined (light rewriting).
4. Keep passages of at least ``MIN_PASSAGE`` words; the shares are the reused words over
   all words of each article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Offsets, Reuse

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
SHINGLE = 4
MIN_PASSAGE = 10
FULLER = 1.2
"""One version is "the fuller" when it has this many times the other's words."""
MAX_GAP = 4
"""Words that may differ between two joined pieces of one passage (a light rewrite)."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """An article's words (lowercased) and their character spans."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True, order=True)
class Passage:
    """Word ranges [a_start, a_end) and [b_start, b_end) that match."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def tokenize(text: str) -> Tokens:
    """The lowercase words of ``text`` with their spans."""
    matches = list(TOKEN.finditer(text))
    return Tokens(
        tuple(m.group(0).lower().replace("’", "'") for m in matches),
        tuple((m.start(), m.end()) for m in matches),
    )


def find_reuse(first: Article, second: Article) -> Reuse | None:
    """The reuse entry for two articles, or None when they share no passage."""
    tokens_a, tokens_b = tokenize(first.text), tokenize(second.text)
    passages = match_passages(tokens_a.words, tokens_b.words)
    if not passages:
        return None
    direction, reason = guess_direction(first, second, passages, tokens_a, tokens_b)
    return Reuse(
        article_a=first.id,
        article_b=second.id,
        spans_a=tuple(_offsets(tokens_a, p.a_start, p.a_end) for p in passages),
        spans_b=tuple(
            _offsets(tokens_b, p.b_start, p.b_end)
            for p in sorted(passages, key=lambda p: (p.b_start, p.a_start))
        ),
        share_a=_share(tokens_a, [(p.a_start, p.a_end) for p in passages]),
        share_b=_share(tokens_b, [(p.b_start, p.b_end) for p in passages]),
        direction=direction,
        reason=reason,
    )


def match_passages(words_a: Sequence[str], words_b: Sequence[str]) -> list[Passage]:
    """Matching passages of two word sequences, in order of the first (steps 2-4)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words_a) - SHINGLE + 1):
        index.setdefault(tuple(words_a[i : i + SHINGLE]), []).append(i)
    runs: dict[int, list[list[int]]] = {}
    for j in range(len(words_b) - SHINGLE + 1):
        for i in index.get(tuple(words_b[j : j + SHINGLE]), ()):
            diagonal = runs.setdefault(i - j, [])
            if diagonal and diagonal[-1][1] == j - 1:
                diagonal[-1][1] = j
            else:
                diagonal.append([j, j])
    passages = sorted(
        Passage(j0 + d, j1 + d + SHINGLE, j0, j1 + SHINGLE)
        for d, found in runs.items()
        for j0, j1 in found
    )
    return [p for p in _join(_drop_overlaps(passages)) if p.a_end - p.a_start >= MIN_PASSAGE]


def guess_direction(
    first: Article,
    second: Article,
    passages: Sequence[Passage],
    tokens_a: Tokens,
    tokens_b: Tokens,
) -> tuple[str | None, str]:
    """Which article is the original (its id), and why; None when nothing tells."""
    # 1. attribution: one article names the other's outlet (a wire credit)
    credits_a = _credits(first, second)
    credits_b = _credits(second, first)
    if credits_b and not credits_a:
        return first.id, f"{second.id} credits {first.outlet}"
    if credits_a and not credits_b:
        return second.id, f"{first.id} credits {second.outlet}"
    # 2. earlier publication
    if first.published and second.published and first.published != second.published:
        earlier = first if first.published < second.published else second
        return earlier.id, f"published earlier ({_day(earlier.published)})"
    # 3. the fuller version
    longer, shorter = sorted((len(tokens_a.words), len(tokens_b.words)), reverse=True)
    if longer >= FULLER * shorter:
        fuller = first if len(tokens_a.words) == longer else second
        return fuller.id, "the fuller version (the other is shorter and shares its passages)"
    return None, "no publication dates, credits or length difference to tell"


def _credits(article: Article, other: Article) -> bool:
    """Whether ``article`` names ``other``'s outlet (and is not that outlet)."""
    if not other.outlet or article.outlet == other.outlet:
        return False
    return other.outlet.lower() in article.text.lower()


def _day(published: dt.date | None) -> str:
    return published.isoformat() if published else "?"


def _drop_overlaps(passages: list[Passage]) -> list[Passage]:
    """Longest passages first; trim the others off words already matched, drop what is left."""
    kept: list[Passage] = []
    for p in sorted(passages, key=lambda p: (p.a_start - p.a_end, p.a_start, p.b_start)):
        for k in kept:
            p = _trim(p, k)
        if p.a_end - p.a_start >= SHINGLE and all(_disjoint(p, k) for k in kept):
            kept.append(p)
    return sorted(kept)


def _trim(p: Passage, k: Passage) -> Passage:
    """``p`` without the words it shares with ``k`` at either end (on either side)."""
    head = max(
        k.a_end - p.a_start if k.a_start <= p.a_start < k.a_end else 0,
        k.b_end - p.b_start if k.b_start <= p.b_start < k.b_end else 0,
    )
    tail = max(
        p.a_end - k.a_start if k.a_start < p.a_end <= k.a_end else 0,
        p.b_end - k.b_start if k.b_start < p.b_end <= k.b_end else 0,
    )
    return Passage(p.a_start + head, p.a_end - tail, p.b_start + head, p.b_end - tail)


def _disjoint(p: Passage, q: Passage) -> bool:
    return (p.a_end <= q.a_start or q.a_end <= p.a_start) and (
        p.b_end <= q.b_start or q.b_end <= p.b_start
    )


def _join(passages: list[Passage]) -> list[Passage]:
    """Join consecutive passages separated by at most MAX_GAP words on both sides."""
    joined: list[Passage] = []
    for p in passages:
        last = joined[-1] if joined else None
        if (
            last is not None
            and 0 <= p.a_start - last.a_end <= MAX_GAP
            and 0 <= p.b_start - last.b_end <= MAX_GAP
        ):
            joined[-1] = Passage(last.a_start, p.a_end, last.b_start, p.b_end)
        else:
            joined.append(p)
    return joined


def _offsets(tokens: Tokens, start: int, end: int) -> Offsets:
    return Offsets(tokens.spans[start][0], tokens.spans[end - 1][1])


def _share(tokens: Tokens, ranges: Sequence[tuple[int, int]]) -> float:
    """The share of the article's words inside the ranges (rounded for stable output)."""
    if not tokens.words:
        return 0.0
    covered = sum(end - start for start, end in ranges)
    return round(min(1.0, covered / len(tokens.words)), 3)
