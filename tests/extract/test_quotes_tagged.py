"""The tagger's second opinion, read from word scores (no torch needed): spans, attributions,
and how find_quotes drops what the tagger doubts and adds what the rules missed."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.seconded import seconded
from storylens.extract.quotes.speakers import SpeakerResolver
from storylens.extract.quotes.tagged import (
    CONTENT,
    CUE,
    SOURCE,
    Tagging,
    Thresholds,
    doubted,
    find_tagged,
    nearest_source,
    rejected,
    role_spans,
)
from storylens.model import Article, Quote
from storylens.resources import Resources

SURE = (0.02, 0.9, 0.08)
"""Outside, begin, inside: a word that begins a span."""
GOES_ON = (0.02, 0.08, 0.9)
OUT = (0.98, 0.01, 0.01)


def tagging_of(
    text: str,
    marked: dict[int, list[str]],
    *,
    add_at: float = 0.5,
    keep_at: float = 0.5,
    min_words: int = 2,
    replace_at: float = 0.0,
) -> Tagging:
    """Scores that mark, per role, each listed piece of the text (its first occurrence)."""
    words = list(re.finditer(r"\w+|[^\w\s]", text))
    probs = numpy.array([[OUT] * 3 for _ in words], dtype=numpy.float32)
    for role, pieces in marked.items():
        for piece in pieces:
            start = text.index(piece)
            inside = [i for i, w in enumerate(words) if start <= w.start() < start + len(piece)]
            for rank, index in enumerate(inside):
                probs[index, role] = SURE if rank == 0 else GOES_ON
    return Tagging(
        starts=numpy.array([w.start() for w in words]),
        ends=numpy.array([w.end() for w in words]),
        probs=probs,
        thresholds=Thresholds(
            add_at=add_at, keep_at=keep_at, min_words=min_words, replace_at=replace_at
        ),
    )


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_words_above_the_threshold_make_trimmed_spans() -> None:
    text = "The minister said that the bridge was closed."
    tagging = tagging_of(
        text, {SOURCE: ["The minister"], CUE: ["said"], CONTENT: ["that the bridge was closed."]}
    )
    assert spans_text(text, role_spans(text, tagging, SOURCE)) == ["The minister"]
    assert spans_text(text, role_spans(text, tagging, CUE)) == ["said"]
    assert spans_text(text, role_spans(text, tagging, CONTENT)) == ["that the bridge was closed"]


def test_the_add_threshold_decides_which_words_are_in() -> None:
    text = "Ana Lopez said so."
    tagging = tagging_of(text, {SOURCE: ["Ana Lopez"]})
    tagging.probs[1, SOURCE] = (0.6, 0.1, 0.3)  # "Lopez": outside is likelier
    assert spans_text(text, role_spans(text, tagging, SOURCE)) == ["Ana"]
    loose = replace(tagging, thresholds=Thresholds(add_at=0.7, keep_at=0.5, min_words=2))
    assert spans_text(text, role_spans(text, loose, SOURCE)) == ["Ana Lopez"]


def test_a_begin_word_starts_a_new_span() -> None:
    text = "Smith Jones agreed."
    tagging = tagging_of(text, {SOURCE: ["Smith", "Jones"]})
    assert spans_text(text, role_spans(text, tagging, SOURCE)) == ["Smith", "Jones"]


def test_a_cue_takes_the_source_and_content_of_its_sentence() -> None:
    text = "Rain fell all day. The mayor said the roads were shut. Nobody left."
    tagging = tagging_of(
        text, {SOURCE: ["The mayor"], CUE: ["said"], CONTENT: ["the roads were shut"]}
    )
    starts = [0, text.index("The mayor"), text.index("Nobody")]
    [found] = find_tagged(text, tagging, sentence_starts=starts)
    assert found.source is not None
    assert text[found.source[0] : found.source[1]] == "The mayor"
    assert text[found.content[0] : found.content[1]] == "the roads were shut"


def test_a_source_in_another_sentence_is_not_the_cues() -> None:
    text = "The mayor arrived. Reportedly the roads were shut."
    tagging = tagging_of(
        text, {SOURCE: ["The mayor"], CUE: ["Reportedly"], CONTENT: ["the roads were shut"]}
    )
    [found] = find_tagged(text, tagging, sentence_starts=[0, text.index("Reportedly")])
    assert found.source is None


def test_a_content_right_after_a_colon_cue_is_its_content() -> None:
    text = "The mayor said:\nThe roads are shut."
    tagging = tagging_of(
        text, {SOURCE: ["The mayor"], CUE: ["said"], CONTENT: ["The roads are shut"]}
    )
    [found] = find_tagged(text, tagging, sentence_starts=[0, text.index("The roads")])
    assert text[found.content[0] : found.content[1]] == "The roads are shut"


def test_a_cue_without_content_gives_no_attribution() -> None:
    text = "The mayor said nothing."
    tagging = tagging_of(text, {SOURCE: ["The mayor"], CUE: ["said"]})
    assert find_tagged(text, tagging, sentence_starts=[0]) == []


def test_a_content_shorter_than_min_words_is_a_fragment() -> None:
    text = "The mayor said that."
    tagging = tagging_of(text, {SOURCE: ["The mayor"], CUE: ["said"], CONTENT: ["that"]})
    assert find_tagged(text, tagging, sentence_starts=[0]) == []
    one = replace(tagging, thresholds=Thresholds(add_at=0.5, keep_at=0.5, min_words=1))
    assert len(find_tagged(text, one, sentence_starts=[0])) == 1


def test_doubt_needs_both_the_cue_and_the_source_below_the_keep_threshold() -> None:
    text = "The mayor said the roads were shut."
    cue, source = (10, 14), (0, 9)
    assert doubted(tagging_of(text, {}), source=source, cue=cue)
    assert not doubted(tagging_of(text, {CUE: ["said"]}), source=source, cue=cue)
    assert not doubted(tagging_of(text, {SOURCE: ["The mayor"]}), source=source, cue=cue)
    assert not doubted(tagging_of(text, {}, keep_at=0.0), source=source, cue=cue)


TEXT = "Officials said the dam would hold. For Dr Lena Frost, the levee is too low."


def quotes_with(tagging: Tagging | None, resources: Resources, text: str = TEXT) -> list[Quote]:
    """find_quotes on the text (parsed in full), with the tagger's reading or without."""
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    entities = find_entities(article, doc)
    return list(find_quotes(article, doc, entities=entities, tagging=tagging))


