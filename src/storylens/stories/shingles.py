"""Word shingles, hashed with xxhash and combined in numpy; exact Jaccard and containment.

``shingle_hashes(texts, k)`` is the vectorised path (one xxhash per distinct word, the
k-word windows combined with uint64 arithmetic); ``shingles(text, k)`` is the readable
one for a single text. Both normalise the same way, so the compare stage can use either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import xxhash

U64 = npt.NDArray[np.uint64]

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 5
_MIX = (
    np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
             dtype=np.uint64),
)


def normalize(text: str) -> str:
    """Case-folded NFKC words joined by single spaces (punctuation and layout dropped)."""
    return " ".join(words(text))


def words(text: str) -> list[str]:
    """The case-folded words of a text."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[str]:
    """The set of k-word shingles of one text (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) <= k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: set[str] | U64, b: set[str] | U64) -> float:
    """|A ∩ B| / |A ∪ B| of two shingle sets (or sorted unique hash arrays)."""
    both, union = _overlap(a, b)
    return both / union if union else 0.0


def containment(a: set[str] | U64, b: set[str] | U64) -> float:
    """|A ∩ B| / min(|A|, |B|): how much of the smaller text the other one contains."""
    both, _ = _overlap(a, b)
    smaller = min(len(a), len(b))
    return both / smaller if smaller else 0.0


def _overlap(a: set[str] | U64, b: set[str] | U64) -> tuple[int, int]:
    if isinstance(a, set) and isinstance(b, set):
        both = len(a & b)
    else:
        both = int(np.intersect1d(np.asarray(a), np.asarray(b), assume_unique=True).size)
    return both, len(a) + len(b) - both


def shingle_hashes(texts: Sequence[str], k: int = SHINGLE_SIZE) -> list[U64]:
    """Per text, the sorted unique 64-bit hashes of its k-word shingles (vectorised)."""
    vocabulary: dict[str, int] = {}
    ids: list[list[int]] = []
    for text in texts:
        ids.append([vocabulary.setdefault(word, len(vocabulary)) for word in words(text)])
    word_hash = np.fromiter(
        (xxhash.xxh3_64_intdigest(word.encode()) for word in vocabulary), dtype=np.uint64,
        count=len(vocabulary),
    )
    lengths = np.fromiter((len(row) for row in ids), dtype=np.int64, count=len(ids))
    flat = np.fromiter((i for row in ids for i in row), dtype=np.int64, count=int(lengths.sum()))
    return _windows(word_hash[flat], lengths, k)


def _windows(hashes: U64, lengths: npt.NDArray[np.int64], k: int) -> list[U64]:
    """Combine k consecutive word hashes into one shingle hash, per text."""
    total = hashes.size
    combined = np.zeros(total, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            shifted = np.zeros(total, dtype=np.uint64)
            shifted[: total - offset] = hashes[offset:]
            combined = (combined ^ shifted) * _MIX[0][offset % 4]
            combined ^= combined >> np.uint64(29)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    out: list[U64] = []
    for index, length in enumerate(lengths.tolist()):
        start = int(starts[index])
        if length >= k:
            row = combined[start : start + length - k + 1]
        elif length:
            row = _short(hashes[start : start + length])
        else:
            row = np.zeros(0, dtype=np.uint64)
        out.append(np.unique(row))
    return out


def _short(hashes: U64) -> U64:
    """One hash for a text shorter than a shingle."""
    with np.errstate(over="ignore"):
        value = np.uint64(0)
        for offset, item in enumerate(hashes.tolist()):
            value = (value ^ np.uint64(item)) * _MIX[0][offset % 4]
    return np.array([value], dtype=np.uint64)
