"""Stages 3-4 on several cores: chunks of articles analysed in worker processes.

Parsing is per article, so the work splits cleanly: each worker loads the spaCy model
once (``spawn``, so no state is inherited from the parent), analyses whole chunks with
:func:`storylens.pipeline.analyze_articles`, and returns finished Articles. The order of
the input is kept, and the result is identical to a single-process run.

Starting a worker costs about a model load (1-2 s), so small inputs stay in-process:
see :data:`MIN_WORDS_PER_JOB`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from storylens.model import Article

MIN_WORDS_PER_JOB = 20_000
"""Below this many words per worker, extra processes cost more than they save."""

CHUNKS_PER_JOB = 4
"""Chunks per worker: small enough to balance uneven articles, large enough to batch."""

_worker_nlp: list[Any] = []  # the model of this worker process, loaded by _start


def available_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def useful_jobs(articles: Sequence[Article], *, jobs: int) -> int:
    """How many processes are worth starting for these articles (at most ``jobs``)."""
    words = sum(article.text.count(" ") + 1 for article in articles)
    return max(1, min(jobs, len(articles), words // MIN_WORDS_PER_JOB))


def analyze_in_workers(articles: Sequence[Article], *, jobs: int) -> tuple[Article, ...]:
    """Segment and extract ``articles`` in ``jobs`` worker processes, in input order."""
    chunks = _chunks(articles, count=jobs * CHUNKS_PER_JOB)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start) as pool:
        done = pool.map(_analyze_chunk, chunks)
        return tuple(article for chunk in done for article in chunk)


def _chunks(articles: Sequence[Article], *, count: int) -> list[list[Article]]:
    size = max(1, -(-len(articles) // count))
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _start() -> None:
    from storylens.resources import load_nlp

    _worker_nlp.append(load_nlp())


def _analyze_chunk(articles: list[Article]) -> tuple[Article, ...]:
    from storylens.pipeline import analyze_articles
    from storylens.resources import Resources

    return analyze_articles(articles, resources=Resources(nlp=_worker_nlp[0], embedder=None))
