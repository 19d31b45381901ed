"""Stories: group articles into real-world events, and spot duplicates.

1. Sort the articles (undated first, then by date, then by id): the order is the stream.
2. Exact duplicates (same text after normalisation) collapse onto the first one.
3. Near-copies (verified shingle Jaccard ≥ ``NEAR_COPY``, :mod:`.minhash`) are left out of
   clustering and follow the earliest article they copy, so a wire story run many times
   weighs once in its story's centroid and always lands in the same story.
4. Features: TF-IDF of content words plus, as its own channel, of name words
   (:mod:`.features`), plus wordllama embeddings when an embedder is given and weighted in.
5. Online clustering (:mod:`.cluster`) with three penalties: dates far apart, a lead that
   names another kind of event than the story's leads (:mod:`.events`), and lead names the
   story never uses; then a second look moves each article left alone to its best other
   story, penalties included (:mod:`.cluster`). Related stories are those whose centroids
   are close but below the join threshold (no penalties there, so a later event of the
   same topic is linked).
6. Each story: id ``story-N`` in order of its first member, a title (the most central
   headline, else the lead sentence of the most central article), its date range.

Near-duplicates and shingle overlaps for other stages: :mod:`.minhash`, :mod:`.shingles`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import xxhash

from storylens.embed import embed_texts
from storylens.model import Article, Story
from storylens.stories.cluster import NO_DATE, Clustering, ClusterParams, LeadSignals, cluster
from storylens.stories.events import event_matrix, lead_span, lead_text
from storylens.stories.features import DEFAULT_DIMS, lead_name_columns, tfidf_matrix
from storylens.stories.minhash import near_duplicates
from storylens.stories.shingles import normalize

DEFAULT_PARAMS = ClusterParams()

__all__ = ["ClusterParams", "cluster_articles", "copy_sources", "group_stories", "sort_articles"]

TITLE_CHARS = 110
NEAR_COPY = 0.5
"""Verified 5-word-shingle Jaccard at which an article counts as a copy of an earlier one."""
LEAD_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s|$)|$)", re.DOTALL)


def sort_articles(articles: Sequence[Article]) -> list[Article]:
    """The stream order: undated articles first, then by date, then by id."""
    return sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))


def group_stories(
    articles: Sequence[Article],
    *,
    embedder: Any = None,
    params: ClusterParams = DEFAULT_PARAMS,
    dims: int = DEFAULT_DIMS,
) -> tuple[Story, ...]:
    """Group articles into stories (see the module docstring); every article lands in one."""
    if not articles:
        return ()
    ordered = sort_articles(articles)
    kept, duplicate_of = _collapse_duplicates(ordered)
    source = copy_sources(kept)
    originals = np.flatnonzero(source == np.arange(len(kept)))
    clustering = cluster_articles(
        [kept[i] for i in originals.tolist()], embedder=embedder, params=params, dims=dims
    )
    return _stories(kept, _spread(clustering, originals, source), duplicate_of)


def copy_sources(articles: Sequence[Article]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """For each article (in stream order), the index of the earliest article it copies.

    Near-duplicate pairs at ``NEAR_COPY`` link into groups (union-find); every member of a
    group points at the group's first article, which points at itself.
    """
    parent = np.arange(len(articles), dtype=np.int64)
    pairs = near_duplicates([a.text for a in articles], threshold=NEAR_COPY)
    for pair in sorted((p.a, p.b) for p in pairs if p.jaccard >= NEAR_COPY):
        a, b = _root(parent, pair[0]), _root(parent, pair[1])
        parent[max(a, b)] = min(a, b)
    return np.array([_root(parent, i) for i in range(len(articles))], dtype=np.int64)


def _root(parent: np.ndarray[Any, np.dtype[np.int64]], node: int) -> int:
    while parent[node] != node:
        node = int(parent[node])
    return node


def _spread(
    clustering: Clustering,
    originals: np.ndarray[Any, np.dtype[np.int64]],
    source: np.ndarray[Any, np.dtype[np.int64]],
) -> Clustering:
    """Labels and centrality for every article: a copy takes its original's."""
    position = np.zeros(source.size, dtype=np.int64)
    position[originals] = np.arange(originals.size)
    rows = position[source]
    centrality = clustering.centrality[rows].copy()
    centrality[source != np.arange(source.size)] -= 1e-3  # the original is the more central
    return Clustering(clustering.labels[rows], centrality, clustering.related)


