"""Quantities: numbers with their hedged bounds, unit and what they count.

The grammar, step by step (lexicon in :mod:`storylens.extract.lexicon_quantities`):

1. number cores from :func:`storylens.extract.numbers.find_numbers` ("$725 million", "a thousand");
2. two cores joined by "-", "to" or "between … and" become a range ("5,000-7,000");
3. a hedge just before widens the bounds ("more than", "up to", "around", "nearly");
4. a unit just after sets the kind: percent, distance, duration, or a currency word;
5. years, dates, labels ("number one", "Bridge 2") and number words that count nothing are
   dropped; ``counts`` comes from the parse (:mod:`storylens.extract.counted`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storylens.extract.alternation import alternation
from storylens.extract.counted import counted_phrase, is_label, number_root
from storylens.extract.lexicon_quantities import (
    APPROX_BAND,
    CURRENCY_WORDS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    HEDGES,
    LABEL_WORDS,
    PERCENT_UNITS,
    YEAR_RANGE,
    HedgeKind,
)
from storylens.extract.numbers import NumberCore, find_numbers
from storylens.model import Article, Quantity, Unit


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A number or a range of two, with the hedge before it and the unit after it."""

    first: NumberCore
    second: NumberCore | None
    start: int
    end: int
    hedge: str | None = None
    unit: Unit = "count"
    unit_name: str | None = None
    currency: str | None = None


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    """A hedge at the very end of the text before a number."""
    hedges = alternation({*HEDGES, "between"})
    return re.compile(rf"(?<![\w-])(?P<hedge>{hedges})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    """A unit at the very start of the text after a number."""
    percent = alternation(PERCENT_UNITS)
    units = alternation({*DISTANCE_UNITS, *DURATION_UNITS})
    money = alternation(CURRENCY_WORDS)
    return re.compile(
        rf"(?:\s*(?P<percent>{percent})|[\s-]*(?P<unit>{units})|\s+(?P<money>{money}))"
        r"(?![\w])(?P<old>[\s-]+old\b)?",
        re.IGNORECASE,
    )


def find_quantities(article: Article, doc: Any) -> tuple[Quantity, ...]:
    """Numbers with their bounds, unit and what they count (see the module docstring)."""
    text = article.text
    parsed = doc if doc is not None and getattr(doc, "text", None) == text else None
    found: list[Quantity] = []
    for phrase in _phrases(text, find_numbers(text)):
        quantity = _quantity(article, phrase, parsed)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _phrases(text: str, cores: list[NumberCore]) -> list[_Phrase]:
    """Cores grouped into ranges, with their hedges and units attached."""
    phrases: list[_Phrase] = []
    index = 0
    while index < len(cores):
        first = cores[index]
        hedge_match = _hedge_pattern().search(text, max(0, first.start - 40), first.start)
        hedge = " ".join(hedge_match.group("hedge").lower().split()) if hedge_match else None
        second = cores[index + 1] if index + 1 < len(cores) else None
        if second is not None and _joins_range(text, first, second, hedge=hedge):
            index += 2
        else:
            second = None
            index += 1
        last = second or first
        start = hedge_match.start() if hedge_match else first.start
        if hedge == "between" and second is None:
            hedge, start = None, first.start
        phrases.append(_with_unit(text, _Phrase(first, second, start, last.end, hedge)))
    return phrases


def _joins_range(text: str, first: NumberCore, second: NumberCore, *, hedge: str | None) -> bool:
    """Whether two consecutive cores form a range ("5-7", "5 to 7", "between 5 and 7")."""
    between = text[first.end : second.start]
    if first.value is None or second.value is None:
        return False
    if hedge == "between":
        return re.fullmatch(r"\s+and\s+", between) is not None
    if re.fullmatch(r"\s*[-–—]\s*|\s+to\s+", between) is None:
        return False
    before = text[max(0, first.start - 6) : first.start].lower()
    return not before.rstrip().endswith("from") and first.is_digits == second.is_digits


def _with_unit(text: str, phrase: _Phrase) -> _Phrase:
    """The phrase extended over the unit that follows it, if any."""
    currency = (phrase.second.currency if phrase.second else None) or phrase.first.currency
    match = _unit_pattern().match(text, phrase.end)
    if match is None:
        unit: Unit = "currency" if currency else "count"
        return _replace(phrase, unit=unit, currency=currency)
    if match.group("percent"):
        return _replace(phrase, end=match.end("percent"), unit="percent", currency=currency)
    if match.group("money"):
        code = CURRENCY_WORDS[" ".join(match.group("money").lower().split())]
        return _replace(phrase, end=match.end("money"), unit="currency", currency=code)
    word = " ".join(match.group("unit").lower().split())
    if match.group("old"):
        return _replace(phrase, end=match.end(), unit="other", unit_name="years old")
    if word in DURATION_UNITS:
        name = DURATION_UNITS[word]
        return _replace(phrase, end=match.end("unit"), unit="duration", unit_name=name)
    name = DISTANCE_UNITS[word]
    return _replace(phrase, end=match.end("unit"), unit="distance", unit_name=name)


def _replace(phrase: _Phrase, **changes: Any) -> _Phrase:
    fields = {name: getattr(phrase, name) for name in _Phrase.__slots__}
    fields.update(changes)
    return _Phrase(**fields)


def _quantity(article: Article, phrase: _Phrase, doc: Any | None) -> Quantity | None:
    """The Quantity for one phrase, or None when it is a year, a date or a label."""
    text = article.text
    root = number_root(doc, phrase.first.start, phrase.end) if doc is not None else None
    measured = phrase.unit != "count"
    if not measured and _is_not_a_count(text, phrase, root):
        return None
    counts = phrase.unit_name
    if counts is None and root is not None:
        last = root.doc.char_span(phrase.first.start, (phrase.second or phrase.first).end, "expand")
        counts = counted_phrase(root, last=last[-1].i if last else root.i)
    if counts is None and not measured and phrase.hedge is None and not phrase.first.is_digits:
        return None  # number words that count nothing: "no one", "one of them"
    value, low, high = _bounds(phrase)
    return Quantity(
        article_id=article.id,
        start=phrase.start,
        end=phrase.end,
        text=text[phrase.start : phrase.end],
        value=value,
        low=low,
        high=high,
        unit=phrase.unit,
        counts=counts,
        currency=phrase.currency,
        hedge=phrase.hedge,
    )


def _is_not_a_count(text: str, phrase: _Phrase, root: Any | None) -> bool:
    """Whether a plain number is a year, part of a date, or a label."""
    core = phrase.first
    written = text[core.start : core.end]
    if _looks_like_year(phrase, written) and not _counts_plural(root):
        return True
    words_before = text[max(0, phrase.start - 12) : phrase.start].lower().split()
    if words_before and words_before[-1].strip("\"'“”‘’(") in LABEL_WORDS:
        return True
    if root is None:
        return False
    span = root.doc.char_span(phrase.first.start, phrase.end, alignment_mode="expand")
    if span is not None and any(token.ent_type_ in ("DATE", "TIME") for token in span):
        return True
    return is_label(root)


def _looks_like_year(phrase: _Phrase, written: str) -> bool:
    """A single bare four-digit integer in the year range."""
    return bool(
        phrase.second is None
        and phrase.first.is_digits
        and re.fullmatch(r"\d{4}", written)
        and YEAR_RANGE[0] <= int(written) <= YEAR_RANGE[1]
    )


def _counts_plural(root: Any | None) -> bool:
    """Whether the number modifies a following plural noun ("1500 troops")."""
    return bool(
        root is not None
        and root.dep_ == "nummod"
        and root.head.i > root.i
        and root.head.tag_ in ("NNS", "NNPS")
        and root.head.ent_type_ not in ("DATE", "TIME")
    )


def _bounds(phrase: _Phrase) -> tuple[float | None, float | None, float | None]:
    """``(value, low, high)`` from the numbers and the hedge."""
    first = phrase.first
    if phrase.second is not None:
        low, high = first.value, phrase.second.value
        if low is not None and high is not None:
            if first.scale == 1.0 and phrase.second.scale > 1.0 and low < 1000:
                low *= phrase.second.scale
            low, high = min(low, high), max(low, high)
        return None, low, high
    if first.value is None:
        base = first.vague_base or 0.0
        return None, 2 * base, 10 * base
    value = first.value
    kind: HedgeKind | None = HEDGES.get(phrase.hedge) if phrase.hedge else None
    if kind == "low":
        return value, value, None
    if kind == "high":
        return value, None, value
    if kind == "approx":
        return value, _tidy(value * (1 - APPROX_BAND)), _tidy(value * (1 + APPROX_BAND))
    if kind == "below":
        return value, _tidy(value * (1 - APPROX_BAND)), value
    return value, value, value


def _tidy(value: float) -> float:
    """``value`` without binary rounding noise (55000.00000000001 → 55000.0)."""
    return float(f"{value:.12g}")