def test_without_the_tagger_the_rules_miss_the_second_attribution(resources: Resources) -> None:
    assert [(q.speaker, q.cue) for q in quotes_with(None, resources)] == [("Officials", "said")]


def test_the_tagger_adds_what_the_rules_missed(resources: Resources) -> None:
    tagging = tagging_of(
        TEXT,
        {
            SOURCE: ["Officials", "Dr Lena Frost"],
            CUE: ["said", "For"],
            CONTENT: ["the dam would hold", "the levee is too low"],
        },
    )
    first, second = quotes_with(tagging, resources)
    assert (first.speaker, first.cue, first.text) == ("Officials", "said", "the dam would hold")
    assert (second.speaker, second.cue, second.text) == (
        "Lena Frost",
        "For",
        "the levee is too low",
    )
    assert second.speaker_span is not None
    assert TEXT[second.speaker_span.start : second.speaker_span.end] == "Dr Lena Frost"
    assert second.kind == "indirect"


def test_the_tagger_drops_an_attribution_it_doubts(resources: Resources) -> None:
    assert quotes_with(tagging_of(TEXT, {}), resources) == []


def test_the_nearest_source_is_in_the_anchors_sentence_and_outside_the_content() -> None:
    text = "Ana Ruiz left. Asked by Bo Lind, Cy Moe said the Ed Fox plan failed."
    tagging = tagging_of(text, {SOURCE: ["Ana Ruiz", "Bo Lind", "Cy Moe", "Ed Fox"]})
    sources = role_spans(text, tagging, SOURCE)
    cue = text.index("said")
    content = (cue + 5, len(text) - 1)
    found = nearest_source(
        sources, sentence_starts=[0, text.index("Asked")], anchor=cue, content=content
    )
    assert found is not None
    assert text[found[0] : found[1]] == "Cy Moe"
    alone = nearest_source(sources, sentence_starts=[0], anchor=cue, content=(0, len(text)))
    assert alone is None


def test_a_mention_is_rejected_when_no_word_reaches_the_replace_threshold() -> None:
    text = "Officials said it."
    officials = (0, 9)
    assert not rejected(tagging_of(text, {}), officials)  # replace_at 0 rejects nothing
    assert rejected(tagging_of(text, {}, replace_at=0.1), officials)
    assert not rejected(tagging_of(text, {SOURCE: ["Officials"]}, replace_at=0.1), officials)


