"""The summary: supported facts first, disputes as disputes, every sentence cited."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.model import Conflict, Fact, Offsets, Side, Story
from storylens.summarize import summarize
from storylens.summarize.summary import neutral_text
from tests.summarize.build import article, statement

A = article(
    "a",
    "The bridge over the Olm river collapsed on Monday, officials said. "
    "Four people were injured, the police said. The so-called experts blamed the rain. "
    "Traffic was diverted to the northern road for the week. "
    "The city council will meet on Friday to discuss repairs.",
    outlet="Alpha News",
)
B = article(
    "b",
    "The Olm bridge collapsed on Monday morning. Four people were injured in the collapse. "
    "The builder denied that the bridge was poorly maintained. "
    "Engineers will inspect the other bridges of the city next month.",
    outlet="Beta Times",
)
C = article(
    "c",
    "A bridge fell into the Olm river on Monday. Nobody was hurt, the mayor said. "
    "Residents said the bridge had been shaking for years before it collapsed.",
    outlet="Gamma Radio",
)
BY_ID = {x.id: x for x in (A, B, C)}


def _story(**fields: object) -> Story:
    return Story("s", "t", ("a", "b", "c"), **fields)  # type: ignore[arg-type]


def _facts() -> tuple[Fact, ...]:
    collapse = Fact(
        "f1",
        (
            statement(A, "The bridge over the Olm river collapsed on Monday, officials said."),
            statement(B, "The Olm bridge collapsed on Monday morning."),
            statement(C, "A bridge fell into the Olm river on Monday."),
        ),
        ("a", "b", "c"),
        3,
        "agreed",
    )
    injured = Fact(
        "f2",
        (
            statement(A, "Four people were injured, the police said."),
            statement(B, "Four people were injured in the collapse."),
        ),
        ("a", "b"),
        2,
        "agreed",
    )
    return (collapse, injured)


def test_without_facts_sentences_cite_the_article_they_come_from() -> None:
    story = summarize(_story(), BY_ID)
    assert 5 <= len(story.summary) <= 10
    for sentence in story.summary:
        assert len(sentence.citations) == 1
        source = BY_ID[sentence.citations[0]]
        assert sentence.text.rstrip(".") in source.text.replace("so-called ", "")


def test_facts_come_first_widest_support_first_and_cite_their_statements() -> None:
    story = summarize(_story(facts=_facts()), BY_ID)
    first, second = story.summary[:2]
    assert (first.fact_id, first.citations) == ("f1", ("a", "b", "c"))
    assert (second.fact_id, second.citations) == ("f2", ("a", "b"))
    assert "said" in first.text  # the attributed statement wins over the bare ones


def test_a_dispute_is_stated_with_both_sides_and_cites_them() -> None:
    hurt = Side("b", *_span(B, "Four people were injured in the collapse."), value="4")
    nobody = Side("c", *_span(C, "Nobody was hurt"), speaker="the mayor", value="0")
    conflict = Conflict("number", "how many people were hurt", (hurt, nobody))
    story = summarize(_story(facts=_facts(), conflicts=(conflict,)), BY_ID)
    dispute = [s for s in story.summary if s.text.startswith("Figures differ")]
    assert len(dispute) == 1
    assert dispute[0].citations == ("b", "c")
    assert "Beta Times reports" in dispute[0].text
    assert "the mayor said" in dispute[0].text


def test_an_article_on_the_other_side_of_a_conflict_is_not_cited_for_the_fact() -> None:
    monday = Side("a", *_span(A, "Four people were injured"), value="4")
    other = Side("b", *_span(B, "Four people were injured in the collapse"), value="5")
    conflict = Conflict("number", "injured", (monday, other))
    story = summarize(_story(facts=_facts(), conflicts=(conflict,)), BY_ID)
    injured = next(s for s in story.summary if s.fact_id == "f2")
    assert len(injured.citations) == 1


def test_neutral_text_drops_only_droppable_modifiers() -> None:
    assert neutral_text("The so-called experts blamed the rain") == "The experts blamed the rain."
    assert neutral_text("LONDON (Wire) — Rain fell.") == "Rain fell."
    assert neutral_text("The regime fell.") == "The regime fell."


def test_summary_is_deterministic() -> None:
    story = _story(facts=_facts())
    assert summarize(story, BY_ID) == summarize(story, BY_ID)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(("a", "b", "c")), min_size=1, max_size=3, unique=True))
def test_every_sentence_is_cited_by_articles_of_the_story(ids: list[str]) -> None:
    facts = tuple(f for f in _facts() if {s.article_id for s in f.statements} <= set(ids))
    story = summarize(Story("s", "t", tuple(ids), facts=facts), BY_ID)
    assert story.summary
    for sentence in story.summary:
        assert sentence.citations
        assert set(sentence.citations) <= set(ids)


def _span(source: object, fragment: str) -> tuple[int, int, str]:
    text = source.text  # type: ignore[attr-defined]
    start = text.index(fragment)
    return start, start + len(fragment), fragment


def test_a_statement_whose_sentence_names_its_cue_gets_no_second_credit() -> None:
    text = (
        "The dam held through the night. "
        "However, she lamented that the repairs had dragged on for too long. "
        "Crews worked until dawn."
    )
    said = "the repairs had dragged on for too long"
    first = article("a", text, quotes=[(said, "Ilse Varga")])
    cue_start = text.index("lamented")
    quote = replace(first.quotes[0], cue="lamented", cue_span=Offsets(cue_start, cue_start + 8))
    first = replace(first, quotes=(quote,))
    second = article("b", "In the valley the repairs had dragged on for too long.")
    fact = Fact(
        "f1",
        (
            statement(first, said, speaker="Ilse Varga"),
            statement(second, "the repairs had dragged on for too long"),
        ),
        ("a", "b"),
        2,
        "agreed",
    )
    story = summarize(Story("s", "t", ("a", "b"), facts=(fact,)), {"a": first, "b": second})
    told = next(s for s in story.summary if s.fact_id == "f1")
    assert "lamented" in told.text
    assert "according to" not in told.text
