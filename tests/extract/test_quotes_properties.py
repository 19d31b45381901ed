"""Property tests: spans stay in bounds and nothing raises, whatever the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.marks import find_marked
from storylens.model import Article
from storylens.resources import Resources
from tests.spans import assert_spans_valid

PIECES = [*"ab ,.\n“”‘’\"'sS", "said", " he ", "Anna Smith", "according to"]
QUOTY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def check(text: str, resources: Resources) -> None:
    article = Article(id="p", source="p", text=text)
    doc = resources.nlp(text)
    quotes = find_quotes(article, doc, entities=find_entities(article, doc))
    assert_spans_valid(Article(id="p", source="p", text=text, quotes=quotes))
    for quote in quotes:
        mention, cue = quote.speaker_span, quote.cue_span
        if mention is not None and cue is not None:
            assert mention.end <= cue.start or cue.end <= mention.start, "speaker holds the cue"


@given(st.text(max_size=300) | QUOTY)
def test_marks_stay_in_bounds(text: str) -> None:
    for marked in find_marked(text):
        assert 0 <= marked.outer_start <= marked.start <= marked.end <= marked.outer_end
        assert marked.outer_end <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200) | QUOTY)
def test_any_text_gives_valid_spans(text: str, resources: Resources) -> None:
    check(text, resources)


@pytest.mark.parametrize(
    "text",
    ["“unclosed, he said", "closed” only, she said", "'''", "‘ ’ ‘", '"a" "', "said"],
)
def test_unbalanced_quotes(text: str, resources: Resources) -> None:
    check(text, resources)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_long_single_paragraph(resources: Resources) -> None:
    unit = "“We will respond,” Lukashenko said, and ‘by train’ they came’s. "
    check((unit * 2000)[:100_000], resources)
