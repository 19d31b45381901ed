"""Speaker resolution: which persons a "he"/"she" may stand for."""

from __future__ import annotations

from storylens.extract.quotes.speakers import SpeakerResolver
from storylens.model import Entity
from storylens.resources import Resources


def person(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("t", start, start + len(name), name, "PERSON", name)


def test_a_person_entity_that_is_no_name_is_no_antecedent(resources: Resources) -> None:
    text = (
        "The harbour wall was toured by Maria Quill on Monday.\n"
        "Read more at harbour-news.example/html and share.\n"
        "She said the wall would hold."
    )
    doc = resources.nlp(text)
    entities = [person(text, "Maria Quill"), person(text, "html")]  # the recogniser's slip
    (pronoun,) = [token for token in doc if token.text == "She"]
    assert SpeakerResolver(text, doc, entities).resolve(pronoun).name == "Maria Quill"
