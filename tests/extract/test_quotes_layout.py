"""Attributions that the layout of a text carries: a speaker's line, a colon ending a paragraph,
a dateline before the subject, and clauses that belong to another speech verb (issue #6)."""

from __future__ import annotations

from types import SimpleNamespace

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.classified import can_speak
from storylens.extract.quotes.reported import _is_subject, in_dateline, subject_of
from storylens.model import Article, Quote
from storylens.resources import Resources


def quotes_of(text: str, resources: Resources) -> list[Quote]:
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    found = find_quotes(article, doc, entities=find_entities(article, doc))
    return [q for q in found if q.kind != "term"]


def test_a_line_that_opens_with_its_speaker(resources: Resources) -> None:
    text = "Officials: the dam will hold through the spring floods\n\nThe water kept rising."
    [quote] = quotes_of(text, resources)
    assert (quote.speaker, quote.cue, quote.text) == (
        "Officials",
        ":",
        "the dam will hold through the spring floods",
    )
    assert quote.kind == "indirect"


def test_a_quoted_line_keeps_the_words_inside_the_marks(resources: Resources) -> None:
    text = (
        "Sen. Mara Olsen: 'We will not sign this treaty in its current form.'\n\n"
        "Mara Olsen spoke to reporters in Oslo on Monday."
    )
    [quote] = [q for q in quotes_of(text, resources) if q.cue == ":"]
    assert quote.speaker == "Mara Olsen"
    assert quote.text == "We will not sign this treaty in its current form."
    assert quote.kind == "direct"


def test_a_name_missed_in_the_line_counts_when_named_elsewhere(resources: Resources) -> None:
    line = "Okafor: 'The port will reopen by the end of the month.'"
    alone = quotes_of(line, resources)
    named = quotes_of(line + "\n\nHarbour chief Daniel Okafor met the unions.", resources)
    assert [q.cue for q in named] == [":"]
    assert all(q.speaker != "Daniel Okafor" for q in alone)


def test_a_place_a_label_or_a_time_is_not_a_speaker(resources: Resources) -> None:
    for line in (
        "Norway: ferry crews to strike over the new rota next week",
        "Update: the ministry has withdrawn the circular on Friday",
        "10:45 am: Police close the bridge to all traffic",
    ):
        assert [q.cue for q in quotes_of(line + "\n\nMore text.", resources)] != [":"], line


def test_a_colon_ending_the_paragraph_introduces_the_next(resources: Resources) -> None:
    text = (
        "The harbour master said:\n\n"
        "The ships will wait outside the port until the storm has passed.\n\n"
        "Nobody left the town."
    )
    [quote] = quotes_of(text, resources)
    assert quote.speaker == "harbour master"
    assert quote.text == "The ships will wait outside the port until the storm has passed"


def test_a_dateline_is_not_the_speaker(resources: Resources) -> None:
    text = "MINSK (Nordwire) – Defence minister Pavel Sokol said on Friday that troops had arrived."
    doc = resources.nlp(text)
    assert in_dateline(doc[0])
    assert not in_dateline(next(t for t in doc if t.text == "Sokol"))
    said = next(t for t in doc if t.text == "said")
    assert subject_of(said).text == "Sokol"
    [quote] = quotes_of(text, resources)
    assert quote.speaker == "Pavel Sokol"


def test_not_is_never_a_subject() -> None:
    for word in ("n't", "n’t", "not"):
        assert not _is_subject(SimpleNamespace(dep_="nsubj", lower_=word, is_upper=False))
    assert _is_subject(SimpleNamespace(dep_="nsubj", lower_="she", is_upper=False))


def test_a_second_speech_verb_ends_the_first_content(resources: Resources) -> None:
    text = "He said the new rules have slowed the ferries and said that the port needs more staff."
    found = quotes_of(text, resources)
    first = next(q for q in found if q.start == text.index("the new rules"))
    assert first.text == "the new rules have slowed the ferries"
    assert any(q.text == "that the port needs more staff" for q in found)


def test_a_clause_said_by_another_comments_on_nothing(resources: Resources) -> None:
    text = "He said the agency has not publicly commented on the scope of the audit."
    found = quotes_of(text, resources)
    assert [q.cue for q in found] == ["said"]


def test_the_cue_holds_its_auxiliaries_and_negation(resources: Resources) -> None:
    text = "Officials in Tirana have not claimed responsibility for the attack."
    assert [q.cue for q in quotes_of(text, resources)] == ["have not claimed"]
    text = "The minister has also said that the depot will be rebuilt."
    [quote] = quotes_of(text, resources)
    assert quote.cue == "has also said"
    assert text[quote.cue_span.start : quote.cue_span.end] == quote.cue  # type: ignore[union-attr]


def test_a_cue_in_a_condition_reports_nothing(resources: Resources) -> None:
    text = "Analysts warned that if the king ordered his army to cross, it would comply."
    found = quotes_of(text, resources)
    assert [q.cue for q in found] == ["warned"]


def test_the_content_starts_at_that(resources: Resources) -> None:
    text = "The mayor has said over and over that the bridge will not close."
    [quote] = quotes_of(text, resources)
    assert quote.text == "that the bridge will not close"


def test_a_statement_speaks_for_whoever_issued_it(resources: Resources) -> None:
    text = "The port authority issued a statement saying, “the ferries will run on Monday.”"
    found = quotes_of(text, resources)
    assert [(q.speaker, q.cue, q.kind) for q in found] == [("port authority", "saying", "direct")]
    text = "The harbour office received calls saying the pier had collapsed."
    [quote] = quotes_of(text, resources)
    assert quote.speaker == "calls"


def test_a_share_of_a_group_a_possessive_and_a_missed_name_can_speak(
    resources: Resources,
) -> None:
    doc = resources.nlp("A third of the crews and six in 10 residents back his plan, Okonjo wrote.")
    for word in ("third", "10", "his", "Okonjo"):
        assert can_speak(next(t for t in doc if t.text == word)), word
    assert not can_speak(next(t for t in doc if t.text == "plan"))
