"""Online story clustering: each article, in order, joins its best story or opens a new one.

The similarity of an article to a story is a weighted mean of two cosines to the story's
centroid (TF-IDF and, when given, embeddings), minus a penalty that grows with the gap
between the article's date and the story's date range (both must be known; undated
articles are never penalised), minus ``event_penalty`` when the article's lead names event
classes and none of them is among those of the story's leads (:mod:`.events`: a visit vs a
troop deployment), minus a names penalty that grows with the share of the name words of
the article's lead (headline and first sentence: who and where) that no member of the story
uses anywhere (beyond ``name_slack``, up to ``name_penalty``). At or above ``join`` the
article joins; otherwise it opens a story. Articles are processed in batches: similarities
to the stories that existed at the start of a batch come from one matrix product, and the
stories touched inside the batch are recomputed per article, so the result equals
one-at-a-time processing.

Second look (``second_look``): an article that opened a story nobody joined met only the
stories opened before it, often one or two articles each. After the pass, each such article
(in stream order) is compared again, with the same penalties, to every other story in its
date window, and moves to the best one at or above ``join``. A single pass cannot do this:
the first articles of a topic meet the fewest and the smallest stories.

With dates, stories whose last date is more than ``window_days`` before a batch's first
date are retired (no longer candidates): that keeps a chronological stream's cost flat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storylens.stories.centroids import (
    F32,
    I64,
    NO_DATE,
    Centroids,
    Row,
    outside,
    rebuild,
    unit_rows,
)

__all__ = ["NO_DATE", "ClusterParams", "Clustering", "LeadSignals", "cluster"]


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Thresholds and weights (tuned on half of ECB+, see docs/stages/stories.md)."""

    join: float = 0.18
    related: float = 0.12
    tfidf_weight: float = 1.0
    name_weight: float = 1.0
    date_slack_days: float = 3.0
    date_scale_days: float = 14.0
    date_penalty: float = 0.3
    event_penalty: float = 0.4
    name_penalty: float = 0.1
    name_slack: float = 0.0
    window_days: float = 60.0
    second_look: bool = True
    merge: float = 0.5
    refine_rounds: int = 0
    batch: int = 256
    max_related: int = 5


_DEFAULT = ClusterParams()


@dataclass(frozen=True, slots=True)
class Clustering:
    """Story index per article (numbered by first member), centrality, related story pairs."""

    labels: I64
    centrality: F32
    related: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LeadSignals:
    """What each row's lead says beyond its words (see :mod:`.events` and :mod:`.features`).

    ``events``: 0/1 event classes of the lead (rows × classes). ``names``: 0/1 TF-IDF columns
    of the lead's name words.
    """

    events: F32
    names: sparse.csr_matrix

    @classmethod
    def none(cls, rows: int, tfidf_dims: int) -> LeadSignals:
        """No signals: no event or names penalty."""
        return cls(
            np.zeros((rows, 0), dtype=np.float32),
            sparse.csr_matrix((rows, tfidf_dims), dtype=np.float32),
        )


def cluster(
    tfidf: sparse.csr_matrix,
    embeddings: F32 | None,
    days: I64,
    *,
    leads: LeadSignals | None = None,
    params: ClusterParams = _DEFAULT,
) -> Clustering:
    """Cluster rows in the given order (the caller sorts); see the module docstring.

    Without ``leads`` there is no event or names penalty.
    """
    total = tfidf.shape[0]
    if not tfidf.has_canonical_format:  # one entry per column and row: `add` relies on it
        tfidf = tfidf.copy()
        tfidf.sum_duplicates()
    embed = embeddings if embeddings is not None else np.zeros((total, 0), dtype=np.float32)
    weight = params.tfidf_weight if embeddings is not None else 1.0
    lead = leads if leads is not None else LeadSignals.none(total, tfidf.shape[1])
    stories = Centroids(tfidf.shape[1], embed.shape[1], lead.events.shape[1])
    labels = np.full(total, -1, dtype=np.int64)
    for start in range(0, total, params.batch):
        stop = min(total, start + params.batch)
        batch = tfidf[start:stop]
        rows_e = embed[start:stop]
        dated = days[start:stop][days[start:stop] != NO_DATE]
        active = stories.active(int(dated.min()) if dated.size else None, params.window_days)
        stale = stories.similarity(active, batch, rows_e, weight)
        stale -= stories.date_penalty(active, days[start:stop], params)
        names = lead.names[start:stop]
        stale -= stories.lead_penalty(active, lead.events[start:stop], names, params)
        stories.dirty[:] = False
        known = stories.count
        for offset in range(stop - start):
            labels[start + offset] = _place(
                stories,
                np.concatenate([active, np.arange(known, stories.count, dtype=np.int64)]),
                stale[offset],
                _row(start + offset, offset, batch, names, embed, days, lead),
                weight,
                params,
            )
    if params.second_look:
        _second_look(stories, labels, tfidf, embed, days, lead, weight, params)
    for _ in range(params.refine_rounds):
        labels = _refine(labels, tfidf, embed, days, weight, params)
    labels = _renumber(labels) if labels.size else labels
    return _finish(labels, tfidf, embed, rebuild(labels, tfidf, embed, days), weight, params)


