"""The gender an article shows for each person, so that a pronoun agrees with its antecedent.

"Asked by Peter Brandt whether …, she said" must not credit Peter Brandt. For each person the
article names (merged by :attr:`key`, e.g. the longest form of a surname), the evidence is read
from the article's own text:

1. an honorific or a role word right before a mention ("Ms. Lee", "actress Ann Lee",
   ``lexicon_names.GENDERED_WORDS``);
2. the head noun of an apposition right after it ("Tamsin Orlova, a 61-year-old grandmother,");
3. the first word of a two-word or longer mention, when it is a given name of
   ``data/gazetteer/given_names.tsv`` (hand-written; names common to both genders are left
   out).

A person with evidence both ways, or with none, has no gender and agrees with any pronoun:
the rule only ever rules a candidate out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from storylens.extract.gazetteer import read_rows
from storylens.extract.lexicon_names import APPOSITION_STOPS, GENDERED_WORDS, TITLE_WORDS
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
    keys: dict[str, str] = {}  # a name is often mentioned many times; key it once
    for person in persons:
        if person.text not in keys:
            keys[person.text] = key(person.text)
        seen.setdefault(keys[person.text], set()).update(_evidence(text, person))
    return {name: next(iter(found)) for name, found in seen.items() if len(found) == 1}


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a person of ``gender`` (None: unknown) may be what ``pronoun`` stands for."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower())
    return wanted is None or gender is None or gender == wanted


def _evidence(text: str, person: Entity) -> set[str]:
    found = set()
    words = person.text.lower().split()
    if len(words) > 1 and words[0] in GENDERED_WORDS:  # "Mrs. Lee" as one mention
        found.add(GENDERED_WORDS[words[0]])
    before = _word_before(text, person.start)
    if before in GENDERED_WORDS:
        found.add(GENDERED_WORDS[before])
    head = _apposition_head(text, person.end)
    if head in GENDERED_WORDS:
        found.add(GENDERED_WORDS[head])
    given = _given_name(person.text)
    if given is not None:
        found.add(given)
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
    """The gender of the first name of a mention of two words or more, else None."""
    words = [w for w in mention.split() if w.lower().rstrip(".") not in TITLE_WORDS]
    if len(words) < 2:
        return None
    return load_given_names().get(words[0])
