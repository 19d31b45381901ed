"""Framing: the words each source uses for the same referent.

Referents and where their words are found:

1. a canonical entity: the title/modifier words right before its name in the same noun
   phrase ("Belarusian dictator Alexander Lukashenko"), and stand-alone titles that other
   sources attach to that name ("the disgraced governor");
2. an event at an entity: the event noun before or after it ("explosion on the Kerch
   Bridge", "the Sorrel Valley catastrophe");
3. an aligned fact: the event nouns of its statements, when sources differ;
4. a loaded noun with a neutral counterpart ("regime" / "government").

The lexicon ranks the terms and sets ``TermUse.loaded``; a referent is kept when at least
two sources word it differently, or when one of its terms is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Entity, Framing, Story, TermUse
from storylens.summarize.lexicon import (
    EVENT_NOUNS,
    LOADED_TERMS,
    MODIFIER_STOPWORDS,
    ROLE_NOUNS,
)
from storylens.summarize.text import find_phrases, phrase_pattern

MAX_MODIFIERS = 3
EVENT_PREPOSITIONS = ("on", "against", "at", "in", "near", "of", "to", "across")
_RUN_WORD = re.compile(r"([\w][\w\-]*)\s+$")


@dataclass(frozen=True, slots=True)
class _Use:
    referent: str
    term: TermUse


def is_loaded(text: str) -> bool:
    """Whether a phrase contains a word of the loaded-terms lexicon."""
    return bool(find_phrases(text, LOADED_TERMS))


def frame(story: Story, articles: Sequence[Article]) -> tuple[Framing, ...]:
    """The framing table of a story: referents with each source's words for them."""
    uses: list[_Use] = []
    roles = _role_owners(articles)
    for article in articles:
        uses.extend(_title_uses(article))
        uses.extend(_event_uses(article))
        uses.extend(_standalone_uses(article, roles=roles))
    uses.extend(_fact_uses(story, articles))
    neutral = sorted({u.referent for u in uses} & {n for n in LOADED_TERMS.values() if n})
    for word in neutral:
        uses.extend(_Use(word, term) for a in articles for term in _neutral_uses(a, word))
    return _tables(_merge_event_referents(uses), order=[a.id for a in articles])


def _modifier_start(text: str, end: int) -> int:
    """Where the run of modifier words ending at ``end`` starts (``end`` when none).

    A run never crosses a line break, so only the line of ``end`` is searched.
    """
    line_start = text.rfind("\n", 0, end) + 1
    start = end
    for _ in range(MAX_MODIFIERS):
        found = _RUN_WORD.search(text, line_start, start)
        if found is None or found.end() != start:
            break
        word = found.group(1)
        glued = found.start() > 0 and not text[found.start() - 1].isspace()
        if glued or word.lower() in MODIFIER_STOPWORDS or any(ch.isdigit() for ch in word):
            break
        start = found.start()
    return start


def _title_uses(article: Article) -> list[_Use]:
    """Title and modifier words right before an entity's name."""
    uses = []
    for entity in article.entities:
        start = _modifier_start(article.text, entity.start)
        run = article.text[start : entity.start]
        if start == entity.start or not (find_phrases(run, ROLE_NOUNS) or is_loaded(run)):
            continue
        text = article.text[start : entity.end]
        term = TermUse(article.id, start, entity.end, text, loaded=is_loaded(run))
        uses.append(_Use(entity.canonical, term))
    return uses


def _role_owners(articles: Sequence[Article]) -> dict[str, str]:
    """Title word → the one canonical entity that carries it in the story."""
    owners: dict[str, set[str]] = {}
    for article in articles:
        for entity in article.entities:
            start = _modifier_start(article.text, entity.start)
            for found in find_phrases(article.text[start : entity.start], ROLE_NOUNS):
                owners.setdefault(found.text.lower(), set()).add(entity.canonical)
    return {role: name for role, names in owners.items() if (name := _one_holder(names))}


def _one_holder(names: set[str]) -> str | None:
    """The name when all are forms of one name ("Ilse Varga", "Varga"), else None."""
    longest = max(sorted(names), key=len)
    whole = longest.split()
    for name in names:
        words = name.split()
        if whole[len(whole) - len(words) :] != words:
            return None
    return longest


def _standalone_uses(article: Article, *, roles: dict[str, str]) -> list[_Use]:
    """ "The disgraced governor": a title without a name, credited to its one holder."""
    uses = []
    named = {(e.start, e.end) for e in article.entities}
    nouns = list(roles) + [t for t, n in LOADED_TERMS.items() if n and t not in roles]
    for found in find_phrases(article.text, nouns):
        after = article.text[found.end : found.end + 2]
        if any(start <= found.start < end for start, end in named) or after[1:2].isupper():
            continue
        start = _modifier_start(article.text, found.start)
        text = article.text[start : found.end]
        loaded = is_loaded(text)
        if start == found.start and not loaded:
            continue
        referent = roles.get(found.text.lower()) or LOADED_TERMS.get(found.text.lower())
        if referent:
            uses.append(_Use(referent, TermUse(article.id, start, found.end, text, loaded)))
    return uses