def _row(
    article: int,
    offset: int,
    batch: sparse.csr_matrix,
    names: sparse.csr_matrix,
    embed: F32,
    days: I64,
    lead: LeadSignals,
) -> Row:
    """Article ``article`` as a stream row; ``offset`` is its row in ``batch`` and ``names``."""
    tfidf = slice(batch.indptr[offset], batch.indptr[offset + 1])
    return Row(
        batch.indices[tfidf],
        batch.data[tfidf],
        embed[article],
        int(days[article]),
        lead.events[article],
        names.indices[names.indptr[offset] : names.indptr[offset + 1]],
    )


def _second_look(
    stories: Centroids,
    labels: I64,
    tfidf: sparse.csr_matrix,
    embed: F32,
    days: I64,
    lead: LeadSignals,
    weight: float,
    params: ClusterParams,
) -> None:
    """Move each article alone in its story to its best other story at or above ``join``.

    In stream order, batched like :func:`cluster` (a batch's similarities from one product,
    stories touched since recomputed), so a moved article counts for the next ones. Only
    stories within ``window_days`` of the article's day are candidates. Updates ``labels``
    and ``stories`` in place; an emptied story keeps its (unused) index.
    """
    alone = np.flatnonzero(stories.size[labels] == 1)
    everything = np.arange(stories.count, dtype=np.int64)
    for start in range(0, alone.size, params.batch):
        rows = alone[start : start + params.batch]
        dated = days[rows][days[rows] != NO_DATE]
        ids = everything
        if dated.size:
            far = outside(stories, ids, int(dated.min()), int(dated.max()), params.window_days)
            ids = ids[~far]
        batch = tfidf[rows]
        names = lead.names[rows]
        stale = stories.similarity(ids, batch, embed[rows], weight)
        stale -= stories.date_penalty(ids, days[rows], params)
        stale -= stories.lead_penalty(ids, lead.events[rows], names, params)
        stories.dirty[:] = False
        for offset, article in enumerate(rows.tolist()):
            own = int(labels[article])
            if stories.size[own] != 1:  # joined by an earlier moved article
                continue
            row = _row(article, offset, batch, names, embed, days, lead)
            sims = stale[offset].copy()
            stories.rescore_touched(sims, ids, row, weight, params)
            closed = (stories.size[ids] == 0) | (ids == own)
            if row.day != NO_DATE:
                closed |= outside(stories, ids, row.day, row.day, params.window_days)
            sims[closed] = -np.inf
            best = int(np.argmax(sims)) if ids.size else 0
            if ids.size and sims[best] >= params.join:
                stories.clear(own)
                stories.add(int(ids[best]), row)
                labels[article] = ids[best]


