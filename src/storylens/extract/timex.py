"""TimeML values for matches of the date grammar (:mod:`storylens.extract.dates_patterns`).

``normalize`` maps one match to a :class:`Timex` (value and type) given the reference date
(the publication date, or None), whether the clause is in the future tense, and the last
resolved absolute value before it (the anchor for "a year earlier"). Relative expressions
get ``value=None`` when there is no reference date; absolute ones are resolved regardless.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from storylens.extract.dates_patterns import (
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    UNITS,
    WEEKDAYS,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]
Groups = Mapping[str, str | None]

ANCHOR = re.compile(r"\d{4}(-(Q\d|\d\d|W\d\d|SU|SP|FA|WI))?(-\d\d)?")
"""A DATE value that can anchor "a year earlier": a year, quarter, month, week, season or day."""
_QUARTER = re.compile(r"\d{4}-Q\d")


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression is resolved against."""

    ref: dt.date | None
    tense: Tense = "past"
    anchor: str | None = None
    """The last absolute DATE value before the expression (for "a year earlier")."""


@dataclass(frozen=True, slots=True)
class Timex:
    value: str | None
    type: TimexType = "DATE"


Normalizer = Callable[[Groups, Context], Timex | None]


def normalize(name: str, groups: Groups, context: Context) -> Timex | None:
    """The value of a match of pattern ``name``; None when the match is not a date after all."""
    return _NORMALIZERS[name](groups, context)


def number_of(word: str | None) -> float | None:
    """A cardinal written in digits or words ("twenty four", "a couple of"); None if vague."""
    if word is None:
        return None
    text = re.sub(r"[\s-]+", " ", word.lower().strip())
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    if text in NUMBERS:
        return float(NUMBERS[text])
    parts = text.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _weekday(word: str | None) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip(".")) if word else None


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _iso(groups: Groups, context: Context) -> Timex | None:
    date = _safe_date(int(groups["year"] or 0), int(groups["mnum"] or 0), int(groups["day"] or 0))
    if date is None:
        return None
    if groups.get("hour"):
        return Timex(f"{date.isoformat()}T{groups['hour']}:{groups['minute']}", "TIME")
    return Timex(date.isoformat())


def _numeric(groups: Groups, context: Context) -> Timex | None:
    year = int(groups["year"] or 0)
    year += 1900 if year < 100 and year >= 30 else 2000 if year < 100 else 0
    date = _safe_date(year, int(groups["mnum"] or 0), int(groups["day"] or 0))
    return None if date is None else Timex(date.isoformat())


def _month_day(groups: Groups, context: Context) -> Timex | None:
    month, day = _month(groups["month"]), int(groups["day"] or 0)
    if month is None or not _capitalised(groups["month"]) or not 1 <= day <= 31:
        return None
    if groups.get("year"):
        date = _safe_date(int(groups["year"] or 0), month, day)
        return None if date is None else Timex(date.isoformat())
    if context.ref is None:
        return Timex(None)
    year = _year_of(month, context, day=day)
    date = _safe_date(year, month, day)
    return Timex(date.isoformat() if date else f"{year:04d}-{month:02d}")


def _month_year(groups: Groups, context: Context) -> Timex | None:
    month = _month(groups["month"])
    if month is None or not _capitalised(groups["month"]):
        return None
    return Timex(f"{int(groups['year'] or 0):04d}-{month:02d}")


def _month_alone(groups: Groups, context: Context) -> Timex | None:
    month = _month(groups["month"])
    if month is None or not _capitalised(groups["month"]):
        return None
    if groups["month"].lower() == "may" and not groups.get("mod") and not groups.get("shift"):  # type: ignore[union-attr]
        return None  # the modal verb at a sentence start is too common to guess
    if context.ref is None:
        return Timex(None)
    shift = (groups.get("shift") or "").lower()
    ref = context.ref
    if shift == "next":
        year = ref.year + (month <= ref.month)
    elif shift in ("last", "past"):
        year = ref.year - (month >= ref.month)
    elif shift == "this":
        year = ref.year
    else:
        year = _year_of(month, context, day=0)
    return Timex(f"{year:04d}-{month:02d}")


def _year_of(month: int, context: Context, *, day: int = 1) -> int:
    """The year of a month (and day; 0 for a whole month) named without one.

    Future clause: on or after the reference date. Otherwise the nearest occurrence, but in a
    past clause at most 92 days ahead (a whole month: at most the next month, which news
    names in a past clause: "December contracts fell", published on 2 November).
    """
    assert context.ref is not None
    ref = context.ref
    if context.tense == "future":
        return ref.year + ((month, day) < (ref.month, ref.day))
    distance = (month - ref.month) * 31 + (day - ref.day)
    ahead = (31 if day == 0 else 92) if context.tense == "past" else 183
    return ref.year - (distance > ahead) + (distance < ahead - 366)


