"""Split an article's text into segments so overlapping spans can be shown as marks.

Spans may nest or cross (an entity inside a quote, a statement that starts inside a
date). Every span start and end becomes a boundary; each piece between two boundaries
carries the kinds of all spans covering it, most important first, so a template can emit
one flat element per piece and CSS can combine the styles. No markup is produced here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

KIND_PRIORITY: tuple[str, ...] = ("quote", "speaker", "qty", "date", "ent")
"""Mention kinds in the order their class and label are listed."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: a mention (``kind``) or an anchored statement (``anchor``)."""

    start: int
    end: int
    kind: str | None = None
    label: str = ""
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text with every mark that covers it."""

    text: str
    kinds: tuple[str, ...] = ()
    label: str = ""
    anchors: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    """Anchors whose span begins with this piece (jump targets go here)."""

    @property
    def plain(self) -> bool:
        return not (self.kinds or self.anchors)


def segment_text(text: str, marks: Iterable[Mark]) -> tuple[Segment, ...]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it."""
    valid = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end, m.kind or "", m.anchor or "", m.label),
    )
    bounds = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[Segment] = []
    active: list[Mark] = []
    pending = 0
    started: set[str] = set()
    for left, right in itertools.pairwise(bounds):
        active = [m for m in active if m.end > left]
        while pending < len(valid) and valid[pending].start <= left:
            active.append(valid[pending])
            pending += 1
        pieces.append(_piece(text[left:right], active, started))
    return _merge(pieces)


def _piece(text: str, active: Sequence[Mark], started: set[str]) -> Segment:
    """One piece covered by ``active`` marks; anchors beginning here are listed."""
    mentions = sorted(
        (m for m in active if m.kind), key=lambda m: KIND_PRIORITY.index(m.kind or "ent")
    )
    kinds = tuple(dict.fromkeys(m.kind for m in mentions if m.kind))
    label = "; ".join(dict.fromkeys(m.label for m in mentions if m.label))
    anchors = tuple(sorted({m.anchor for m in active if m.anchor}))
    fresh = [a for a in anchors if a not in started]
    started.update(fresh)
    return Segment(text, kinds, label, anchors, tuple(fresh))


def _merge(pieces: Sequence[Segment]) -> tuple[Segment, ...]:
    """Join neighbours that look the same, so the page has fewer elements."""
    merged: list[Segment] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not piece.starts
            and (last.kinds, last.label, last.anchors) == (piece.kinds, piece.label, piece.anchors)
        ):
            merged[-1] = Segment(
                last.text + piece.text, last.kinds, last.label, last.anchors, last.starts
            )
        else:
            merged.append(piece)
    return tuple(merged)
