"""The attribution eval reads a quote split by its cue as one attribution, as the gold does."""

from __future__ import annotations

from evals.attribution import Attribution, _joined, score, token_span
from storylens.model import Offsets, Quote

TEXT = "“The port stays shut,” she said. “It is not safe.”\n“Next week,” she added."


def quote(part: str, cue: str | None, kind: str = "direct") -> Quote:
    start = TEXT.index(part)
    cue_span = Offsets(TEXT.index(cue), TEXT.index(cue) + len(cue)) if cue else None
    speaker = Offsets(TEXT.index("she"), TEXT.index("she") + 3)
    return Quote("t", start, start + len(part), part, "Ana", speaker, cue, cue_span, kind)  # type: ignore[arg-type]


def test_a_continuation_joins_the_quote_before_it() -> None:
    first, second = quote("The port stays shut,", "said"), quote("It is not safe.", None)
    assert _joined(TEXT, [first, second]) == [(first, second)]


def test_a_new_paragraph_or_an_own_cue_starts_a_new_attribution() -> None:
    first, second = quote("It is not safe.", None), quote("Next week,", None)
    assert _joined(TEXT, [first, second]) == [(first, first), (second, second)]
    cued = quote("It is not safe.", "added")
    assert len(_joined(TEXT, [quote("The port stays shut,", "said"), cued])) == 2


def test_a_character_span_covers_every_token_it_touches() -> None:
    starts = [0, 4, 9, 15]  # "The port stays shut": tokens at 0, 4, 9 and 15
    assert token_span(starts, (4, 8)) == (1, 2)
    assert token_span(starts, (5, 12)) == (1, 3)
    assert token_span(starts, (15, 19)) == (3, 4)


def test_token_figures_give_a_wider_source_part_credit() -> None:
    starts = {"a": list(range(0, 100, 5))}  # a token every five characters
    gold = [("a", Attribution((0, 10), (10, 15), (20, 40)))]
    wider = [("a", Attribution((0, 20), (10, 15), (20, 40)))]
    figures = {m.name: m.value for m in score(wider, gold, "d", token_starts=starts)}
    assert figures["source_overlap_p"] == 1.0
    assert figures["source_token_p"] == 0.5
    assert figures["source_token_r"] == 1.0
    assert figures["content_token_f1"] == 1.0
    assert "source_token_p" not in {m.name for m in score(wider, gold, "d")}
