"""Shared scorers: token P/R/F1, span overlap P/R/F1, B-cubed. Unit-tested on their own."""

from __future__ import annotations

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
