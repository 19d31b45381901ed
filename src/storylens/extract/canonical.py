"""Canonical names across a story: one name per referent, for entities and quote speakers.

1. every entity gets a key: its text without "the", a possessive or (for people) titles,
   in its preferred spelling ("Kiev" → "Kyiv", "Russia's" → "Russia");
2. people's full names are grouped by surname; a group's canonical name is its longest full
   name ("Alexander Lukashenko"); a lone surname joins the one group with that surname;
3. a lone name no group claims joins the one group whose surname is within a small edit
   distance and is mentioned more often ("Lukansheko" → "Lukashenko");
4. roles: a title before a person's name ("Belarusian President Alexander Lukashenko") makes
   "the Belarusian president" refer to that person when no other person holds that role;
   such role phrases in the text become PERSON entities;
5. quote speakers map through the same keys, then roles, then a known name that ends the
   speaker string ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"; a name that only
   modifies it does not: "the Belarusian news agency" is not "Belarusian");
6. a state body is named with its country (:mod:`storylens.extract.institutions`):
   "Russia's Defense Ministry" → "Russian Defense Ministry", never plain "Defense Ministry"
   when the article says whose it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from storylens.extract.alternation import alternation
from storylens.extract.gazetteer import Gazetteer, load_gazetteer
from storylens.extract.institutions import institution_names
from storylens.extract.lexicon_names import (
    LEADING_THE,
    POSSESSIVE,
    TITLE_WORDS,
    TITLES,
    TYPO_MIN_LENGTH,
)
from storylens.model import Article, Entity, Quote

_SPEAKER_ROLE = re.compile(
    r"(?:the\s+)?(?:(?P<mod>[\w.-]+?)(?:['’]s)?\s+)?(?P<title>[\w .-]+)", re.IGNORECASE
)
"""A speaker string that may be a role: "the Belarusian president", "Belarus's leader"."""


@dataclass(slots=True)
class _Names:
    """What the story's entities say about names: aliases, person groups and roles."""

    aliases: dict[str, str] = field(default_factory=dict)
    """Entity key → canonical name."""
    people: set[str] = field(default_factory=set)
    """Canonical names of people."""
    roles: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(modifier, title) → canonical names of people introduced with that title."""


def canonicalize(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles with story-wide canonical names on entities and quote speakers."""
    gazetteer = load_gazetteer()
    names = _names(articles, gazetteer)
    _collect_roles(articles, names, gazetteer)
    return tuple(_apply(article, names, gazetteer) for article in articles)


def entity_key(text: str, label: str, gazetteer: Gazetteer) -> str:
    """An entity's text as a name: no "the", possessive or (for people) leading titles."""
    key = " ".join(text.split())
    key = LEADING_THE.sub("", key)
    key = POSSESSIVE.sub("", key).strip()
    if label == "PERSON":
        words = key.split()
        while len(words) > 1 and (
            words[0].lower() in TITLE_WORDS or _is_affiliation(words[0], gazetteer)
        ):
            words.pop(0)
        key = " ".join(words)
    return gazetteer.preferred(key)


def _is_affiliation(word: str, gazetteer: Gazetteer) -> bool:
    """Whether a word before a name is a nationality, organisation or country ("Russian")."""
    entry = gazetteer.lookup(word)
    return entry is not None and (entry.label in ("NORP", "ORG") or entry.kind == "country")


def _names(articles: Sequence[Article], gazetteer: Gazetteer) -> _Names:
    """Aliases for every entity key of the story (steps 1-3)."""
    names = _Names()
    counts: Counter[str] = Counter()
    person_keys: set[str] = set()
    for article in articles:
        for entity in article.entities:
            key = entity_key(entity.text, entity.label, gazetteer)
            counts[key] += 1
            if entity.label == "PERSON":
                person_keys.add(key)
    groups = _person_groups(sorted(k for k in person_keys if len(k.split()) > 1))
    for group in groups:
        canonical = max(group, key=lambda k: (len(k.split()), len(k), counts[k], k))
        names.people.add(canonical)
        for key in group:
            names.aliases[key] = canonical
    by_surname: dict[str, set[str]] = {}
    for group in groups:
        for key in group:
            by_surname.setdefault(key.split()[-1], set()).add(names.aliases[key])
    for key in sorted(counts):
        if key in names.aliases or len(key.split()) != 1:
            continue
        owners = by_surname.get(key, set())
        if key not in person_keys and gazetteer.lookup(key) is not None:
            continue
        if len(owners) == 1:
            names.aliases[key] = next(iter(owners))
            continue
        if key in person_keys:
            names.people.add(key)
    _join_typos(names, counts, gazetteer)
    for key in counts:
        names.aliases.setdefault(key, key)
    return names


def _person_groups(full_names: list[str]) -> list[list[str]]:
    """Full names grouped when they share a surname and do not contradict each other."""
    groups: list[list[str]] = []
    for key in full_names:
        for group in groups:
            if all(_compatible(key, other) for other in group):
                group.append(key)
                break
        else:
            groups.append([key])
    return groups


def _compatible(a: str, b: str) -> bool:
    """Same surname and no differing first names ("Vladimir Putin" ~ "Vladimir V. Putin")."""
    wa, wb = a.split(), b.split()
    if wa[-1] != wb[-1]:
        return False
    return wa[0] == wb[0] or wa[0].rstrip(".") == wb[0][:1] or wb[0].rstrip(".") == wa[0][:1]


