"""Quoted speech with no cue of its own: the speaker beside it, or none."""

from __future__ import annotations

import pytest

from storylens.extract.quotes.inherited import inherit_speakers
from storylens.model import Offsets, Quote, Report
from storylens.resources import Resources
from tests.conftest import article_by_prefix
from tests.extract.test_quotes import REPORTS, quotes_of


def attribution(text: str, content: str, speaker: str, cue: str) -> Quote:
    start = text.index(content)
    at, said = text.index(speaker), text.index(cue)
    return Quote(
        "t",
        start,
        start + len(content),
        content,
        speaker,
        Offsets(at, at + len(speaker)),
        cue,
        Offsets(said, said + len(cue)),
        "indirect",
    )


def orphan(text: str, content: str) -> Quote:
    start = text.index(content)
    return Quote("t", start, start + len(content), content, None, None, None, None, "direct")


def inherited(text: str, quotes: list[Quote]) -> dict[str, str | None]:
    """Quote text → speaker, with every line and every ". " starting a sentence."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    starts += [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    found = inherit_speakers(
        text, quotes, sentence_starts=sorted(starts), full_name=lambda name: f"Full {name}"
    )
    return {q.text: q.speaker for q in found}


def test_a_quote_in_the_sentence_of_a_cue_takes_its_speaker() -> None:
    text = "Arden said the ferry runs all winter, but only “when the ice lets it sail out.”"
    quotes = [
        attribution(text, "the ferry runs all winter", "Arden", "said"),
        orphan(text, "when the ice lets it sail out."),
    ]
    assert inherited(text, quotes)["when the ice lets it sail out."] == "Arden"


def test_a_cue_inside_the_quote_is_not_its_speakers() -> None:
    words = "Ivo said the harbour is closed to ships from the north."
    text = f"Once more: “{words}”"
    quotes = [
        attribution(text, "the harbour is closed to ships from the north", "Ivo", "said"),
        orphan(text, words),
    ]
    assert inherited(text, quotes)[words] is None


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“We only waited for a captain brave enough to try it.”", "Arden"),
        ("A sign at the pier reads “We only waited for a captain brave enough to try it.”", None),
    ],
    ids=["opens-its-paragraph", "inside-a-paragraph"],
)
def test_only_a_quote_that_opens_its_paragraph_continues_the_paragraph_before(
    paragraph: str, speaker: str | None
) -> None:
    text = f"Arden said the crossing had been planned for years.\n\n{paragraph}\n"
    words = "We only waited for a captain brave enough to try it."
    quotes = [
        attribution(text, "the crossing had been planned for years", "Arden", "said"),
        orphan(text, words),
    ]
    assert inherited(text, quotes)[words] == speaker


def test_a_sign_off_line_names_the_speaker() -> None:
    text = (
        "Arden said the crossing had been planned for years.\n\n"
        "“The ferry will be free for children all winter long.”\n\n"
        "— Brandt.\n"
    )
    quotes = [
        attribution(text, "the crossing had been planned for years", "Arden", "said"),
        orphan(text, "The ferry will be free for children all winter long."),
    ]
    found = inherited(text, quotes)
    assert found["The ferry will be free for children all winter long."] == "Full Brandt"


def test_a_dashed_heading_is_no_sign_off() -> None:
    text = "“The ferry will be free for children all winter long.”\n\n– Winter Plans –\n"
    quotes = [orphan(text, "The ferry will be free for children all winter long.")]
    assert inherited(text, quotes)["The ferry will be free for children all winter long."] is None


def test_find_quotes_carries_a_pronouns_speaker_into_the_next_paragraph(
    resources: Resources,
) -> None:
    text = (
        "Harbour master Tamsin Orlova spoke to reporters on Monday.\n\n"
        "She said a warning had reached the port through unofficial channels.\n\n"
        "“My reply was short. Let them come and see how deep the water is here.”\n"
    )
    (reply,) = [q for q in quotes_of(text, resources) if q.text.startswith("My reply")]
    assert reply.speaker == "Tamsin Orlova"
    assert reply.cue is None
    assert reply.speaker_span is not None
    assert text[reply.speaker_span.start : reply.speaker_span.end] == "She"


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("which", REPORTS)
def test_no_direct_speech_in_the_seeds_is_left_without_a_speaker(
    which: str, request: pytest.FixtureRequest
) -> None:
    report: Report = request.getfixturevalue(which)
    for prefix in ("000", "001", "002", "003", "004"):
        article = article_by_prefix(report, prefix)
        orphans = [q.text for q in article.quotes if q.kind == "direct" and q.speaker is None]
        assert orphans == [], prefix
