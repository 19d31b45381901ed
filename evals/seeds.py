"""Seeds checks: the five real articles in ../shared/seeds against ../shared/gold/seeds.json.

Figures: junk lines removed, body lines kept, titles found, story grouping (B-cubed),
gold same-fact pairs aligned, gold conflicts reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.locate import Place, Ref, covers, locate, report_counts, share, story_of
from evals.metric import Metric
from evals.scorers import bcubed
from storylens.ingest import read_inputs
from storylens.model import Article, Report
from storylens.pipeline import analyze_documents
from storylens.resources import load_resources

DATA = "seeds (5 articles)"


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    inputs = read_inputs([str(shared / "seeds")])
    report = analyze_documents(inputs.documents, resources=load_resources())
    lines = {
        name: (shared / "seeds" / name).read_text(encoding="utf-8").split("\n")
        for name in gold["documents"]
    }
    articles = {name: _article(report, name) for name in gold["documents"]}
    facts = [fact.statements for story in report.stories for fact in story.facts]
    conflicts = [conflict.sides for story in report.stories for conflict in story.conflicts]
    return [
        *_cleaning(gold, lines, articles),
        _grouping(gold, report),
        Metric(
            "seeds",
            "same_fact_pairs_aligned",
            share(_covered(facts, articles, lines, pair) for pair in gold["same_fact_examples"]),
            DATA,
        ),
        Metric(
            "seeds",
            "conflicts_reported",
            share(_covered(conflicts, articles, lines, pair) for pair in gold["conflict_examples"]),
            DATA,
        ),
        *report_counts("seeds", report, DATA),
    ]


def _article(report: Report, name: str) -> Article:
    stem = name.rsplit(".", 1)[0]
    return next(a for a in report.articles if a.id == stem)


def _cleaning(
    gold: dict[str, Any], lines: dict[str, list[str]], articles: dict[str, Article]
) -> list[Metric]:
    junk_removed, body_kept, titles = [], [], []
    for name, doc in gold["documents"].items():
        article = articles[name]
        removed = {" ".join(r.text.split()) for r in article.removed}
        for number, line in enumerate(lines[name], start=1):
            text = " ".join(line.split())
            if not text:
                continue
            if number in doc["junk_lines"]:
                junk_removed.append(text in removed and locate(article, text) is None)
            elif number == doc["title_line"]:
                title = " ".join((article.title or "").split())
                titles.append(bool(title) and text.startswith(title) and len(title) > len(text) / 2)
            else:
                body_kept.append(locate(article, text) is not None)
    return [
        Metric(
            "seeds",
            "junk_lines_removed",
            share(junk_removed),
            DATA,
            f"{len(junk_removed)} gold junk lines",
        ),
        Metric("seeds", "body_lines_kept", share(body_kept), DATA, f"{len(body_kept)} body lines"),
        Metric("seeds", "titles_found", share(titles), DATA, f"{len(titles)} gold titles"),
    ]


def _grouping(gold: dict[str, Any], report: Report) -> Metric:
    predicted, truth = {}, {}
    for name, doc in gold["documents"].items():
        stem = name.rsplit(".", 1)[0]
        story = story_of(report, stem)
        predicted[stem] = story.id if story else stem
        truth[stem] = doc["story"]
    return Metric("seeds", "stories_bcubed_f1", bcubed(predicted, truth).f1, DATA)


def _place(
    articles: dict[str, Article], lines: dict[str, list[str]], ref: dict[str, Any]
) -> Place | None:
    article = articles[ref["doc"]]
    return locate(article, lines[ref["doc"]][ref["line"] - 1])


def _covered(
    groups: Sequence[Sequence[Ref]],
    articles: dict[str, Article],
    lines: dict[str, list[str]],
    pair: dict[str, Any],
) -> bool:
    """Whether one group (a fact's statements, a conflict's sides) covers both gold lines."""
    a, b = _place(articles, lines, pair["a"]), _place(articles, lines, pair["b"])
    if a is None or b is None:
        return False
    return any(covers(group, (a, b)) for group in groups)
