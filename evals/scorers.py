"""Shared scorers: token P/R/F1, span overlap P/R/F1, token overlap of spans, B-cubed.
Unit-tested on their own."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)
"""What a clustering clusters (an article id, a document name)."""


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (0.0 when undefined)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, *, true_pos: float, predicted: float, gold: float) -> PRF:
        precision = true_pos / predicted if predicted else 0.0
        recall = true_pos / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


def token_prf(predicted: Sequence[str], gold: Sequence[str]) -> PRF:
    """Bag-of-tokens P/R/F1 (the article-extraction benchmark's metric)."""
    overlap = sum((Counter(predicted) & Counter(gold)).values())
    return PRF.from_counts(true_pos=overlap, predicted=len(predicted), gold=len(gold))


Span = tuple[int, int]


def span_prf(predicted: Iterable[Span], gold: Iterable[Span], *, exact: bool) -> PRF:
    """Span P/R/F1: a span matches exactly, or (``exact=False``) when it overlaps.

    Each gold span is matched at most once and each predicted span at most once.
    """
    pred = sorted(set(predicted))
    gold_list = sorted(set(gold))
    used: set[int] = set()
    hits = 0
    for span in pred:
        for index, other in enumerate(gold_list):
            if index in used:
                continue
            if spans_match(span, other, exact=exact):
                used.add(index)
                hits += 1
                break
    return PRF.from_counts(true_pos=hits, predicted=len(pred), gold=len(gold_list))


def spans_match(a: Span, b: Span, *, exact: bool) -> bool:
    """Equal spans, or (``exact=False``) overlapping ones."""
    return a == b if exact else (a[0] < b[1] and b[0] < a[1])


def token_overlap_prf(predicted: Iterable[Span], gold: Iterable[Span]) -> PRF:
    """Token-overlap P/R/F1 of spans given in token indices: the share of predicted tokens
    that some gold span covers, and of gold tokens that some predicted span covers.

    Unlike :func:`span_prf` (a span is a hit or a miss), a span that overlaps its gold span
    only in part earns part of the credit. A token is counted once however many spans hold it.
    """
    pred_tokens = _tokens(predicted)
    gold_tokens = _tokens(gold)
    shared = len(pred_tokens & gold_tokens)
    return PRF.from_counts(true_pos=shared, predicted=len(pred_tokens), gold=len(gold_tokens))


def pairwise_token_overlap_prf(predicted: Sequence[Span], gold: Sequence[Span]) -> PRF:
    """Token overlap summed over every (predicted, gold) pair of spans, over the summed
    lengths of each side: the overlap figure of BBC's citron evaluation (its metrics.py).

    Spans are not made unique, so a span that several attributions share (one source of two
    quotes) counts once per pair: when both sides repeat spans, this figure is above
    :func:`token_overlap_prf` and can exceed 1. It is reported only to compare with
    published citron figures.
    """
    ordered = sorted(gold)
    starts = [start for start, _ in ordered]
    longest = max((end - start for start, end in ordered), default=0)
    shared = 0
    for start, end in predicted:
        first = bisect.bisect_left(starts, start - longest)
        for other_start, other_end in ordered[first : bisect.bisect_left(starts, end)]:
            shared += max(0, min(end, other_end) - max(start, other_start))
    return PRF.from_counts(
        true_pos=shared,
        predicted=sum(end - start for start, end in predicted),
        gold=sum(end - start for start, end in gold),
    )


def _tokens(spans: Iterable[Span]) -> set[int]:
    return {index for start, end in spans for index in range(start, end)}


def bcubed(predicted: Mapping[Item, Hashable], gold: Mapping[Item, Hashable]) -> PRF:
    """B-cubed precision/recall/F1 of a clustering (item → cluster) against gold."""
    items = [item for item in gold if item in predicted]
    if not items:
        return PRF(0.0, 0.0, 0.0)
    pred_members = _members(predicted, items)
    gold_members = _members(gold, items)
    precision = recall = 0.0
    for item in items:
        same_pred = pred_members[predicted[item]]
        same_gold = gold_members[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def _members(
    assignment: Mapping[Item, Hashable], items: Sequence[Item]
) -> dict[Hashable, set[Item]]:
    members: dict[Hashable, set[Item]] = {}
    for item in items:
        members.setdefault(assignment[item], set()).add(item)
    return members
