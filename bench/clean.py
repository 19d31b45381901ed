"""The clean stage on HTML vs bare ``trafilatura.extract`` on the same news pages.

Pages: ``extraction-scrapinghub`` (quick: the first 20). Figures, each a median of several
runs over all pages:

- ``trafilatura_s``: ``trafilatura.extract`` (defaults) over the pages;
- ``clean_s``: ``storylens.clean.clean_all`` over the same pages (trafilatura's
  ``bare_extraction`` with metadata, encoding repair, junk lines, flags);
- ``junk_and_flags_s``: only what storylens adds after extraction (repair, junk lines,
  repeats, flags), run on the already extracted texts;
- ``added_ratio``: ``junk_and_flags_s / trafilatura_s`` (goal: at most 0.10);
- ``total_ratio``: ``clean_s / trafilatura_s``;
- ``words_per_s``: cleaned body words per second of ``clean_s``.
"""

from __future__ import annotations

from pathlib import Path

from bench.figure import Figure, median_seconds
from evals.extraction import load_pages
from storylens.clean import clean_all, finish, read_body
from storylens.clean.repeats import outlet_key, repeated_lines
from storylens.model import Document

QUICK_PAGES = 20


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    """Time trafilatura alone, the whole clean stage, and the part storylens adds."""
    import trafilatura

    pages = load_pages(shared, fast=False)
    if quick:
        pages = pages[:QUICK_PAGES]
    documents = [Document(source=page_id, id=page_id, html=html) for page_id, html, _ in pages]
    repeats = 3 if quick else 5
    peer = median_seconds(
        lambda: [trafilatura.extract(html) for _, html, _ in pages], repeats=repeats
    )
    ours = median_seconds(lambda: clean_all(documents), repeats=repeats)
    texts = [Document(source=d.source, id=d.id, text=read_body(d).text) for d in documents]

    def junk_and_flags() -> None:
        bodies = [read_body(d) for d in texts]
        found = repeated_lines([(outlet_key(b.outlet, b.url), b.text) for b in bodies])
        for document, body in zip(texts, bodies, strict=True):
            key = outlet_key(body.outlet, body.url) or ""
            finish(document, body, repeated=found.get(key, frozenset()))

    added = median_seconds(junk_and_flags, repeats=repeats)
    words = sum(len(a.text.split()) for a in clean_all(documents).articles)
    note = f"{len(pages)} scrapinghub pages, median of {repeats} runs"
    return [
        Figure("clean", "trafilatura_s", peer, "s", note),
        Figure("clean", "clean_s", ours, "s", note),
        Figure("clean", "junk_and_flags_s", added, "s", "after extraction: repair, junk, flags"),
        Figure("clean", "added_ratio", added / peer, "x", "junk_and_flags_s / trafilatura_s"),
        Figure("clean", "total_ratio", ours / peer, "x", "clean_s / trafilatura_s"),
        Figure("clean", "words_per_s", words / ours, "words/s", "cleaned body words"),
    ]
