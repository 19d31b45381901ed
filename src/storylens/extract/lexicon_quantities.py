"""The lexicon of the quantity grammar, as data: number words, hedges, units, currencies."""

from __future__ import annotations

from typing import Literal

HedgeKind = Literal["low", "high", "approx", "below"]
"""``low``: the number is a lower bound; ``high``: an upper bound; ``approx``: a ±10% band;
``below``: approximately, from below ("nearly 8": high = 8, low = 0.9 × 8)."""

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
MULTIPLIER_SUFFIXES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}  # fmt: skip
"""A scale after a number: "725 million", "1.8bn", "5k" ("m"/"b" only right after a digit)."""

VAGUE_NUMBERS = {
    "tens of thousands": 1e4, "hundreds of thousands": 1e5, "tens of millions": 1e7,
    "hundreds of millions": 1e8, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}  # fmt: skip
"""Plural scales without a number: low = 2 × base, high = 10 × base ("thousands": 2,000-10,000)."""

HEDGES: dict[str, HedgeKind] = {
    "more than": "low", "over": "low", "at least": "low", "upwards of": "low",
    "in excess of": "low", "no fewer than": "low", "no less than": "low", "just over": "low",
    "well over": "low", "above": "low", "a minimum of": "low", "not less than": "low",
    "up to": "high", "fewer than": "high", "less than": "high", "at most": "high",
    "under": "high", "no more than": "high", "as many as": "high", "just under": "high",
    "a maximum of": "high", "not more than": "high", "below": "high",
    "around": "approx", "about": "approx", "approximately": "approx", "some": "approx",
    "roughly": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "approx.": "approx", "close to": "below", "nearly": "below", "almost": "below",
    "just shy of": "below",
}  # fmt: skip

APPROX_BAND = 0.1
"""Relative half-width of the band for "around"/"about" (and the lower side of "nearly")."""

CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "₹": "INR", "A$": "AUD", "C$": "CAD", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "rubles": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "hryvnias": "UAH", "hryvnia": "UAH",
    "yuan": "CNY", "yen": "JPY", "rupees": "INR", "pounds sterling": "GBP",
}  # fmt: skip

DISTANCE_UNITS = {
    "miles": "miles", "mile": "miles", "mi": "miles", "km": "km", "kilometres": "km",
    "kilometers": "km", "kilometre": "km", "kilometer": "km", "metres": "metres",
    "meters": "metres", "metre": "metres", "meter": "metres", "feet": "feet", "foot": "feet",
    "ft": "feet", "yards": "yards", "nautical miles": "nautical miles",
}  # fmt: skip
DURATION_UNITS = {
    "seconds": "seconds", "second": "seconds", "minutes": "minutes", "minute": "minutes",
    "hours": "hours", "hour": "hours", "days": "days", "day": "days", "weeks": "weeks",
    "week": "weeks", "fortnights": "fortnights", "months": "months", "month": "months",
    "years": "years", "year": "years", "decades": "decades", "decade": "decades",
    "centuries": "centuries", "century": "centuries",
}  # fmt: skip
PERCENT_UNITS = ("%", "percent", "per cent", "percentage points", "percentage point")

LABEL_WORDS = frozenset(
    {"number", "no", "no.", "nos.", "page", "article", "chapter", "section", "paragraph",
     "resolution", "flight", "route", "channel", "version", "phase", "part", "volume", "item",
     "gate", "platform", "level", "step", "grade", "class", "room", "apollo", "episode",
     "season", "unit", "brigade", "division", "battalion", "regiment", "corps", "highway"}
)  # fmt: skip
"""A number right after one of these is a label ("number one", "Resolution 2334"), not a count."""

COUNT_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
"""Dependents of the counted noun kept in ``counts`` ("Russian troops", "T-72 tanks")."""

YEAR_RANGE = (1500, 2100)
"""A bare four-digit integer in this range, with no unit or currency, is a year, not a count."""
