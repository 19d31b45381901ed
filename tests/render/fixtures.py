"""A small hand-built Report with every field populated and consistent spans.

Offsets are found with ``str.index`` so ``text[start:end] == mention.text`` always holds.
``build_report(evil=...)`` swaps untrusted fields for attack strings (XSS tests).
"""

from __future__ import annotations

import datetime as dt

from storylens.model import (
    Article,
    Conflict,
    DateMention,
    Entity,
    Fact,
    Flag,
    Framing,
    Offsets,
    Quantity,
    Quote,
    Removal,
    Report,
    Reuse,
    Sentence,
    Side,
    SourceProfile,
    Statement,
    Story,
    SummarySentence,
    TermUse,
    TimelineItem,
)

WIRE = (
    "Flooding in Rivermouth forced 1,200 people from their homes on Monday, officials said.\n\n"
    '"We have never seen water this high," Mayor Ana Reyes said. '
    "The river peaked at 6 metres on Tuesday."
)
COPY = (
    "Flooding in Rivermouth forced 1,200 people from their homes on Monday, officials said.\n\n"
    'Mayor Ana Reyes said: "We never saw water this high." '
    "Critics blamed the council's reckless neglect of the dams."
)
OTHER = (
    "About 3,000 residents fled the Rivermouth flood on Monday, volunteers said.\n\n"
    "The council denied that the dams were neglected."
)


SECTIONS = (
    "summary",
    "sources",
    "facts",
    "conflicts",
    "who",
    "numbers",
    "timeline",
    "framing",
    "reuse",
    "articles",
)
"""The sections of a story in the HTML report, by their id prefix."""


