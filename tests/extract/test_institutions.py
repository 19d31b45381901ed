"""Whose institution: a state body is named with its country, never merged across countries."""

from __future__ import annotations

import pytest

from storylens.extract.canonical import canonicalize
from storylens.extract.entities import find_entities
from storylens.extract.gazetteer import load_gazetteer
from storylens.extract.institutions import find_institution, qualified_name
from storylens.model import Article, Entity, Offsets, Quote
from storylens.resources import Resources


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Peru’s Defense Ministry", "Peruvian Defense Ministry"),
        ("the Peruvian Ministry of Defence", "Peruvian Defense Ministry"),
        ("the Defense Ministry of Peru", "Peruvian Defense Ministry"),
        ("Lima's Foreign Ministry", "Peruvian Foreign Ministry"),  # a capital: its country
        ("Security Council of the Republic of Belarus", "Belarusian Security Council"),
        ("the Swiss army", "Swiss Army"),
        ("the Ministry of Defense", "Defense Ministry"),  # no country: stays bare
    ],
)
def test_institution_names(mention: str, name: str) -> None:
    gazetteer = load_gazetteer()
    found = find_institution(mention, gazetteer=gazetteer)
    assert found is not None
    assert qualified_name(found, gazetteer=gazetteer) == name


@pytest.mark.parametrize(
    "mention", ["the new government agency", "Kremlin spokesman Dmitry Peskov", "the Pentagon"]
)
def test_near_misses_are_no_institutions(mention: str) -> None:
    assert find_institution(mention, gazetteer=load_gazetteer()) is None


def _speaker_quote(text: str, speaker: str, at: str) -> Quote:
    start = text.index(at)
    return Quote(
        "a", 0, 1, text[0], speaker, Offsets(start, start + len(at)), None, None, "indirect"
    )


def test_two_countries_ministries_stay_apart_and_references_resolve(
    resources: Resources,
) -> None:
    text = (
        "Chile’s Defense Ministry said the drills were over. Troops left Peru on Monday, "
        "the country’s Defense Ministry said. Later the Ministry of Defense of Chile added "
        "a note."
    )
    article = Article(id="a", source="test", text=text)
    quotes = (
        _speaker_quote(text, "Defense Ministry", "Chile’s Defense Ministry"),
        _speaker_quote(text, "Defense Ministry", "the country’s Defense Ministry"),
    )
    entities = find_entities(article, resources.nlp(text))
    [named] = canonicalize(
        [Article(id="a", source="test", text=text, entities=entities, quotes=quotes)]
    )
    assert [quote.speaker for quote in named.quotes] == [
        "Chilean Defense Ministry",
        "Peruvian Defense Ministry",
    ]
    bodies = {e.canonical for e in named.entities if e.label == "ORG"}
    assert "Defense Ministry" not in bodies


def test_a_bare_mention_takes_the_one_country_the_article_named() -> None:
    text = "The Peruvian Defense Ministry spoke first. Then the Defense Ministry spoke again."
    start = text.index("Defense Ministry", 30)
    entities = (
        Entity("a", 4, 29, text[4:29], "ORG", text[4:29]),
        Entity("a", start, start + 16, "Defense Ministry", "ORG", "Defense Ministry"),
    )
    [named] = canonicalize([Article(id="a", source="test", text=text, entities=entities)])
    assert {e.canonical for e in named.entities} == {"Peruvian Defense Ministry"}
