"""Sentence bounds by rule, for the sentences that are not parsed.

The pinned model's statistical ``senter`` only splits at paragraph breaks, so the
partial parse (:mod:`storylens.segment.parse`) marks bounds itself: a sentence ends
after a terminal mark (and any closing quotes or brackets after it) when the next word
does not start in lowercase, and always at a line break. An opening quote or bracket
before that next word belongs to the new sentence. The tokenizer has already
kept abbreviations ("U.S.", "Mr.", "Inc.") whole, so their periods are not terminal.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "。"})
"""Tokens that end a sentence."""


def sentence_starts(doc: Any) -> list[bool]:
    """One flag per token: True where a sentence starts."""
    starts = [False] * len(doc)
    closed = broken = False
    opener: int | None = None  # an opening quote or bracket after a terminal
    for token in doc:
        if token.i == 0 or (broken and not token.is_space):
            starts[token.i] = True
            closed = broken = False
        elif closed and _opens(token):
            opener = token.i if opener is None else opener
        elif closed and not (token.is_punct or token.is_space):
            starts[token.i if opener is None else opener] = not token.text[:1].islower()
            closed, opener = False, None
        if token.text in TERMINALS:
            closed, opener = True, None
        elif token.is_space and "\n" in token.text:
            broken = True
    return starts


def _opens(token: Any) -> bool:
    """An opening quote or bracket: a left mark, or a quote mark after whitespace."""
    after_space = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return bool(token.is_left_punct or (token.is_quote and after_space))


def sentence_index(sentence_starts: Sequence[int], index: int) -> int:
    """The number of the sentence that holds character ``index``, given the sorted character
    offsets where sentences start (``[sent.start_char for sent in doc.sents]``)."""
    return bisect.bisect_right(sentence_starts, index) - 1
