"""The dateline that may open a news paragraph ("MINSK, Oct. 10 (Reuters) – ", "RENO, Nev.
(AP) — "), as one pattern: attribution reads past it (the parser takes its place word for
the subject of the first verb) and summaries drop it."""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,[^\n()—–]{1,40})?(?:\s*\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s"
)
"""A line's opening place in capitals, then its region or date, the agency in brackets and a
dash. Use it with ``match`` on a line's start: it is not anchored."""


def strip_dateline(text: str) -> str:
    """The text without surrounding space and without the dateline it opens with."""
    text = text.strip()
    found = DATELINE.match(text)
    return text[found.end() :].lstrip() if found is not None else text
