"""Quantities: the grammar on constructed sentences, the seeds, and arbitrary text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.extract.numbers import number_value
from storylens.extract.quantities import find_quantities
from storylens.model import Article, Quantity, Report
from storylens.resources import Resources
from tests.conftest import article_by_prefix
from tests.spans import assert_spans_valid


def quantities(text: str, resources: Resources) -> tuple[Quantity, ...]:
    article = Article(id="a", source="test", text=text)
    found = find_quantities(article, resources.nlp(text))
    assert_spans_valid(replace(article, quantities=found))
    return found


def one(text: str, span: str, resources: Resources) -> Quantity:
    """The quantity whose text is ``span``."""
    found = [q for q in quantities(text, resources) if q.text == span]
    assert len(found) == 1, [q.text for q in quantities(text, resources)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "unit", "counts"),
    [
        ("The army will send 4,000 troops north.", "4,000", 4000, 4000, 4000, "count", "troops"),
        ("There were more than a thousand French soldiers.", "more than a thousand",
         1000, 1000, None, "count", "French soldiers"),
        ("With a navy size of around 20,000, the state is weak.", "around 20,000",
         20000, 18000, 22000, "count", "navy size"),
        ("Most would be Polish border guards (about 30,000).", "about 30,000",
         30000, 27000, 33000, "count", "Polish border guards"),
        ("The navy has 12,000 active-duty sailors.", "12,000", 12000, 12000, 12000, "count",
         "active-duty sailors"),
        ("Up to 40 M-1 tanks were moved.", "Up to 40", 40, None, 40, "count", "M-1 tanks"),
        ("Between 5,000 and 7,000 people fled.", "Between 5,000 and 7,000",
         None, 5000, 7000, "count", "people"),
        ("Some 5,000-7,000 cars were seen.", "Some 5,000-7,000", None, 5000, 7000, "count", "cars"),
        ("Turnout was 45% of voters.", "45%", 45, 45, 45, "percent", "voters"),
        ("Prices rose 3.5 percent.", "3.5 percent", 3.5, 3.5, 3.5, "percent", None),
        ("The town is 90 miles from the coast.", "90 miles", 90, 90, 90, "distance", "miles"),
        ("They walked 12 kilometres.", "12 kilometres", 12, 12, 12, "distance", "km"),
        ("Talks lasted three days.", "three days", 3, 3, 3, "duration", "days"),
        ("He left nearly ten years ago.", "nearly ten years", 10, 9, 10, "duration", "years"),
        ("They sent twenty-five medics.", "twenty-five", 25, 25, 25, "count", "medics"),
        ("At least 300 people died.", "At least 300", 300, 300, None, "count", "people"),
        ("Fewer than 50 homes remain.", "Fewer than 50", 50, None, 50, "count", "homes"),
    ],
)  # fmt: skip
def test_grammar(
    text: str, span: str, value: Any, low: Any, high: Any, unit: str, counts: Any,
    resources: Resources,
) -> None:  # fmt: skip
    quantity = one(text, span, resources)
    assert (quantity.value, quantity.low, quantity.high) == (value, low, high)
    assert quantity.unit == unit
    assert quantity.counts == counts


@pytest.mark.parametrize(
    ("text", "span", "value", "currency"),
    [
        ("It is a new $400 million aid package.", "$400 million", 400e6, "USD"),
        ("Total aid rose to $12.7 billion.", "$12.7 billion", 12.7e9, "USD"),
        ("France pledged €2.5bn in loans.", "€2.5bn", 2.5e9, "EUR"),
        ("Kyiv will get £300m.", "£300m", 300e6, "GBP"),
        ("They paid 3 million dollars.", "3 million dollars", 3e6, "USD"),
    ],
)
def test_currency(text: str, span: str, value: float, currency: str, resources: Resources) -> None:
    quantity = one(text, span, resources)
    assert quantity.unit == "currency"
    assert quantity.value == pytest.approx(value)
    assert quantity.currency == currency


def test_subset_counts_the_attribute(resources: Resources) -> None:
    text = "The navy has 80,000 reservists, among whom 30,000 are members of the coast guard."
    assert one(text, "80,000", resources).counts == "reservists"
    assert one(text, "30,000", resources).counts == "members of the coast guard"


@pytest.mark.parametrize(
    "text",
    [
        "The F-16 and MiG-29 jets and Su-25 planes flew.",
        "In 2021, the war began.",
        "The vote was held on 2022-10-15 at 10:30.",
        "He was the first to arrive, and the second to leave.",
        "No one came, and one of them left.",
        "It was the country's number one ally.",
        "The 1990s were hard; COVID-19 was worse.",
        "The Crimean Bridge 2 scenario is unlikely.",
    ],
)
def test_not_quantities(text: str, resources: Resources) -> None:
    assert quantities(text, resources) == ()


def test_year_is_not_a_count_but_a_plural_noun_makes_one(resources: Resources) -> None:
    assert [q.text for q in quantities("Since 1994 he has ruled.", resources)] == []
    assert one("He sent 1500 troops.", "1500", resources).counts == "troops"


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7), ("twenty-one", 21), ("a thousand", 1000), ("two hundred and fifty", 250),
     ("three million", 3e6), ("a dozen", 12)],
)  # fmt: skip
def test_number_words(words: str, value: float) -> None:
    assert number_value(words) == value


@pytest.mark.shared
def test_seed_cases(seeds_dir: Path, resources: Resources) -> None:
    """The seed constructions, located by their text in the raw seed files (junk lines too)."""
    found = {
        q.text: q
        for path in sorted(seeds_dir.glob("*.txt"))
        for q in quantities(path.read_text(encoding="utf-8"), resources)
    }
    expect = {
        "9,000": (9000, 9000, 9000, "troops"),
        "more than a thousand": (1000, 1000, None, "Russian troops"),
        "around 50,000": (50000, 45000, 55000, "army size"),
        "about 70,000": (70000, 63000, 77000, "Belarusian service personnel"),
        "45,000": (45000, 45000, 45000, "active-duty personnel"),
        "290,000": (290000, 290000, 290000, "reservists"),
        "Up to 60": (60, None, 60, "T-72 tanks"),
        "140 miles": (140, 140, 140, "miles"),
        "two weeks": (2, 2, 2, "weeks"),
        "nearly eight months": (8, 7.2, 8, "months"),
    }
    for text, (value, low, high, counts) in expect.items():
        quantity = found[text]
        assert (quantity.value, quantity.low, quantity.high, quantity.counts) == (
            value, low, high, counts,
        ), quantity  # fmt: skip
    assert found["120,000"].counts is not None
    assert found["two days"].unit == "duration"
    for text, value in {"$725 million": 725e6, "$18.3 billion": 18.3e9, "$1.8bn": 1.8e9}.items():
        assert (found[text].unit, found[text].currency) == ("currency", "USD")
        assert found[text].value == pytest.approx(value)
    texts = set(found)
    assert not any(t in texts for t in ("72", "25", "2022", "1994", "first", "2"))


NEWS_FRAGMENTS = st.sampled_from(
    ["more than a thousand", "Up to 60 T-72", "$1.8bn", "between 5 and", "around 50,000,",
     "2022", "Su-25", "nearly eight months ago", "45%", "one", "5,000-7,000", " ", "\n", "-",
     "troops", "$", "bn", "the 1990s", "10:30", "twenty-", "hundreds of thousands of men"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=20), NEWS_FRAGMENTS), max_size=8))
def test_spans_hold_on_arbitrary_text(resources: Resources, pieces: list[str]) -> None:
    quantities(" ".join(pieces), resources)


@pytest.mark.shared
def test_pipeline_quantities_keep_spans(seeds_report: Report) -> None:
    """In the full pipeline the seeds' quantities are found and their spans hold."""
    article = article_by_prefix(seeds_report, "001")
    assert {"45,000", "290,000", "120,000"} <= {q.text for q in article.quantities}
