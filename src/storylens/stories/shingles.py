"""Word shingles, hashed and combined in numpy; exact Jaccard and containment.

``shingle_hashes(texts, k)`` is the vectorised path: :func:`word_hashes` hashes every word
of a chunk of texts from their UTF-8 bytes in a few numpy passes (no Python per word),
then k-word windows are combined with uint64 arithmetic. ``shingles(text, k)`` is the
readable one for a single text. Both split and normalise words the same way (tested), so
the two give shingle sets of the same size and the same Jaccard.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 5
CHUNK = 4096
"""Texts hashed per numpy pass (bounds the temporary arrays)."""
_WORD_BYTE = np.zeros(256, dtype=bool)
for _byte in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_byte] = True
_WORD_BYTE[0x80:] = True
_MIX = (
    np.array(
        [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
        dtype=np.uint64,
    ),
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
    out: list[U64] = []
    for start in range(0, len(texts), CHUNK):
        out.extend(_chunk_shingles(texts[start : start + CHUNK], k))
    return out


def word_hashes(texts: Sequence[str]) -> tuple[U64, npt.NDArray[np.int64]]:
    """The 64-bit hash of every word of every text, in order, and the word count per text.

    1. ASCII texts are lower-cased as they are (NFKC and casefolding change no ASCII
       letter); other texts are reduced to their words (:func:`normalize`) first.
    2. All texts become one byte string; word bytes are ASCII letters, digits, ``_`` and
       every byte of a multi-byte character (the only ones left after step 1).
    3. A word's hash mixes its bytes eight at a time (unaligned uint64 loads), so the
       work is per word, not per byte.
    """
    parts = [(t.lower() if t.isascii() else normalize(t)).encode() for t in texts]
    sizes = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
    data = b" ".join(parts) + b" " + bytes(8)
    raw = np.frombuffer(data, dtype=np.uint8)
    edge = np.diff(_WORD_BYTE[raw].view(np.int8), prepend=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    length = np.flatnonzero(edge == -1) - starts
    loads = np.ndarray((raw.size - 7,), dtype="<u8", buffer=data, strides=(1,))
    hashes = length.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    longest = int(length.max()) if length.size else 0
    for block in range(0, longest, 8):
        rows = np.flatnonzero(length > block) if block else np.arange(length.size)
        left = (length[rows] - block).clip(0, 8).astype(np.uint64)
        with np.errstate(over="ignore"):
            mask = np.where(
                left == 8, np.uint64(0xFFFFFFFFFFFFFFFF), (np.uint64(1) << (left * 8)) - 1
            )
            hashes[rows] = _mix(hashes[rows] ^ (loads[starts[rows] + block] & mask))
    text_starts = np.cumsum(sizes) - sizes
    text_of_word = np.searchsorted(text_starts, starts, side="right") - 1
    counts = np.bincount(text_of_word, minlength=len(texts)).astype(np.int64)
    return hashes, counts


def _chunk_shingles(texts: Sequence[str], k: int) -> list[U64]:
    hashes, counts = word_hashes(texts)
    return _windows(hashes, counts, k)


def _mix(values: U64) -> U64:
    """The splitmix64 finaliser: every input bit affects every output bit."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = values * np.uint64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> np.uint64(27))
        values = values * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def _windows(hashes: U64, lengths: npt.NDArray[np.int64], k: int) -> list[U64]:
    """Combine k consecutive word hashes into one shingle hash, per text."""
    total = hashes.size
    combined = np.zeros(total, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            shifted = np.zeros(total, dtype=np.uint64)
            if offset < total:
                shifted[: total - offset] = hashes[offset:]
            combined = (combined ^ shifted) * _MIX[0][offset % 4]
            combined ^= combined >> np.uint64(29)
    starts = (np.cumsum(lengths) - lengths).tolist()
    pieces: list[U64] = []
    for start, length in zip(starts, lengths.tolist(), strict=True):
        if length >= k:
            pieces.append(np.sort(combined[start : start + length - k + 1]))
        elif length:
            pieces.append(_short(hashes[start : start + length]))
        else:
            pieces.append(combined[:0])
    sizes = np.fromiter((p.size for p in pieces), dtype=np.int64, count=len(pieces))
    flat = np.concatenate(pieces) if pieces else combined[:0]
    owners = np.repeat(np.arange(sizes.size), sizes)
    keep = np.r_[True, (flat[1:] != flat[:-1]) | (owners[1:] != owners[:-1])][: flat.size]
    kept = np.bincount(owners[keep], minlength=sizes.size)
    return np.split(flat[keep], np.cumsum(kept)[:-1])


def _short(hashes: U64) -> U64:
    """One hash for a text shorter than a shingle."""
    with np.errstate(over="ignore"):
        value = np.uint64(0)
        for offset, item in enumerate(hashes.tolist()):
            value = (value ^ np.uint64(item)) * _MIX[0][offset % 4]
    return np.array([value], dtype=np.uint64)
