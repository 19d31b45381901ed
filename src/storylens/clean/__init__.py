"""Clean: turn a raw Document into an Article whose ``text`` is the article body.

1. HTML goes through trafilatura (with its metadata); text is taken as it is;
2. control characters are dropped and mojibake is repaired with ftfy (flagged);
3. the junk-line stage (:mod:`storylens.clean.lines`) removes page furniture and junk inside
   the body, each with a reason in ``article.removed``, and finds a title line;
4. quality flags (mixed scripts, spinner artifacts, rewrite tell-tales, truncation) go to
   ``article.flags``; ingest's notes become ``Flag("input", …)``.

``article.text`` is the cleaned body, paragraphs separated by a blank line; every later
span offset refers to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.clean.html import extract_html
from storylens.clean.lines import drop_junk
from storylens.clean.quality import quality_flags, repair_encoding, strip_controls
from storylens.clean.repeats import outlet_key, repeated_lines
from storylens.clean.text import normalize_text
from storylens.errors import EmptyInput, InputError, TooLargeInput
from storylens.ingest.limits import MAX_HTML_CHARS, MAX_TEXT_CHARS
from storylens.model import Article, Document, Flag, Skipped

__all__ = ["Body", "Cleaned", "clean", "clean_all", "read_body"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class Body:
    """A document's raw body text (after extraction and repair) and its metadata."""

    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    flags: tuple[Flag, ...]


def clean(document: Document, *, repeated: frozenset[str] = frozenset()) -> Article:
    """Clean one document into an article, or raise an InputError."""
    return finish(document, read_body(document), repeated=repeated)


def clean_all(documents: Sequence[Document]) -> Cleaned:
    """Clean every document; lines repeated across one outlet's articles are dropped too.

    The documents that cannot be cleaned are skipped with a reason.
    """
    bodies: list[tuple[Document, Body]] = []
    skipped: list[Skipped] = []
    for document in documents:
        try:
            bodies.append((document, read_body(document)))
        except InputError as error:
            skipped.append(Skipped(document.source, str(error)))
    keyed = [(outlet_key(body.outlet, body.url), document, body) for document, body in bodies]
    repeats = repeated_lines([(key, body.text) for key, _, body in keyed])
    articles: list[Article] = []
    for key, document, body in keyed:
        try:
            articles.append(finish(document, body, repeated=repeats.get(key or "", frozenset())))
        except InputError as error:
            skipped.append(Skipped(document.source, str(error)))
    return Cleaned(articles=tuple(articles), skipped=tuple(skipped))


def read_body(document: Document) -> Body:
    """Steps 1-2: the body text before junk removal, with the document's metadata."""
    if document.html is not None and len(document.html) > MAX_HTML_CHARS:
        size = len(document.html)
        raise TooLargeInput(f"the HTML has {size:,} characters, over the {MAX_HTML_CHARS:,} cap")
    if document.text is not None and len(document.text) > MAX_TEXT_CHARS:
        size = len(document.text)
        raise TooLargeInput(f"the text has {size:,} characters, over the {MAX_TEXT_CHARS:,} cap")
    if document.html is not None:
        page = extract_html(strip_controls(document.html))
        text, title = page.text, document.title or page.title
        outlet, url = document.outlet or page.outlet, document.url or page.url
        published = document.published or page.published
    else:
        text, title, outlet = document.text or "", document.title, document.outlet
        url, published = document.url, document.published
    repaired = repair_encoding(strip_controls(text))
    return Body(
        text=normalize_text(repaired.text),
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        flags=repaired.flags,
    )


def finish(document: Document, body: Body, *, repeated: frozenset[str]) -> Article:
    """Steps 3-4: drop junk lines, find the title, flag quality problems."""
    filtered = drop_junk(body.text, title=body.title, repeated=repeated)
    if not filtered.text.strip():
        raise EmptyInput("no article text left after cleaning")
    flags = (
        *(Flag("input", note) for note in document.notes),
        *body.flags,
        *quality_flags(filtered.text),
    )
    return Article(
        id=document.id or document.source,
        source=document.source,
        text=filtered.text,
        outlet=body.outlet,
        title=body.title or filtered.title,
        url=body.url,
        published=body.published,
        language=document.language,
        removed=filtered.removed,
        flags=tuple(flags),
    )
