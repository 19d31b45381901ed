"""Acts: who did (or plans) a hostile act against what, as a sentence names them.

1. The act's word is the first hostile word (``lexicon.HOSTILE_WORDS``: attack, strike,
   invade…) after ``start``; an intent word before it (planning, preparing…) makes the act
   a plan.
2. The actor is the nearest place or organisation named up to WINDOW words before the
   first act or intent word, not after a preposition ("ten miles from Lima"); a facility's
   name written right before the act's noun is its target instead ("the Sorrel Bridge
   blast").
3. The target is the first name up to WINDOW words after the act's word (or that one).
4. Actors and targets are place keys (``places.place_key``): "Lima", "Peru" and "Peruvian"
   are one actor. Two targets are one when their keys are equal, or when they share a
   head noun and a modifier of one names a place the other's sentence names ("the Sorrel
   Bridge" and "the Meltor Bridge, which links Sorrel island to the coast").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from storylens.compare.lexicon import HOSTILE_WORDS, INTENT_WORDS, PLACE_PREPOSITIONS
from storylens.compare.places import demonym_place, place_key
from storylens.model import Article, Entity

WINDOW = 8
"""Words between an act's word and its actor or target."""
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG"})
TARGET_LABELS = frozenset({"GPE", "NORP", "ORG", "FAC", "LOC"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
THING_LABELS = frozenset({"FAC", "LOC"})
HOSTILE_NOUNS = frozenset({"attack", "blast", "explosion", "bombing", "strike", "sabotage"})
"""Act words that, written right after a name, make the name their target."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, ordered))})(?![\w'’-])", re.I)


HOSTILE = _words_pattern(HOSTILE_WORDS)
INTENT = _words_pattern(INTENT_WORDS)


@dataclass(frozen=True, slots=True)
class Act:
    """A hostile act a sentence names: its actor and target (keys and names), and kind."""

    actor: str | None
    actor_text: str | None
    target: str | None
    target_name: str | None
    word: str
    planned: bool
    distance: int
    """Words between the actor and the act (or intent) word."""
    places: frozenset[str]
    """The place keys the sentence names (for telling two targets apart)."""


def find_act(article: Article, start: int, end: int, *, places: Collection[str]) -> Act | None:
    """The first hostile act named in ``article.text[start:end]`` (None if there is none)."""
    hostile = HOSTILE.search(article.text, start, end)
    return None if hostile is None else _act(article, start, end, hostile, places=places)


def find_acts(article: Article, start: int, end: int, *, places: Collection[str]) -> list[Act]:
    """Every hostile act named in ``article.text[start:end]``, one per act word."""
    return [
        _act(article, start, end, hostile, places=places)
        for hostile in HOSTILE.finditer(article.text, start, end)
    ]


def _act(
    article: Article, start: int, end: int, hostile: re.Match[str], *, places: Collection[str]
) -> Act:
    """The act of the act word ``hostile``: its actor, target and the sentence's places."""
    text = article.text
    intent = INTENT.search(text, start, hostile.start())
    first = intent.start() if intent else hostile.start()
    entities = [e for e in article.entities if start <= e.start and e.end <= end]
    adjacent = [
        e
        for e in entities
        if e.end <= hostile.start() and _gap(text, e.end, first) == 0 and _is_thing(e, hostile)
    ]
    actor = _nearest_before(text, entities, first, skip=adjacent)
    after = [
        e
        for e in entities
        if e.label in TARGET_LABELS
        and e.start >= hostile.end()
        and _gap(text, hostile.end(), e.start) <= WINDOW
    ]
    target = adjacent[-1] if adjacent else (after[0] if after else None)
    return Act(
        actor=place_key(actor.canonical, places=places) if actor else None,
        actor_text=actor.text if actor else None,
        target=place_key(target.canonical, places=places) if target else None,
        target_name=target.canonical if target else None,
        word=hostile.group(0).lower(),
        planned=intent is not None,
        distance=_gap(text, actor.end, first) if actor else WINDOW,
        places=frozenset(
            place_key(e.canonical, places=places) for e in entities if e.label in PLACE_LABELS
        ),
    )


def same_target(first: Act, second: Act, *, places: Collection[str]) -> bool:
    """Whether two acts are against one target (same key, or a head and a place shared)."""
    if first.target is None or second.target is None:
        return False
    if first.target == second.target:
        return True
    return _named_by_place(first, second, places=places) or _named_by_place(
        second, first, places=places
    )


def _named_by_place(first: Act, second: Act, *, places: Collection[str]) -> bool:
    """Whether a modifier of first's target names a place of second's sentence, same head."""
    if not first.target_name or not second.target_name:
        return False
    words, others = first.target_name.split(), second.target_name.split()
    if len(words) < 2 or len(others) < 2 or words[-1].lower() != others[-1].lower():
        return False
    keys = {place_key(w, places=places) for w in words[:-1]}
    keys |= {p for w in words[:-1] if (p := demonym_place(w, places=places))}
    return bool(keys & (second.places - {second.target}))


def _nearest_before(
    text: str, entities: Sequence[Entity], position: int, *, skip: Sequence[Entity]
) -> Entity | None:
    """The last actor-like entity ending before ``position``, at most WINDOW words away."""
    before = [
        e
        for e in entities
        if e.label in ACTOR_LABELS
        and e.end <= position
        and e not in skip
        and _gap(text, e.end, position) <= WINDOW
        and not _after_preposition(text, e.start)
    ]
    return before[-1] if before else None


def _is_thing(entity: Entity, word: re.Match[str]) -> bool:
    """Whether a name right before an act's noun is its target ("the Sorrel Bridge blast"),
    not its actor ("a Ukrainian attack", "Russia strikes")."""
    named_thing = entity.label in THING_LABELS or (
        entity.label == "ORG" and len(entity.text.split()) >= 2
    )
    return named_thing and word.group(0).lower() in HOSTILE_NOUNS


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition ("from Lima": where, not who)."""
    before = _WORD.findall(text, max(0, start - 20), start)
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS


def _gap(text: str, start: int, end: int) -> int:
    """Words between two positions."""
    return len(_WORD.findall(text, start, end)) if end > start else 0