def _join_typos(names: _Names, counts: Counter[str], gazetteer: Gazetteer) -> None:
    """Lone names that no group claims join the single group a small edit away (step 3)."""
    surnames = sorted((canonical.split()[-1], canonical) for canonical in names.people)
    mentions: Counter[str] = Counter()
    for key, count in counts.items():
        mentions[names.aliases.get(key, key)] += count
    for key in sorted(counts):
        if key in names.aliases or " " in key or len(key) < TYPO_MIN_LENGTH:
            continue
        if gazetteer.lookup(key) is not None:
            continue
        limit = max(1, len(key) // 4)
        near = {
            canonical
            for surname, canonical in surnames
            if surname != key and edit_distance(key, surname) <= limit
        }
        if len(near) == 1:
            canonical = next(iter(near))
            if mentions[canonical] > counts[key]:
                names.aliases[key] = canonical


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (insertions, deletions, substitutions, swaps)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    """A role: an optional capitalised modifier and a title, at the end of the text."""
    titles = alternation(TITLES, any_space=False)
    return re.compile(rf"(?:(?P<mod>[A-Z][\w.-]*?)(?:['’]s?)?\s+)?(?P<title>(?i:{titles}))\s+$")


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    """A role phrase standing alone: "the Belarusian president", "Belarus's leader"."""
    titles = alternation(TITLES, any_space=False)
    return re.compile(
        rf"\b(?:the|The|THE)\s+(?:(?P<mod>[A-Z][\w.-]*?)(?:['’]s)?\s+)?(?P<title>(?i:{titles}))\b"
    )


def _collect_roles(articles: Sequence[Article], names: _Names, gazetteer: Gazetteer) -> None:
    """Roles introduced by a title right before a person's name (step 4)."""
    for article in articles:
        for entity in article.entities:
            if entity.label != "PERSON":
                continue
            canonical = names.aliases.get(entity_key(entity.text, entity.label, gazetteer))
            if canonical not in names.people:
                continue
            before = article.text[max(0, entity.start - 60) : entity.start]
            match = _title_pattern().search(before)
            if match is not None:
                names.roles.setdefault(_role_key(match), set()).add(canonical)


def _role_key(match: re.Match[str]) -> tuple[str, str]:
    modifier = (match.group("mod") or "").lower()
    return modifier, " ".join(match.group("title").lower().split())


def resolve_role(modifier: str, title: str, names: _Names) -> str | None:
    """The one person introduced with this role in the story, or None."""
    title = " ".join(title.lower().split())
    modifier = modifier.lower()
    holders = {
        person
        for (mod, held), people in names.roles.items()
        if held == title and (not modifier or mod == modifier)
        for person in people
    }
    return next(iter(holders)) if len(holders) == 1 else None


def _apply(article: Article, names: _Names, gazetteer: Gazetteer) -> Article:
    """One article with canonical names set and role phrases added as entities."""
    bodies = institution_names(article, gazetteer=gazetteer)
    entities = [
        replace(named, canonical=bodies.get((entity.start, entity.end), named.canonical))
        for entity in article.entities
        if (named := _named(entity, names, gazetteer))
    ]
    entities = _with_roles(article, entities, names)
    quotes = tuple(_speaker(quote, names, gazetteer, bodies) for quote in article.quotes)
    return replace(article, entities=tuple(entities), quotes=quotes)


def _named(entity: Entity, names: _Names, gazetteer: Gazetteer) -> Entity:
    key = entity_key(entity.text, entity.label, gazetteer)
    canonical = names.aliases.get(key, key)
    label = "PERSON" if canonical in names.people and key != canonical else entity.label
    return replace(entity, canonical=canonical, label=label)


def _with_roles(article: Article, entities: list[Entity], names: _Names) -> list[Entity]:
    """Entities plus PERSON entities for role phrases that name one person of the story."""
    added: list[Entity] = []
    for match in _role_pattern().finditer(article.text):
        start = match.start("mod") if match.group("mod") else match.start("title")
        person = resolve_role(match.group("mod") or "", match.group("title"), names)
        if person is None:
            continue
        end = match.end("title")
        if any(e.start < end and start < e.end and e.label == "PERSON" for e in entities):
            continue
        entities = [e for e in entities if not (start <= e.start and e.end <= end)]
        added.append(Entity(article.id, start, end, article.text[start:end], "PERSON", person))
    return sorted([*entities, *added], key=lambda e: (e.start, e.end))


def _speaker(
    quote: Quote, names: _Names, gazetteer: Gazetteer, bodies: dict[tuple[int, int], str]
) -> Quote:
    """The quote with its speaker mapped to the story-wide name (steps 5-6)."""
    if not quote.speaker:
        return quote
    span = quote.speaker_span
    body = bodies.get((span.start, span.end)) if span is not None else None
    canonical = body or canonical_speaker(quote.speaker, names, gazetteer)
    return quote if canonical is None else replace(quote, speaker=canonical)


def canonical_speaker(speaker: str, names: _Names, gazetteer: Gazetteer) -> str | None:
    """The canonical name for a speaker string, or None when it names no known referent."""
    for label in ("PERSON", "ORG"):
        key = entity_key(speaker, label, gazetteer)
        if key in names.aliases:
            return names.aliases[key]
    role = _SPEAKER_ROLE.fullmatch(" ".join(speaker.split()))
    if role is not None and role.group("title").lower() in TITLES:
        person = resolve_role(role.group("mod") or "", role.group("title"), names)
        if person is not None:
            return person
    head = POSSESSIVE.sub("", " ".join(speaker.split()))
    known = sorted(
        (alias for alias in names.aliases if _ends_with_words(head, alias)),
        key=lambda alias: (-len(alias), alias),
    )
    people = [alias for alias in known if names.aliases[alias] in names.people]
    best = people or known
    return names.aliases[best[0]] if best else None


def _ends_with_words(text: str, words: str) -> bool:
    """Whether ``text`` ends with ``words`` starting at its beginning or after whitespace."""
    if not text.endswith(words):
        return False
    before = len(text) - len(words)
    return before == 0 or text[before - 1].isspace()
