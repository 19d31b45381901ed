"""Claims: what one outlet states as fact and another reports only as someone's claim.

1. A claim is a sentence with a claim cue ("accused … of", "alleged", "who say"), or one
   that calls its statement unproven or disputed; its content is the text after the cue
   (before it when the cue ends the statement: "…, the ministry has claimed").
2. An assertion is a unit in the outlet's own voice: its sentence names no speaker and
   carries no claim, report, denial or dispute cue.
3. A claim matches an assertion of another, independent source when they share at least
   MIN_SHARED terms covering at least COVER of the claim's content.
4. Around the claim (its sentence, the next one, the one before), its article may answer it:
   a denial (a denial verb, or a speaker's negation of the claim's own words) makes a
   ``denial`` conflict; words calling it unproven or disputed make a ``dispute``; without
   either the conflict is an ``attribution``: asserted by one, only reported by the other.
5. The denials of one assertion found in two or more independent sources are one fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storylens.compare.independence import Groups
from storylens.compare.lexicon import (
    ADJECTIVE_MARKERS,
    CLAIM_CUES,
    DENIAL_CUES,
    DISPUTE_CUES,
    NEGATION_CUES,
    REPORT_CUES,
)
from storylens.compare.statements import Unit, content_words, sentence_units, term_words
from storylens.model import Article, Conflict, ConflictKind, Side

MIN_SHARED = 3
"""Shared terms between a claim's content and an assertion."""
COVER = 0.5
"""Share of the claim's content terms the assertion must hold."""
MIN_CONTENT = 3
"""Terms the text after a cue needs to be the claim's content (else the text before it)."""
NEGATED_SHARED = 2
"""Terms a negation must share with the claim or the assertion to deny it."""
AFTER = 1
"""Sentences after a claim searched for an answer to it (the claim's own sentence first)."""
CUE_WORDS = content_words(" ".join(CLAIM_CUES + DENIAL_CUES + DISPUTE_CUES + REPORT_CUES))


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence (index into the units) reporting a claim, and the terms of its content."""

    sentence: int
    content: frozenset[str]
    cue: str


@dataclass(frozen=True, slots=True)
class Stances:
    """The conflicts between assertions and claims, and the groups of denials."""

    conflicts: tuple[Conflict, ...]
    responses: tuple[tuple[int, ...], ...]


def cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """One pattern for a cue list, longest cue first, whole words only."""
    ordered = sorted(cues, key=len, reverse=True)
    return re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, ordered))})(?![\w'])")


CLAIM = cue_pattern(CLAIM_CUES)
DENIAL = cue_pattern(DENIAL_CUES)
DISPUTE = cue_pattern(DISPUTE_CUES)
NEGATION = cue_pattern(NEGATION_CUES)
ANY_CUE = cue_pattern(CLAIM_CUES + REPORT_CUES + DENIAL_CUES + DISPUTE_CUES + NEGATION_CUES)


def find_cue(text: str, pattern: re.Pattern[str], *, verb: bool = False) -> re.Match[str] | None:
    """The first cue of ``pattern`` in ``text``; with ``verb``, not right after a determiner."""
    lowered = text.lower().replace("’", "'")
    for match in pattern.finditer(lowered):
        before = lowered[: match.start()].split()
        if verb and before and before[-1] in ADJECTIVE_MARKERS:
            continue
        return match
    return None


def find_claims(units: Sequence[Unit], articles: Mapping[str, Article]) -> list[Claim]:
    """Every sentence that reports a claim, with the terms of what it claims."""
    claims = []
    for index, unit in enumerate(units):
        if unit.clause or unit.article_id not in articles:
            continue
        cue = find_cue(unit.text, CLAIM) or find_cue(unit.text, DISPUTE, verb=True)
        if cue is None:
            continue
        article = articles[unit.article_id]
        after = term_words(article, unit.start + cue.end(), unit.end) - CUE_WORDS
        before = term_words(article, unit.start, unit.start + cue.start()) - CUE_WORDS
        content = after if len(after) >= MIN_CONTENT else before
        claims.append(Claim(index, frozenset(content), cue.group(0)))
    return claims


def asserted(units: Sequence[Unit]) -> list[int]:
    """The units the outlet states in its own voice (no speaker, no cue in the sentence)."""
    voice = {}
    for unit in units:
        if not unit.clause:
            voice[(unit.article_id, unit.start)] = unit.speaker is None and not (
                find_cue(unit.text, ANY_CUE) or unit.text.rstrip().endswith("?")
            )
    sentence: tuple[str, int] | None = None
    found = []
    for index, unit in enumerate(units):
        if not unit.clause:
            sentence = (unit.article_id, unit.start)
        if sentence is not None and voice.get(sentence) and unit.speaker is None:
            found.append(index)
    return found


def stance_conflicts(
    units: Sequence[Unit], articles: Mapping[str, Article], *, sources: Groups
) -> Stances:
    """Denial, dispute and claim-only attribution conflicts, one per assertion and source."""
    claims = find_claims(units, articles)
    assertions = asserted(units)
    sentences = sentence_units(units)
    conflicts: list[Conflict] = []
    denials: dict[int, dict[str, int]] = {}
    seen: set[tuple[str, str]] = set()
    for claim in claims:
        reporter = units[claim.sentence].article_id
        matches = _matches(units, claim, assertions, sources=sources, reporter=reporter)
        for index in matches:
            statement = units[index]
            key = (statement.article_id, reporter)
            if key in seen:
                continue
            seen.add(key)
            answer = _answer(units, sentences[reporter], claim, statement)
            conflicts.append(_conflict(units, claim, statement, answer))
            if answer is not None and answer[0] == "denial":
                said = _sentence_of(sentences[statement.article_id], units, statement)
                denials.setdefault(said, {}).setdefault(sources.group(reporter), answer[1])
    responses = tuple(
        tuple(sorted(found.values())) for found in denials.values() if len(found) >= 2
    )
    return Stances(tuple(conflicts), responses)


def _matches(
    units: Sequence[Unit],
    claim: Claim,
    assertions: Sequence[int],
    *,
    sources: Groups,
    reporter: str,
) -> list[int]:
    """The best asserting unit per other source for a claim (most shared terms, shortest)."""
    best: dict[str, tuple[int, int, int]] = {}
    for index in assertions:
        unit = units[index]
        if sources.group(unit.article_id) == sources.group(reporter):
            continue
        shared = len(unit.terms & claim.content)
        if shared < MIN_SHARED or shared < COVER * len(claim.content):
            continue
        rank = (-shared, unit.end - unit.start, index)
        if unit.article_id not in best or rank < best[unit.article_id]:
            best[unit.article_id] = rank
    return [rank[2] for _, rank in sorted(best.items())]


def _answer(
    units: Sequence[Unit], sentences: Sequence[int], claim: Claim, statement: Unit
) -> tuple[str, int] | None:
    """("denial" | "dispute", sentence index) answering the claim in its article, if any."""
    position = sentences.index(claim.sentence)
    window = [
        *sentences[position : position + AFTER + 1],
        *sentences[max(0, position - AFTER) : position],
    ]
    for index in window:
        text = units[index].text
        if find_cue(text, DENIAL, verb=True):
            return "denial", index
        negated = units[index].speaker is not None and find_cue(text, NEGATION)
        said = units[index].terms & (claim.content | statement.terms)
        if negated and len(said) >= NEGATED_SHARED:
            return "denial", index
    for index in window:
        if find_cue(units[index].text, DISPUTE, verb=True):
            return "dispute", index
    return None


def _conflict(
    units: Sequence[Unit], claim: Claim, statement: Unit, answer: tuple[str, int] | None
) -> Conflict:
    """The conflict between an assertion and another source's claim (and its answer)."""
    reported = units[claim.sentence]
    topic = _topic(statement.text)
    fact = f"{statement.article_id} states it as fact"
    claimed = f"{reported.article_id} reports it as a claim ('{claim.cue}')"
    if answer is None:
        note = f"{fact}; {claimed.replace('it as', 'it only as')} and does not assert it."
        return Conflict("attribution", topic, (_side(statement), _side(reported)), note)
    response = units[answer[1]]
    kind: ConflictKind = "denial" if answer[0] == "denial" else "dispute"
    apart = answer[1] != claim.sentence and response.speaker
    if kind == "denial":
        who = f" by {response.speaker}" if apart else ""
        note = f"{fact}; {claimed}, denied{who}."
    else:
        note = f"{fact}; {claimed}, said to be unproven or disputed."
    return Conflict(kind, topic, (_side(statement), _side(response)), note)


def _sentence_of(sentences: Sequence[int], units: Sequence[Unit], unit: Unit) -> int:
    """The index of the sentence unit that holds ``unit``."""
    return max(i for i in sentences if units[i].start <= unit.start)


def _side(unit: Unit) -> Side:
    return Side(unit.article_id, unit.start, unit.end, unit.text, unit.speaker)


def _topic(text: str) -> str:
    return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"
