"""Speaker resolution: from the subject of a cue to the best name this article gives.

1. a relative pronoun ("…, who said") stands for the noun it modifies;
2. "he"/"she" → the nearest preceding person named in the article whose gender, as far as
   the article shows one (:mod:`storylens.extract.genders`), agrees;
3. "they"/"it" → the nearest preceding non-person subject of the right number;
4. a person's surname → the longest form of that name in the article;
5. a title ("the Belarusian president") → the person the article names with that title,
   else the title with its "of" phrase ("head of the intelligence service");
6. anything else (organisations, bodies, "officials") → the mention without its article.

The name comes from the subject word and its name-like neighbours (:func:`mention_bounds`);
the mention reported as ``speaker_span`` is the whole phrase the word heads, appositions and
relative clauses included (:func:`phrase_bounds`), as PolNeAR marks a source.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from storylens.extract.genders import agrees, person_genders
from storylens.extract.lexicon_names import HONORIFICS
from storylens.extract.quotes.cues import (
    GROUP_PRONOUNS,
    NAME_DEPS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    TITLES,
)
from storylens.extract.quotes.reported import token_end
from storylens.model import Entity, Offsets
from storylens.segment.parse import FLAT_DEP

DETERMINERS = ("the", "a", "an")
CLOSERS = (")", "]")
"""Punctuation that may end a speaker's phrase ("Sen. Ann Lee (D-Ore.)")."""
LOOSE_DEPS = ("prep", "npadvmod", "advmod")
"""Dependencies of a comma-separated phrase that ends a speaker's phrase."""
PRONOUN_REACH = 1500
"""How far back (characters) a pronoun may find its person."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``name`` (None when unresolved) and the mention it came from."""

    name: str | None
    span: Offsets


class SpeakerResolver:
    """Resolves subject tokens of one article's Doc against that article's entities."""

    def __init__(self, text: str, doc: Any, entities: Sequence[Entity]) -> None:
        self.text = text
        self.doc = doc
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.persons = [e for e in self.entities if e.label == "PERSON" and _name_like(e.text)]
        self.person_starts = [e.start for e in self.persons]
        self.subject_starts = sorted(
            {e.start for t in doc if t.dep_ in SUBJECT_DEPS for e in self._persons_at(t.idx)}
        )
        self.by_start = {e.start: e for e in self.persons}

    def _persons_at(self, index: int) -> list[Entity]:
        return overlapping_entities(self.persons, index, index + 1)

    def resolve(self, token: Any, *, avoid: Sequence[tuple[int, int]] = ()) -> Speaker:
        """The speaker a subject token stands for; its mention is the whole phrase the token
        heads, short of the ``avoid`` spans (the cue and the content)."""
        start, end = mention_bounds(token, self.entities, self.text)
        first, last = phrase_bounds(token, avoid=avoid)
        mention_end = max(end, last)
        for avoided, _ in avoid:  # a title-case headline's "Obama Says": the cue is not a name
            if token.idx < avoided < mention_end:
                mention_end = avoided
        while mention_end > token.idx + 1 and self.text[mention_end - 1].isspace():
            mention_end -= 1
        mention = Offsets(min(start, first), mention_end)
        return Speaker(self._name(token, start, end), mention)

    def _name(self, token: Any, start: int, end: int) -> str | None:
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            antecedent = token.head.head
            return self._name(antecedent, *mention_bounds(antecedent, self.entities, self.text))
        if lower in PERSON_PRONOUNS:
            return self._preceding_person(start, lower)
        if lower in GROUP_PRONOUNS:
            return self._preceding_group(token)
        entity = self._entity_at(start, end)
        if entity is not None and entity.label == "PERSON":
            return self.full_name(entity.text)
        if lower in TITLES:
            titled = self._titled_person(token, start)
            return titled or _plain(self.text[start : of_phrase_end(token, end)])
        return _plain(self.text[start:end]) if token.pos_ != "PRON" else None

    def _entity_at(self, start: int, end: int) -> Entity | None:
        overlapping = overlapping_entities(self.entities, start, end)
        return overlapping[-1] if overlapping else None

    def full_name(self, name: str) -> str:
        """The longest PERSON mention in the article sharing this name's last word."""
        words = _words(name)
        if not words:
            return name
        longest = " ".join(words)
        for person in self.persons:
            other = _words(person.text)
            if other and other[-1] == words[-1] and len(other) > len(longest.split()):
                longest = " ".join(other)
        return longest

    @cached_property
    def genders(self) -> dict[str, str]:
        """Full name → the gender the article shows for that person (read on first need)."""
        return person_genders(self.text, self.persons, key=self.full_name)

    def _preceding_person(self, start: int, pronoun: str) -> str | None:
        """The nearest preceding person who is a subject, else the nearest person, of those
        whose gender agrees with the pronoun."""
        for starts in (self.subject_starts, self.person_starts):
            at = bisect.bisect_left(starts, start) - 1
            while at >= 0 and start - starts[at] <= PRONOUN_REACH:
                name = self.full_name(self.by_start[starts[at]].text)
                if agrees(pronoun, self.genders.get(name)):
                    return name
                at -= 1
        return None

    def _preceding_group(self, token: Any) -> str | None:
        plural = token.lower_ in ("they", "them", "we")
        for candidate in reversed(self.doc[max(0, token.i - 120) : token.i]):
            if candidate.dep_ not in SUBJECT_DEPS or candidate.pos_ == "PRON":
                continue
            if candidate.idx < token.idx - PRONOUN_REACH:
                break
            bounds = mention_bounds(candidate, self.entities, self.text)
            entity = self._entity_at(*bounds)
            if entity is not None and entity.label == "PERSON":
                continue
            if plural == (candidate.tag_ in ("NNS", "NNPS")) or entity is not None:
                return _plain(self.text[bounds[0] : bounds[1]])
        return None

    def _titled_person(self, token: Any, start: int) -> str | None:
        modifiers = {c.lower_ for c in token.lefts if c.dep_ in ("amod", "compound")}
        best: tuple[int, int, str] = (0, 0, "")
        for person in self.persons:
            window = self.text[max(0, person.start - 40) : person.start].lower().split()[-4:]
            score = 2 * (token.lower_ in window) + len(modifiers & set(window))
            rank = (score, -abs(start - person.start), person.text)
            if score and rank[:2] > best[:2]:
                best = rank
        return self.full_name(best[2]) if best[0] else None


