"""Acts answered in another source, and one statement credited to two countries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storylens.compare import compare
from storylens.compare.credits import institution
from storylens.compare.places import COUNTRIES, demonym_place, place_key
from storylens.model import Article, Conflict, Entity, Offsets, Quote, Story
from tests.compare.build import article, find

VERDICTS = ("wrong", "false", "true", "lie", "correct", "misattribut")


def _named(item: Article, names: Sequence[tuple[str, str, str]]) -> Article:
    """The article with entities (fragment, label, canonical) at every whole-word occurrence,
    longer names first (a name inside a longer one is not marked)."""
    entities: list[Entity] = []
    for fragment, label, canonical in sorted(names, key=lambda n: -len(n[0])):
        for match in re.finditer(rf"\b{re.escape(fragment)}\b", item.text):
            if not any(e.start < match.end() and match.start() < e.end for e in entities):
                entities.append(Entity(item.id, *match.span(), fragment, label, canonical))
    return replace(item, entities=tuple(sorted(entities, key=lambda e: e.start)))


def _said(item: Article, fragment: str, speaker: str, speaker_text: str) -> Article:
    """The article with one more quote: ``fragment`` said by ``speaker`` (named as given)."""
    quote = Quote(
        item.id,
        *find(item.text, fragment),
        fragment,
        speaker,
        Offsets(*find(item.text, speaker_text)),
        "said",
        None,
        "indirect",
    )
    return replace(item, quotes=(*item.quotes, quote))


def _conflicts(*articles: Article) -> tuple[Conflict, ...]:
    story = Story("s", "t", tuple(a.id for a in articles))
    return compare(story, {a.id: a for a in articles}).conflicts


def _kinds(conflicts: Sequence[Conflict], kind: str) -> list[Conflict]:
    return [c for c in conflicts if c.kind == kind]


def _no_verdict(note: str) -> None:
    assert not any(word in note.lower() for word in VERDICTS), note


NAMES = [
    ("Veskan", "NORP", "Veskan"),
    ("Veska", "GPE", "Veska"),
    ("Corvia", "GPE", "Corvia"),
    ("Sorrel", "LOC", "Sorrel"),
    ("Sorrel Bridge", "FAC", "Sorrel Bridge"),
    ("Meltor Bridge", "FAC", "Meltor Bridge"),
    ("Tirel Bridge", "FAC", "Tirel Bridge"),
]
STATED = "Last week Veskan commandos carried out a sabotage attack against the Sorrel Bridge."
UNOWNED = (
    "On Sunday a blast damaged the Meltor Bridge, which links Sorrel island to the coast. "
    "The ferry service resumed on Monday. Veska has not claimed responsibility for the attack."
)


def _pair(first: str, second: str) -> tuple[Article, Article]:
    return _named(article("a", first), NAMES), _named(article("b", second), NAMES)


# places


def test_capitals_and_demonyms_stand_for_their_country() -> None:
    assert place_key("Lima", places=COUNTRIES) == "Peru"
    assert place_key("Peruvian", places=COUNTRIES) == "Peru"
    assert place_key("Austria's", places=COUNTRIES) == "Austria"
    assert demonym_place("Austrian", places=COUNTRIES) == "Austria"
    assert demonym_place("Veskan", places=COUNTRIES | {"Veska"}) == "Veska"
    # a word that is no demonym keeps its name
    assert place_key("Interpol", places=COUNTRIES) == "Interpol"
    assert place_key("Hamas", places=COUNTRIES) == "Hamas"


# 1. unowned acts


def test_an_act_stated_as_fact_and_not_claimed_by_its_actor_is_a_dispute() -> None:
    (conflict,) = _kinds(_conflicts(*_pair(STATED, UNOWNED)), "dispute")
    assert [s.article_id for s in conflict.sides] == ["a", "b"]
    assert conflict.sides[1].text.startswith("Veska has not claimed")
    assert "a states it as fact" in conflict.note
    assert "b says Veska has not claimed responsibility" in conflict.note
    _no_verdict(conflict.note)


def test_unowned_act_near_misses() -> None:
    # another bridge, nothing ties it to the one the other source names
    other = STATED.replace("Sorrel Bridge", "Tirel Bridge")
    assert not _kinds(_conflicts(*_pair(other, UNOWNED)), "dispute")
    # the actor did claim it
    claimed = UNOWNED.replace("has not claimed", "has claimed")
    assert not _kinds(_conflicts(*_pair(STATED, claimed)), "dispute")
    # the first source only reports someone's claim, it does not state it
    reported = "Officials say Veskan commandos carried out a sabotage attack on the Sorrel Bridge."
    assert not _kinds(_conflicts(*_pair(reported, UNOWNED)), "dispute")
    # a name after a preposition is where, not who
    where = "Ten miles from Veska, saboteurs carried out an attack against the Sorrel Bridge."
    assert not _kinds(_conflicts(*_pair(where, UNOWNED)), "dispute")


# 2. answered claims


REPORTED = "Officials in the capital say Corvia is planning to attack Veska before winter."
ANSWERED = (
    "Veska accused Corvia of preparing an attack on Veska last month. "
    "Corvia has disputed this claim and called it a provocation."
)


def test_a_claim_reported_bare_and_elsewhere_with_its_dispute_is_a_dispute() -> None:
    (conflict,) = _kinds(_conflicts(*_pair(REPORTED, ANSWERED)), "dispute")
    assert [s.article_id for s in conflict.sides] == ["a", "b"]
    assert conflict.sides[1].text.startswith("Corvia has disputed this claim")
    assert "reports it as a claim ('accused'), disputed by Corvia" in conflict.note
    _no_verdict(conflict.note)


def test_a_denial_of_the_claim_by_its_actor_is_a_denial() -> None:
    denied = ANSWERED.replace("Corvia has disputed this claim", "Corvia rejected it")
    (conflict,) = _kinds(_conflicts(*_pair(REPORTED, denied)), "denial")
    assert conflict.sides[1].text.startswith("Corvia rejected it")


def test_answered_claim_near_misses() -> None:
    # the claim is about another target
    elsewhere = ANSWERED.replace("an attack on Veska", "an attack on Sorrel")
    assert not _conflicts(*_pair(REPORTED, elsewhere))
    # the claim is reported in both sources and answered in neither
    bare = ANSWERED.split(". ")[0] + "."
    assert not _conflicts(*_pair(REPORTED, bare))
    # the next sentence disputes something else, neither by the actor nor of "this claim"
    unrelated = bare + " The opposition disputed the count of the local election."
    assert not _conflicts(*_pair(REPORTED, unrelated))
    # the other source reports the dispute as well
    both = REPORTED + " Corvia has disputed the claim."
    assert not _conflicts(*_pair(both, ANSWERED))


# 3. one statement credited to one institution of two countries


QUOTE_A = (
    "Veska's Defense Ministry said the move was 'dictated by rising activity in border areas'."
)
LEAD_B = "The Corvian Defense Ministry said on Friday that the troops had arrived."
QUOTE_B = "The Ministry of Defense said the deployment answered 'rising activity in border areas'."
MINISTRIES = [
    ("Veska", "GPE", "Veska"),
    ("Corvian", "NORP", "Corvian"),
    ("Corvia", "GPE", "Corvia"),
    ("Defense Ministry", "ORG", "Defense Ministry"),
    ("Corvian Defense Ministry", "ORG", "Corvian Defense Ministry"),
    ("Ministry of Defense", "ORG", "Defense Ministry"),
]


def _ministries(first: str, second: str, *, lead: str = LEAD_B) -> tuple[Article, Article]:
    a = _named(article("a", first), MINISTRIES[:1] + MINISTRIES[3:4])
    b = _named(article("b", f"{lead} Corvia is a small country. {second}"), MINISTRIES[1:])
    b = replace(b, entities=tuple(e for e in b.entities if e.text != "Defense Ministry"))
    said_a = a.text[a.text.index(" said ") + 6 :]
    a = _said(a, said_a, "Defense Ministry", "Veska's Defense Ministry")
    said = b.text[b.text.index(second) :]
    b = _said(b, said, "Defense Ministry", "The Ministry of Defense")
    return a, b


def test_one_quoted_statement_credited_to_two_countries_ministries_is_an_attribution() -> None:
    (conflict,) = _kinds(_conflicts(*_ministries(QUOTE_A, QUOTE_B)), "attribution")
    assert [s.article_id for s in conflict.sides] == ["a", "b"]
    assert "Defense Ministry of Veska (a)" in conflict.note
    assert "Defense Ministry of Corvia (b)" in conflict.note
    _no_verdict(conflict.note)


def test_credit_near_misses() -> None:
    # two ministries saying alike things in their own words: two statements, no conflict
    own_a = "Veska's Defense Ministry said the first troops arrived by train at the border."
    own_b = "The Ministry of Defense said the first train with troops arrived at the border."
    assert not _kinds(_conflicts(*_ministries(own_a, own_b)), "attribution")
    # both credit the ministry of one country
    same = LEAD_B.replace("Corvian", "Veskan")
    a, b = _ministries(QUOTE_A, QUOTE_B, lead=same)
    b = _named(
        replace(b, entities=()), [("Veskan Defense Ministry", "ORG", "Veskan Defense Ministry")]
    )
    b = replace(b, quotes=b.quotes)
    assert not _kinds(_conflicts(a, b), "attribution")
    assert institution("Peruvian Defense Ministry") == "Defense Ministry"
    assert institution("Anton Feld") is None
