"""Direct quotes: a quoted span and the cue next to it ("…,” Lukashenko said").

1. a cue verb within a few tokens after the closing mark, or before the opening mark
   ("said: “…”", "confirmed that “…”"), in the same sentence;
2. otherwise a quote continuing the previous direct quote of its paragraph, or opening a
   paragraph right after one that ended with an attributed quote;
3. otherwise a short fragment is a term (scare quotes), a longer one unattributed speech.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storylens.extract.quotes.cues import ALL_MARKS, CUE_VERBS, TERM_MAX_WORDS, TITLE_SMALL_WORDS
from storylens.extract.quotes.marks import Marked
from storylens.extract.quotes.reported import subject_of, token_starts

WINDOW = 8
GAP_OBJECT = 5
"""Most tokens between a cue and the quote it introduces when they are its object."""
STOPS = frozenset({".", "!", "?", "\n"})
INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "nsubj"})
PROSE_WORDS = 6
"""How many words before a quote tell whether its sentence is prose or a title-case headline."""
PROSE_CHARS = 120
"""How far back those words are looked for (a long paragraph is not read back to its start)."""


@dataclass(frozen=True, slots=True)
class Direct:
    """A quoted span with its cue token and the subject token the speaker comes from."""

    marked: Marked
    cue: Any
    subject: Any
    continues: bool = False

    def is_term(self, text: str) -> bool:
        """A quote with no cue of its own that is not speech: a short fragment (scare
        quotes), or a title or name inside a sentence (“The Nightly Show”, a slogan)."""
        if self.cue is not None or self.continues:
            return False
        words = text[self.marked.start : self.marked.end].split()
        return len(words) <= TERM_MAX_WORDS or titled_in_prose(text, self.marked)


def titled_in_prose(text: str, marked: Marked) -> bool:
    """Whether a quote is in title case (“Flip the Script with Liz Plank”) and the sentence
    around it is not (a title-case headline quotes speech that way too)."""
    inner = _main_words(text[marked.start : marked.end])
    if not inner or not all(w[0].isupper() or w[0].isdigit() for w in inner):
        return False  # most quotes: the line before is not read
    before = _main_words(_line_before(text, marked.outer_start))[-PROSE_WORDS:]
    return any(w[0].islower() for w in before)


def _line_before(text: str, end: int) -> str:
    """The text of the line before ``end``, at most :data:`PROSE_CHARS` of it, starting at a
    whole word."""
    reach = max(0, end - PROSE_CHARS)
    line_start = text.rfind("\n", reach, end) + 1
    if line_start or not reach:
        return text[max(reach, line_start) : end]
    return text[reach:end].partition(" ")[2]  # the first word may be cut short


def _main_words(text: str) -> list[str]:
    """The words of a text without punctuation at their ends, and without the small words
    a title leaves in lower case."""
    words = (raw.strip(ALL_MARKS + ".,;:!?()[]—–-") for raw in text.split())
    return [w for w in words if w and w.lower() not in TITLE_SMALL_WORDS]


def holds_direct(start: int, end: int, directs: Sequence[Direct]) -> bool:
    """Whether the characters ``start:end`` hold a whole quoted span (``directs`` in text
    order, as :func:`attach_cues` gives them): the content of a mixed quote does."""
    at = bisect.bisect_left(directs, start, key=lambda d: d.marked.start)
    return at < len(directs) and directs[at].marked.end <= end


def attach_cues(doc: Any, text: str, marks: Sequence[Marked]) -> list[Direct]:
    """Each quoted span with the cue and subject that attribute it, if any."""
    starts = token_starts(doc)
    found: list[Direct] = []
    for index, marked in enumerate(marks):
        limit = marks[index + 1].outer_start if index + 1 < len(marks) else len(text)
        cue = _cue_after(doc, text, starts, marked, limit)
        if cue is None:
            floor = marks[index - 1].outer_end if index else 0
            cue = _cue_before(doc, starts, marked, floor)
        if cue is not None:
            found.append(Direct(marked, cue, _subject(cue, marked)))
        else:
            long = len(text[marked.start : marked.end].split()) > TERM_MAX_WORDS
            found.append(Direct(marked, None, None, long and _continues(text, marked, found)))
    return found


def _cue_after(doc: Any, text: str, starts: list[int], marked: Marked, limit: int) -> Any:
    first = bisect.bisect_left(starts, marked.outer_end)
    for token in doc[first : first + WINDOW]:
        if token.idx >= limit or token.text in STOPS or "\n" in token.text:
            return None
        if _is_cue(token):
            if _has_own_clause(token):
                return None
            return token if _closes_sentence(text, marked, token) else None
    return None


def _has_own_clause(cue: Any) -> bool:
    """'“…” He noted that …': a cue with a clause after it says something else."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children)


def _closes_sentence(text: str, marked: Marked, cue: Any) -> bool:
    """'“X,” he said' but not '‘by train’ on Saturday … claims': punctuation ends the quote."""
    gap = text[marked.end : marked.outer_end + 2]
    last = text[marked.start : marked.end].rstrip(ALL_MARKS + " ")
    return (last[-1:] in (".", "!", "?")) or any(mark in gap for mark in ",!?—–:")


def _cue_before(doc: Any, starts: list[int], marked: Marked, floor: int) -> Any:
    last = bisect.bisect_left(starts, marked.outer_start)
    for token in reversed(doc[max(0, last - WINDOW) : last]):
        if token.idx < floor or token.text in STOPS or "\n" in token.text:
            return None
        if _is_cue(token):
            gap = doc[token.i + 1 : last]
            if len(gap) <= 2 or gap[-1].lower_ in (":", ",", "that") or _addressee(token, gap):
                return token
            return None
    return None


def _addressee(cue: Any, gap: Any) -> bool:
    """'asked the crowd “…”': a short gap that is all the cue's object."""
    return (
        len(gap) <= GAP_OBJECT
        and all(t.head.i == cue.i or t.head.head.i == cue.i for t in gap if not t.is_punct)
        and any(t.dep_ in ("dobj", "dative") for t in gap)
    )


def _is_cue(token: Any) -> bool:
    return token.lower_ in CUE_VERBS and token.tag_.startswith("VB")


def _subject(cue: Any, marked: Marked) -> Any:
    subject = subject_of(cue)
    if subject is not None:
        return subject
    if cue.idx > marked.outer_start:
        for child in cue.rights:
            if child.dep_ in INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return child
    return None


def _continues(text: str, marked: Marked, found: list[Direct]) -> bool:
    """Whether the previous attributed quote is in this paragraph or in the one just before."""
    previous = next((d for d in reversed(found[-5:]) if d.subject is not None or d.continues), None)
    if previous is None:
        return False
    lines = text[previous.marked.outer_end : marked.outer_start].split("\n")
    if len(lines) == 1:
        return True
    return all(line.strip() == "" for line in lines[1:])
