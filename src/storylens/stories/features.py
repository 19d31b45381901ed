"""Story features: TF-IDF of content words and, as a second channel, of name words.

Each channel is a sublinear TF × smoothed IDF vector, L2-normalised on its own; an
article's row is ``words + sqrt(name_weight) · names``, normalised again. Keeping names
apart stops a long text's many common words from drowning the few names that tell two
events of the same kind apart (who, where). Terms are hashed (xxhash, signed) into
``dims`` columns, so the matrix has a fixed width at any corpus size.

Names come from ``article.entities`` (canonical forms) when the extract stage ran, else
from capitalised phrases (:func:`capitalised_phrases`, a cheap stand-in used on raw
text). Articles are tokenised one at a time into one vocabulary of integer term ids;
counting, IDF and hashing are numpy over those ids, so memory stays a few arrays.

:func:`lead_name_columns` gives, per article, the columns of the name words of its lead
(headline and first sentence, :func:`.events.lead_span`): the clustering checks whether a
story uses them anywhere (:mod:`.cluster`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt
import xxhash
from scipy import sparse

from storylens.model import Article
from storylens.stories.events import lead_span
from storylens.stories.stopwords import CALENDAR_WORDS, STOPWORDS

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]
CONTENT_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z0-9][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")
SENTENCE_END = frozenset(".!?:;\"“”'‘’\n")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"})
DEFAULT_DIMS = 1 << 14
CHUNK = 1024
"""Articles tokenised per pass (bounds the Python token lists held at once)."""


def content_words(text: str) -> list[str]:
    """Lower-cased words of three letters or more that are not function words."""
    return [
        word
        for word in CONTENT_WORD.findall(text.lower())
        if len(word) > 2 and word not in STOPWORDS
    ]


def capitalised_phrases(text: str) -> list[str]:
    """Runs of capitalised words, less a sentence-opening word and leading function words."""
    found = []
    for match in CAPITALISED.finditer(text):
        phrase = match.group(0).split()
        if _opens_sentence(text, match.start()):
            phrase = phrase[1:]
        while phrase and phrase[0].lower() in STOPWORDS:
            phrase = phrase[1:]
        if phrase and phrase[0][:1].isupper():
            found.append(" ".join(phrase))
    return found


def _opens_sentence(text: str, start: int) -> bool:
    """True when only spaces stand between ``start`` and a sentence end (or the text start)."""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in SENTENCE_END


def name_words(article: Article, text: str) -> list[str]:
    """The content words of the article's names (entities, else capitalised phrases)."""
    if article.entities:
        names: Iterable[str] = (
            entity.canonical for entity in article.entities if entity.label in NAME_LABELS
        )
    else:
        names = capitalised_phrases(text)
    return [word for name in names for word in content_words(name)]


def lead_name_words(article: Article, span: tuple[int, int] | None = None) -> list[str]:
    """The name words of the headline and the body's lead (``span``, else its lead span).

    Entities in the span when the extract stage ran, else capitalised phrases; dateline
    words (months, weekdays) are dropped.
    """
    start, end = span if span is not None else lead_span(article.text)
    title = capitalised_phrases(article.title) if article.title else []
    if article.entities:
        names = [
            entity.canonical
            for entity in article.entities
            if entity.label in NAME_LABELS and start <= entity.start < end
        ]
    else:
        names = capitalised_phrases(article.text[start:end])
    words = (word for name in title + names for word in content_words(name))
    return [word for word in words if word not in CALENDAR_WORDS]


def lead_name_columns(
    articles: Sequence[Article],
    *,
    dims: int = DEFAULT_DIMS,
    spans: Sequence[tuple[int, int]] | None = None,
) -> sparse.csr_matrix:
    """0/1 rows: the TF-IDF columns of each article's lead name words (words channel)."""
    indptr = [0]
    indices: list[int] = []
    for row, article in enumerate(articles):
        words = lead_name_words(article, spans[row] if spans is not None else None)
        columns, _ = _hash_columns(dict.fromkeys(words), dims)
        indices.extend(sorted(set(columns.tolist())))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix(
        (data, np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int64)),
        shape=(len(articles), dims),
    )