RELAYED = "Officials said the dam would hold, engineers in Lyon reported on Monday."


def relayed_quotes(tagging: Tagging, resources: Resources) -> list[tuple[str | None, str | None]]:
    quotes = quotes_with(tagging, resources, RELAYED)
    return [
        (q.speaker, RELAYED[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None)
        for q in quotes
        if q.cue == "said"
    ]


def test_a_speaker_the_tagger_rejects_becomes_its_nearest_source(resources: Resources) -> None:
    marks = {SOURCE: ["engineers in Lyon"], CUE: ["said"], CONTENT: ["the dam would hold"]}
    kept = relayed_quotes(tagging_of(RELAYED, marks), resources)
    assert kept == [("Officials", "Officials")]
    [(_, mention)] = relayed_quotes(tagging_of(RELAYED, marks, replace_at=0.5), resources)
    assert mention == "engineers in Lyon"


def test_a_rejected_speaker_without_a_tagged_source_is_removed(resources: Resources) -> None:
    marks = {CUE: ["said"], CONTENT: ["the dam would hold"]}
    assert relayed_quotes(tagging_of(RELAYED, marks, replace_at=0.5), resources) == [(None, None)]


def test_a_quote_without_a_speaker_takes_the_taggers_source(resources: Resources) -> None:
    text = "In the view of Mayor Ana Ruiz, it is claimed that the dam would hold."
    [bare] = quotes_with(None, resources, text)
    assert (bare.speaker, bare.cue) == (None, "is claimed")
    marks = {SOURCE: ["Mayor Ana Ruiz"], CUE: ["is claimed"], CONTENT: ["that the dam would hold"]}
    [quote] = quotes_with(tagging_of(text, marks), resources, text)
    assert quote.speaker is not None
    assert quote.speaker.endswith("Ana Ruiz")
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Mayor Ana Ruiz"
    unmarked = tagging_of(text, {CUE: ["is claimed"]})
    [alone] = quotes_with(unmarked, resources, text)
    assert alone.speaker is None


def test_a_continuation_follows_its_quotes_new_speaker(resources: Resources) -> None:
    text = (
        "“The dam will hold,” officials said after a call with Mayor Ana Ruiz. "
        "“It was built to last.”"
    )
    before = [q.speaker for q in quotes_with(None, resources, text)]
    assert before == ["officials", "officials"]
    marks = {SOURCE: ["Mayor Ana Ruiz"], CUE: ["said"]}
    tagging = tagging_of(text, marks, replace_at=0.5)
    after = quotes_with(tagging, resources, text)
    assert [q.text for q in after] == ["The dam will hold", "It was built to last."]
    assert len({q.speaker_span for q in after}) == 1
    assert after[0].speaker is not None
    assert after[0].speaker.endswith("Ana Ruiz")


def added_by_tagger(tagging: Tagging, resources: Resources, text: str) -> list[Quote]:
    """The tagger's step on its own, as if the rules had found nothing (they now mend the
    parse slip these sentences hold, so find_quotes would not need the tagger)."""
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    resolver = SpeakerResolver(text, doc, find_entities(article, doc))
    starts = [sent.start_char for sent in doc.sents]
    return seconded(article, doc, [], tagging, resolver, [], sentence_starts=starts)


def test_a_tagged_source_inside_a_titled_phrase_names_the_title(resources: Resources) -> None:
    text = "The plan was dropped as the head of the harbour authority said it cost too much."
    marks = {SOURCE: ["harbour"], CUE: ["said"], CONTENT: ["it cost too much"]}
    [quote] = added_by_tagger(tagging_of(text, marks, replace_at=0.5), resources, text)
    assert quote.speaker == "head of the harbour authority"
    assert quote.speaker_span is not None
    mention = text[quote.speaker_span.start : quote.speaker_span.end]
    assert mention == "the head of the harbour authority"


def test_a_tagged_source_under_a_plain_noun_stays_as_tagged(resources: Resources) -> None:
    text = "The plan was dropped as the staff of the harbour authority said it cost too much."
    marks = {SOURCE: ["harbour authority"], CUE: ["said"], CONTENT: ["it cost too much"]}
    [quote] = added_by_tagger(tagging_of(text, marks, replace_at=0.5), resources, text)
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "harbour authority"