def _decade(groups: Groups, context: Context) -> Timex | None:
    return Timex(f"{groups['decade']}")


def _year(groups: Groups, context: Context) -> Timex | None:
    year = int(groups["year"] or 0)
    if not groups.get("mod") and not groups.get("fiscal") and not 1900 <= year <= 2099:
        return None
    return Timex(f"{year:04d}")


def _quarter(groups: Groups, context: Context) -> Timex | None:
    number = ORDINALS[(groups["ordinal"] or "").lower()]
    if groups.get("year"):
        return Timex(f"{groups['year']}-Q{number}")
    if context.ref is None:
        return Timex(None)
    yearmod = (groups.get("yearmod") or "").lower()
    year = context.ref.year + (-1 if yearmod.startswith("last") else 1 if "next" in yearmod else 0)
    return Timex(f"{year:04d}-Q{number}")


def _this_quarter(groups: Groups, context: Context) -> Timex | None:
    which = re.sub(r"\s+", " ", (groups["which"] or "").lower())
    anchor = context.anchor or ""
    if not which and _QUARTER.fullmatch(anchor):
        return Timex(anchor)
    if context.ref is None:
        return Timex(None)
    year, quarter = context.ref.year, (context.ref.month - 1) // 3 + 1
    if which in ("current", "this"):
        return Timex(f"{year}-Q{quarter}")
    if which in ("next", "coming"):
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return Timex(f"{year}-Q{quarter}")
    year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    if which in ("year-earlier", "year-ago"):
        return _year_ago({}, context)
    return Timex(f"{year}-Q{quarter}")


def _year_ago(groups: Groups, context: Context) -> Timex | None:
    anchor = context.anchor
    if anchor and ANCHOR.fullmatch(anchor):
        return Timex(f"{int(anchor[:4]) - 1:04d}{anchor[4:]}")
    return Timex(None if context.ref is None else f"{context.ref.year - 1:04d}")


def _relative_day(groups: Groups, context: Context) -> Timex | None:
    rel = (groups["rel"] or "").lower()
    if context.ref is None:
        return Timex(None, "TIME" if rel == "tonight" or groups.get("part") else "DATE")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[rel]
    day = (context.ref + dt.timedelta(days=offset)).isoformat()
    part = "night" if rel == "tonight" else groups.get("part")
    return Timex(f"{day}T{PARTS_OF_DAY[part.lower()]}", "TIME") if part else Timex(day)


def _weekday_value(groups: Groups, context: Context) -> Timex | None:
    weekday = _weekday(groups["weekday"])
    if weekday is None or not _capitalised(groups["weekday"]):
        return None
    part = groups.get("part")
    kind: TimexType = "TIME" if part else "DATE"
    if context.ref is None:
        return Timex(None, kind)
    dmod = (groups.get("dmod") or "").lower()
    ref = context.ref
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    future = context.tense != "past"
    if dmod == "next" or (dmod in ("coming", "this") and future):
        date = ref + dt.timedelta(days=ahead or 7)
    elif dmod in ("last", "past"):
        date = ref - dt.timedelta(days=back or 7)
    elif context.tense == "future":
        date = ref + dt.timedelta(days=ahead)
    elif context.tense == "present":  # "meets Friday": the nearest one
        date = ref + dt.timedelta(days=ahead) if ahead <= back else ref - dt.timedelta(days=back)
    else:
        date = ref - dt.timedelta(days=back)
    if part:
        return Timex(f"{date.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME")
    return Timex(date.isoformat())


def _ago(groups: Groups, context: Context) -> Timex | None:
    unit = (groups["unit"] or "").lower()
    number = number_of(groups["number"])
    direction = re.sub(r"\s+", " ", (groups["dir"] or "").lower())
    quarterly = bool(_QUARTER.fullmatch(context.anchor or ""))
    if (
        direction != "later"
        and unit == "year"
        and number == 1
        and (direction != "ago" or quarterly)
    ):
        return _year_ago(groups, context)
    if context.ref is None or number is None or number != int(number):
        return Timex(None)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    return Timex(shift_date(context.ref, unit, sign * int(number)))


