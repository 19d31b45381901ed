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
import numpy.typing as npt
from scipy import sparse

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
NO_DATE = -(10**9)


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


class _Stories:
    """Growable per-story sums of member vectors, date ranges and a touched-in-batch mark."""

    def __init__(self, tfidf_dims: int, embed_dims: int, event_dims: int = 0) -> None:
        self.count = 0
        self.tfidf = np.zeros((16, tfidf_dims), dtype=np.float32)
        self.embed = np.zeros((16, embed_dims), dtype=np.float32)
        self.events = np.zeros((16, event_dims), dtype=np.float32)
        self.named = np.zeros(16, dtype=bool)
        self.size = np.zeros(16, dtype=np.int64)
        self.first = np.full(16, NO_DATE, dtype=np.int64)
        self.last = np.full(16, NO_DATE, dtype=np.int64)
        self.dirty = np.zeros(16, dtype=bool)
        self.norm_t = np.zeros(16, dtype=np.float64)
        self.norm_e = np.zeros(16, dtype=np.float64)

    def open(self, row: _Row) -> int:
        """A new story holding one article."""
        if self.count == self.tfidf.shape[0]:
            self.tfidf = np.vstack([self.tfidf, np.zeros_like(self.tfidf)])
            self.embed = np.vstack([self.embed, np.zeros_like(self.embed)])
            self.events = np.vstack([self.events, np.zeros_like(self.events)])
            self.named = np.concatenate([self.named, np.zeros_like(self.named)])
            self.size = np.concatenate([self.size, np.zeros_like(self.size)])
            self.first = np.concatenate([self.first, np.full_like(self.first, NO_DATE)])
            self.last = np.concatenate([self.last, np.full_like(self.last, NO_DATE)])
            self.dirty = np.concatenate([self.dirty, np.zeros_like(self.dirty)])
            self.norm_t = np.concatenate([self.norm_t, np.zeros_like(self.norm_t)])
            self.norm_e = np.concatenate([self.norm_e, np.zeros_like(self.norm_e)])
        self.count += 1
        self.add(self.count - 1, row)
        return self.count - 1

    def add(self, story: int, row: _Row) -> None:
        """Add one article (its TF-IDF row as columns and values) to a story.

        The squared norms are kept up to date (|s + r|² = |s|² + 2 s·r + |r|²), so a
        cosine to a centroid is one dot product over the row's non-zero columns.
        """
        columns, values, row_e, day = row.columns, row.values, row.embed, row.day
        current = self.tfidf[story, columns]
        self.norm_t[story] += 2.0 * float(current @ values) + float(values @ values)
        self.tfidf[story, columns] = current + values
        if row_e.size:
            self.norm_e[story] += 2.0 * float(self.embed[story] @ row_e) + float(row_e @ row_e)
            self.embed[story] += row_e
        if row.events.size:
            self.events[story] += row.events
        self.named[story] |= bool(row.names.size)
        self.size[story] += 1
        self.dirty[story] = True
        if day != NO_DATE:
            first = int(self.first[story])
            self.first[story] = day if first == NO_DATE else min(first, day)
            self.last[story] = max(int(self.last[story]), day)

    def clear(self, story: int) -> None:
        """Empty a story (its one member moved): it is no longer a candidate."""
        self.tfidf[story] = 0.0
        self.embed[story] = 0.0
        self.events[story] = 0.0
        self.named[story] = False
        self.size[story] = 0
        self.first[story] = self.last[story] = NO_DATE
        self.norm_t[story] = self.norm_e[story] = 0.0
        self.dirty[story] = True

    def active(self, day: int | None, window: float) -> I64:
        """Stories still open to new members (undated ones always are)."""
        ids = np.arange(self.count, dtype=np.int64)
        if day is None:
            return ids
        last = self.last[: self.count]
        open_ids: I64 = ids[(last == NO_DATE) | (last >= day - window)]
        return open_ids

    def similarity(
        self, ids: I64, rows_t: F32 | sparse.csr_matrix, rows_e: F32, weight: float
    ) -> F32:
        """Weighted cosine of each row (dense or sparse) to each story's centroid (rows × ids).

        A sparse TF-IDF batch costs its non-zeros × stories (a row has ~4% of its columns
        filled at 4,096 dims; about 4× faster than a dense product on the bench corpus).
        """
        dots: F32 = np.asarray(rows_t @ self.tfidf[ids].T, dtype=np.float32)
        sims = dots * (weight / _root_norms(self.norm_t[ids]))
        if rows_e.shape[1]:
            sims += (rows_e @ self.embed[ids].T) * ((1 - weight) / _root_norms(self.norm_e[ids]))
        return sims.astype(np.float32)

    def similarity_one(self, ids: I64, columns: I32, values: F32, row_e: F32, weight: float) -> F32:
        """:meth:`similarity` for one row given as its non-zero columns and values."""
        sims = (self.tfidf[ids[:, None], columns] @ values) * (
            weight / _root_norms(self.norm_t[ids])
        )
        if row_e.size:
            sims += (self.embed[ids] @ row_e) * ((1 - weight) / _root_norms(self.norm_e[ids]))
        return sims.astype(np.float32)

    def date_penalty(self, ids: I64, day: int | I64, params: ClusterParams) -> F32:
        """Penalty per story for the gap between ``day`` and the story's date range.

        ``day`` may be one day (a penalty per story) or one per row (rows × stories).
        """
        days = np.asarray(day, dtype=np.int64)
        if not ids.size or not (days != NO_DATE).any():
            return np.zeros((*days.shape, ids.size), dtype=np.float32)
        first, last = self.first[ids], self.last[ids]
        column = days[..., None]
        gap = np.maximum(np.maximum(first - column, column - last), 0).astype(np.float32)
        over = np.clip((gap - params.date_slack_days) / params.date_scale_days, 0.0, 1.0)
        scaled = params.date_penalty * over
        unknown = (first == NO_DATE) | (column == NO_DATE)
        penalty: F32 = np.where(unknown, 0.0, scaled).astype(np.float32)
        return penalty

    def lead_penalty(
        self, ids: I64, events: F32, names: sparse.csr_matrix, params: ClusterParams
    ) -> F32:
        """Event and names penalties of each row (its lead) to each story (rows × stories).

        The event penalty applies where the row's and the story's lead classes are both
        known and disjoint; the names one grows with the share of the lead's name words the
        story never uses (:func:`_missing`).
        """
        penalty = np.zeros((events.shape[0], ids.size), dtype=np.float32)
        if not ids.size:
            return penalty
        if events.shape[1] and params.event_penalty > 0 and events.any():
            penalty += params.event_penalty * _disjoint(events, self.events[ids])
        if names.nnz and params.name_penalty > 0:
            columns = np.unique(names.indices)
            present = (self.tfidf[np.ix_(ids, columns)] != 0).astype(np.float32)
            found = np.asarray(names[:, columns] @ present.T, dtype=np.float32)
            total = np.diff(names.indptr).astype(np.float32)
            share = _missing(found, total, self.named[ids], params.name_slack)
            penalty += params.name_penalty * share
        return penalty

    def lead_penalty_one(self, ids: I64, row: _Row, params: ClusterParams) -> F32:
        """:meth:`lead_penalty` for one row, given its event classes and name columns."""
        penalty = np.zeros(ids.size, dtype=np.float32)
        if row.events.size and params.event_penalty > 0 and row.events.any():
            penalty += params.event_penalty * _disjoint(row.events[None, :], self.events[ids])[0]
        if row.names.size and params.name_penalty > 0:
            found = np.count_nonzero(self.tfidf[np.ix_(ids, row.names)], axis=1)
            total = np.array([row.names.size], dtype=np.float32)
            share = _missing(
                found[None, :].astype(np.float32), total, self.named[ids], params.name_slack
            )
            penalty += params.name_penalty * share[0]
        return penalty


