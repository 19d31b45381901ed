"""Quotation marks: pair opening and closing marks into quoted spans, paragraph by paragraph.

Double marks (“…”, "…") are paired first; single marks (‘…’, '…') only outside them, so
nested quotes stay inside their outer quote. An apostrophe between letters ("We’ve",
"Russia’s") never closes a quote; one after an ``s`` followed by a word ("Belarus’ forces")
closes only when no better closing mark follows in the paragraph. A double quote left open
runs to the end of its paragraph (the convention for quotes that go on over paragraphs).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

DOUBLE_OPEN = '“"«'
DOUBLE_CLOSE = '”"»'
SINGLE_OPEN = "‘'"
SINGLE_CLOSE = "’'"
OPENER_BEFORE = ' \t([{—–-/:;“"‘'


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: ``start``/``end`` of its content, ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool


def find_marked(text: str) -> list[Marked]:
    """Every quoted span of the text, in order."""
    found: list[Marked] = []
    for para_start, para_end in _paragraphs(text):
        doubles = list(_pair_doubles(text, para_start, para_end))
        singles = _pair_singles(text, para_start, para_end, blocked=doubles)
        found.extend(doubles + singles)
    return sorted(found, key=lambda m: m.outer_start)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for index, char in enumerate(text):
        if char == "\n":
            yield start, index
            start = index + 1
    yield start, len(text)


def _pair_doubles(text: str, start: int, end: int) -> Iterator[Marked]:
    opened: int | None = None
    for index in range(start, end):
        char = text[index]
        if opened is None and char in DOUBLE_OPEN and _opens(text, index, end):
            opened = index
        elif opened is not None and char in DOUBLE_CLOSE:
            yield _marked(text, opened, index + 1, closed=True)
            opened = None
    if opened is not None:
        yield _marked(text, opened, end, closed=False)


def _pair_singles(text: str, start: int, end: int, *, blocked: list[Marked]) -> list[Marked]:
    closers = _Closers(text, start, end)
    block_starts = [m.outer_start for m in blocked]
    found: list[Marked] = []
    index = start
    while index < end:
        inside = _blocking(blocked, block_starts, index)
        if inside is not None:
            index = inside
            continue
        if text[index] in SINGLE_OPEN and _opens_single(text, index, start, end):
            limit = _next_block(block_starts, index, end)
            close = closers.after(index + 1, limit)
            if close is not None:
                found.append(_marked(text, index, close + 1, closed=True))
                index = close + 1
                continue
            if index == start:
                found.append(_marked(text, index, end, closed=False))
                break
        index += 1
    return found


def _blocking(blocked: list[Marked], starts: list[int], index: int) -> int | None:
    at = bisect.bisect_right(starts, index) - 1
    if at >= 0 and blocked[at].outer_start <= index < blocked[at].outer_end:
        return blocked[at].outer_end
    return None


def _next_block(starts: list[int], index: int, end: int) -> int:
    at = bisect.bisect_right(starts, index)
    return starts[at] if at < len(starts) else end


class _Closers:
    """The closing single marks of a paragraph, strong and weak, for lookup by position."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.strong: list[int] = []
        self.weak: list[int] = []
        for index in range(start + 1, end):
            if text[index] not in SINGLE_CLOSE or text[index - 1].isspace():
                continue
            after = text[index + 1] if index + 1 < end else " "
            if after.isalnum():
                continue
            (self.weak if _weak_close(text, index, end) else self.strong).append(index)

    def after(self, start: int, limit: int) -> int | None:
        """The first strong closer in [start+1, limit), else the first weak one, else None."""
        for positions in (self.strong, self.weak):
            at = bisect.bisect_left(positions, start + 1)
            if at < len(positions) and positions[at] < limit:
                return positions[at]
        return None


def _weak_close(text: str, index: int, end: int) -> bool:
    """A possessive apostrophe ("Belarus’ armed"): after an s and followed by a lowercase word."""
    if text[index - 1] not in "sS" or index + 2 >= end:
        return False
    return text[index + 1] == " " and text[index + 2].islower()


def _opens(text: str, index: int, end: int) -> bool:
    if text[index] in "“«":
        return True
    return index + 1 < end and not text[index + 1].isspace()


def _opens_single(text: str, index: int, start: int, end: int) -> bool:
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < end else " "
    return before in OPENER_BEFORE and not after.isspace()


def _marked(text: str, outer_start: int, outer_end: int, *, closed: bool) -> Marked:
    start = outer_start + 1
    end = outer_end - 1 if closed else outer_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Marked(start, end, outer_start, outer_end, closed)
