"""What kind of event an article's lead reports: event classes from a word list.

The lead is the headline and the first sentence of the body (more sentences while it has
fewer than ``LEAD_MIN_WORDS`` words). Its words and two-word phrases are looked up in
``storylens/data/stories/event_words.tsv`` (data: one class a line), which gives the set of
event classes the lead names: a visit and talks, a troop deployment, a firing, a hiring.
Two articles that share every name but whose leads name disjoint classes usually report two
events of one topic; :mod:`.cluster` turns that into a penalty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storylens.model import Article

F32 = npt.NDArray[np.float32]
LEAD_MIN_WORDS = 12
LEAD_MAX_SENTENCES = 3
LEAD_MAX_CHARS = 400
"""Only the text's opening is read for its lead (a text with no sentence breaks stops here)."""
WORD = re.compile(r"[^\W\d_][\w'’-]*")
SENTENCE_BREAK = re.compile(r"([.!?])\s+(?=[A-Z\"“‘'])|\n+")
"""A sentence end (group 1 is its mark, which stays with the sentence) or a line break."""
ADDRESS = re.compile(r"\bhttps?\s*:|\bwww\s*\.", re.IGNORECASE)
DATA_FILE = "event_words.tsv"


@cache
def event_lexicon() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Class names and, per word or ``a_b`` phrase, the indices of its classes (from data)."""
    path = resources.files("storylens.data").joinpath("stories", DATA_FILE)
    classes: list[str] = []
    words: dict[str, list[int]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, members = line.split("\t", 1)
        classes.append(name)
        for word in members.split():
            words.setdefault(word, []).append(len(classes) - 1)
    return tuple(classes), {word: tuple(ids) for word, ids in sorted(words.items())}


def lead_span(text: str) -> tuple[int, int]:
    """Start and end of the body's lead: its first sentence(s), to ``LEAD_MIN_WORDS`` words.

    Address lines (a URL the text opens with, as scraped pages often do) are skipped. Only
    the first ``LEAD_MAX_CHARS`` characters are read; a lead cut there ends at a word break.
    """
    head = text[:LEAD_MAX_CHARS]
    if len(text) > LEAD_MAX_CHARS and " " in head:
        head = head[: head.rindex(" ")]
    count = 0
    sentences = 0
    start = position = 0
    for match in SENTENCE_BREAK.finditer(head + "\n"):
        stop = match.start() + (1 if match.group(1) else 0)
        piece = head[position:stop]
        piece_start, position = position, match.end()
        if not piece.strip() or _is_address(piece):
            continue
        if not sentences:
            start = piece_start
        count += len(WORD.findall(piece))
        sentences += 1
        if count >= LEAD_MIN_WORDS or sentences >= LEAD_MAX_SENTENCES:
            return start, stop
    return (start, len(head)) if sentences else (len(head), len(head))


def _is_address(piece: str) -> bool:
    """True for a line that holds a web address."""
    lowered = piece.lower()
    return ("http" in lowered or "www" in lowered) and ADDRESS.search(piece) is not None


def lead_text(article: Article, span: tuple[int, int] | None = None) -> str:
    """Headline plus the body's lead (``span``, else :func:`lead_span`)."""
    start, end = span if span is not None else lead_span(article.text)
    body = article.text[start:end]
    return f"{article.title}\n{body}" if article.title else body


def lead_classes(text: str) -> frozenset[int]:
    """Indices of the event classes named in ``text`` (words and two-word phrases)."""
    _, lexicon = event_lexicon()
    heads = _phrase_heads()
    words = WORD.findall(text.lower())
    found = {i for word in words if word in lexicon for i in lexicon[word]}
    for first, second in pairwise(words):
        if first in heads:
            found.update(lexicon.get(f"{first}_{second}", ()))
    return frozenset(found)


@cache
def _phrase_heads() -> frozenset[str]:
    """First words of the lexicon's two-word phrases."""
    _, lexicon = event_lexicon()
    return frozenset(term.split("_", 1)[0] for term in lexicon if "_" in term)


def event_matrix(leads: Sequence[str]) -> F32:
    """One row per lead text (:func:`lead_text`), one 0/1 column per event class it names."""
    classes, _ = event_lexicon()
    matrix = np.zeros((len(leads), len(classes)), dtype=np.float32)
    for row, lead in enumerate(leads):
        matrix[row, sorted(lead_classes(lead))] = 1.0
    return matrix
