"""Framing: each source's words for the same referent, found by alignment."""

from __future__ import annotations

from storylens.model import Article, Fact, Framing, Story
from storylens.summarize.framing import frame
from tests.summarize.build import article, statement

LEADER = [("Anna Kova", "Anna Kova"), ("Kova", "Anna Kova")]
BRIDGE = [("the Vell Bridge", "Vell Bridge"), ("the Old Vell Bridge", "Old Vell Bridge")]

A = article(
    "a",
    "Tyrant Anna Kova spoke on Monday. A terrorist attack on the Vell Bridge killed two. "
    "The regime in the capital blamed its neighbours.",
    names=LEADER + BRIDGE,
)
B = article(
    "b",
    "Ostrian President Anna Kova spoke on Monday. An explosion on the Old Vell Bridge "
    "killed two. The government blamed its neighbours. Later the disgraced president left.",
    names=LEADER + BRIDGE,
)


def _table(tables: tuple[Framing, ...], referent_part: str) -> Framing:
    return next(t for t in tables if referent_part in t.referent)


def _check_spans(tables: tuple[Framing, ...], articles: list[Article]) -> None:
    by_id = {a.id: a for a in articles}
    for table in tables:
        for term in table.terms:
            assert by_id[term.article_id].text[term.start : term.end] == term.text


def test_titles_before_a_name_are_aligned_across_sources() -> None:
    tables = frame(Story("s", "t", ("a", "b")), [A, B])
    leader = _table(tables, "Anna Kova")
    words = {(t.article_id, t.text, t.loaded) for t in leader.terms}
    assert ("a", "Tyrant Anna Kova", True) in words
    assert ("b", "Ostrian President Anna Kova", False) in words
    assert ("b", "disgraced president", True) in words  # a title without the name
    _check_spans(tables, [A, B])


def test_event_words_at_the_same_place_are_aligned() -> None:
    tables = frame(Story("s", "t", ("a", "b")), [A, B])
    bridge = _table(tables, "Vell Bridge")
    assert {(t.article_id, t.text.lower()) for t in bridge.terms} == {
        ("a", "terrorist attack"),
        ("b", "explosion"),
    }
    assert next(t for t in bridge.terms if t.article_id == "a").loaded


def test_a_loaded_noun_is_set_beside_its_neutral_counterpart() -> None:
    tables = frame(Story("s", "t", ("a", "b")), [A, B])
    government = _table(tables, "government")
    assert {(t.article_id, t.text) for t in government.terms} == {
        ("a", "regime"),
        ("b", "government"),
    }


def test_event_nouns_of_an_aligned_fact_are_compared() -> None:
    first = article("x", "The blast at the depot woke the town.")
    second = article("y", "The incident at the depot woke the town.")
    fact = Fact(
        "f1",
        (
            statement(first, "The blast at the depot woke the town."),
            statement(second, "The incident at the depot woke the town."),
        ),
        ("x", "y"),
        2,
        "agreed",
    )
    tables = frame(Story("s", "t", ("x", "y"), facts=(fact,)), [first, second])
    table = _table(tables, "f1")
    assert {t.text for t in table.terms} == {"blast", "incident"}


def test_nothing_is_framed_when_sources_word_it_alike() -> None:
    one = article("x", "President Anna Kova spoke.", names=LEADER)
    two = article("y", "President Anna Kova spoke again.", names=LEADER)
    assert frame(Story("s", "t", ("x", "y")), [one, two]) == ()
