"""The optional attribution tagger: words per second, against the pipeline's own parse.

    python -m bench.run --shared ../shared --only tagger

Times :meth:`AttributionTagger.tag` over PolNeAR dev texts (the attribution eval's data),
median of runs, and, in the same run, the peer: :func:`storylens.segment.parse.parse` of
the same texts as the pipeline runs it (entities everywhere, syntax where it is read), the
stage that dominates a default run. The ratio says how much slower ``--tagger`` makes the
segment-and-extract part of a run. Both use this process's threads as a run would.
"""

from __future__ import annotations

from pathlib import Path

from bench.figure import Figure, median_seconds
from evals.attribution import DATA, gold_files
from storylens.extract.quotes.tagger import load_tagger
from storylens.extract.triggers import needs_parse
from storylens.model import Article
from storylens.resources import load_nlp
from storylens.segment.parse import parse

QUICK_TEXTS = 10


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    pairs = gold_files(shared / DATA / "dev")
    texts = [path.read_text(encoding="utf-8") for path, _ in pairs]
    texts = texts[:QUICK_TEXTS] if quick else texts
    words = sum(len(text.split()) for text in texts)
    articles = [Article(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    tagger, nlp = load_tagger(), load_nlp()
    repeats = 1 if quick else 3
    tagging = median_seconds(lambda: [tagger.tag(text) for text in texts], repeats=repeats)
    parsing = median_seconds(
        lambda: parse(articles, nlp=nlp, needs_parse=needs_parse), repeats=repeats
    )
    data = f"PolNeAR dev, {len(texts)} texts, {words:,} words"
    return [
        Figure("tagger", "tagger words per second", words / tagging, "words/s", data),
        Figure("tagger", "pipeline parse words per second", words / parsing, "words/s", data),
        Figure("tagger", "tagger time / parse time", tagging / parsing, "x", "peer: the parse"),
    ]