def shift_date(ref: dt.date, unit: str, amount: int) -> str | None:
    """``ref`` moved by ``amount`` units, at that unit's granularity (TimeML style)."""
    if unit in ("day", "weekend"):
        return (ref + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        year, week, _ = (ref + dt.timedelta(weeks=amount)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "year":
        return f"{ref.year + amount:04d}"
    if unit == "decade":
        return f"{(ref.year // 10 + amount):03d}"
    if unit == "century":
        return f"{(ref.year // 100 + amount):02d}XX"
    return None


def _shift(groups: Groups, context: Context) -> Timex | None:
    shift = re.sub(r"\s+", " ", (groups["shift"] or "").lower()).removeprefix("the ")
    season, part, unit = groups.get("season"), groups.get("part"), groups.get("sunit")
    the = (groups["shift"] or "").lower().startswith("the")
    if shift in ("past", "previous") and the and unit and unit.lower() in UNITS:
        return Timex(f"P1{UNITS[unit.lower()]}", "DURATION")
    if context.ref is None:
        return Timex(None, "TIME" if part else "DATE")
    ref = context.ref
    amount = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(shift, 0)
    if part:
        day = ref + dt.timedelta(days=-1 if shift == "last" else 1 if shift == "next" else 0)
        return Timex(f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME")
    if season:
        return Timex(f"{ref.year + amount:04d}-{SEASONS[season.lower()]}")
    unit = (unit or "").lower()
    if unit == "weekend":
        year, week, _ = (ref + dt.timedelta(weeks=amount)).isocalendar()
        return Timex(f"{year:04d}-W{week:02d}-WE")
    return Timex(shift_date(ref, unit, amount))


def _duration(groups: Groups, context: Context) -> Timex | None:
    unit = (groups["unit"] or "").lower()
    number = number_of(groups["number"])
    code = UNITS.get(unit)
    if code is None or unit == "weekend":
        return None
    if number is None:
        return Timex(f"PX{code}", "DURATION")
    amount = f"{int(number)}" if number == int(number) else f"{number:g}"
    if unit == "quarter":
        return Timex(f"P{int(number * 3)}M" if number == int(number) else None, "DURATION")
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    if unit == "decade":
        return Timex(f"P{int(number * 10)}Y", "DURATION")
    if unit == "century":
        return Timex(f"P{int(number * 100)}Y", "DURATION")
    return Timex(f"{prefix}{amount}{code}", "DURATION")


def _vague_duration(groups: Groups, context: Context) -> Timex | None:
    unit = (groups["unit"] or "").lower()
    if (groups.get("vague") or "").lower() == "recent":
        return Timex("PAST_REF")
    code = UNITS[unit]
    return Timex(f"PX{code}", "DURATION")


def _weekend(groups: Groups, context: Context) -> Timex | None:
    if context.ref is None:
        return Timex(None)
    ref = context.ref
    amount = (
        1 if context.tense == "future" and ref.weekday() < 5 else -1 if ref.weekday() < 4 else 0
    )
    year, week, _ = (ref + dt.timedelta(weeks=amount)).isocalendar()
    return Timex(f"{year:04d}-W{week:02d}-WE")


def _spelled_year(groups: Groups, context: Context) -> Timex | None:
    words = re.sub(r"[\s-]+", " ", (groups["spelled"] or "").lower()).replace(" and", "").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_of(" ".join(words[2:])) if words[2:] else 0.0
        return None if rest is None else Timex(f"{2000 + int(rest):04d}")
    century = 1900 if words[0] == "nineteen" else 2000
    words = words[2:] if words[1:2] == ["hundred"] else words[1:]
    rest = number_of(" ".join(words))
    return None if rest is None else Timex(f"{century + int(rest):04d}")


def _clock(groups: Groups, context: Context) -> Timex | None:
    hour = int(groups["hour"] or 0)
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if (groups["ampm"] or "").lower().startswith("p") else 0)
    return _at_day(f"{hour:02d}:{groups.get('minute') or '00'}", groups, context)


def _clock_word(groups: Groups, context: Context) -> Timex | None:
    hour = "12:00" if (groups["clockword"] or "").lower() == "noon" else "24:00"
    return _at_day(hour, groups, context)


def _at_day(clock: str, groups: Groups, context: Context) -> Timex | None:
    """A clock time on the day named after it (a weekday, "yesterday"), else on the ref date."""
    if groups.get("weekday"):
        day = _weekday_value({"weekday": groups["weekday"]}, context)
    elif groups.get("rel"):
        day = _relative_day({"rel": groups["rel"]}, context)
    else:
        day = Timex(None if context.ref is None else context.ref.isoformat())
    if day is None:
        return None
    return Timex(None if day.value is None else f"{day.value}T{clock}", "TIME")


def _set(groups: Groups, context: Context) -> Timex | None:
    code = UNITS[(groups["unit"] or "").lower()]
    return Timex(f"P1{code}", "SET")


def _reference(groups: Groups, context: Context) -> Timex | None:
    ref = re.sub(r"\s+", " ", (groups["ref"] or "").lower())
    return Timex(REFERENCES[ref])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_NORMALIZERS: dict[str, Normalizer] = {
    "iso": _iso,
    "numeric": _numeric,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month": _month_alone,
    "decade": _decade,
    "year": _year,
    "quarter": _quarter,
    "this_quarter": _this_quarter,
    "year_ago": _year_ago,
    "relative_day": _relative_day,
    "weekday": _weekday_value,
    "ago": _ago,
    "shift": _shift,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "clock": _clock,
    "weekend": _weekend,
    "spelled_year": _spelled_year,
    "clock_word": _clock_word,
    "set": _set,
    "reference": _reference,
}
