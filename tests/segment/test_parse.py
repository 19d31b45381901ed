"""The partial parse: entities and bounds everywhere, syntax only where it is read."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.extract.triggers import needs_parse
from storylens.model import Article
from storylens.pipeline import analyze_articles
from storylens.resources import Resources
from storylens.segment import parse, segment
from storylens.segment.parse import FLAT_DEP, parse_sentences
from tests.spans import assert_spans_valid

TEXT = (
    "The Karsk Dam reopened in Veska on Monday. Engineers slept soundly.\n\n"
    "“It holds,” Mayor Ilse Tamm said. Rain fell over the valley"
)


def _article(text: str) -> Article:
    return Article(id="a", source="test", text=text)


def test_selected_sentences_match_the_full_parse(resources: Resources) -> None:
    article = _article(TEXT)
    [full] = parse([article], nlp=resources.nlp)
    [part] = parse([article], nlp=resources.nlp, needs_parse=lambda sent: True)
    assert part.text == full.text
    assert [(e.text, e.label_) for e in part.ents] == [(e.text, e.label_) for e in full.ents]
    said = next(token for token in part if token.text == "said")
    assert said.tag_ == "VBD"
    assert said.pos_ == "VERB"
    assert {child.text for child in said.children} >= {"Tamm"}


def test_unselected_sentences_have_bounds_and_entities_but_no_syntax(
    resources: Resources,
) -> None:
    article = _article(TEXT)
    [doc] = parse([article], nlp=resources.nlp, needs_parse=needs_parse)
    sents = [sent.text.strip() for sent in doc.sents]
    assert sents == [
        "The Karsk Dam reopened in Veska on Monday.",
        "Engineers slept soundly.",
        "“It holds,” Mayor Ilse Tamm said.",
        "Rain fell over the valley",
    ]
    slept = next(token for token in doc if token.text == "slept")
    assert slept.tag_ == ""
    assert slept.dep_ == FLAT_DEP
    monday = next(token for token in doc if token.text == "Monday")
    assert monday.tag_ == "NNP"  # a weekday: parsed for the tense of its sentence
    assert any(ent.text == "Veska" for ent in doc.ents)


def test_written_syntax_is_each_sentence_parse_or_flat(resources: Resources) -> None:
    [doc] = parse([_article(TEXT)], nlp=resources.nlp, needs_parse=needs_parse)
    for sent in doc.sents:
        got = [(t.tag_, t.pos_, t.dep_, t.head.i - sent.start) for t in sent]
        if needs_parse(sent):
            [own] = parse_sentences([sent], nlp=resources.nlp)
            assert [(t.tag_, t.dep_, t.head.i) for t in own] == [g[:1] + g[2:] for g in got]
            assert all(pos for _, pos, _, _ in got)
        else:
            assert got == [("", "", "ROOT", 0)] + [("", "", FLAT_DEP, 0)] * (len(sent) - 1)


def test_segment_sentences_are_trimmed_spans(resources: Resources) -> None:
    article = _article(TEXT)
    [doc] = parse([article], nlp=resources.nlp, needs_parse=needs_parse)
    sentences = segment(article, doc).sentences
    assert [TEXT[s.start : s.end] for s in sentences][2] == "“It holds,” Mayor Ilse Tamm said."
    assert all(TEXT[s.start] != " " and TEXT[s.end - 1] != "\n" for s in sentences)


def test_empty_and_whitespace_articles(resources: Resources) -> None:
    docs = parse([_article(""), _article("  \n\n ")], nlp=resources.nlp, needs_parse=needs_parse)
    assert [len(doc) for doc in docs] == [0, 1]


FRAGMENTS = st.sampled_from(
    [
        "Mayor Ilse Tamm said on Tuesday that 4,000 people left. ",
        "“We will hold,” she said.\n\n",
        "Officials — who asked not to be named — disputed it ",
        "up to 15,000 residents ",
        "‘scare quotes’ and a stray ” mark. ",
        "\n\n\n",
        "According to the agency, ",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.one_of(st.text(max_size=40), FRAGMENTS), max_size=8))
def test_partial_parse_keeps_every_span_valid(parts: list[str], resources: Resources) -> None:
    article = _article("".join(parts))
    [analysed] = analyze_articles([article], resources=resources)
    assert_spans_valid(analysed)