def span(text: str, needle: str, *, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    """Sentences at ". " and paragraph breaks (good enough for the fixture texts)."""
    result, start = [], 0
    for index, char in enumerate(text):
        if char in ".\n" and (index + 1 == len(text) or text[index + 1] in " \n"):
            if text[start : index + 1].strip():
                result.append(Sentence(article_id, start, index + 1))
            start = index + 1
            while start < len(text) and text[start] in " \n":
                start += 1
    if start < len(text):
        result.append(Sentence(article_id, start, len(text)))
    return tuple(result)


def _entity(aid: str, text: str, needle: str, label: str, canonical: str) -> Entity:
    start, end = span(text, needle)
    return Entity(aid, start, end, needle, label, canonical)


def _quantity(aid: str, text: str, needle: str, value: float, counts: str) -> Quantity:
    start, end = span(text, needle)
    return Quantity(aid, start, end, needle, value, value, value, "count", counts)


def _date(aid: str, text: str, needle: str, value: str) -> DateMention:
    start, end = span(text, needle)
    return DateMention(aid, start, end, needle, value)


def _quote(aid: str, text: str, said: str, speaker: str, named: str) -> Quote:
    start, end = span(text, said)
    s_start, s_end = span(text, named)
    c_start, c_end = span(text, "said", after=text.index(named))
    return Quote(
        aid,
        start,
        end,
        said,
        speaker,
        Offsets(s_start, s_end),
        "said",
        Offsets(c_start, c_end),
        "direct",
    )


def _statement(aid: str, text: str, needle: str, speaker: str | None = None) -> Statement:
    start, end = span(text, needle)
    return Statement(aid, start, end, needle, speaker)


def _side(aid: str, text: str, needle: str, value: str | None = None) -> Side:
    start, end = span(text, needle)
    return Side(aid, start, end, needle, value=value)


def build_report(
    *,
    title: str = "Rivermouth flood",
    outlet: str = "Wire Service",
    url: str = "https://wire.example/rivermouth",
    extra_text: str = "",
) -> Report:
    """The fixture report; ``extra_text`` is appended to the wire article's text."""
    wire_text = WIRE + extra_text
    articles = (
        Article(
            id="wire-1",
            source="wire.jsonl",
            text=wire_text,
            outlet=outlet,
            title=title,
            url=url,
            published=dt.date(2024, 3, 4),
            removed=(Removal("Subscribe to our newsletter", "boilerplate"),),
            sentences=sentences("wire-1", wire_text),
            entities=(
                _entity("wire-1", wire_text, "Rivermouth", "GPE", "Rivermouth"),
                _entity("wire-1", wire_text, "Ana Reyes", "PERSON", "Ana Reyes"),
            ),
            quantities=(_quantity("wire-1", wire_text, "1,200", 1200, "people displaced"),),
            dates=(
                _date("wire-1", wire_text, "Monday", "2024-03-04"),
                _date("wire-1", wire_text, "Tuesday", "2024-03-05"),
            ),
            quotes=(
                _quote(
                    "wire-1",
                    wire_text,
                    "We have never seen water this high",
                    "Ana Reyes",
                    "Mayor Ana Reyes",
                ),
            ),
        ),
        Article(
            id="copy-2",
            source="copy.html",
            text=COPY,
            outlet="Daily Echo",
            title="Rivermouth under water",
            url="javascript:alert(1)",
            published=dt.date(2024, 3, 5),
            removed=(Removal("Share on social", "share"), Removal("Advertisement", "ad")),
            flags=(Flag("truncated", "text ends mid-sentence"),),
            sentences=sentences("copy-2", COPY),
            entities=(_entity("copy-2", COPY, "Ana Reyes", "PERSON", "Ana Reyes"),),
            quantities=(_quantity("copy-2", COPY, "1,200", 1200, "people displaced"),),
            dates=(_date("copy-2", COPY, "Monday", "2024-03-04"),),
            quotes=(
                _quote(
                    "copy-2", COPY, "We never saw water this high", "Ana Reyes", "Mayor Ana Reyes"
                ),
            ),
        ),
        Article(
            id="other-3",
            source="other.txt",
            text=OTHER,
            outlet="Valley Voice",
            title=None,
            url=None,
            published=dt.date(2024, 3, 6),
            sentences=sentences("other-3", OTHER),
            quantities=(_quantity("other-3", OTHER, "About 3,000", 3000, "people displaced"),),
            dates=(_date("other-3", OTHER, "Monday", "2024-03-04"),),
        ),
    )
    by_id = {a.id: a.text for a in articles}
    fled = Fact(
        "f1",
        (
            _statement("wire-1", wire_text, "forced 1,200 people from their homes"),
            _statement("copy-2", COPY, "forced 1,200 people from their homes"),
            _statement("other-3", OTHER, "3,000 residents fled"),
        ),
        ("wire-1", "copy-2", "other-3"),
        2,
        "agreed",
    )
    said = Fact(
        "f2",
        (
            _statement("wire-1", wire_text, "We have never seen water this high", "Ana Reyes"),
            _statement("copy-2", COPY, "We never saw water this high", "Ana Reyes"),
        ),
        ("wire-1", "copy-2"),
        1,
        "single",
    )
    neglect = Conflict(
        "denial",
        "whether the dams were neglected",
        (
            _side("copy-2", COPY, "the council's reckless neglect of the dams"),
            _side("other-3", OTHER, "denied that the dams were neglected"),
        ),
        note="one outlet asserts neglect; the council denies it",
    )
    count = Conflict(
        "number",
        "people displaced",
        (
            _side("wire-1", wire_text, "1,200", "1200"),
            _side("other-3", OTHER, "About 3,000", "3000"),
        ),
    )
    wire_span, copy_span = span(wire_text, WIRE.split("\n")[0]), span(COPY, COPY.split("\n")[0])
    story = Story(
        id="story-1",
        title="Rivermouth flood displaces residents",
        article_ids=("wire-1", "copy-2", "other-3"),
        date_range=("2024-03-04", "2024-03-06"),
        facts=(fled, said),
        conflicts=(count, neglect),
        reuse=(
            Reuse(
                "wire-1",
                "copy-2",
                (Offsets(*wire_span),),
                (Offsets(*copy_span),),
                0.48,
                0.52,
                direction="wire-1",
                reason="earlier and longer",
            ),
        ),
        summary=(
            SummarySentence(
                "Flooding forced residents of Rivermouth from their homes.",
                ("wire-1", "copy-2", "other-3"),
                "f1",
            ),
            SummarySentence("The council denied neglecting the dams.", ("other-3",)),
        ),
        timeline=(
            TimelineItem("2024-03-04", "Residents leave their homes.", ("wire-1", "other-3")),
            TimelineItem("2024-03-05", "The river peaks at 6 metres.", ("wire-1",)),
        ),
        framing=(
            Framing(
                "the dams' condition",
                (
                    TermUse("copy-2", *span(COPY, "reckless neglect"), "reckless neglect", True),
                    TermUse("other-3", *span(OTHER, "neglected"), "neglected"),
                ),
            ),
        ),
        profiles=(
            SourceProfile("wire-1", 3, 2, 1, ("Ana Reyes",), (), 0, {"compound": 0.1}),
            SourceProfile("copy-2", 3, 1, 2, ("Ana Reyes",), ("reckless",), 0),
        ),
    )
    assert all(by_id[s.article_id][s.start : s.end] == s.text for s in fled.statements)
    return Report(generator="storylens test", articles=articles, stories=(story,))
