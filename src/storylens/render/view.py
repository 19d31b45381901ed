"""Look-ups shared by the Markdown and HTML renderers: labels, anchors, safe links.

Element ids and hrefs inside the page are built from article *positions* and integer
offsets only (``a3``, ``a3-120-188``), never from article ids, which are untrusted input.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storylens.model import Article, Report

_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`\\]+", re.IGNORECASE)


def article_label(article: Article) -> str:
    """How a source is named in a report: outlet, else title, else its id."""
    return article.outlet or article.title or article.id


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address that may become a link, else None."""
    if url is None:
        return None
    text = url.strip()
    return text if _HTTP_URL.fullmatch(text) else None


@dataclass(frozen=True, slots=True)
class Chip:
    """A citation: a short source name linking to a span (or the article) in the page."""

    label: str
    href: str
    title: str


class Index:
    """Positions, labels and anchors of a report's articles."""

    def __init__(self, report: Report) -> None:
        self.articles: dict[str, Article] = {a.id: a for a in report.articles}
        self.position: dict[str, int] = {a.id: n for n, a in enumerate(report.articles)}
        self.labels = _unique_labels(report.articles)
        self.targets: dict[str, set[tuple[int, int]]] = {}
        """Spans some chip links to; the article text gives each one a jump target."""

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def article_anchor(self, article_id: str) -> str:
        """The element id of an article's section (``a<position>``)."""
        return f"a{self.position.get(article_id, -1)}"

    def span_anchor(self, article_id: str, start: int, end: int) -> str | None:
        """The element id of a span inside an article's text, or None if the span is invalid."""
        article = self.articles.get(article_id)
        if article is None or not 0 <= start < end <= len(article.text):
            return None
        return f"{self.article_anchor(article_id)}-{start}-{end}"

    def chip(self, article_id: str, start: int | None = None, end: int | None = None) -> Chip:
        """A citation chip to a span when given and valid, else to the article."""
        anchor = None
        if start is not None and end is not None:
            anchor = self.span_anchor(article_id, start, end)
            if anchor is not None:
                self.targets.setdefault(article_id, set()).add((start, end))
        article = self.articles.get(article_id)
        title = article.title if article and article.title else self.label(article_id)
        return Chip(
            self.label(article_id), "#" + (anchor or self.article_anchor(article_id)), title
        )


def _unique_labels(articles: tuple[Article, ...]) -> dict[str, str]:
    """Article labels, numbered (``Outlet #2``) where two articles share one."""
    counts = Counter(article_label(a) for a in articles)
    seen: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for article in articles:
        base = article_label(article)
        seen[base] += 1
        labels[article.id] = base if counts[base] == 1 else f"{base} #{seen[base]}"
    return labels
