"""Story features: TF-IDF of content words with names weighted up, plus embeddings.

Terms are hashed (xxhash, signed) into ``dims`` columns so that the matrix has a fixed
width at any corpus size. Names come from ``article.entities`` (their canonical form) when
the extract stage ran, else from capitalised words that do not open a sentence (a cheap
stand-in used in corpus mode and on raw text).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash
from scipy import sparse

from storylens.model import Article
from storylens.stories.stopwords import STOPWORDS

F32 = npt.NDArray[np.float32]
CONTENT_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")
NAME = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][\w'-]*[a-z0-9][\w'-]*(?:\s+[A-Z][\w'-]+)*")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"})
DEFAULT_DIMS = 1 << 14


@dataclass(frozen=True, slots=True)
class Features:
    """Row-normalised TF-IDF (sparse, articles × dims) and embeddings (dense, or None)."""

    tfidf: sparse.csr_matrix
    embeddings: F32 | None


def terms_of(article: Article, *, name_weight: float) -> dict[str, float]:
    """Content-word counts plus name counts (names weighted by ``name_weight``)."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    counts: dict[str, float] = dict(
        Counter(
            word
            for word in (w.lower() for w in CONTENT_WORD.findall(text))
            if len(word) > 2 and word not in STOPWORDS
        )
    )
    for name in names_of(article, text):
        counts["@" + name] = counts.get("@" + name, 0.0) + name_weight
    return counts


def names_of(article: Article, text: str) -> list[str]:
    """Canonical names from the entities, or capitalised non-initial words as a fallback."""
    if article.entities:
        return [
            entity.canonical.lower() for entity in article.entities if entity.label in NAME_LABELS
        ]
    return [match.group(0).lower() for match in NAME.finditer(text)]


def tfidf_matrix(
    articles: Sequence[Article], *, dims: int = DEFAULT_DIMS, name_weight: float = 2.0
) -> sparse.csr_matrix:
    """Sublinear TF × smoothed IDF, hashed into ``dims`` signed columns, rows L2-normalised."""
    rows: list[dict[str, float]] = [terms_of(a, name_weight=name_weight) for a in articles]
    document_frequency: Counter[str] = Counter()
    for counts in rows:
        document_frequency.update(counts.keys())
    total = len(rows)
    column: dict[str, tuple[int, float]] = {}
    for term, df in document_frequency.items():
        digest = xxhash.xxh3_64_intdigest(term.encode())
        sign = 1.0 if digest & 1 else -1.0
        idf = math.log((1 + total) / (1 + df)) + 1.0
        column[term] = ((digest >> 1) % dims, sign * idf)
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for counts in rows:
        for term, count in counts.items():
            index, weight = column[term]
            indices.append(index)
            values.append((1.0 + math.log(count)) * weight if count >= 1 else count * weight)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices), np.asarray(indptr)),
        shape=(total, dims),
    )
    matrix.sum_duplicates()
    return normalize_rows(matrix)


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Scale each row to unit L2 norm (zero rows stay zero)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled: sparse.csr_matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    return scaled.astype(np.float32)
