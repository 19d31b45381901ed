"""Dates: each case of the issue with a fixed publication date, properties, TimeBank files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evals.dates import match_relaxed, read_timebank
from storylens.extract.dates import find_dates, infer_reference_date
from storylens.model import Article, DateMention
from storylens.resources import Resources

PUBLISHED = dt.date(2022, 10, 19)  # a Wednesday


def _dates(resources: Resources, text: str, published: dt.date | None = PUBLISHED) -> Any:
    article = Article(id="a", source="a", text=text, published=published)
    return find_dates(article, resources.nlp(text))


def _values(resources: Resources, text: str, **kwargs: Any) -> dict[str, str | None]:
    return {m.text: m.value for m in _dates(resources, text, **kwargs)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops arrived on Saturday.", {"Saturday": "2022-10-15"}),
        ("The ministers will meet on Monday.", {"Monday": "2022-10-24"}),
        ("Forces crossed the border last week.", {"last week": "2022-W41"}),
        ("The drills began earlier this month.", {"earlier this month": "2022-10"}),
        ("Officials met this week.", {"this week": "2022-W42"}),
        ("The exercises took place in February.", {"February": "2022-02"}),
        ("Troops have been there since March.", {"March": "2022-03"}),
        ("The base has been used since 1994.", {"1994": "1994"}),
        ("The strikes hit early Saturday.", {"early Saturday": "2022-10-15"}),
        ("The ministry spoke later in the day Monday.", {"later in the day Monday": "2022-10-17"}),
        ("Talks were postponed until July.", {"July": "2022-07"}),
        ("He said it today.", {"today": "2022-10-19"}),
        ("He said it yesterday.", {"yesterday": "2022-10-18"}),
        ("Output fell last year.", {"last year": "2021"}),
        ("The attack came two days ago.", {"two days ago": "2022-10-17"}),
        ("It was signed on Oct. 15, 2022.", {"Oct. 15, 2022": "2022-10-15"}),
        ("It was signed on 15 October.", {"15 October": "2022-10-15"}),
        ("It was signed on 2022-10-15.", {"2022-10-15": "2022-10-15"}),
        ("The drills lasted two weeks.", {"two weeks": "P2W"}),
        ("The talks took three days.", {"three days": "P3D"}),
        ("Prices are rising now.", {"now": "PRESENT_REF"}),
        ("Sales fell in the third quarter.", {"the third quarter": "2022-Q3"}),
        ("The summit opens Friday.", {"Friday": "2022-10-21"}),  # present: the nearest
        ("The summit opens Monday.", {"Monday": "2022-10-17"}),
        ("The talks will resume on Wednesday.", {"Wednesday": "2022-10-19"}),  # the same day
        ("Deliveries for November were cancelled.", {"November": "2022-11"}),  # next month
        ("The exercises took place in December.", {"December": "2021-12"}),
    ],
)
def test_case_resolves(resources: Resources, text: str, expected: dict[str, str]) -> None:
    assert _values(resources, text) == expected


def test_unknown_publication_date_keeps_relative_unresolved(resources: Resources) -> None:
    found = _values(
        resources, "On Saturday, troops left; on Oct. 15, 2022 they came.", published=None
    )
    assert found == {"Saturday": None, "Oct. 15, 2022": "2022-10-15"}


def test_lowercase_month_words_are_not_dates(resources: Resources) -> None:
    assert _values(resources, "You may march on, said the sun.") == {}


def test_reference_date_is_inferred_from_a_dateline(resources: Resources) -> None:
    text = "KYIV, Oct. 15, 2022 — Troops arrived on Saturday."
    article = Article(id="a", source="a", text=text)
    inference = infer_reference_date(article, find_dates(article, resources.nlp(text)))
    assert inference is not None
    assert inference.date == dt.date(2022, 10, 15)
    assert inference.flag.kind == "inferred_date"


def test_no_inference_without_strong_evidence(resources: Resources) -> None:
    text = "Troops arrived on Saturday. " * 30 + "A treaty of May 5, 1994 was cited."
    article = Article(id="a", source="a", text=text)
    assert infer_reference_date(article, find_dates(article, resources.nlp(text))) is None


def _check_spans(text: str, mentions: tuple[DateMention, ...]) -> None:
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "on",
                "Saturday",
                "last",
                "week",
                "May",
                "5,",
                "2022",
                "two",
                "days",
                "ago",
                "the",
                "third",
                "quarter",
                "since",
                "March",
                "1994-13-45",
                "12/31/99",
                "noon",
                "now",
                ".",
                "will",
                "meet",
                "ninety",
                "nineteen",
                "Feb.",
                "30",
                "10",
                "p.m.",
                "x",
            ]
        ),
        max_size=30,
    ),
    noise=st.text(max_size=40),
    published=st.one_of(st.none(), st.dates()),
)
def test_spans_are_valid_for_any_text(
    resources: Resources, words: list[str], noise: str, published: dt.date | None
) -> None:
    text = " ".join(words) + noise
    article = Article(id="a", source="a", text=text, published=published)
    _check_spans(text, find_dates(article, resources.nlp(text)))


@pytest.mark.shared
def test_timebank_files_score_well(shared: Path, resources: Resources) -> None:
    docs = read_timebank(shared / "data" / "dates-timebank", limit=12)
    gold = matched = correct = 0
    for doc in docs:
        mentions = find_dates(doc.article, resources.nlp(doc.article.text))
        _check_spans(doc.article.text, mentions)
        pairs = match_relaxed(doc.gold, mentions)
        gold += len(doc.gold)
        matched += len(pairs)
        correct += sum(timex.value == mention.value for timex, mention in pairs)
    assert gold > 50
    assert matched / gold > 0.8
    assert correct / matched > 0.75
