"""The gender an article shows for a person, read from its own words, and pronoun agreement."""

from __future__ import annotations

import pytest

from storylens.extract.genders import agrees, load_given_names, person_genders
from storylens.model import Entity


def persons(text: str, *names: str) -> list[Entity]:
    found = []
    for name in names:
        start = text.index(name)
        found.append(Entity("t", start, start + len(name), name, "PERSON", name))
    return found


def genders_of(text: str, *names: str) -> dict[str, str]:
    return person_genders(text, persons(text, *names), key=lambda name: name.split()[-1])


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Ms. Orlova spoke first.", "Orlova", "f"),
        ("The actress Petra Quill left.", "Petra Quill", "f"),
        ("Spokesman Ivo Brandt declined.", "Ivo Brandt", "m"),
        ("Tamsin Orlova, a 61-year-old grandmother, was hurt.", "Tamsin Orlova", "f"),
        ("Ivo Brandt, the father of two, spoke.", "Ivo Brandt", "m"),
        ("Maria Quill spoke.", "Maria Quill", "f"),
        ("Vladimir Quill spoke.", "Vladimir Quill", "m"),
        ("Kremlin spokesman Dmitry Quill spoke.", "Kremlin spokesman Dmitry Quill", "m"),
    ],
)
def test_each_kind_of_evidence_shows_a_gender(text: str, name: str, gender: str) -> None:
    assert genders_of(text, name) == {name.split()[-1]: gender}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brandt spoke first.", "Brandt"),  # a surname alone shows nothing
        ("Jordan Quill spoke.", "Jordan Quill"),  # a name both genders carry
        ("Ivo Brandt, the actress's publicist, spoke.", "Ivo Brandt"),  # her role, not his
        ("His wife, Ivo Brandt, spoke.", "Ivo Brandt"),  # a comma between: not read
    ],
)
def test_no_evidence_gives_no_gender(text: str, name: str) -> None:
    assert genders_of(text, name) == {}


def test_mentions_of_one_person_pool_their_evidence_and_conflicts_cancel() -> None:
    text = "Ms. Orlova arrived. Later Tamsin Orlova spoke. Maria Orlova and Mr. Orlova left."
    assert genders_of(text, "Ms. Orlova", "Tamsin Orlova") == {"Orlova": "f"}
    assert genders_of(text, "Maria Orlova", "Mr. Orlova") == {}


def test_a_pronoun_agrees_with_its_gender_or_an_unknown_one() -> None:
    assert agrees("she", "f")
    assert agrees("She", None)
    assert not agrees("she", "m")
    assert agrees("his", "m")
    assert not agrees("him", "f")
    assert agrees("they", "f")  # not a gendered pronoun: never rules anyone out


def test_the_given_names_list_is_one_gender_per_name() -> None:
    names = load_given_names()
    assert len(names) > 500
    assert set(names.values()) == {"f", "m"}
    assert "Jordan" not in names
    assert "Alex" not in names