def tfidf_matrix(
    articles: Sequence[Article], *, dims: int = DEFAULT_DIMS, name_weight: float = 1.0
) -> sparse.csr_matrix:
    """Words and names channels (see the module docstring), rows L2-normalised."""
    if not articles:
        return sparse.csr_matrix((0, dims), dtype=np.float32)
    vocabulary: dict[str, int] = {}
    words: list[Triples] = []
    names: list[Triples] = []
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        texts = [f"{a.title}\n{a.text}" if a.title else a.text for a in chunk]
        words.append(_count([content_words(t) for t in texts], vocabulary, start))
        if name_weight > 0:
            tokens = [
                ["@" + w for w in name_words(a, t)] for a, t in zip(chunk, texts, strict=True)
            ]
            names.append(_count(tokens, vocabulary, start))
    columns, signs = _hash_columns(vocabulary, dims)
    shape = (len(articles), dims)
    matrix = _channel(words, shape, columns, signs)
    if name_weight > 0 and any(rows.size for rows, _, _ in names):
        matrix = matrix + _channel(names, shape, columns, signs, scale=math.sqrt(name_weight))
    matrix.sum_duplicates()
    return normalize_rows(matrix)


Triples = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.uint16]]
"""(row, term id, count) per distinct term of each article, sorted by row."""


def _count(token_lists: list[list[str]], vocabulary: dict[str, int], first_row: int) -> Triples:
    """(row, term id, count) triples for a chunk of token lists, new terms added."""
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    flat = list(chain.from_iterable(token_lists))
    for token in sorted(set(flat).difference(vocabulary)):  # sorted: ids never hash-ordered
        vocabulary[token] = len(vocabulary)
    ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(first_row, first_row + len(token_lists), dtype=np.int64), lengths)
    width = len(vocabulary) + 1
    keys, counts = np.unique(rows * width + ids, return_counts=True)
    return (
        (keys // width).astype(np.int32),
        (keys % width).astype(np.int32),
        np.minimum(counts, np.iinfo(np.uint16).max).astype(np.uint16),
    )


def _hash_columns(vocabulary: Collection[str], dims: int) -> tuple[npt.NDArray[np.int32], F32]:
    """Column and sign of each term, in order (xxhash of the term)."""
    digests = np.fromiter(
        (xxhash.xxh3_64_intdigest(term.encode()) for term in vocabulary),
        dtype=np.uint64,
        count=len(vocabulary),
    )
    columns = ((digests >> np.uint64(1)) % np.uint64(dims)).astype(np.int32)
    signs = np.where(digests & np.uint64(1), 1.0, -1.0).astype(np.float32)
    return columns, signs


def _channel(
    triples: list[Triples],
    shape: tuple[int, int],
    columns: npt.NDArray[np.int32],
    signs: F32,
    *,
    scale: float = 1.0,
) -> sparse.csr_matrix:
    """Sublinear TF × smoothed IDF, each non-empty row scaled to length ``scale``.

    Consumes ``triples`` chunk by chunk (each chunk holds whole rows), so only one
    chunk's temporaries exist beside the growing matrix.
    """
    total = shape[0]
    frequency = np.zeros(columns.size, dtype=np.int64)
    for _, ids, _ in triples:
        frequency += np.bincount(ids, minlength=columns.size)
    idf = (np.log((1 + total) / (1 + frequency)) + 1.0).astype(np.float32)
    size = sum(t[0].size for t in triples)
    data = np.empty(size, dtype=np.float32)
    indices = np.empty(size, dtype=np.int32)
    row_sizes = np.zeros(total, dtype=np.int64)
    filled = 0
    while triples:
        rows, ids, counts = triples.pop(0)
        values = (np.log(counts.astype(np.float32)) + 1.0) * idf[ids]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=total))
        norms[norms == 0] = 1.0
        values *= (scale / norms).astype(np.float32)[rows]
        data[filled : filled + values.size] = values * signs[ids]
        indices[filled : filled + values.size] = columns[ids]
        filled += values.size
        row_sizes += np.bincount(rows, minlength=total)
    indptr = np.concatenate([[0], np.cumsum(row_sizes)])
    return sparse.csr_matrix((data, indices, indptr), shape=shape)


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Scale each row to unit L2 norm (zero rows stay zero), in float32, in place."""
    matrix = matrix.astype(np.float32, copy=False)
    lengths = np.diff(matrix.indptr)
    filled = lengths > 0
    squares = np.zeros(matrix.shape[0], dtype=np.float64)
    if filled.any():
        squared = matrix.data * matrix.data
        squares[filled] = np.add.reduceat(squared, matrix.indptr[:-1][filled], dtype=np.float64)
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    matrix.data *= np.repeat((1.0 / norms).astype(np.float32), lengths)
    return matrix