def _refine(
    labels: I64,
    tfidf: sparse.csr_matrix,
    embed: F32,
    days: I64,
    weight: float,
    params: ClusterParams,
) -> I64:
    """One k-means-like round: merge close stories, then move articles to their best story."""
    stories = rebuild(labels, tfidf, embed, days)
    ids = np.arange(stories.count, dtype=np.int64)
    parent = ids.copy()
    unit_t, unit_e = unit_rows(stories.tfidf), unit_rows(stories.embed)
    for start in range(0, stories.count, 1024):
        block = ids[start : start + 1024]
        sims = stories.similarity(ids, unit_t[block], unit_e[block], weight)
        for offset, story in enumerate(block.tolist()):
            sims[offset] -= stories.date_penalty(ids, int(stories.first[story]), params)
            for other in np.flatnonzero(sims[offset, :story] >= params.merge).tolist():
                _union(parent, story, other)
    merged = np.array([_root(parent, int(label)) for label in labels], dtype=np.int64)
    stories = rebuild(_renumber(merged), tfidf, embed, days)
    moved = merged.copy()
    new_labels = _renumber(merged)
    for start in range(0, labels.size, params.batch):
        stop = min(labels.size, start + params.batch)
        rows_t = tfidf[start:stop].toarray().astype(np.float32)
        sims = stories.similarity(ids[: stories.count], rows_t, embed[start:stop], weight)
        best = np.argmax(sims, axis=1)
        current = new_labels[start:stop]
        keep = sims[np.arange(best.size), best] <= sims[np.arange(best.size), current] + 1e-6
        moved[start:stop] = np.where(keep, current, best)
    return _renumber(moved)


def _union(parent: I64, a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _root(parent: I64, node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = int(parent[node])
    return node


def _renumber(labels: I64) -> I64:
    """Labels 0..k-1 in order of each story's first member."""
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first, kind="stable")
    mapping = np.empty(int(labels.max()) + 1, dtype=np.int64)
    mapping[np.unique(labels)[order]] = np.arange(order.size)
    return mapping[labels]


def _place(
    stories: Centroids, ids: I64, stale: F32, row: Row, weight: float, params: ClusterParams
) -> int:
    """Join the best story at or above the threshold, or open one; return its index.

    ``ids`` are the stories open at the batch start, then those opened since; ``stale``
    holds the batch-start similarities (penalties included) of the first ones. Stories
    touched since the batch start (all the new ones among them) are recomputed here.
    """
    if ids.size:
        sims = np.zeros(ids.size, dtype=np.float32)
        sims[: stale.size] = stale
        stories.rescore_touched(sims, ids, row, weight, params)
        best = int(np.argmax(sims))
        if sims[best] >= params.join:
            stories.add(int(ids[best]), row)
            return int(ids[best])
    return stories.open(row)


def _finish(
    labels: I64,
    tfidf: sparse.csr_matrix,
    embed: F32,
    stories: Centroids,
    weight: float,
    params: ClusterParams,
) -> Clustering:
    """Centrality of each article in its story, and related-story pairs."""
    centrality = np.zeros(labels.size, dtype=np.float32)
    unit_t = unit_rows(stories.tfidf[: stories.count])
    unit_e = unit_rows(stories.embed[: stories.count])
    for start in range(0, labels.size, 4096):
        block = tfidf[start : start + 4096].tocoo()
        own_t = np.bincount(
            block.row,
            weights=block.data * unit_t[labels[start + block.row], block.col],
            minlength=block.shape[0],
        )
        centrality[start : start + block.shape[0]] += (weight * own_t).astype(np.float32)
    if embed.shape[1]:
        for start in range(0, labels.size, 4096):
            stop = min(labels.size, start + 4096)
            own_e = np.einsum("ij,ij->i", embed[start:stop], unit_e[labels[start:stop]])
            centrality[start:stop] += (1 - weight) * own_e
    return Clustering(labels, centrality, _related(stories, weight, params))


def _related(
    stories: Centroids, weight: float, params: ClusterParams
) -> tuple[tuple[int, int], ...]:
    """Story pairs (a < b) whose centroids are similar but were not merged."""
    ids = np.arange(stories.count, dtype=np.int64)
    pairs: list[tuple[int, int]] = []
    unit_t = unit_rows(stories.tfidf[: stories.count])
    unit_e = unit_rows(stories.embed[: stories.count])
    for start in range(0, stories.count, 1024):
        block = ids[start : start + 1024]
        sims = stories.similarity(ids, unit_t[block], unit_e[block], weight)
        for offset, row in enumerate(sims):
            story = int(block[offset])
            row[story] = -np.inf
            top = np.argsort(-row, kind="stable")[: params.max_related]
            pairs.extend(
                (min(story, int(o)), max(story, int(o))) for o in top if row[o] >= params.related
            )
    return tuple(sorted(set(pairs)))