def _neutral_uses(article: Article, word: str) -> list[TermUse]:
    """Plain uses of a neutral word, to set beside a loaded one."""
    return [TermUse(article.id, f.start, f.end, f.text) for f in find_phrases(article.text, [word])]


def _event_uses(article: Article) -> list[_Use]:
    """Event nouns tied to an entity: "<event> on <entity>" and "<entity>'s <event>"."""
    events = phrase_pattern(EVENT_NOUNS)
    before = re.compile(
        rf"({events.pattern})\s+(?:{'|'.join(EVENT_PREPOSITIONS)})\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"(?:['’]s)?\s+((?:[\w\-]+\s+)??)({events.pattern})", re.IGNORECASE)
    uses = []
    for entity in article.entities:
        window_start = max(0, entity.start - 60)
        found = before.search(article.text, window_start, entity.start)
        if found is not None and not _modified(entity, article.text):
            uses.append(_event_use(article, entity, found.start(1), found.end(1)))
        tail = after.match(article.text, entity.end)
        if tail is not None and _plain_modifier(tail.group(1)):
            uses.append(_event_use(article, entity, tail.start(1), tail.end(2)))
    return uses


def _modified(entity: Entity, text: str) -> bool:
    """Whether the name is an adjective on a following noun ("Ukrainian capital")."""
    demonym = entity.label == "NORP" or entity.text.endswith(("ian", "ean", "ese", "ish"))
    return demonym and bool(re.match(r"\s+[a-z]", text[entity.end : entity.end + 3]))


def _plain_modifier(text: str) -> bool:
    return all(word.lower() not in MODIFIER_STOPWORDS for word in text.split())


def _event_use(article: Article, entity: Entity, start: int, end: int) -> _Use:
    start = _modifier_start(article.text, start) if is_loaded(article.text[start:end]) else start
    text = article.text[start:end]
    return _Use(
        f"event: {entity.canonical}", TermUse(article.id, start, end, text, is_loaded(text))
    )


def _fact_uses(story: Story, articles: Sequence[Article]) -> list[_Use]:
    """Event nouns of the statements of each aligned fact."""
    by_id = {article.id: article for article in articles}
    uses = []
    for fact in story.facts:
        if len({statement.article_id for statement in fact.statements}) < 2:
            continue
        for statement in fact.statements:
            article = by_id.get(statement.article_id)
            if article is None:
                continue
            span = article.text[statement.start : statement.end]
            for found in find_phrases(span, EVENT_NOUNS, offset=statement.start):
                term = TermUse(
                    article.id, found.start, found.end, found.text, is_loaded(found.text)
                )
                uses.append(_Use(f"fact {fact.id}", term))
    return uses


def _merge_event_referents(uses: list[_Use]) -> list[_Use]:
    """Join event referents whose places share a head noun ("Kerch Bridge", "Crimean Bridge")."""
    heads: dict[str, set[str]] = {}
    for use in uses:
        if use.referent.startswith("event: "):
            words = use.referent.removeprefix("event: ").split()
            if len(words) >= 2 and words[-1][:1].isupper():
                heads.setdefault(words[-1], set()).add(use.referent)
    renamed: dict[str, str] = {}
    for names in heads.values():
        if len(names) > 1:
            joined = "event: " + " / ".join(sorted(n.removeprefix("event: ") for n in names))
            renamed.update((name, joined) for name in names)
    return [_Use(renamed.get(u.referent, u.referent), u.term) for u in uses]


def _tables(uses: list[_Use], *, order: list[str]) -> tuple[Framing, ...]:
    """One Framing per referent worth showing, loaded ones first."""
    rank = {article_id: index for index, article_id in enumerate(order)}
    grouped: dict[str, dict[tuple[str, str], TermUse]] = {}
    for use in uses:
        key = (use.term.article_id, use.term.text.lower())
        terms = grouped.setdefault(use.referent, {})
        if key not in terms or use.term.start < terms[key].start:
            terms[key] = use.term
    tables = []
    for referent, terms in grouped.items():
        ordered = sorted(terms.values(), key=lambda t: (rank.get(t.article_id, 0), t.start))
        wordings = {t.text.lower() for t in ordered}
        sources = {t.article_id for t in ordered}
        loaded = any(t.loaded for t in ordered)
        if loaded or (len(wordings) > 1 and len(sources) > 1):
            tables.append(Framing(referent, tuple(ordered)))
    tables.sort(key=lambda f: (not any(t.loaded for t in f.terms), -len(f.terms), f.referent))
    return tuple(tables)
