# ruff: noqa: E501  (regular expressions read better unbroken)
"""The date grammar as data: lexicons and the regular expressions built from them.

Each entry of :data:`PATTERNS` is ``(name, regex)``; :mod:`storylens.extract.timex` turns a
match of ``name`` into a TimeML value. Named groups carry the parts (``month``, ``day``…).
Matching is case-insensitive; month and weekday names are checked for a capital letter
afterwards (``may``, ``march`` and ``sun`` are ordinary words too).
"""

from __future__ import annotations

import re

from storylens.extract.alternation import alternation

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "the past few")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "lately": "PAST_REF",
    "recent years": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "in the future": "FUTURE_REF", "in the coming years": "FUTURE_REF",
}  # fmt: skip


_B = r"(?<![\w$£€.-])"
_E = r"(?![\w-])"
MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"  # fmt: skip
MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
MONTH = rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = (
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.)"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
NUMBER_WORD = rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|{alternation(NUMBERS)})"
NUMBER = rf"(?P<number>\d+(?:\.\d+)?|{NUMBER_WORD}|{alternation(VAGUE_NUMBERS)})"
UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|century|quarter|weekend)s?"
MODIFIER = (
    r"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+)?"
)
SHIFT = r"(?P<shift>this|last|next|past|coming|previous|current|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+current)"
_DAY_AFTER = rf"(?:\s+(?:on\s+)?{WEEKDAY}|\s+(?P<rel>today|yesterday|tomorrow))?"
PART_OF_DAY = r"(?P<part>morning|afternoon|evening|night)"

# fmt: off
PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"{_B}{YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?{_E}"),
    ("numeric", rf"{_B}(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d){_E}"),
    (
        "month_day",
        rf"{_B}(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?{_E}",
    ),
    (
        "day_month",
        rf"{_B}(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?{_E}",
    ),
    ("month_year", rf"{_B}{MODIFIER}{MONTH},?\s+(?:of\s+)?{YEAR}{_E}"),
    ("month", rf"{_B}{MODIFIER}(?:(?P<shift>last|next|this|past|coming)\s+)?(?P<month>{MONTH_FULL}|sept\.){_E}"),
    ("decade", rf"{_B}(?:the\s+)?{MODIFIER}(?P<decade>(?:1[5-9]|20)\d)0'?s{_E}"),
    ("year", rf"{_B}{MODIFIER}(?:(?P<fiscal>fiscal|calendar)\s+)?{YEAR}{_E}(?!\s*(?:%|percent))"),
    (
        "quarter",
        rf"{_B}(?:the\s+)?(?:(?P<yearmod>this\s+year's|last\s+year's|next\s+year's|fiscal|year's)\s+)?"
        rf"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?quarter"
        rf"(?:\s+of\s+{YEAR})?{_E}",
    ),
    (
        "this_quarter",
        r"(?<![\w-])(?:the\s+)?(?P<which>latest|last|past|current|most\s+recent|previous|fiscal|"
        r"year-earlier|year-ago|this|next|coming|(?<=the\s))\s*quarter(?![\w-])",
    ),
    ("weekend", r"(?<![\w-])the\s+weekend(?![\w-])"),
    (
        "spelled_year",
        r"(?<![\w-])(?:the\s+year\s+)?(?P<spelled>(?:nineteen|twenty)(?:\s+hundred(?:\s+and)?)?[\s-]+"
        r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)(?![\w-])",
    ),
    ("year_ago", r"(?<![\w-])(?:the\s+)?(?:year-earlier|year-ago)(?![\w-])"),
    ("relative_day", rf"{_B}(?P<rel>today|tonight|yesterday|tomorrow)(?:\s+{PART_OF_DAY})?{_E}"),
    (
        "weekday",
        rf"{_B}(?:(?P<dmod>early|late|later\s+in\s+the\s+day|earlier\s+in\s+the\s+day"
        rf"|last|next|this|coming|past)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?{_E}",
    ),
    (
        "ago",
        rf"{_B}(?:(?P<approx>about|some|nearly|almost|more\s+than|less\s+than)\s+)?{NUMBER}[\s-]+{UNIT}\s+(?P<dir>ago|earlier|later|before|from\s+now|hence){_E}",
    ),
    (
        "shift",
        rf"{_B}(?:(?P<within>earlier|later|early|late)\s+)?{SHIFT}\s+(?:(?P<season>spring|summer|fall|autumn|winter)|{PART_OF_DAY}|(?P<sunit>week|month|year|weekend|decade|century))(?![\w-])",
    ),
    (
        "duration",
        rf"{_B}(?:(?P<det>the|a|an)\s+)?(?:(?P<which>past|last|next|first|previous|coming|final|latest|following)\s+)?{NUMBER}[\s-]+{UNIT}(?:[\s-]+long)?{_E}",
    ),
    ("vague_duration", rf"{_B}(?:(?P<det>the)\s+)?(?:(?P<which>past|last|next|recent|coming)\s+)?(?P<vague>several|few|many|recent)\s+(?P<unit>day|week|month|year|decade)s{_E}"),
    ("clock", rf"{_B}(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?{_DAY_AFTER}(?![\w])"),
    ("clock_word", rf"{_B}(?P<clockword>noon|midnight){_DAY_AFTER}{_E}"),
    ("set", rf"{_B}(?P<every>every|each|per)\s+(?P<unit>day|week|month|year|quarter){_E}"),
    ("reference", rf"{_B}(?P<ref>{alternation(REFERENCES)}){_E}"),
)
"""Named patterns, all tried; overlapping matches are settled longest-first."""
# fmt: on

COMPILED = tuple((name, re.compile(regex, re.IGNORECASE)) for name, regex in PATTERNS)
