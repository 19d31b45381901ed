"""Compare: seconds of compute per story, and what the comparison finds.

    python -m bench.run --shared ../shared --only compare

Times ``compare()`` alone (articles already extracted) on the seeds' largest story,
median of runs, against a peer measured in the same run: embedding the same units with
wordllama. Also counts the facts (by status), conflicts (by kind) and reuse pairs found
on the seeds and on the bundled sample, the figures quoted in docs/stages/compare.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.figure import Figure, median_seconds
from evals.locate import breakdown
from storylens.compare import compare
from storylens.compare.statements import build_units
from storylens.ingest import read_inputs
from storylens.model import Report, Story
from storylens.pipeline import analyze_documents
from storylens.resources import load_resources

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "storylens" / "sample" / "articles.jsonl"


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    resources = load_resources()
    seeds = _analyze(shared / "seeds")
    sample = _analyze(SAMPLE)
    story = max(seeds.stories, key=lambda s: len(s.article_ids))
    by_id = {article.id: article for article in seeds.articles}
    bare = Story(story.id, story.title, story.article_ids)
    repeats = 3 if quick else 9
    seconds = median_seconds(
        lambda: compare(bare, by_id, embedder=resources.embedder), repeats=repeats
    )
    texts = [u.text for u in build_units([by_id[key] for key in story.article_ids])]
    embed = median_seconds(lambda: resources.embedder.embed(texts), repeats=repeats)
    figures = [
        Figure(
            "compare",
            f"seeds story ({len(story.article_ids)} articles)",
            seconds,
            "s",
            "median compare() time",
        ),
        Figure(
            "compare",
            "ratio to embedding its units",
            seconds / embed if embed else 0.0,
            "x",
            "peer: wordllama embed of the same units",
        ),
    ]
    for name, report in (("seeds", seeds), ("sample", sample)):
        figures.extend(counts(name, report))
    return figures


def counts(name: str, report: Report) -> list[Figure]:
    """Facts by status, conflicts by kind and reuse pairs over all stories of a report."""
    status = Counter[str](f.status for s in report.stories for f in s.facts)
    kinds = Counter[str](c.kind for s in report.stories for c in s.conflicts)
    reuse = sum(len(s.reuse) for s in report.stories)
    copies = sum(1 for s in report.stories for r in s.reuse if max(r.share_a, r.share_b) >= 0.25)
    return [
        _tally(f"{name} facts", status, "facts"),
        _tally(f"{name} conflicts", kinds, "conflicts"),
        Figure("compare", f"{name} reuse pairs", reuse, "pairs", f"{copies} copies"),
    ]


def _tally(name: str, counts: Counter[str], unit: str) -> Figure:
    """The total of ``counts``, broken down by key in the note."""
    return Figure("compare", name, sum(counts.values()), unit, breakdown(counts))


def _analyze(path: Path) -> Report:
    inputs = read_inputs([str(path)])
    return analyze_documents(inputs.documents, resources=load_resources(), skipped=inputs.skipped)


if __name__ == "__main__":
    for figure in bench(Path(__file__).resolve().parent.parent.parent / "shared", quick=False):
        print(f"{figure.name}: {figure.value:.4g} {figure.unit} {figure.note}")
