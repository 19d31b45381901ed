"""Sentence bounds by rule (the sentences the partial parse leaves unparsed)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.resources import Resources
from storylens.segment.bounds import sentence_starts


def _sentences(text: str, resources: Resources) -> list[str]:
    doc = resources.nlp.tokenizer(text)
    starts = [i for i, start in enumerate(sentence_starts(doc)) if start] + [len(doc)]
    return [doc[a:b].text.strip() for a, b in itertools.pairwise(starts)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops arrived. They left.", ["Troops arrived.", "They left."]),
        ("The U.S. envoy spoke. Mr. Tamm agreed.", ["The U.S. envoy spoke.", "Mr. Tamm agreed."]),
        ("He left… and came back.", ["He left… and came back."]),
        ("“It is over.” He said no more.", ["“It is over.”", "He said no more."]),
        ("He said so. “We are ready,” she said.", ["He said so.", "“We are ready,” she said."]),
        (
            "A headline without a stop\n\nThe body starts.",
            ["A headline without a stop", "The body starts."],
        ),
        ("Is it true? Nobody knows!", ["Is it true?", "Nobody knows!"]),
    ],
)
def test_bounds(text: str, expected: list[str], resources: Resources) -> None:
    assert _sentences(text, resources) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_first_token_always_starts_and_flags_match_tokens(text: str) -> None:
    from spacy.lang.en import English

    doc = English().tokenizer(text)
    starts = sentence_starts(doc)
    assert len(starts) == len(doc)
    assert not doc or starts[0]
