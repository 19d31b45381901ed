"""The pipeline, stage by stage. Read this file to learn the whole system.

    1. ingest     paths → Documents (+ Skipped)            storylens.ingest     (the only I/O)
    2. clean      Document → Article: body text, junk removed with reasons, flags
    3. segment    Article → Article + sentences (spaCy, batched; syntax only where read)
    4. extract    Article → Article + entities, quantities, dates, quotes
    5. stories    [Article] → [Story]: group articles into events; canonical names per story
    6. compare    Story → Story + facts, reuse, conflicts
    7. summarize  Story → Story + cited summary, timeline, framing
    8. render     Report → JSON / Markdown / HTML              storylens.render

Stages 2-7 are pure functions over :mod:`storylens.model`; the CLI, the tests and
(later) the web UI and Spark all call :func:`analyze_documents`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storylens import __version__
from storylens.clean import clean_all
from storylens.compare import compare
from storylens.extract import extract
from storylens.extract.canonical import canonicalize
from storylens.extract.triggers import needs_parse
from storylens.model import Article, Document, Report, Skipped, Story
from storylens.resources import Resources
from storylens.segment import parse, segment
from storylens.stories import group_stories
from storylens.summarize import summarize
from storylens.workers import analyze_in_workers, useful_jobs

STAGES = ("ingest", "clean", "segment", "extract", "stories", "compare", "summarize", "render")

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; the CLI draws a bar with it."""


def analyze_documents(
    documents: Sequence[Document],
    *,
    resources: Resources,
    skipped: Sequence[Skipped] = (),
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    """Run stages 2-7 over already-read documents and return the report.

    ``jobs`` > 1 runs stages 3-4 in that many worker processes when the input is large
    enough to gain from it (:mod:`storylens.workers`); the report is the same.
    """
    report = _Progress(progress)
    # 2. clean
    cleaned = clean_all(documents)
    report("clean", len(cleaned.articles))
    # 3. segment and 4. extract, one parsed Doc per article
    articles = analyze_articles(cleaned.articles, resources=resources, jobs=jobs)
    report("extract", len(articles))
    by_id = {article.id: article for article in articles}
    # 5. stories
    stories = group_stories(articles, embedder=resources.embedder)
    # 6. compare and 7. summarize, one story at a time
    finished: list[Story] = []
    for number, story in enumerate(stories, start=1):
        members = canonicalize([by_id[article_id] for article_id in story.article_ids])
        by_id.update((article.id, article) for article in members)
        story = compare(story, by_id, embedder=resources.embedder)
        finished.append(summarize(story, by_id))
        report("compare", number, len(stories))
    return Report(
        generator=f"storylens {__version__}",
        articles=tuple(by_id[article.id] for article in articles),
        stories=tuple(finished),
        skipped=(*skipped, *cleaned.skipped),
    )


def analyze_articles(
    articles: Sequence[Article], *, resources: Resources, jobs: int = 1
) -> tuple[Article, ...]:
    """Stages 3-4 for cleaned articles: sentences and mentions.

    Only the sentences the extractors read syntax from are parsed
    (:func:`storylens.extract.triggers.needs_parse`). With the optional attribution
    tagger the work stays in this process (torch runs on all cores by itself).
    """
    workers = useful_jobs(articles, jobs=jobs) if resources.tagger is None else 1
    if workers > 1:
        return analyze_in_workers(articles, jobs=workers, nlp=resources.nlp)
    docs = parse(articles, nlp=resources.nlp, needs_parse=needs_parse)
    return tuple(
        extract(segment(article, doc), doc, tagger=resources.tagger)
        for article, doc in zip(articles, docs, strict=True)
    )


class _Progress:
    def __init__(self, callback: Progress | None) -> None:
        self._callback = callback

    def __call__(self, stage: str, done: int, total: int | None = None) -> None:
        if self._callback is not None:
            self._callback(stage, done, done if total is None else total)
