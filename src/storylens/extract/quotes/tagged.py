"""Attributions read from the transformer tagger's word scores (the optional second opinion).

The tagger (:mod:`.tagger`, the ``tagger`` extra) gives every word of an article, for each
role (source, cue, content), the probability of being outside a span of that role, of
beginning one and of continuing one. This module turns those scores into spans and the
spans into attributions; it needs neither torch nor the model, only the scores.

:func:`find_quotes` uses them in two ways:

1. **keep**: an attribution of the rules whose cue and source the tagger both doubt
   (no word above ``keep_at``) is dropped;
2. **source**: a rules' speaker mention the tagger rejects (no word above ``replace_at``)
   is replaced by the tagger's nearest source in the sentence, and a quote without a
   speaker takes that source too (:func:`nearest_source`);
3. **add**: an attribution the tagger finds whose cue and content overlap nothing the
   rules found is added, its speaker resolved like any other.

The :class:`Thresholds` are chosen on a held-out part of PolNeAR train by
``scripts/train_tagger.py`` and ship with the weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy

from storylens.segment.bounds import sentence_index

ROLES = ("source", "cue", "content")
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
SOURCE, CUE, CONTENT = 0, 1, 2
TRIM = " \t\n\"'“”‘’«»,.;:"
"""Characters trimmed from both ends of a span (as the attribution eval trims them)."""
FOLLOWING_CONTENT = 5
"""A content that starts at most this many characters after a cue ("said: …") is its own."""

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How the scores are read: a word is in a span when its outside probability is below
    ``add_at``; a rules' attribution is doubted when no word of its cue or source reaches
    ``keep_at``; a rules' speaker mention is rejected when none of its words reaches
    ``replace_at`` (0 rejects none); a tagged content needs ``min_words`` words (shorter
    ones, "that" or "an", are fragments of a span the tagger lost track of)."""

    add_at: float
    keep_at: float
    min_words: int
    replace_at: float = 0.0


@dataclass(frozen=True, slots=True, eq=False)
class Tagging:
    """The tagger's reading of one text: word bounds and, per word, role and tag, a probability.

    ``probs[word, role, tag]`` with role in :data:`ROLES` and tag OUTSIDE/BEGIN/INSIDE.
    """

    starts: numpy.ndarray
    ends: numpy.ndarray
    probs: numpy.ndarray
    thresholds: Thresholds


@dataclass(frozen=True, slots=True)
class TaggedAttribution:
    """One attribution the tagger finds: the cue, its content, the nearest source (or None)."""

    source: Span | None
    cue: Span
    content: Span


def role_spans(text: str, tagging: Tagging, role: int) -> list[Span]:
    """The spans of one role: a word is in a span when its outside probability is below
    ``add_at``; it starts a new span when beginning is likelier than continuing."""
    spans: list[Span] = []
    current: list[int] | None = None
    probs = tagging.probs[:, role, :]
    for index in range(len(tagging.starts)):
        start, end = int(tagging.starts[index]), int(tagging.ends[index])
        outside, begin, inside = probs[index]
        if outside >= tagging.thresholds.add_at:
            _close(text, spans, current)
            current = None
        elif current is None or begin > inside:
            _close(text, spans, current)
            current = [start, end]
        else:
            current[1] = end
    _close(text, spans, current)
    return spans


def _close(text: str, spans: list[Span], current: list[int] | None) -> None:
    if current is not None:
        trimmed = trim(text, (current[0], current[1]))
        if trimmed is not None:
            spans.append(trimmed)


def trim(text: str, span: Span) -> Span | None:
    """The span without surrounding spaces, quotation marks and final punctuation."""
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end) if end > start else None


def find_tagged(
    text: str, tagging: Tagging, *, sentence_starts: Sequence[int]
) -> list[TaggedAttribution]:
    """Attributions from the tagger's spans: each cue with the content and source of its
    sentence (the nearest ones), or the content that follows it straight after."""
    sources, cues, contents = (role_spans(text, tagging, role) for role in range(3))
    least = tagging.thresholds.min_words
    contents = [c for c in contents if len(text[c[0] : c[1]].split()) >= least]
    found = []
    for cue in cues:
        sentence = sentence_index(sentence_starts, cue[0])
        content = _nearest_content(cue, contents, sentence_starts, sentence)
        if content is None:
            continue
        near = [s for s in sources if sentence_index(sentence_starts, s[0]) == sentence]
        source = min(near, key=lambda s: abs(s[0] - cue[0]), default=None)
        found.append(TaggedAttribution(source, cue, content))
    return found


def _nearest_content(
    cue: Span, contents: list[Span], sentence_starts: Sequence[int], sentence: int
) -> Span | None:
    ends = [
        (sentence_index(sentence_starts, c[0]), sentence_index(sentence_starts, c[1] - 1))
        for c in contents
    ]
    same = [
        c
        for c, (first, last) in zip(contents, ends, strict=True)
        if sentence in (first, last) or (c[0] <= cue[0] and cue[1] <= c[1])
    ]
    if not same:
        same = [c for c in contents if 0 <= c[0] - cue[1] < FOLLOWING_CONTENT]
    return min(same, key=lambda c: min(abs(c[0] - cue[1]), abs(cue[0] - c[1])), default=None)


def nearest_source(
    sources: list[Span], *, sentence_starts: Sequence[int], anchor: int, content: Span
) -> Span | None:
    """Of the tagger's source spans (:func:`role_spans`), the nearest to ``anchor`` (a cue's
    or content's start) in its sentence and outside the content; None when there is none."""
    sentence = sentence_index(sentence_starts, anchor)
    near = [
        span
        for span in sources
        if sentence_index(sentence_starts, span[0]) == sentence
        and not (span[0] < content[1] and content[0] < span[1])
    ]
    return min(near, key=lambda span: abs(span[0] - anchor), default=None)


def rejected(tagging: Tagging, source: Span) -> bool:
    """Whether no word of a source mention reaches ``replace_at`` for the source role."""
    return _best(tagging, source, SOURCE) < tagging.thresholds.replace_at


def doubted(tagging: Tagging, *, source: Span | None, cue: Span) -> bool:
    """Whether no word of the cue, nor of the source, reaches ``keep_at`` for its role."""
    best = _best(tagging, cue, CUE)
    if source is not None:
        best = max(best, _best(tagging, source, SOURCE))
    return best < tagging.thresholds.keep_at


def _best(tagging: Tagging, span: Span, role: int) -> float:
    """The highest in-span probability (1 - outside) of the words overlapping the span."""
    first = int(numpy.searchsorted(tagging.ends, span[0], side="right"))
    last = int(numpy.searchsorted(tagging.starts, span[1], side="left"))
    if last <= first:
        return 0.0
    return float(1.0 - tagging.probs[first:last, role, OUTSIDE].min())
