"""The clean stage on HTML vs bare ``trafilatura.extract`` on the same news pages.

Pages: ``extraction-scrapinghub`` (quick: the first 20). The four runs below are timed
back to back in each round, so a busy spell on the shared machine hits all three alike;
the ratios are medians of the per-round ratios, the seconds medians over the rounds.

- ``trafilatura_s``: ``trafilatura.extract`` (defaults) over the pages (the peer);
- ``trafilatura_metadata_s``: ``trafilatura.bare_extraction`` with the metadata the issue
  asks for (title, date, site name, URL), as the clean stage calls it: the same
  extraction without anything storylens adds;
- ``clean_s``: ``storylens.clean.clean_all`` over the same pages (trafilatura's
  ``bare_extraction`` with metadata, encoding repair, junk lines, repeats, flags);
- ``junk_and_flags_s``: only what storylens adds to trafilatura's output: control
  characters stripped from the HTML, then, on the extracted texts with their metadata
  (title, outlet, URL: the inputs ``clean_all`` gives the junk stage), repair, repeated
  lines across the outlet, junk lines, title and flags. It is short, so each round runs
  it several times and takes the mean;
- ``added_ratio``: ``junk_and_flags_s / trafilatura_s`` (goal: at most 0.10);
- ``total_ratio``: ``clean_s / trafilatura_s``;
- ``total_ratio_same_metadata``: ``clean_s / trafilatura_metadata_s`` (the whole stage
  against trafilatura doing the same extraction; goal: at most 1.10);
- ``words_per_s``: cleaned body words per second of ``clean_s``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.figure import Figure
from evals.extraction import load_pages
from storylens.clean import clean_all, finish, read_body
from storylens.clean.html import extract_html
from storylens.clean.quality import strip_controls
from storylens.clean.repeats import outlet_key, repeated_lines
from storylens.model import Document

QUICK_PAGES = 20
LAYER_RUNS = 5
"""Runs of the (short) added layer per round; its time is their mean."""


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    """Time trafilatura alone, the whole clean stage, and the part storylens adds."""
    import trafilatura

    pages = load_pages(shared, fast=False)
    if quick:
        pages = pages[:QUICK_PAGES]
    htmls = [html for _, html, _ in pages]
    documents = [Document(source=page_id, id=page_id, html=html) for page_id, html, _ in pages]
    extracted = [_as_text(document) for document in documents]

    def peer() -> None:
        for html in htmls:
            trafilatura.extract(html)

    def peer_metadata() -> None:
        for html in htmls:
            extract_html(html)

    def stage() -> None:
        clean_all(documents)

    def layer() -> None:
        for _ in range(LAYER_RUNS):
            for html in htmls:
                strip_controls(html)
            bodies = [read_body(document) for document in extracted]
            found = repeated_lines([(outlet_key(b.outlet, b.url), b.text) for b in bodies])
            for document, body in zip(extracted, bodies, strict=True):
                key = outlet_key(body.outlet, body.url) or ""
                finish(document, body, repeated=found.get(key, frozenset()))

    rounds = 5 if quick else 7
    times = _interleaved([peer, peer_metadata, stage, layer], rounds=rounds)
    peer_s, metadata_s, stage_s = times[0], times[1], times[2]
    layer_s = [seconds / LAYER_RUNS for seconds in times[3]]
    words = sum(len(a.text.split()) for a in clean_all(documents).articles)
    ours = statistics.median(stage_s)
    note = f"{len(pages)} scrapinghub pages, median of {rounds} interleaved rounds"
    return [
        Figure("clean", "trafilatura_s", statistics.median(peer_s), "s", note),
        Figure("clean", "trafilatura_metadata_s", statistics.median(metadata_s), "s", note),
        Figure("clean", "clean_s", ours, "s", note),
        Figure(
            "clean",
            "junk_and_flags_s",
            statistics.median(layer_s),
            "s",
            "after extraction: controls, repair, repeats, junk, title, flags",
        ),
        Figure(
            "clean",
            "added_ratio",
            _median_ratio(layer_s, peer_s),
            "x",
            "junk_and_flags_s / trafilatura_s, median of per-round ratios",
        ),
        Figure(
            "clean",
            "total_ratio",
            _median_ratio(stage_s, peer_s),
            "x",
            "clean_s / trafilatura_s, median of per-round ratios",
        ),
        Figure(
            "clean",
            "total_ratio_same_metadata",
            _median_ratio(stage_s, metadata_s),
            "x",
            "clean_s / trafilatura_metadata_s; goal ≤ 1.10",
        ),
        Figure("clean", "words_per_s", words / ours, "words/s", "cleaned body words"),
    ]


def _as_text(document: Document) -> Document:
    """The document as trafilatura's text plus the metadata clean_all reads from the page."""
    page = extract_html(strip_controls(document.html or ""))
    return Document(
        source=document.source,
        id=document.id,
        text=page.text,
        title=page.title,
        outlet=page.outlet,
        url=page.url,
        published=page.published,
    )


def _interleaved(runs: list[Callable[[], None]], *, rounds: int) -> list[list[float]]:
    """Per run, its wall times over ``rounds`` rounds; each round times every run once."""
    for run in runs:  # warm-up: imports, caches, compiled patterns
        run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, seconds in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            seconds.append(time.perf_counter() - started)
    return times


def _median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))
