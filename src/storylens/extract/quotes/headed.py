"""Lines that open with their speaker and a colon: "Peskov: no talks planned", "Insiders: …".

Headlines, captions and live blogs name who speaks, then a colon, then what they said.
A line is read this way when:

- one to :data:`MAX_HEAD_WORDS` words come before the colon, every one capitalised (or a
  speaker noun or title), none a cue verb or a label word (:data:`cues.LINE_LABELS`:
  "Update:", "Watch:", "Editor's note:");
- the last of them can speak: a person, an organisation or a group (not a place: "Ukraine: …"
  in a headline is a topic), or a speaker noun or title ("Officials: …"); a name the
  recogniser missed in the headline counts when the text names it elsewhere ("Trump: …");
- at least :data:`MIN_CONTENT_WORDS` words follow on the same line.

The colon is the cue, as the attribution corpora mark it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storylens.extract.quotes.cues import (
    ALL_MARKS,
    CUE_VERBS,
    LINE_LABELS,
    SPEAKER_NOUNS,
    TITLES,
)
from storylens.extract.quotes.reported import token_end, token_starts, trimmed
from storylens.model import QuoteKind

MAX_HEAD_WORDS = 5
MIN_CONTENT_WORDS = 3
HEAD_LABELS = frozenset({"PERSON", "ORG", "NORP"})
"""Entity labels of a line's speaker (a place is more often a headline's topic)."""
CANDIDATE_LINE = re.compile(r"^[^\n:]{1,80}:", re.MULTILINE)
"""A line with a colon near its start: the only lines worth reading token by token."""
NAME_PIECES = frozenset({".", "-", "'s", "’s", "'", "’"})
"""Tokens that may sit inside a speaker's name ("Sen. Ted Cruz", "O'Malley's aide")."""


@dataclass(frozen=True, slots=True)
class Headed:
    """One line's attribution: the speaker's head token, the colon, the content bounds and
    its kind (``direct`` when the line quotes, the marks left out)."""

    subject: Any
    cue_start: int
    cue_end: int
    start: int
    end: int
    kind: QuoteKind


def find_headed(doc: Any, text: str) -> Iterator[Headed]:
    """Every line of the text that opens with a speaker and a colon."""
    starts: list[int] | None = None
    for match in CANDIDATE_LINE.finditer(text):
        starts = token_starts(doc) if starts is None else starts
        line_end = text.find("\n", match.start())
        line_end = len(text) if line_end < 0 else line_end
        found = _line(doc, text, starts, match.start(), line_end)
        if found is not None:
            yield found


def _line(doc: Any, text: str, starts: list[int], line_start: int, line_end: int) -> Headed | None:
    first = bisect.bisect_left(starts, line_start)
    head: list[Any] = []
    for token in doc[first : first + MAX_HEAD_WORDS + 2]:
        if token.idx >= line_end or token.is_space:
            return None
        if token.text == ":":
            return _headed(head, token, text, line_end)
        if not _name_piece(token):
            return None
        head.append(token)
    return None


def _name_piece(token: Any) -> bool:
    """A word a speaker's name or role may hold."""
    word = token.text
    if word in NAME_PIECES:
        return True
    if not word.rstrip(".").isalpha() or token.lower_ in CUE_VERBS or token.lower_ in LINE_LABELS:
        return False
    return word[0].isupper() or token.lower_ in SPEAKER_NOUNS or token.lower_ in TITLES


def _headed(head: list[Any], colon: Any, text: str, line_end: int) -> Headed | None:
    words = [token for token in head if token.text not in NAME_PIECES]
    if not 1 <= len(words) <= MAX_HEAD_WORDS or not _can_head(words[-1]):
        return None
    bounds = trimmed(text, token_end(colon), line_end)
    if bounds is None or len(text[bounds[0] : bounds[1]].split()) < MIN_CONTENT_WORDS:
        return None
    start, end = bounds
    if text[start] not in ALL_MARKS:
        return Headed(words[-1], colon.idx, token_end(colon), start, end, "indirect")
    end -= text[end - 1] in ALL_MARKS  # a quote: its words, as for any direct quote
    return Headed(words[-1], colon.idx, token_end(colon), start + 1, end, "direct")


def _can_head(token: Any) -> bool:
    lower = token.lower_
    if token.ent_type_:
        return token.ent_type_ in HEAD_LABELS
    if lower in SPEAKER_NOUNS or lower in TITLES:
        return True
    return any(e.label_ in HEAD_LABELS and e[-1].text == token.text for e in token.doc.ents)
