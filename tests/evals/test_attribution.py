"""The attribution eval reads a quote split by its cue as one attribution, as the gold does."""

from __future__ import annotations

from evals.attribution import _joined
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
