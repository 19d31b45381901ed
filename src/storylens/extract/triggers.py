"""Which sentences the extractors read syntax from: the rest need no parse.

Entities and sentence bounds come for every sentence; tags and dependencies cost half
the spaCy pipeline and are read only by the rules for attribution (cue words, quotation
marks), quantities (numbers, what they count) and dates (tense near a weekday or month).
:func:`needs_parse` says yes when a sentence holds a word any of those rules starts
from. The words are the extractors' own lexicons, so a cue added there is parsed here.
"""

from __future__ import annotations

from typing import Any

from storylens.extract.dates_patterns import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS
from storylens.extract.lexicon_quantities import SCALE_WORDS, VAGUE_NUMBERS
from storylens.extract.quotes.cues import PARSE_TRIGGERS

_DATE_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *SEASONS, *PARTS_OF_DAY]
    + [form for unit in UNITS for form in (unit, unit + "s")]
    + ["today", "tonight", "yesterday", "tomorrow", "ago"]
)
_NUMBER_WORDS = frozenset(
    [*SCALE_WORDS]
    + [word for phrase in VAGUE_NUMBERS for word in phrase.split()]
    + ["dozen", "dozens", "half"]
)

TRIGGER_WORDS: frozenset[str] = PARSE_TRIGGERS | _DATE_WORDS | _NUMBER_WORDS - {"of"}
"""Lowercase words whose sentence is parsed ("said", "according", "Tuesday", "dozens")."""


def needs_parse(sent: Any) -> bool:
    """True when a sentence (a spaCy Span) has a trigger word, a number or a quote mark."""
    return any(token.like_num or token.is_quote or token.lower_ in TRIGGER_WORDS for token in sent)
