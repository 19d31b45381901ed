"""Parse articles with spaCy: entities and sentences everywhere, syntax where it is read.

In the full small pipeline the named-entity recognizer takes about half of the time, the
shared ``tok2vec`` and the ``parser`` about a third, the ``attribute_ruler`` a tenth
(``bench/extract.py`` measures each). Entities are read everywhere, syntax only in some
sentences (attribution cues, numbers, dates). :func:`parse` therefore runs in two passes:

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
    docs = find_entities_and_bounds(texts, nlp=nlp, batch_size=batch_size)
    picked = [sent for doc in docs for sent in doc.sents if needs_parse(sent)]
    parsed = parse_sentences(picked, nlp=nlp, batch_size=batch_size)
    by_doc: dict[int, list[tuple[Any, Any]]] = {}
    for sent, sent_doc in zip(picked, parsed, strict=True):
        by_doc.setdefault(id(sent.doc), []).append((sent, sent_doc))
    for doc in docs:
        write_syntax(doc, by_doc.get(id(doc), []))
    return docs


def find_entities_and_bounds(texts: Sequence[str], *, nlp: Any, batch_size: int = 64) -> list[Any]:
    """Pass 1: tokenizer and ``ner`` over whole texts, then sentence bounds by rule."""
    docs = list(nlp.get_pipe("ner").pipe(nlp.tokenizer.pipe(texts), batch_size=batch_size))
    for doc in docs:
        mark_bounds(doc)
    return docs


def parse_sentences(sents: Sequence[Any], *, nlp: Any, batch_size: int = 64) -> list[Any]:
    """Pass 2: each sentence as a Doc of its own through ``tok2vec``, ``tagger``, ``parser``."""
    parsed = [sentence_doc(sent) for sent in sents]
    for name in _SYNTAX:
        parsed = list(nlp.get_pipe(name).pipe(parsed, batch_size=batch_size))
    return parsed


def mark_bounds(doc: Any) -> None:
    """Mark the sentence starts of :func:`storylens.segment.bounds.sentence_starts` on ``doc``."""
    from spacy.attrs import SENT_START

    starts = numpy.array(sentence_starts(doc), dtype=numpy.int64) * 2 - 1  # 1 start, -1 not
    doc.from_array([SENT_START], starts.reshape(-1, 1).view(numpy.uint64))


def sentence_doc(sent: Any) -> Any:
    """The sentence as a Doc of its own, marked as one sentence (the parser keeps it whole)."""
    from spacy.tokens import Doc

    words = [token.text for token in sent]
    spaces = [bool(token.whitespace_) for token in sent]
    starts: list[bool | int | None] = [True, *([False] * (len(words) - 1))]
    return Doc(sent.doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def write_syntax(doc: Any, parsed: Sequence[tuple[Any, Any]]) -> None:
    """Set tags, POS, heads and labels on ``doc``: parsed sentences from their own Docs.

    ``parsed`` pairs each parsed sentence of ``doc`` (a Span) with its own parsed Doc.
    """
    from spacy.attrs import DEP, HEAD, LOWER, POS, SENT_START, TAG

    strings = doc.vocab.strings
    rows = numpy.zeros((len(doc), 4), dtype=numpy.uint64)  # TAG, POS, HEAD, DEP
    rows[:, 3] = strings.add(FLAT_DEP)
    # the rule bounds: every token hangs from its sentence's first token (relative heads)
    index = numpy.arange(len(doc))
    is_start = doc.to_array(SENT_START).view(numpy.int64) == 1
    is_start[:1] = True  # as in doc.sents, the first token always starts a sentence
    rows[is_start, 3] = strings.add("ROOT")
    heads = numpy.maximum.accumulate(numpy.where(is_start, index, 0)) - index
    if parsed:
        arrays = [sent_doc.to_array([TAG, LOWER, DEP, HEAD]) for _, sent_doc in parsed]
        at = numpy.concatenate([numpy.arange(sent.start, sent.end) for sent, _ in parsed])
        syntax = numpy.concatenate(arrays)
        pos = _PosTable(strings)
        rows[at, 0] = syntax[:, 0]
        rows[at, 1] = [pos.id_of(t, w) for t, w in syntax[:, :2].tolist()]
        rows[at, 3] = syntax[:, 2]
        heads[at] = syntax[:, 3].view(numpy.int64)
    rows[:, 2] = heads.view(numpy.uint64)
    doc.from_array([TAG, POS, HEAD, DEP], rows)


class _PosTable:
    """POS ids of (tag, lowercase word) hashes, from :func:`storylens.segment.tags.pos_of`."""

    def __init__(self, strings: Any) -> None:
        self._strings = strings
        self._ids: dict[tuple[int, int], int] = {}

    def id_of(self, tag: int, lower: int) -> int:
        """The POS id for a token's tag and lowercase form (as string hashes)."""
        key = (tag, lower)
        found = self._ids.get(key)
        if found is None:
            from spacy.parts_of_speech import IDS

            tag_text = self._strings[tag] if tag else ""
            found = IDS.get(pos_of(tag_text, self._strings[lower]), 0)
            self._ids[key] = found
        return found