def _name_like(text: str) -> bool:
    """Whether a PERSON entity's text looks like a name: its first word starts with a capital
    and its last holds one ("Ludwig van Beethoven", "Bashar al-Assad"); the recogniser's
    "html" in a URL line does not."""
    words = text.split()
    return bool(words) and words[0][0].isupper() and any(c.isupper() for c in words[-1])


def mention_bounds(token: Any, entities: Sequence[Entity], text: str) -> tuple[int, int]:
    """Character bounds of the noun phrase a subject token heads, without clauses."""
    start = token.idx
    end = token.idx + len(token.text)
    for child in token.lefts:
        if child.dep_ in NAME_DEPS:
            start = min(start, child.left_edge.idx)
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i == token.i + 1:
            end = child.idx + len(child.text)
    for entity in overlapping_entities(entities, start, end):
        start, end = min(start, entity.start), max(end, entity.end)
    line_start = text.rfind("\n", start, token.idx) + 1
    return max(start, line_start), end


def phrase_bounds(token: Any, *, avoid: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Character bounds of the whole phrase a token heads: its subtree, with appositions,
    "of" phrases and relative clauses ("Jeff Weaver, the campaign's manager"), cut before
    any token in ``avoid``, at a line break, and without punctuation at its ends."""
    doc = token.doc
    if token.dep_ == FLAT_DEP:
        return token.idx, token.idx + len(token.text)

    def free(word: Any) -> bool:
        word_end = word.idx + len(word.text)
        return "\n" not in word.text and not any(a < word_end and word.idx < b for a, b in avoid)

    first = last = token
    for word in reversed(doc[token.left_edge.i : token.i]):
        if not free(word):
            break
        first = word
    for word in doc[token.i + 1 : token.right_edge.i + 1]:
        if not free(word) or _loose_modifier(word, token):
            break
        last = word
    while first.i < token.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    while last.i > token.i and (last.is_space or (last.is_punct and last.text not in CLOSERS)):
        last = doc[last.i - 1]
    return first.idx, last.idx + len(last.text)


def _loose_modifier(word: Any, head: Any) -> bool:
    """A phrase set off by a comma after the speaker ("…, said Ann Lee, the mayor, on Monday"):
    it modifies the verb, though the parse may hang it on the speaker."""
    return (
        word.head.i == head.i
        and word.dep_ in LOOSE_DEPS
        and word.i > 0
        and word.doc[word.i - 1].text == ","
    )


def of_phrase_end(token: Any, end: int) -> int:
    """The end of the "of" phrase right after a title, up to its noun ("the head *of his
    intelligence service*"), so that a title no person holds still says whose it is."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.lower_ != "of" or after.head.i != token.i:
        return end
    nouns = [child for child in after.children if child.dep_ == "pobj"]
    return token_end(nouns[0]) if nouns else end


def overlapping_entities(entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """The entities (sorted by start, not nested) that overlap [start, end)."""
    at = bisect.bisect_left(entities, end, key=lambda e: e.start) - 1
    found = []
    while at >= 0 and entities[at].end > start:
        found.append(entities[at])
        at -= 1
    return found[::-1]


def _words(name: str) -> list[str]:
    words = name.replace("’s", "").replace("'s", "").split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return words


def _plain(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
