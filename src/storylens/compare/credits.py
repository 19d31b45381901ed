"""Credits: the same statement credited to one institution of two different countries.

"Veska's Defense Ministry said …" and "the Ministry of Defense said …" (after "The
Corvian Defense Ministry said") name one institution of two states; the speaker strings
alone ("Defense Ministry") hide it.

1. A speaker is an institution when a word of its name is in ``lexicon.INSTITUTION_WORDS``.
2. Its country: a place named in the words that name the speaker ("Veska's Defense
   Ministry", "the Corvian Defense Ministry"); for "the country's …", the last country
   named before it in its sentence; else the country of the article's last earlier mention
   of the same institution with a country.
3. Two sentences of independent sources are one statement when they share at least
   SAME_STATEMENT_TERMS terms, QUOTED_TERMS of them inside quotation marks on both sides
   (the same quoted words, not one topic); one credited to the institution of one country
   and the other to the same institution of another is an ``attribution`` conflict.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from itertools import combinations

from storylens.compare.independence import Groups
from storylens.compare.lexicon import INSTITUTION_WORDS
from storylens.compare.places import (
    COUNTRIES,
    demonym_place,
    place_key,
    strip_possessive,
)
from storylens.compare.statements import Unit, content_words
from storylens.model import Article, Conflict, Side

SAME_STATEMENT_TERMS = 4
QUOTED_TERMS = 2
QUOTED = re.compile(r"(?<!\w)[\"“‘'«](.{3,}?)[\"”’'»](?!\w)")
"""A passage in quotation marks (straight, curly, single or double; an apostrophe inside
a word is no quotation mark)."""
PLACE_LABELS = ("GPE", "NORP", "LOC")


def credit_conflicts(
    units: Sequence[Unit],
    articles: Mapping[str, Article],
    *,
    sources: Groups,
    places: Collection[str],
) -> list[Conflict]:
    """One conflict per pair of sentences that credit one statement to two countries.

    ``places``: the known places (:func:`~storylens.compare.places.story_places`).
    """
    credited = []
    for unit in units:
        if unit.clause or unit.quote is None or unit.article_id not in articles:
            continue
        owner = _owner(unit, articles[unit.article_id], places=places)
        if owner is not None:
            credited.append((unit, owner))
    found = []
    for (first, one), (second, other) in combinations(credited, 2):
        if one[0] != other[0] or one[1] == other[1]:
            continue
        if sources.group(first.article_id) == sources.group(second.article_id):
            continue
        if not _same_statement(first, second):
            continue
        note = (
            f"The same statement is credited to the {one[0]} of {one[1]} "
            f"({first.article_id}) and to the {other[0]} of {other[1]} ({second.article_id})."
        )
        found.append(
            Conflict("attribution", _topic(first.text), (_side(first), _side(second)), note)
        )
    return found


def institution(name: str, *, places: Collection[str] = COUNTRIES) -> str | None:
    """The institution a speaker names, without its country ("Defense Ministry"), if any."""
    words = [w for w in name.split() if w[:1].isupper() or w.lower() in INSTITUTION_WORDS]
    kept = [w for w in words if not _is_place_word(w, places=places)]
    if not any(w.lower() in INSTITUTION_WORDS for w in kept):
        return None
    return " ".join(kept)


def _owner(unit: Unit, article: Article, *, places: Collection[str]) -> tuple[str, str] | None:
    """(institution, country) of the unit's speaker, when it is an institution of a country."""
    quote = unit.quote
    if quote is None or quote.speaker is None or quote.speaker_span is None:
        return None
    name = institution(quote.speaker, places=places)
    if name is None:
        return None
    span = quote.speaker_span
    named = _places_in(article, span.start, span.end, places=places)
    if not named and re.search(r"\bcountry['’]s?\b", article.text[span.start : span.end], re.I):
        sentence = max((s.start for s in article.sentences if s.start <= span.start), default=0)
        named = _places_in(article, sentence, span.start, places=places)[-1:]
    if not named:
        named = _earlier(article, name, span.start, places=places)
    return (name, named[-1]) if named else None


def _earlier(article: Article, name: str, before: int, *, places: Collection[str]) -> list[str]:
    """The country of the last earlier mention of the institution that names one."""
    found: list[str] = []
    for entity in article.entities:
        if entity.end > before or entity.label != "ORG":
            continue
        if institution(entity.canonical, places=places) == name:
            found += _places_in(article, entity.start, entity.end, places=places)
            found += [
                place_key(w, places=places)
                for w in entity.canonical.split()
                if _is_place_word(w, places=places)
            ]
    return [key for key in found if key in places][-1:]


def _places_in(article: Article, start: int, end: int, *, places: Collection[str]) -> list[str]:
    """The place keys of the places named (or starting a name) in ``[start, end)``."""
    found = []
    for entity in article.entities:
        if start <= entity.start and entity.end <= end:
            if entity.label in PLACE_LABELS:
                found.append(place_key(entity.canonical, places=places))
            else:
                found += [
                    place_key(w, places=places)
                    for w in entity.canonical.split()
                    if _is_place_word(w, places=places)
                ]
    return [key for key in found if key in places]


def _is_place_word(word: str, *, places: Collection[str]) -> bool:
    """Whether a word of a name is a place or demonym ("Veska's", "Corvian")."""
    bare = strip_possessive(word)
    return (
        bare in places
        or place_key(bare, places=places) != bare
        or bool(demonym_place(bare, places=places))
    )


def _same_statement(first: Unit, second: Unit) -> bool:
    """Shared terms, enough of them inside quotation marks in both sentences."""
    if len(first.terms & second.terms) < SAME_STATEMENT_TERMS:
        return False
    quoted = _quoted(first.text) & _quoted(second.text)
    return len(quoted & first.terms & second.terms) >= QUOTED_TERMS


def _quoted(text: str) -> frozenset[str]:
    return frozenset().union(*(content_words(m.group(1)) for m in QUOTED.finditer(text)))


def _side(unit: Unit) -> Side:
    return Side(unit.article_id, unit.start, unit.end, unit.text, unit.speaker)


def _topic(text: str) -> str:
    return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"
