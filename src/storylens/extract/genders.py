"""The gender an article shows for each person, so that a pronoun agrees with its antecedent.

"Asked by Peter Brandt whether …, she said" must not credit Peter Brandt. For each person the
article names (merged by :attr:`key`, e.g. the longest form of a surname), the evidence is read
from the article's own text:

1. an honorific or a role word right before a mention ("Ms. Lee", "actress Ann Lee",
   ``lexicon_names.GENDERED_WORDS``);
2. the head noun of an apposition right after it ("Tamsin Orlova, a 61-year-old grandmother,");
3. an honorific inside a mention ("Mrs. Lee"), and the first word of the name, when it is
   a given name of ``data/gazetteer/given_names.tsv`` (hand-written; names common to both
   genders are left out). The name is the mention's canonical key
   (:func:`storylens.extract.canonical.entity_key`: "Kremlin spokesman Dmitry Peskov" →
   "Dmitry Peskov"), of two words or more.

A person with evidence both ways, or with none, has no gender and agrees with any pronoun:
the rule only ever rules a candidate out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from storylens.extract.canonical import entity_key
from storylens.extract.gazetteer import load_gazetteer, read_rows
from storylens.extract.lexicon_names import APPOSITION_STOPS, GENDERED_WORDS
from storylens.model import Entity

PRONOUN_GENDERS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
"""The gender each third-person pronoun asks of its antecedent."""

APPOSITION_WORDS = 8
"""How many words after "Name, a …" may hold the apposition's head noun."""

_WORD = re.compile(r"[\w.'’-]+|[^\w\s]")
_CLAUSE_MARKS = frozenset(',;:.()!?—–"“”')


@lru_cache(maxsize=1)
def load_given_names() -> dict[str, str]:
    """Given name → "f" or "m" (pure data, read once per process)."""
    return {row[0]: row[1] for row in read_rows("given_names.tsv")}


def person_genders(
    text: str, persons: Iterable[Entity], *, key: Callable[[str], str]
) -> dict[str, str]:
    """Person key → "f" or "m", for the persons whose mentions show one gender only."""
    seen: dict[str, set[str]] = {}
    named: dict[str, tuple[str, frozenset[str]]] = {}  # per name: its key, what the name shows
    for person in persons:
        if person.text not in named:
            named[person.text] = (key(person.text), _name_evidence(person.text))
        name, shown = named[person.text]
        seen.setdefault(name, set()).update(shown, _context_evidence(text, person))
    return {name: next(iter(found)) for name, found in seen.items() if len(found) == 1}


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a person of ``gender`` (None: unknown) may be what ``pronoun`` stands for."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower())
    return wanted is None or gender is None or gender == wanted


def _name_evidence(mention: str) -> frozenset[str]:
    """What a mention's own words show: an honorific inside it ("Mrs. Lee" as one mention)
    and its given name."""
    found = set()
    words = mention.lower().split()
    if len(words) > 1 and words[0] in GENDERED_WORDS:
        found.add(GENDERED_WORDS[words[0]])
    given = _given_name(mention)
    if given is not None:
        found.add(given)
    return frozenset(found)


def _context_evidence(text: str, person: Entity) -> set[str]:
    """What the words around one mention show: a word right before it, an apposition after."""
    found = set()
    before = _word_before(text, person.start)
    if before in GENDERED_WORDS:
        found.add(GENDERED_WORDS[before])
    head = _apposition_head(text, person.end)
    if head in GENDERED_WORDS:
        found.add(GENDERED_WORDS[head])
    return found


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` on its line, lowercased (no comma between)."""
    line = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    words = line.split()
    return words[-1].lower() if words and line.endswith((" ", "\t")) else ""


def _apposition_head(text: str, end: int) -> str:
    """The head noun of "…, a 61-year-old grandmother," after a mention, lowercased."""
    rest = text[end : end + 120].split("\n", 1)[0]
    if not rest.startswith(","):
        return ""
    words = _WORD.findall(rest[1:])
    if not words or words[0].lower() not in ("a", "an", "the"):
        return ""
    head = ""
    for word in words[1 : 1 + APPOSITION_WORDS]:
        lower = word.lower()
        if lower in APPOSITION_STOPS or word in _CLAUSE_MARKS:
            break
        if not word[0].isalnum():
            continue
        if lower.endswith(("'s", "’s")):
            return ""  # "Ivo Brandt, the actress's publicist": the role is someone else's
        head = lower
    return head


def _given_name(mention: str) -> str | None:
    """The gender of the first name of a person's name of two words or more (leading titles
    and affiliations dropped as for its canonical key: "Kremlin spokesman Dmitry Peskov"),
    else None."""
    words = entity_key(mention, "PERSON", load_gazetteer()).split()
    if len(words) < 2:
        return None
    return load_given_names().get(words[0])
