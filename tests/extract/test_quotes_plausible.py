"""Learned cues a reader would not call speech: non-speakers, actions, participles (issue #6)."""

from __future__ import annotations

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.classified import _plausible, can_speak
from storylens.model import Article, Quote
from storylens.resources import Resources


def quotes_of(text: str, resources: Resources) -> tuple[Quote, ...]:
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    return tuple(
        q
        for q in find_quotes(article, doc, entities=find_entities(article, doc))
        if q.kind != "term"
    )


def test_a_thing_is_not_a_speaker(resources: Resources) -> None:
    assert quotes_of("The old levee passed a safety inspection in March.", resources) == ()
    assert quotes_of("The move raised fears that prices could climb again.", resources) == ()


def test_an_unattributed_passive_needs_a_clause(resources: Resources) -> None:
    text = "The drill, ordered by Mayor Tomas Rivera, was announced as a routine exercise."
    assert [q.cue for q in quotes_of(text, resources)] == []
    assert quotes_of("Her troops have been pushed back in the east and west.", resources) == ()


def test_a_preposition_of_means_does_not_introduce_content(resources: Resources) -> None:
    doc = resources.nlp("Governor Ana Ruiz responded by closing schools on Friday.")
    cue, source = doc[3], doc[2]
    assert can_speak(source)
    assert not _plausible(cue, source, "prep", "closing schools on Friday")
    doc = resources.nlp("Governor Ana Ruiz commented on the closing of schools.")
    assert _plausible(doc[3], doc[2], "prep", "the closing of schools")


def test_speakers_are_people_bodies_pronouns_and_speaker_nouns(resources: Resources) -> None:
    assert can_speak(resources.nlp("Analysts met.")[0])
    assert can_speak(resources.nlp("She met them.")[0])
    assert not can_speak(resources.nlp("The spillway cracked.")[1])


def test_a_coordinated_speech_verb_keeps_the_speakers_subject(resources: Resources) -> None:
    text = (
        "Union leaders said today that the mayor’s plan to sell land to developers is a new "
        "case of favoritism and warned the council to ‘stop helping’ the developers."
    )
    (warned,) = [q for q in quotes_of(text, resources) if q.cue == "warned"]
    assert warned.speaker == "Union leaders"


def test_the_noun_a_past_participle_modifies_is_not_its_speaker(resources: Resources) -> None:
    text = "The court freed Lena Ortiz, a pilot accused of smuggling, on Monday."
    assert all(q.speaker is None for q in quotes_of(text, resources) if q.cue == "accused")
    text = "Protesters saying the vote was rigged marched to the square."
    said = [(q.speaker, q.cue) for q in quotes_of(text, resources)]
    assert said == [("Protesters", "saying")]  # a present participle's noun does speak


def test_a_time_is_not_what_was_said(resources: Resources) -> None:
    for text in (
        "Mayor Ines Varga spoke on Saturday in Lindholm about the flood.",
        "The council members talked for more than 45 minutes, then left.",
        "The port authority denied on Monday.",
    ):
        assert [q.text for q in quotes_of(text, resources)] == [], text
    text = "Mayor Ines Varga spoke on the flood defences at length."
    assert [q.text for q in quotes_of(text, resources)] == ["the flood defences"]
    text = "The port authority denied it on Monday."
    assert [q.text for q in quotes_of(text, resources)] == ["it"]
