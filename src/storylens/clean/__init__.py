"""Clean: turn a raw Document into an Article whose ``text`` is the article body.

HTML goes through trafilatura (with its metadata); every text then goes through
line-level cleaning. What is removed is kept in ``article.removed`` with a reason,
and quality observations go to ``article.flags``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.clean.html import extract_html
from storylens.clean.text import normalize_text
from storylens.errors import EmptyInput, InputError
from storylens.model import Article, Document, Flag, Skipped

__all__ = ["Cleaned", "clean", "clean_all"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def clean(document: Document) -> Article:
    """Clean one document into an article, or raise an InputError."""
    if document.html is not None:
        page = extract_html(document.html)
        text, title = page.text, document.title or page.title
        outlet, url = document.outlet or page.outlet, document.url or page.url
        published = document.published or page.published
    else:
        text, title, outlet = document.text or "", document.title, document.outlet
        url, published = document.url, document.published
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInput("no article text left after cleaning")
    flags = tuple(Flag("input", note) for note in document.notes)
    return Article(
        id=document.id or document.source,
        source=document.source,
        text=text,
        outlet=outlet,
        title=title,
        url=url,
        published=published,
        language=document.language,
        flags=flags,
    )


def clean_all(documents: Sequence[Document]) -> Cleaned:
    """Clean every document; the ones that cannot be cleaned are skipped with a reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for document in documents:
        try:
            articles.append(clean(document))
        except InputError as error:
            skipped.append(Skipped(document.source, str(error)))
    return Cleaned(articles=tuple(articles), skipped=tuple(skipped))
