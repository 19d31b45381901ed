"""Timeline: dated events merged across sources; different dates give a date conflict."""

from __future__ import annotations

from storylens.model import Fact, Story
from storylens.summarize import summarize
from storylens.summarize.timeline import build_timeline
from tests.summarize.build import article, statement

A = article(
    "a",
    "The dam failed on Tuesday after heavy rain. The governor declared an emergency on "
    "Tuesday. Repairs began on Friday.",
    dates=[("Tuesday", "2031-03-04"), ("Friday", "2031-03-07")],
)
B = article(
    "b",
    "The dam failed on March 4 after heavy rain. The governor declared an emergency on "
    "Wednesday. The cost was put at $40 million in 2030.",
    dates=[("March 4", "2031-03-04"), ("Wednesday", "2031-03-05"), ("2030", "2030")],
)
EMERGENCY = Fact(
    "f1",
    (
        statement(A, "The governor declared an emergency on Tuesday."),
        statement(B, "The governor declared an emergency on Wednesday."),
    ),
    ("a", "b"),
    2,
    "disputed",
)


def test_events_are_ordered_merged_and_year_only_dates_left_out() -> None:
    items = build_timeline(Story("s", "t", ("a", "b")), [A, B])
    assert [item.date for item in items] == sorted(item.date for item in items)
    assert "2030" not in {item.date for item in items}
    failed = [item for item in items if "dam failed" in item.text]
    assert len(failed) == 1
    assert failed[0].citations == ("a", "b")
    assert failed[0].date == "2031-03-04"


def test_the_same_fact_on_different_dates_shows_both_and_a_date_conflict() -> None:
    story = summarize(Story("s", "t", ("a", "b"), facts=(EMERGENCY,)), {"a": A, "b": B})
    emergency = [item for item in story.timeline if "emergency" in item.text]
    assert [(item.date, item.citations) for item in emergency] == [
        ("2031-03-04", ("a",)),
        ("2031-03-05", ("b",)),
    ]
    dates = [c for c in story.conflicts if c.kind == "date"]
    assert len(dates) == 1
    assert {side.value for side in dates[0].sides} == {"2031-03-04", "2031-03-05"}


def test_a_date_conflict_already_reported_is_not_repeated() -> None:
    once = summarize(Story("s", "t", ("a", "b"), facts=(EMERGENCY,)), {"a": A, "b": B})
    again = summarize(once, {"a": A, "b": B})
    assert len([c for c in again.conflicts if c.kind == "date"]) == 1
