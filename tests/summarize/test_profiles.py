"""Per-source profiles: figures about attribution, speakers, loaded words, hedges."""

from __future__ import annotations

from storylens.summarize.profiles import main_entities, profile, profiles
from tests.summarize.build import article

NAMES = [("Anna Kova", "Anna Kova")]
A = article(
    "a",
    "The regime of Anna Kova reportedly lied. Anna Kova said the dam is safe. "
    "Rain fell all week. Critics allegedly fled.",
    names=NAMES,
    quotes=[("the dam is safe", "Anna Kova")],
)
B = article("b", "Anna Kova is a wonderful, kind and generous leader.", names=NAMES)


def test_profile_counts_attribution_speakers_loaded_words_and_hedges() -> None:
    found = profile(A, entities=["Anna Kova"])
    assert (found.statements, found.attributed, found.asserted) == (4, 1, 3)
    assert found.speakers == ("Anna Kova",)
    assert found.loaded_terms == ("regime",)
    assert found.hedges == 2


def test_sentiment_is_measured_over_sentences_that_mention_the_entity() -> None:
    assert main_entities([A, B]) == ("Anna Kova",)
    first, second = profiles([A, B])
    assert second.sentiment["Anna Kova"] > 0.5
    assert first.sentiment["Anna Kova"] < second.sentiment["Anna Kova"]
