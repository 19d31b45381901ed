"""Near-duplicates: one-permutation MinHash signatures, LSH banding, exact verification.

1. Shingle hashes per article (:mod:`.shingles`, numpy over the texts' bytes), in chunks.
2. One-permutation MinHash (Li, Owen and Zhang 2012): each shingle hash falls in one of
   ``NUM_BINS`` bins by its top bits, and a bin keeps its smallest hash (the first of its
   run in the sorted hashes, so no scatter-min). Empty bins borrow from the next filled
   bin (rotation densification, Shrivastava 2017). One pass over the hashes instead of
   one per permutation, all in numpy.
3. LSH: ``BANDS`` bands of ``ROWS`` rows; articles sharing a band key are candidates.
4. Each candidate pair gets the estimated Jaccard (equal signature slots), then the exact
   Jaccard and containment of the shingle sets; pairs at or above the threshold are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storylens.stories.shingles import SHINGLE_SIZE, U64, containment, jaccard, shingle_hashes

NUM_BINS = 128
BANDS = 32
ROWS = 4
MAX_BUCKET = 200
CHUNK = 8192
"""Texts signed per numpy pass."""
"""Buckets bigger than this are boilerplate shared by many texts: compared in a chain only."""
_EMPTY = np.uint64(np.iinfo(np.uint64).max)
_BIN_SHIFT = np.uint64(64 - 7)  # log2(NUM_BINS) = 7


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two texts sharing many shingles: estimated and verified overlap (``a`` < ``b`` by index)."""

    a: int
    b: int
    estimate: float
    jaccard: float
    containment: float


def signatures(hashes: Sequence[U64]) -> npt.NDArray[np.uint64]:
    """One-permutation MinHash signatures (texts × NUM_BINS), densified.

    Each row of ``hashes`` is sorted, and a bin is a range of the top bits, so the first
    hash of each (text, bin) run in the concatenated rows is that bin's minimum. Rows go
    through in chunks of ``CHUNK`` to bound the temporary arrays.
    """
    sig = np.full((len(hashes), NUM_BINS), _EMPTY, dtype=np.uint64)
    for start in range(0, len(hashes), CHUNK):
        chunk = hashes[start : start + CHUNK]
        lengths = np.fromiter((h.size for h in chunk), dtype=np.int64, count=len(chunk))
        flat = np.concatenate(chunk)
        rows = np.repeat(np.arange(len(chunk), dtype=np.int64), lengths)
        keys = rows * NUM_BINS + (flat >> _BIN_SHIFT).astype(np.int64)
        first = np.r_[True, keys[1:] != keys[:-1]][: keys.size]
        block = sig[start : start + len(chunk)].reshape(-1)
        block[keys[first]] = flat[first]
        sig[start : start + len(chunk)] = _densify(block.reshape(len(chunk), NUM_BINS))
    return sig


def _densify(sig: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Fill each empty bin from the next filled bin to its right (circularly), salted."""
    filled = sig != _EMPTY
    if filled.all() or sig.size == 0:
        return sig
    width = sig.shape[1]
    doubled = np.concatenate([filled, filled], axis=1)
    index = np.where(doubled, np.arange(2 * width), 2 * width)
    nearest = np.minimum.accumulate(index[:, ::-1], axis=1)[:, ::-1][:, :width]
    has_any = filled.any(axis=1)
    source = np.where(nearest < 2 * width, nearest % width, 0)
    distance = (nearest - np.arange(width)).astype(np.uint64)
    borrowed = np.take_along_axis(sig, source, axis=1)
    with np.errstate(over="ignore"):
        salted = borrowed ^ (distance * np.uint64(0x9E3779B97F4A7C15))
    out = np.where(filled, sig, salted)
    out[~has_any] = _EMPTY
    return out


def candidate_pairs(sig: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Unique (i, j), i < j, pairs of rows that share at least one LSH band key."""
    found: list[npt.NDArray[np.int64]] = []
    weights = np.array([0x9E3779B97F4A7C15 >> s for s in range(ROWS)], dtype=np.uint64) | 1
    live = np.flatnonzero(sig[:, 0] != _EMPTY)
    for band in range(BANDS):
        block = sig[live, band * ROWS : (band + 1) * ROWS]
        with np.errstate(over="ignore"):
            keys = (block * weights).sum(axis=1, dtype=np.uint64)
        found.append(_pairs_in_buckets(keys, live))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    return np.unique(pairs, axis=0) if pairs.size else pairs


def _pairs_in_buckets(keys: U64, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """All pairs inside each bucket of equal keys (a chain for oversized buckets)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, sorted_keys.size])
    pairs: list[npt.NDArray[np.int64]] = []
    # Buckets of two (the common case) in one go.
    two = starts[sizes == 2]
    if two.size:
        pairs.append(np.stack([rows[order[two]], rows[order[two + 1]]], axis=1))
    for start, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(), strict=True):
        members = np.sort(rows[order[start : start + size]])
        if size > MAX_BUCKET:
            pairs.append(np.stack([members[:-1], members[1:]], axis=1))
            continue
        i, j = np.triu_indices(size, k=1)
        pairs.append(np.stack([members[i], members[j]], axis=1))
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    both = np.concatenate(pairs)
    return np.sort(both, axis=1)


def near_duplicates(
    texts: Sequence[str], *, threshold: float = 0.5, k: int = SHINGLE_SIZE
) -> tuple[NearDuplicate, ...]:
    """Pairs of texts whose verified Jaccard or containment reaches ``threshold``.

    Shingles are hashed and signed ``CHUNK`` texts at a time and then dropped; only the
    texts in candidate pairs are shingled again for verification, so memory holds the
    signatures (texts × NUM_BINS × 8 bytes), not every text's shingle set.
    """
    sig = (
        np.concatenate(
            [
                signatures(shingle_hashes(texts[start : start + CHUNK], k))
                for start in range(0, len(texts), CHUNK)
            ]
        )
        if texts
        else np.zeros((0, NUM_BINS), dtype=np.uint64)
    )
    pairs = candidate_pairs(sig)
    involved = np.unique(pairs)
    hashes: list[U64] = [np.zeros(0, dtype=np.uint64)] * len(texts)
    for index, hashed in zip(
        involved.tolist(), shingle_hashes([texts[i] for i in involved.tolist()], k), strict=True
    ):
        hashes[index] = hashed
    return verify(hashes, sig, pairs, threshold=threshold)


def verify(
    hashes: Sequence[U64],
    sig: npt.NDArray[np.uint64],
    pairs: npt.NDArray[np.int64],
    *,
    threshold: float,
) -> tuple[NearDuplicate, ...]:
    """Estimated then exact overlap for each candidate pair; keep those at ``threshold``."""
    if not pairs.size:
        return ()
    estimates = (sig[pairs[:, 0]] == sig[pairs[:, 1]]).mean(axis=1)
    found: list[NearDuplicate] = []
    for (a, b), estimate in zip(pairs.tolist(), estimates.tolist(), strict=True):
        exact = jaccard(hashes[a], hashes[b])
        contained = containment(hashes[a], hashes[b])
        if max(exact, contained) >= threshold:
            found.append(
                NearDuplicate(a, b, round(estimate, 4), round(exact, 4), round(contained, 4))
            )
    return tuple(found)
