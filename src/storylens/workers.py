"""Stages 3-4 on several cores: chunks of articles analysed in worker processes.

Parsing is per article, so the work splits cleanly: each worker analyses whole chunks
with :func:`storylens.pipeline.analyze_articles` and returns finished Articles. The order
of the input is kept, and the result is identical to a single-process run.

On Linux the workers are forked: they share the parent's loaded model (no reload, no
re-import of the caller's ``__main__``, so a plain script may call this without an
``if __name__ == "__main__"`` guard). Elsewhere they are spawned and each loads the model
once (1-2 s). Either way small inputs stay in-process: see :data:`MIN_WORDS_PER_JOB`.
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

_worker_nlp: list[Any] = []
"""The model of a worker process: set by the parent before forking, or loaded by _start."""


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


def analyze_in_workers(
    articles: Sequence[Article], *, jobs: int, nlp: Any = None
) -> tuple[Article, ...]:
    """Segment and extract ``articles`` in ``jobs`` worker processes, in input order.

    ``nlp``: the loaded model, shared with forked workers (spawned ones load their own).
    """
    chunks = _chunks(articles, count=jobs * CHUNKS_PER_JOB)
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    _worker_nlp.clear()
    if forking and nlp is not None:
        _worker_nlp.append(nlp)  # inherited by the forked workers
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start) as pool:
            done = pool.map(_analyze_chunk, chunks)
            return tuple(article for chunk in done for article in chunk)
    finally:
        _worker_nlp.clear()


def _chunks(articles: Sequence[Article], *, count: int) -> list[list[Article]]:
    size = max(1, -(-len(articles) // count))
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _start() -> None:
    if not _worker_nlp:  # spawned, or no model passed: load one
        from storylens.resources import load_nlp

        _worker_nlp.append(load_nlp())


def _analyze_chunk(articles: list[Article]) -> tuple[Article, ...]:
    from storylens.pipeline import analyze_articles
    from storylens.resources import Resources

    return analyze_articles(articles, resources=Resources(nlp=_worker_nlp[0], embedder=None))
