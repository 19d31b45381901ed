"""Places as actors: one key for a country, its capital and its demonym.

News names a state three ways: "Peru", "Lima" (its capital, for its government) and
"Peruvian" (its demonym, "Peruvian forces"). :func:`place_key` maps all three to the
country (from the gazetteer's ``capitals.tsv`` and ``demonyms.tsv``), so "Lima has not
commented" and "Peruvian forces raided the port" name one actor. A demonym of a place the
gazetteer lacks ("Crimean", a fictional "Veskan") is matched to the story's place names by
its prefix. Other names keep their canonical name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from storylens.extract.gazetteer import load_gazetteer
from storylens.model import Article

DEMONYM_SLACK = 3
"""Letters a country's name may have past the prefix it shares with its demonym
("Ukrain-e" / "Ukrain-ian"); "Austr-ia" and "Austr-alian" are told apart by it."""
MIN_PREFIX = 4
"""Shortest prefix a demonym and its place must share."""
COUNTRIES = frozenset(
    name for name, entry in load_gazetteer().entries.items() if entry.kind == "country"
)


def known_places(names: Iterable[str]) -> frozenset[str]:
    """The countries, and the story's place names (canonical names of GPE/LOC entities)."""
    return COUNTRIES | frozenset(names)


def story_places(articles: Iterable[Article]) -> frozenset[str]:
    """:func:`known_places` with the place names (GPE and LOC entities) of the articles."""
    return known_places(
        e.canonical for article in articles for e in article.entities if e.label in ("GPE", "LOC")
    )


def place_key(name: str, *, places: Collection[str]) -> str:
    """The country a capital or a demonym stands for; any other name unchanged."""
    name = strip_possessive(name)
    country = load_gazetteer().country(name)
    if country is not None:
        return country
    if name in places or not name[:1].isupper() or " " in name:
        return name
    return demonym_place(name, places=places) or name


def demonym_place(word: str, *, places: Collection[str]) -> str | None:
    """The one place whose name ``word`` derives from ("Crimean" → "Crimea"), if any."""
    lowered = word.lower()
    head = lowered[:MIN_PREFIX]
    if len(head) < MIN_PREFIX:
        return None
    best: list[tuple[int, str]] = []
    for place in places:
        if " " in place or place == word or not place.lower().startswith(head):
            continue
        shared = _common_prefix(lowered, place.lower())
        if shared >= max(MIN_PREFIX, len(place) - DEMONYM_SLACK) and shared < len(lowered):
            best.append((shared, place))
    if not best:
        return None
    best.sort(key=lambda item: (-item[0], item[1]))
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    return best[0][1]


def strip_possessive(name: str) -> str:
    """The name without a trailing possessive ("Russia's", "Belarus’")."""
    name = name.strip()
    for ending in ("'s", "’s", "'", "’"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
