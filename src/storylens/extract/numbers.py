"""Numbers in running text: where they are and what they are worth.

``find_numbers`` scans text for number cores (an optional currency symbol, digits or number
words, an optional scale such as "million" or "bn"); ``number_value`` reads a core's value.
Model names ("T-72", "Su-25"), codes, clock times and numeric dates are not cores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storylens.extract.alternation import alternation
from storylens.extract.lexicon_quantities import (
    CURRENCY_SYMBOLS,
    MULTIPLIER_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_NUMBERS,
)


@dataclass(frozen=True, slots=True)
class NumberCore:
    """One number as written: its span, its value (None for vague plurals), its currency."""

    start: int
    end: int
    value: float | None
    currency: str | None = None
    vague_base: float | None = None
    is_digits: bool = False
    scale: float = 1.0
    """The largest scale written in the core ("million" → 1e6), 1.0 when none."""


@lru_cache(maxsize=1)
def _core_pattern() -> re.Pattern[str]:
    """The compiled regex for one number core."""
    currency = alternation(CURRENCY_SYMBOLS, any_space=False)
    simple = alternation({*UNITS_WORDS, *TENS_WORDS}, any_space=False)
    scales = alternation(SCALE_WORDS, any_space=False)
    word = rf"(?:{simple}|{scales})"
    words = rf"(?:a\s+(?:{scales}|dozen)|(?:{simple})(?:(?:[\s-]+|\s+and\s+)(?:{word}))*)"
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    word_scale = r"(?:\s+(?:thousand|million|billion|trillion))"
    short_scale = r"(?:\s?(?:bn|mn|mln|tn)|(?:k|m|b))(?![\w])"
    vague = alternation(VAGUE_NUMBERS, any_space=False)
    attached = r"(?:km|mi|ft|kg|cm|mm)\b"
    return re.compile(
        rf"""
        (?<![\w.,:/$€£¥₽₴₹])(?<![A-Za-z]-)
        (?:(?P<cur>{currency})\s?)?
        (?:
            (?P<digits>{digits})(?P<scale>{word_scale}|{short_scale})?
          | (?P<words>{words})(?![\w])
          | (?P<vague>{vague})(?![\w])
        )
        (?!(?!{attached})\w|[:/]\d|[.,]\d)
        """,
        re.VERBOSE | re.IGNORECASE,
    )


_BLOCKED = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d+(?:st|nd|rd|th|s)\b|[A-Za-z]+\d[\w-]*|\d+[A-Za-z]{3,}\w*"
)
"""Dates, clock times, ordinals, decades and codes: digits inside these are not numbers."""


def find_numbers(text: str) -> list[NumberCore]:
    """Every number core in ``text``, in order, outside dates, times and codes."""
    blocked = [(m.start(), m.end()) for m in _BLOCKED.finditer(text)]
    cores: list[NumberCore] = []
    for match in _core_pattern().finditer(text):
        inside = any(start < match.end() and match.start() < end for start, end in blocked)
        if inside and match.group("digits") is not None:
            continue
        core = _make_core(match)
        if core is not None:
            cores.append(core)
    return cores


def _make_core(match: re.Match[str]) -> NumberCore | None:
    """A core from one regex match, or None when its value cannot be read."""
    symbol = match.group("cur")
    currency = CURRENCY_SYMBOLS.get(symbol.upper() if symbol else "", None) if symbol else None
    if symbol is not None and currency is None:
        currency = CURRENCY_SYMBOLS.get(symbol)
    if match.group("vague") is not None:
        base = VAGUE_NUMBERS[re.sub(r"\s+", " ", match.group("vague").lower())]
        return NumberCore(match.start(), match.end(), None, currency, vague_base=base)
    if match.group("digits") is not None:
        value = float(match.group("digits").replace(",", ""))
        scale = (match.group("scale") or "").strip().lower()
        if scale in ("m", "b") and currency is None:
            return None  # "5m" is metres or a code without a currency symbol
        factor = MULTIPLIER_SUFFIXES.get(scale, 1.0)
        return NumberCore(
            match.start(), match.end(), value * factor, currency, is_digits=True, scale=factor
        )
    words_value = number_value(match.group("words"))
    if words_value is None:
        return None
    scales = [SCALE_WORDS.get(w, 1.0) for w in re.split(r"[\s-]+", match.group("words").lower())]
    return NumberCore(match.start(), match.end(), words_value, currency, scale=max(scales))


def number_value(words: str) -> float | None:
    """The value of number words ("two hundred and fifty thousand" → 250000), or None."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "dozen"):
            current = max(current, 1.0) * (12.0 if word == "dozen" else 1.0)
        elif word in UNITS_WORDS or word in TENS_WORDS:
            current += UNITS_WORDS.get(word, 0) + TENS_WORDS.get(word, 0)
        elif word == "hundred":
            current = max(current, 1.0) * 100.0
        elif word in SCALE_WORDS:
            total += max(current, 1.0) * SCALE_WORDS[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