def _disjoint(events: F32, stories: F32) -> npt.NDArray[np.bool_]:
    """Rows × stories: both have lead event classes and share none."""
    shared = np.asarray(events @ stories.T, dtype=np.float32)
    row_known: npt.NDArray[np.bool_] = np.any(events, axis=1)
    story_known: npt.NDArray[np.bool_] = np.any(stories, axis=1)
    disjoint: npt.NDArray[np.bool_] = (shared == 0) & row_known[:, None] & story_known[None, :]
    return disjoint


def _missing(found: F32, total: F32, known: npt.NDArray[np.bool_], slack: float) -> F32:
    """Rows × stories: the share of a row's lead names a story lacks, beyond ``slack``.

    ``found`` counts, per row and story, the row's lead name words the story has; ``total``
    is each row's count. Scaled from 0 at ``slack`` to 1 when all are missing; 0 for rows
    with no lead names and for stories with no named member.
    """
    rows = total[:, None]
    missing = 1.0 - found / np.maximum(rows, 1.0)
    over = np.clip((missing - slack) / max(1.0 - slack, 1e-6), 0.0, 1.0)
    share: F32 = np.where((rows > 0) & known[None, :], over, 0.0).astype(np.float32)
    return share


def _root_norms(squares: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    """Norms from squared norms, with 1 for empty sums (their dot products are 0)."""
    norms = np.sqrt(np.maximum(squares, 0.0)).astype(np.float32)
    norms[norms == 0] = 1.0
    return norms


def _unit(rows: F32) -> F32:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: F32 = (rows / norms).astype(np.float32)
    return unit


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
    stories = _Stories(tfidf.shape[1], embed.shape[1], lead.events.shape[1])
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
            row = slice(batch.indptr[offset], batch.indptr[offset + 1])
            labels[start + offset] = _place(
                stories,
                np.concatenate([active, np.arange(known, stories.count, dtype=np.int64)]),
                stale[offset],
                _Row(
                    batch.indices[row],
                    batch.data[row],
                    rows_e[offset],
                    int(days[start + offset]),
                    lead.events[start + offset],
                    names.indices[names.indptr[offset] : names.indptr[offset + 1]],
                ),
                weight,
                params,
            )
    if params.second_look:
        _second_look(stories, labels, tfidf, embed, days, lead, weight, params)
    for _ in range(params.refine_rounds):
        labels = _refine(labels, tfidf, embed, days, weight, params)
    labels = _renumber(labels) if labels.size else labels
    return _finish(labels, tfidf, embed, _rebuild(labels, tfidf, embed, days), weight, params)


def _second_look(
    stories: _Stories,
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
            far = _outside(stories, ids, int(dated.min()), int(dated.max()), params.window_days)
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
            row = _Row(
                batch.indices[batch.indptr[offset] : batch.indptr[offset + 1]],
                batch.data[batch.indptr[offset] : batch.indptr[offset + 1]],
                embed[article],
                int(days[article]),
                lead.events[article],
                names.indices[names.indptr[offset] : names.indptr[offset + 1]],
            )
            sims = stale[offset].copy()
            redo = np.flatnonzero(stories.dirty[ids])
            if redo.size:
                sims[redo] = stories.similarity_one(
                    ids[redo], row.columns, row.values, row.embed, weight
                )
                sims[redo] -= stories.date_penalty(ids[redo], row.day, params)
                sims[redo] -= stories.lead_penalty_one(ids[redo], row, params)
            closed = (stories.size[ids] == 0) | (ids == own)
            if row.day != NO_DATE:
                closed |= _outside(stories, ids, row.day, row.day, params.window_days)
            sims[closed] = -np.inf
            best = int(np.argmax(sims)) if ids.size else 0
            if ids.size and sims[best] >= params.join:
                stories.clear(own)
                stories.add(int(ids[best]), row)
                labels[article] = ids[best]


def _outside(
    stories: _Stories, ids: I64, low: int, high: int, window: float
) -> npt.NDArray[np.bool_]:
    """Dated stories whose range ends ``window`` days before ``low`` or starts after ``high``."""
    first, last = stories.first[ids], stories.last[ids]
    far: npt.NDArray[np.bool_] = (first != NO_DATE) & (
        (last < low - window) | (first > high + window)
    )
    return far


def _rebuild(labels: I64, tfidf: sparse.csr_matrix, embed: F32, days: I64) -> _Stories:
    """Story sums and date ranges from a labelling (labels are 0..k-1)."""
    count = int(labels.max()) + 1 if labels.size else 0
    stories = _Stories(tfidf.shape[1], embed.shape[1])
    members = sparse.csr_matrix(
        (np.ones(labels.size, dtype=np.float32), (labels, np.arange(labels.size))),
        shape=(count, labels.size),
    )
    stories.count = count
    stories.tfidf = np.asarray((members @ tfidf).toarray(), dtype=np.float32)
    stories.embed = np.asarray(members @ embed, dtype=np.float32)
    stories.dirty = np.zeros(count, dtype=bool)
    stories.norm_t = np.einsum("ij,ij->i", stories.tfidf, stories.tfidf).astype(np.float64)
    stories.norm_e = np.einsum("ij,ij->i", stories.embed, stories.embed).astype(np.float64)
    dated = days != NO_DATE
    stories.first = np.full(count, NO_DATE, dtype=np.int64)
    stories.last = np.full(count, NO_DATE, dtype=np.int64)
    big = np.iinfo(np.int64).max
    first = np.full(count, big, dtype=np.int64)
    np.minimum.at(first, labels[dated], days[dated])
    np.maximum.at(stories.last, labels[dated], days[dated])
    stories.first = np.where(first == big, NO_DATE, first)
    return stories


def _refine(
    labels: I64,
    tfidf: sparse.csr_matrix,
    embed: F32,
    days: I64,
    weight: float,
    params: ClusterParams,
) -> I64:
    """One k-means-like round: merge close stories, then move articles to their best story."""
    stories = _rebuild(labels, tfidf, embed, days)
    ids = np.arange(stories.count, dtype=np.int64)
    parent = ids.copy()
    unit_t, unit_e = _unit(stories.tfidf), _unit(stories.embed)
    for start in range(0, stories.count, 1024):
        block = ids[start : start + 1024]
        sims = stories.similarity(ids, unit_t[block], unit_e[block], weight)
        for offset, story in enumerate(block.tolist()):
            sims[offset] -= stories.date_penalty(ids, int(stories.first[story]), params)
            for other in np.flatnonzero(sims[offset, :story] >= params.merge).tolist():
                _union(parent, story, other)
    merged = np.array([_root(parent, int(label)) for label in labels], dtype=np.int64)
    stories = _rebuild(_renumber(merged), tfidf, embed, days)
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


@dataclass(frozen=True, slots=True)
class _Row:
    """One article in the stream: TF-IDF non-zeros, embedding, day, lead classes and names."""

    columns: I32
    values: F32
    embed: F32
    day: int
    events: F32
    names: I32


def _place(
    stories: _Stories, ids: I64, stale: F32, row: _Row, weight: float, params: ClusterParams
) -> int:
    """Join the best story at or above the threshold, or open one; return its index.

    ``ids`` are the stories open at the batch start, then those opened since; ``stale``
    holds the batch-start similarities (penalties included) of the first ones. Stories
    touched since the batch start (all the new ones among them) are recomputed here.
    """
    if ids.size:
        sims = np.zeros(ids.size, dtype=np.float32)
        sims[: stale.size] = stale
        redo = np.flatnonzero(stories.dirty[ids])
        if redo.size:
            sims[redo] = stories.similarity_one(
                ids[redo], row.columns, row.values, row.embed, weight
            )
            sims[redo] -= stories.date_penalty(ids[redo], row.day, params)
            sims[redo] -= stories.lead_penalty_one(ids[redo], row, params)
        best = int(np.argmax(sims))
        if sims[best] >= params.join:
            stories.add(int(ids[best]), row)
            return int(ids[best])
    return stories.open(row)


def _finish(
    labels: I64,
    tfidf: sparse.csr_matrix,
    embed: F32,
    stories: _Stories,
    weight: float,
    params: ClusterParams,
) -> Clustering:
    """Centrality of each article in its story, and related-story pairs."""
    centrality = np.zeros(labels.size, dtype=np.float32)
    unit_t = _unit(stories.tfidf[: stories.count])
    unit_e = _unit(stories.embed[: stories.count])
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
    stories: _Stories, weight: float, params: ClusterParams
) -> tuple[tuple[int, int], ...]:
    """Story pairs (a < b) whose centroids are similar but were not merged."""
    ids = np.arange(stories.count, dtype=np.int64)
    pairs: list[tuple[int, int]] = []
    unit_t = _unit(stories.tfidf[: stories.count])
    unit_e = _unit(stories.embed[: stories.count])
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
