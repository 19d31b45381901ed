"""Look-ups shared by the Markdown and HTML renderers (no formatting here)."""

from __future__ import annotations

from collections.abc import Mapping

from storylens.model import Article, Report


def articles_by_id(report: Report) -> Mapping[str, Article]:
    return {article.id: article for article in report.articles}


def article_label(article: Article) -> str:
    """How a source is named in a report: outlet, else title, else its id."""
    return article.outlet or article.title or article.id
