"""Which country's institution: "Russia's Defense Ministry" is not "Belarus' Defense Ministry".

A state body every country has (:data:`~storylens.extract.lexicon_names.INSTITUTIONS`) is
named by its country, spelled with the country's adjective: "Belarus’ Defense Ministry",
"the Belarusian Ministry of Defence" and "the Defense Ministry of Belarus" all become
"Belarusian Defense Ministry". The country comes from

1. the mention itself or the word just before it: a country, capital or demonym, possessive
   or not ("Russia's", "Belarusian", "Moscow's");
2. "the country's …": the country named last before the mention in the article;
3. a bare mention ("the Ministry of Defense"): the one country the article has already
   named that institution with, if there is exactly one.

Without any of these the name stays bare ("Defense Ministry"); nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storylens.extract.alternation import alternation
from storylens.extract.gazetteer import Gazetteer
from storylens.extract.lexicon_names import COUNTRY_REFERENCES, INSTITUTIONS, POSSESSIVE
from storylens.model import Article, Entity

_BEFORE = re.compile(
    r"(?:(?P<ref>the (?:country|nation)['’]s)|(?P<word>[A-Z][\w.-]*(?:['’]s?)?))\s+$"
)
LOOKBACK = 40
"""Characters before a mention searched for its country ("Russia’s " before "Defense Ministry")."""


@dataclass(frozen=True, slots=True)
class Institution:
    """A state body: its one spelling, and its country when the mention says which."""

    name: str
    country: str | None
    refers_back: bool = False
    """True for "the country's …": the country is the one named last."""


def find_institution(mention: str, *, gazetteer: Gazetteer) -> Institution | None:
    """The institution a mention names, with its country if the mention says ("Russia's …")."""
    words = " ".join(mention.split())
    lowered = words.lower()
    for reference in COUNTRY_REFERENCES:
        if lowered.startswith(reference + " ") and lowered[len(reference) + 1 :] in INSTITUTIONS:
            return Institution(INSTITUTIONS[lowered[len(reference) + 1 :]], None, True)
    match = _institution_pattern().fullmatch(words)
    if match is None:
        return None
    name = INSTITUTIONS[" ".join(match["body"].lower().split())]
    qualifier = match["before"] or match["after"]
    if not qualifier:
        return Institution(name, None)
    country = gazetteer.country(POSSESSIVE.sub("", qualifier))
    return None if country is None else Institution(name, country)


def qualified_name(institution: Institution, *, gazetteer: Gazetteer) -> str:
    """ "Belarusian Defense Ministry"; the bare name when the country is unknown."""
    if institution.country is None:
        return institution.name
    adjective = gazetteer.adjectives.get(institution.country, institution.country)
    return f"{adjective} {institution.name}"


def with_qualifier(text: str, start: int, end: int) -> str:
    """The mention with a country word or "the country's" just before it, if there is one."""
    match = _BEFORE.search(text[max(0, start - LOOKBACK) : start])
    if match is None:
        return text[start:end]
    return f"{match.group()}{text[start:end]}"


def resolve_institution(
    institution: Institution,
    article: Article,
    start: int,
    *,
    known: Sequence[Institution],
    gazetteer: Gazetteer,
) -> Institution:
    """Fill in the country of "the country's …" or of a bare mention (see the module doc)."""
    if institution.country is not None:
        return institution
    if institution.refers_back:
        country = last_country(article.entities, start, gazetteer=gazetteer)
        return Institution(institution.name, country)
    countries = {k.country for k in known if k.name == institution.name and k.country}
    return Institution(institution.name, countries.pop()) if len(countries) == 1 else institution


def last_country(entities: Sequence[Entity], start: int, *, gazetteer: Gazetteer) -> str | None:
    """The country of the last place entity that ends before ``start``."""
    for entity in sorted(entities, key=lambda e: e.end, reverse=True):
        if entity.end <= start and entity.label in ("GPE", "NORP"):
            country = gazetteer.country(POSSESSIVE.sub("", entity.text))
            if country is not None:
                return country
    return None


@lru_cache(maxsize=1)
def _institution_pattern() -> re.Pattern[str]:
    bodies = alternation(INSTITUTIONS, any_space=False)
    return re.compile(
        rf"(?:the\s+)?(?:(?P<before>[\w.-]+(?:['’]s?)?)\s+)?(?P<body>{bodies})"
        rf"(?:\s+of\s+(?:the\s+)?(?P<after>[\w .-]+))?",
        re.IGNORECASE,
    )


def institution_names(article: Article, *, gazetteer: Gazetteer) -> dict[tuple[int, int], str]:
    """The qualified name of every institution mention (ORG entities, speakers) by span."""
    spans = {(e.start, e.end) for e in article.entities if e.label == "ORG"}
    spans |= {(q.speaker_span.start, q.speaker_span.end) for q in article.quotes if q.speaker_span}
    found = {
        span: institution
        for span in sorted(spans)
        if (institution := _institution_at(article.text, *span, gazetteer=gazetteer))
    }
    known = [institution for institution in found.values() if institution.country]
    return {
        span: qualified_name(
            resolve_institution(institution, article, span[0], known=known, gazetteer=gazetteer),
            gazetteer=gazetteer,
        )
        for span, institution in found.items()
    }


def _institution_at(text: str, start: int, end: int, *, gazetteer: Gazetteer) -> Institution | None:
    """The institution a mention names, read with the country word before it when there is one."""
    wider = with_qualifier(text, start, end)
    found = find_institution(wider, gazetteer=gazetteer)
    if found is None and wider != text[start:end]:
        found = find_institution(text[start:end], gazetteer=gazetteer)
    return found