def cluster_articles(
    articles: Sequence[Article],
    *,
    embedder: Any = None,
    params: ClusterParams = DEFAULT_PARAMS,
    dims: int = DEFAULT_DIMS,
) -> Clustering:
    """Features and online clustering for articles already in stream order."""
    tfidf = tfidf_matrix(articles, dims=dims, name_weight=params.name_weight)
    embeddings = None
    if embedder is not None and params.tfidf_weight < 1.0:
        embeddings = embed_texts(embedder, [_headed(a) for a in articles])
    days = np.array(
        [a.published.toordinal() if a.published else NO_DATE for a in articles], dtype=np.int64
    )
    leads = lead_signals(articles, dims=dims, params=params)
    return cluster(tfidf, embeddings, days, leads=leads, params=params)


def lead_signals(
    articles: Sequence[Article], *, dims: int = DEFAULT_DIMS, params: ClusterParams = DEFAULT_PARAMS
) -> LeadSignals:
    """Event classes and name words of the leads (those the params weigh in)."""
    empty = LeadSignals.none(len(articles), dims)
    if params.event_penalty <= 0 and params.name_penalty <= 0:
        return empty
    spans = [lead_span(a.text) for a in articles]
    return LeadSignals(
        events=(
            event_matrix([lead_text(a, span) for a, span in zip(articles, spans, strict=True)])
            if params.event_penalty > 0
            else empty.events
        ),
        names=(
            lead_name_columns(articles, dims=dims, spans=spans)
            if params.name_penalty > 0
            else empty.names
        ),
    )


def _headed(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text


def _collapse_duplicates(ordered: Sequence[Article]) -> tuple[list[Article], dict[str, str]]:
    """Keep the first article (by sorted id) of each normalised text; map the others to it."""
    first_by_key: dict[str, Article] = {}
    duplicate_of: dict[str, str] = {}
    for article in sorted(ordered, key=lambda a: a.id):
        key = xxhash.xxh3_128_hexdigest(normalize(article.text).encode())
        if key in first_by_key:
            duplicate_of[article.id] = first_by_key[key].id
        else:
            first_by_key[key] = article
    return [a for a in ordered if a.id not in duplicate_of], duplicate_of


def _stories(
    kept: Sequence[Article], clustering: Clustering, duplicate_of: dict[str, str]
) -> tuple[Story, ...]:
    """Build Story records from the cluster labels."""
    members: dict[int, list[int]] = {}
    for index, label in enumerate(clustering.labels.tolist()):
        members.setdefault(label, []).append(index)
    story_of = {kept[i].id: label for label, rows in members.items() for i in rows}
    extra: dict[int, list[str]] = {}
    for duplicate, original in sorted(duplicate_of.items()):
        extra.setdefault(story_of[original], []).append(duplicate)
    related: dict[int, list[int]] = {}
    for a, b in clustering.related:
        related.setdefault(a, []).append(b)
        related.setdefault(b, []).append(a)
    stories = []
    for label in sorted(members):
        rows = members[label]
        group = [kept[i] for i in rows]
        ids = tuple(sorted([a.id for a in group] + extra.get(label, [])))
        stories.append(
            Story(
                id=f"story-{label + 1}",
                title=_title(group, clustering.centrality[rows]),
                article_ids=ids,
                date_range=_date_range(group),
                related=tuple(f"story-{other + 1}" for other in sorted(related.get(label, []))),
                duplicates=tuple((dup, duplicate_of[dup]) for dup in ids if dup in duplicate_of),
            )
        )
    return tuple(stories)


def _title(group: Sequence[Article], centrality: np.ndarray[Any, Any]) -> str:
    """The most central headline, else the trimmed lead sentence of the most central article."""
    order = sorted(range(len(group)), key=lambda i: (-float(centrality[i]), group[i].id))
    for index in order:
        if group[index].title:
            return _trim(group[index].title or "")
    article = group[order[0]]
    if article.sentences:
        lead = article.text[article.sentences[0].start : article.sentences[0].end]
    else:
        match = LEAD_SENTENCE.search(article.text)
        lead = match.group(0) if match else article.text
    return _trim(lead)


def _trim(text: str) -> str:
    """One line of at most TITLE_CHARS characters, cut at a word boundary."""
    line = " ".join(text.split())
    if len(line) <= TITLE_CHARS:
        return line
    cut = line[:TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _date_range(group: Sequence[Article]) -> tuple[str, str] | None:
    dates = sorted(a.published for a in group if a.published)
    return (dates[0].isoformat(), dates[-1].isoformat()) if dates else None
