"""The pure parts of scripts/train_tagger.py: piece labels and the choice of thresholds."""

from __future__ import annotations

from scripts.train_tagger import TIE, chosen, piece_labels

from storylens.extract.quotes.tagged import BEGIN, INSIDE, OUTSIDE

O, B, I = OUTSIDE, BEGIN, INSIDE  # noqa: E741

# "Ivo said-so firmly": four pieces, the second word cut in two.
OFFSETS = [(0, 3), (4, 8), (8, 11), (12, 18)]


def test_each_role_is_labelled_begin_then_inside() -> None:
    attribution = {"Source": [(0, 3)], "Cue": [(4, 11)], "Content": [(12, 18)]}
    assert piece_labels(OFFSETS, [attribution]) == [[B, O, O, O], [O, B, I, O], [O, O, O, B]]


def test_each_part_of_a_discontinuous_span_begins() -> None:
    attribution = {"Source": [], "Cue": [(4, 8)], "Content": [(0, 3), (8, 18)]}
    labels = piece_labels(OFFSETS, [attribution])
    assert labels[2] == [B, O, B, I]


def test_an_inside_piece_never_overwrites_a_begin() -> None:
    first = {"Source": [], "Cue": [], "Content": [(8, 18)]}
    second = {"Source": [], "Cue": [], "Content": [(4, 18)]}
    assert piece_labels(OFFSETS, [first, second])[2] == [O, B, B, I]


def row(f1: float, precision: float, add_at: float) -> dict[str, float]:
    return {"add_at": add_at, "attribution_overlap_f1": f1, "attribution_overlap_p": precision}


def test_the_most_precise_row_tied_with_the_best_is_chosen() -> None:
    best = row(0.7648, 0.764, 0.1)
    tied = row(0.7648 - TIE / 2, 0.779, 0.2)
    beyond = row(0.7648 - 2 * TIE, 0.80, 0.3)
    assert chosen([best, beyond, tied])["add_at"] == 0.2


def test_without_a_tie_the_best_row_is_chosen() -> None:
    assert chosen([row(0.70, 0.9, 0.1), row(0.76, 0.7, 0.2)])["add_at"] == 0.2
