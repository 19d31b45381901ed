"""Article extraction: storylens' cleaned body vs bare ``trafilatura.extract``.

Data: ``extraction-scrapinghub`` (news pages ``html/<id>.html.gz`` with the gold article
text in ``ground-truth.json``; see its SOURCE.md). Metric: the benchmark's own, token-level
precision / recall / F1 of the extracted text against ``articleBody``, averaged over pages
(a page with no output scores 0). Both sides are tokenised the same way (lower-cased ``\\w+``
runs). Fast mode: the first 30 pages in id order.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from pathlib import Path

from evals.metric import Metric
from evals.scorers import PRF, token_prf
from storylens.clean import clean_all
from storylens.model import Document

DATA = "extraction-scrapinghub"
FAST_PAGES = 30
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, the same for both extractors and the gold text."""
    return _TOKEN.findall(text.lower())


def load_pages(shared: Path, *, fast: bool) -> list[tuple[str, str, str]]:
    """(id, html, gold body) per page, sorted by id."""
    root = shared / "data" / DATA
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:FAST_PAGES] if fast else sorted(gold)
    pages = []
    for page_id in ids:
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((page_id, html, gold[page_id]["articleBody"]))
    return pages


def storylens_texts(pages: list[tuple[str, str, str]]) -> dict[str, str]:
    """The cleaned article body per page id ('' for a skipped page)."""
    documents = [Document(source=page_id, id=page_id, html=html) for page_id, html, _ in pages]
    cleaned = clean_all(documents)
    return {article.id: article.text for article in cleaned.articles}


def trafilatura_texts(pages: list[tuple[str, str, str]]) -> dict[str, str]:
    """Bare ``trafilatura.extract`` (default settings) per page id."""
    import trafilatura

    return {page_id: trafilatura.extract(html) or "" for page_id, html, _ in pages}


def mean_prf(found: dict[str, str], pages: list[tuple[str, str, str]]) -> PRF:
    """Per-page token P/R/F1, averaged."""
    scores = [token_prf(tokens(found.get(page_id, "")), tokens(gold)) for page_id, _, gold in pages]
    return PRF(
        statistics.fmean(s.precision for s in scores),
        statistics.fmean(s.recall for s in scores),
        statistics.fmean(s.f1 for s in scores),
    )


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    """Token P/R/F1 of storylens and of bare trafilatura on the same pages."""
    pages = load_pages(shared, fast=fast)
    data = f"{DATA} ({len(pages)} pages)"
    ours = mean_prf(storylens_texts(pages), pages)
    peer = mean_prf(trafilatura_texts(pages), pages)
    metrics = []
    for who, prf in (("storylens", ours), ("trafilatura", peer)):
        note = "clean stage body" if who == "storylens" else "trafilatura.extract defaults"
        metrics += [
            Metric("extraction", f"{who}_precision", prf.precision, data, note),
            Metric("extraction", f"{who}_recall", prf.recall, data, note),
            Metric("extraction", f"{who}_f1", prf.f1, data, note),
        ]
    metrics.append(
        Metric("extraction", "f1_gain", ours.f1 - peer.f1, data, "storylens F1 - trafilatura F1")
    )
    return metrics
