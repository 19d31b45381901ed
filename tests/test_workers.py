"""Stages 3-4 in worker processes give exactly the single-process result."""

from __future__ import annotations

from storylens.clean import clean_all
from storylens.ingest import read_inputs
from storylens.model import Article
from storylens.pipeline import analyze_articles
from storylens.resources import Resources
from storylens.workers import MIN_WORDS_PER_JOB, analyze_in_workers, useful_jobs
from tests.conftest import SAMPLE


def _articles(text: str, count: int) -> list[Article]:
    return [Article(id=f"a{i}", source="test", text=text) for i in range(count)]


def test_workers_match_one_process(resources: Resources) -> None:
    documents = read_inputs([str(SAMPLE / "articles.jsonl")]).documents
    articles = clean_all(documents).articles
    alone = analyze_articles(articles, resources=resources)
    assert analyze_in_workers(articles, jobs=2, nlp=resources.nlp) == alone
    assert analyze_in_workers(articles, jobs=2) == alone  # workers load their own model


def test_small_inputs_stay_in_process() -> None:
    assert useful_jobs(_articles("word " * 100, 50), jobs=8) == 1
    assert useful_jobs(_articles("word " * MIN_WORDS_PER_JOB, 3), jobs=8) == 3
    assert useful_jobs(_articles("word " * MIN_WORDS_PER_JOB, 3), jobs=2) == 2
    assert useful_jobs([], jobs=4) == 1
