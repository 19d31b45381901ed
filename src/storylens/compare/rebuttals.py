"""Rebuttals: an act one source states or reports, answered in another source.

1. Unowned acts: a source states in its own voice that an actor carried out a hostile act
   against a target ("Veskan commandos carried out an attack against the Sorrel Bridge");
   another says the same actor has not claimed it ("Veska has not claimed responsibility
   for the attack", ``lexicon.NOT_CLAIMED_CUES``), the act being named in
   that sentence or up to BACK sentences before it and AHEAD after it (acts.py matches
   actors and targets). A ``dispute``: the note says who states it and who says the actor
   has not claimed it.
2. Answered claims: a source reports a claim that an actor plans or carried out an act
   against a target ("Veska accused Corvia of preparing an attack on Veska") and, in the
   same or the next sentence, that it was disputed or denied ("Corvia has disputed this
   claim"), by the claim's actor or with words pointing back
   at the claim (``lexicon.CLAIM_REFERENCES``). Other sources that report or state the
   same act (same actor, same target, both planned or both done) with no dispute or
   denial next to it are set against that answer: a ``dispute`` or a ``denial``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storylens.compare.acts import Act, find_act, find_acts, same_target
from storylens.compare.claims import (
    CLAIM,
    DENIAL,
    DISPUTE,
    asserted,
    cue_pattern,
    find_cue,
)
from storylens.compare.independence import Groups
from storylens.compare.lexicon import CLAIM_REFERENCES, NOT_CLAIMED_CUES
from storylens.compare.places import place_key
from storylens.compare.statements import Unit, sentence_units
from storylens.model import Article, Conflict, ConflictKind, Side

BACK = 2
"""Sentences before a "has not claimed responsibility" searched for the act it means."""
AHEAD = 1
"""Sentences after it searched for the act."""
ACTOR_WINDOW = 60
"""Characters before a cue searched for the actor who has not claimed, or who disputes."""

NOT_CLAIMED = cue_pattern(NOT_CLAIMED_CUES)
REFERENCE = cue_pattern(CLAIM_REFERENCES)


def rebuttal_conflicts(
    units: Sequence[Unit],
    articles: Mapping[str, Article],
    *,
    sources: Groups,
    places: frozenset[str],
) -> list[Conflict]:
    """Unowned-act and answered-claim conflicts between independent sources.

    ``places``: the known places (:func:`~storylens.compare.places.story_places`).
    """
    sentences = {
        key: [i for i in indexes if units[i].article_id in articles]
        for key, indexes in sentence_units(units).items()
    }
    context = _Context(units, articles, sentences, places, sources)
    return [*_unowned(context), *_answered(context)]


class _Context:
    """What both rules read: units, articles, sentence order, known places, sources."""

    def __init__(
        self,
        units: Sequence[Unit],
        articles: Mapping[str, Article],
        sentences: Mapping[str, list[int]],
        places: frozenset[str],
        sources: Groups,
    ) -> None:
        self.units = units
        self.articles = articles
        self.sentences = sentences
        self.places = places
        self.sources = sources

    def act(self, unit: Unit, start: int | None = None) -> Act | None:
        article = self.articles[unit.article_id]
        return find_act(
            article, unit.start if start is None else start, unit.end, places=self.places
        )

    def around(self, index: int, *, back: int, ahead: int) -> list[int]:
        """The sentence units from ``back`` before to ``ahead`` after ``index``."""
        order = self.sentences[self.units[index].article_id]
        position = order.index(index)
        return order[max(0, position - back) : position + ahead + 1]

    def actor_before(self, unit: Unit, position: int) -> tuple[str, str] | None:
        """(key, text) of the place or organisation named last before ``position``."""
        article = self.articles[unit.article_id]
        named = [
            e
            for e in article.entities
            if e.label in ("GPE", "NORP", "ORG")
            and unit.start <= e.start
            and e.end <= position
            and position - e.end <= ACTOR_WINDOW
        ]
        if not named:
            return None
        return place_key(named[-1].canonical, places=self.places), named[-1].text


def _unowned(context: _Context) -> list[Conflict]:
    """Rule 1: an act stated as fact, and its actor said elsewhere not to have claimed it."""
    units = context.units
    stated = [
        (i, act)
        for i in asserted(units)
        if not units[i].clause
        and (act := context.act(units[i])) is not None
        and act.actor is not None
        and not act.planned
    ]
    found = []
    seen: set[tuple[str, str]] = set()
    for index in _all_sentences(context):
        unit = units[index]
        cue = NOT_CLAIMED.search(unit.text.lower().replace("’", "'"))
        if cue is None:
            continue
        actor = context.actor_before(unit, unit.start + cue.start())
        if actor is None:
            continue
        article = context.articles[unit.article_id]
        acts = [
            act
            for near in context.around(index, back=BACK, ahead=AHEAD)
            for act in find_acts(
                article,
                units[near].start + (cue.end() if near == index else 0),
                units[near].end,
                places=context.places,
            )
            if act.actor in (None, actor[0])
        ]
        for i, act in stated:
            other = units[i]
            key = (other.article_id, unit.article_id)
            if key in seen or act.actor != actor[0]:
                continue
            if context.sources.group(other.article_id) == context.sources.group(unit.article_id):
                continue
            mine = next((m for m in acts if same_target(act, m, places=context.places)), None)
            if mine is not None:
                seen.add(key)
                note = (
                    f"{other.article_id} states it as fact ({act.actor_text} … {act.word} … "
                    f"{act.target_name}); {unit.article_id} says {actor[1]} has not claimed "
                    f"responsibility ({mine.word} … {mine.target_name})."
                )
                found.append(
                    Conflict("dispute", _topic(other.text), (_side(other), _side(unit)), note)
                )
    return found


def _answered(context: _Context) -> list[Conflict]:
    """Rule 2: a claim reported with its dispute or denial, and others that report it bare."""
    units = context.units
    found = []
    for index in _all_sentences(context):
        claim = units[index]
        cue = find_cue(claim.text, CLAIM)
        if cue is None:
            continue
        act = context.act(claim, claim.start + cue.end())
        if act is None or act.actor is None or act.target is None:
            continue
        answer = _answer(context, index, act, after=claim.start + cue.end())
        if answer is None:
            continue
        kind, response, responder = answer
        reports = _reports(context, claim, act)
        if not reports:
            continue
        ids = [units[i].article_id for i in reports]
        verb = "reports" if len(ids) == 1 else "report"
        by = f" by {responder}" if responder else ""
        answered = "disputed" if kind == "dispute" else "denied"
        note = (
            f"{' and '.join(ids)} {verb} it ({act.actor_text} … {act.word} … {act.target_name}) "
            f"with no dispute or denial next to it; {claim.article_id} "
            f"reports it as a claim ('{cue.group(0)}'), {answered}{by}."
        )
        sides = (*(_side(units[i]) for i in reports), _side(units[response]))
        found.append(Conflict(kind, _topic(claim.text), sides, note))
    return found


def _answer(
    context: _Context, index: int, act: Act, *, after: int
) -> tuple[ConflictKind, int, str | None] | None:
    """(kind, sentence, who) of a dispute or denial of the claim at ``index`` (its own
    sentence after ``after``, then the next one), if any."""
    units = context.units
    for near in context.around(index, back=0, ahead=1):
        unit = units[near]
        offset = after if near == index else unit.start
        text = unit.text[offset - unit.start :]
        dispute = find_cue(text, DISPUTE, verb=True)
        denial = find_cue(text, DENIAL, verb=True)
        cue = denial or dispute
        if cue is None:
            continue
        who = context.actor_before(unit, offset + cue.start())
        by_actor = who is not None and who[0] == act.actor
        if not (by_actor or find_cue(text, REFERENCE)):
            continue
        kind: ConflictKind = "denial" if denial else "dispute"
        return kind, near, unit.speaker or (who[1] if who else None)
    return None


def _reports(context: _Context, claim: Unit, act: Act) -> list[int]:
    """One sentence per other independent source naming the same act, with no answer."""
    units = context.units
    best: dict[str, tuple[int, int, int]] = {}
    for index in _all_sentences(context):
        unit = units[index]
        if context.sources.group(unit.article_id) == context.sources.group(claim.article_id):
            continue
        other = context.act(unit)
        if other is None or other.actor != act.actor or other.planned != act.planned:
            continue
        if not same_target(act, other, places=context.places):
            continue
        if _answered_near(context, index):
            continue
        rank = (0 if unit.speaker else 1, other.distance, index)
        if unit.article_id not in best or rank < best[unit.article_id]:
            best[unit.article_id] = rank
    return [rank[2] for _, rank in sorted(best.items())]


def _answered_near(context: _Context, index: int) -> bool:
    """Whether the sentence or a neighbour disputes or denies something."""
    return any(
        find_cue(context.units[near].text, DISPUTE, verb=True)
        or find_cue(context.units[near].text, DENIAL, verb=True)
        for near in context.around(index, back=1, ahead=1)
    )


def _all_sentences(context: _Context) -> list[int]:
    return [i for key in sorted(context.sentences) for i in context.sentences[key]]


def _side(unit: Unit) -> Side:
    return Side(unit.article_id, unit.start, unit.end, unit.text, unit.speaker)


def _topic(text: str) -> str:
    return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"
