"""HTML to article text and metadata with trafilatura (no home-made extractor)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storylens.errors import EmptyInput
from storylens.ingest.records import parse_published


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


def extract_html(html: str) -> Page:
    """Extract the main text (paragraphs kept) and the page metadata."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=False,
            deduplicate=False,
        )
    except (ValueError, RecursionError, TypeError) as error:
        raise EmptyInput(f"the HTML could not be parsed: {error}") from error
    if result is None:
        raise EmptyInput(
            "no article body found in the HTML (empty page, or markup nested too deep to parse)"
        )
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise EmptyInput("no article body found in the HTML")
    return Page(
        text=text,
        title=data.get("title"),
        outlet=data.get("sitename"),
        url=data.get("url"),
        published=parse_published(data.get("date")),
    )
