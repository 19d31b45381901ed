"""The one dateline pattern: matched at a line's start, stripped from summary sentences."""

from __future__ import annotations

import pytest

from storylens.segment.dateline import DATELINE, strip_dateline


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("OSLO, March 3 (Nordpress) – The ferry sank.", "The ferry sank."),
        ("TALLINN (Wire) — The port reopened.", "The port reopened."),
        ("GRAND FORKS, N.D. - Rain fell all night.", "Rain fell all night."),
        ("  LIMA — Lines formed early. ", "Lines formed early."),
    ],
)
def test_a_dateline_is_stripped(text: str, rest: str) -> None:
    assert strip_dateline(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "The mayor - who had left - came back.",
        "Officials in OSLO — and elsewhere — agreed.",
        "A vote, which was close - ended late.",
        "NATO said on Monday that drills would go ahead.",
    ],
)
def test_a_sentence_without_a_dateline_is_left_alone(text: str) -> None:
    assert strip_dateline(text) == text
    assert DATELINE.match(text) is None
