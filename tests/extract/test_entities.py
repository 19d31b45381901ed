"""Entities: spaCy NER corrected by the gazetteer; spans exact on arbitrary text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.extract.entities import find_entities
from storylens.extract.gazetteer import load_gazetteer
from storylens.model import Article, Entity
from storylens.resources import Resources
from tests.spans import assert_spans_valid


def entities(text: str, resources: Resources) -> tuple[Entity, ...]:
    article = Article(id="a", source="test", text=text)
    found = find_entities(article, resources.nlp(text))
    assert_spans_valid(replace(article, entities=found))
    return found


def labels(text: str, resources: Resources) -> dict[str, str]:
    return {entity.text: entity.label for entity in entities(text, resources)}


def test_gazetteer_is_small_and_has_the_basics() -> None:
    gazetteer = load_gazetteer()
    folder = Path(__file__).resolve().parents[2] / "src/storylens/data/gazetteer"
    assert sum(path.stat().st_size for path in folder.iterdir()) < 200_000
    assert gazetteer.lookup("Kiev") == gazetteer.lookup("Kyiv")
    assert gazetteer.preferred("Kiev") == "Kyiv"
    for name, label in {
        "Belarus": "GPE",
        "Minsk": "GPE",
        "Russian": "NORP",
        "NATO": "ORG",
        "Kremlin": "ORG",
        "G7": "ORG",
        "Defense Ministry": "ORG",
    }.items():
        entry = gazetteer.lookup(name)
        assert entry is not None, name
        assert entry.label == label, name


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Officials in Kiev said the talks failed.", "Kiev", "GPE"),
        ("He said Kyiv poses a threat.", "Kyiv", "GPE"),
        ("The Belarusian army moved west.", "Belarusian", "NORP"),
        ("G7 leaders said today that the plan was reckless.", "G7", "ORG"),
        ("The Kremlin denied it on Monday.", "Kremlin", "ORG"),
        ("NATO forces are in Poland.", "NATO", "ORG"),
        ("Diplomats at the UN said the vote was illegal.", "UN", "ORG"),
        ("Tanks were sent to Belgorod in Russia.", "Belgorod", "GPE"),
        ("The European Commission called on Minsk to stop.", "European Commission", "ORG"),
    ],
)
def test_gazetteer_corrects_labels(text: str, name: str, label: str, resources: Resources) -> None:
    assert labels(text, resources).get(name) == label


def test_possessive_and_article_are_trimmed(resources: Resources) -> None:
    found = labels("Russia's Defense Ministry said the Russian Federation agreed.", resources)
    assert "Russia" in found
    assert "Russian Federation" in found
    assert not any(text.endswith(("'s", "’s")) or text.startswith("the ") for text in found)


def test_canonical_is_the_preferred_spelling(resources: Resources) -> None:
    found = {e.text: e.canonical for e in entities("Kiev and the U.S. disagree.", resources)}
    assert found["Kiev"] == "Kyiv"
    assert found["U.S."] == "United States"


NEWS_FRAGMENTS = st.sampled_from(
    ["Kiev", "the Belarusian", "Defense Ministry", "Russia’s", "G7", "NATO", "the UN",
     "Alexander Lukashenko", "\n\n", " - ", "St. Petersburg", "'s", "Washington, D.C."]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=20), NEWS_FRAGMENTS), max_size=8))
def test_spans_hold_on_arbitrary_text(resources: Resources, pieces: list[str]) -> None:
    entities(" ".join(pieces), resources)


def test_mismatched_doc_gives_nothing(resources: Resources) -> None:
    article = Article(id="a", source="test", text="Kiev")
    assert find_entities(article, resources.nlp("Moscow")) == ()
