"""Parse articles with spaCy: entities and sentences everywhere, syntax where it is read.

The named-entity recognizer and the dependency parser each cost about half of the small
pipeline, and only some sentences are ever read for their syntax (attribution cues,
numbers, dates). :func:`parse` therefore runs in two passes:

1. the whole text: tokenizer, ``ner``, and sentence bounds by rule
   (:mod:`storylens.segment.bounds`);
2. only the sentences ``needs_parse`` selects, each as a Doc of its own: ``tok2vec``,
   ``tagger`` and ``parser`` (kept to one tree per sentence); their tags, POS (from
   :mod:`storylens.segment.tags`), heads and labels are written back into the article's Doc.

Unselected sentences keep their entities and bounds; their tokens have no tag and hang
flat from the sentence's first token with the label ``dep``, so that no rule mistakes
them for real syntax. Without ``needs_parse`` every sentence is parsed (the full pipeline).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy

from storylens.model import Article
from storylens.segment.bounds import sentence_starts
from storylens.segment.tags import pos_of

NeedsParse = Callable[[Any], bool]
"""Called with a sentence (a spaCy Span); True when its syntax will be read."""

FLAT_DEP = "dep"
"""The label of a token in an unparsed sentence (spaCy's "unclassified dependent")."""

_SYNTAX = ("tok2vec", "tagger", "parser")


def parse(
    articles: Sequence[Article],
    *,
    nlp: Any,
    needs_parse: NeedsParse | None = None,
    batch_size: int = 64,
) -> list[Any]:
    """One spaCy Doc per article, in order; syntax only where ``needs_parse`` says so."""
    texts = [article.text for article in articles]
    if needs_parse is None:
        return list(nlp.pipe(texts, batch_size=batch_size))
    docs = list(nlp.get_pipe("ner").pipe(nlp.tokenizer.pipe(texts), batch_size=batch_size))
    for doc in docs:
        _mark_bounds(doc)
    picked = [sent for doc in docs for sent in doc.sents if needs_parse(sent)]
    parsed = [_bare_doc(sent) for sent in picked]
    for name in _SYNTAX:
        parsed = list(nlp.get_pipe(name).pipe(parsed, batch_size=batch_size))
    by_doc: dict[int, list[tuple[Any, Any]]] = {}
    for sent, sent_doc in zip(picked, parsed, strict=True):
        by_doc.setdefault(id(sent.doc), []).append((sent, sent_doc))
    for doc in docs:
        _write_syntax(doc, by_doc.get(id(doc), []))
    return docs


def _mark_bounds(doc: Any) -> None:
    from spacy.attrs import SENT_START

    starts = numpy.array(sentence_starts(doc), dtype=numpy.int64) * 2 - 1  # 1 start, -1 not
    doc.from_array([SENT_START], starts.reshape(-1, 1).view(numpy.uint64))


def _bare_doc(sent: Any) -> Any:
    """The sentence as a Doc of its own, marked as one sentence (the parser keeps it whole)."""
    from spacy.tokens import Doc

    words = [token.text for token in sent]
    spaces = [bool(token.whitespace_) for token in sent]
    starts: list[bool | int | None] = [True, *([False] * (len(words) - 1))]
    return Doc(sent.doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def _write_syntax(doc: Any, parsed: Sequence[tuple[Any, Any]]) -> None:
    """Set tags, POS, heads and labels on ``doc``: parsed sentences from their own Docs."""
    from spacy.attrs import DEP, HEAD, POS, TAG
    from spacy.parts_of_speech import IDS

    strings = doc.vocab.strings
    rows = numpy.zeros((len(doc), 4), dtype=numpy.uint64)  # TAG, POS, HEAD, DEP
    heads = numpy.zeros(len(doc), dtype=numpy.int64)  # relative: head index - token index
    rows[:, 3] = strings.add(FLAT_DEP)
    root = strings.add("ROOT")
    for sent in doc.sents:  # the senter's bounds: every token hangs from the first
        heads[sent.start : sent.end] = sent.start - numpy.arange(sent.start, sent.end)
        rows[sent.start, 3] = root
    for sent, sent_doc in parsed:
        for token in sent_doc:
            i = sent.start + token.i
            rows[i, 0] = token.tag
            rows[i, 1] = IDS.get(pos_of(token.tag_, token.lower_), 0)
            rows[i, 3] = token.dep
            heads[i] = token.head.i - token.i
    rows[:, 2] = heads.view(numpy.uint64)
    doc.from_array([TAG, POS, HEAD, DEP], rows)
