"""The shared scorers, on cases small enough to check by hand."""

from __future__ import annotations

import pytest

from evals.scorers import (
    PRF,
    bcubed,
    pairwise_token_overlap_prf,
    span_prf,
    token_overlap_prf,
    token_prf,
)


def test_token_prf_counts_overlap_as_a_bag() -> None:
    result = token_prf(["a", "b", "b", "c"], ["b", "b", "d"])
    assert result.precision == pytest.approx(2 / 4)
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_empty_prediction_scores_zero_not_an_error() -> None:
    assert token_prf([], ["a"]) == PRF(0.0, 0.0, 0.0)


def test_span_prf_exact_and_overlap() -> None:
    predicted = [(0, 5), (10, 20), (30, 31)]
    gold = [(0, 5), (12, 25), (40, 50)]
    exact = span_prf(predicted, gold, exact=True)
    assert (exact.precision, exact.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    relaxed = span_prf(predicted, gold, exact=False)
    assert (relaxed.precision, relaxed.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))


def test_a_gold_span_is_matched_once() -> None:
    result = span_prf([(0, 3), (2, 6)], [(0, 6)], exact=False)
    assert result.precision == pytest.approx(1 / 2)
    assert result.recall == 1.0


def test_token_overlap_gives_part_credit_for_a_part_overlap() -> None:
    # predicted tokens 0-3 and 10-11; gold tokens 2-5; tokens 2 and 3 are shared
    result = token_overlap_prf([(0, 4), (10, 12)], [(2, 6)])
    assert result.precision == pytest.approx(2 / 6)
    assert result.recall == pytest.approx(2 / 4)


def test_token_overlap_counts_a_repeated_span_once() -> None:
    assert token_overlap_prf([(0, 2), (0, 2)], [(0, 2), (0, 2)]) == PRF(1.0, 1.0, 1.0)


def test_pairwise_overlap_counts_a_repeated_span_once_per_pair() -> None:
    # two attributions share one two-token source on both sides: 4 pairs x 2 tokens
    result = pairwise_token_overlap_prf([(0, 2), (0, 2)], [(0, 2), (0, 2)])
    assert (result.precision, result.recall) == (2.0, 2.0)
    nested = pairwise_token_overlap_prf([(5, 6)], [(0, 10), (4, 7), (8, 9)])
    assert nested.precision == 2.0
    assert nested.recall == pytest.approx(2 / 14)


def test_bcubed_perfect_and_all_in_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, gold).f1 == 1.0
    lumped = bcubed(dict.fromkeys(gold, 0), gold)
    assert lumped.recall == 1.0
    assert lumped.precision == pytest.approx(0.5)


def test_bcubed_singletons() -> None:
    gold = {"a": 1, "b": 1, "c": 1}
    split = bcubed({"a": 1, "b": 2, "c": 3}, gold)
    assert split.precision == 1.0
    assert split.recall == pytest.approx(1 / 3)
