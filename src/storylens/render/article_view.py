"""Each article as template data: metadata, removed junk and text segments with marks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storylens.model import Article, Flag, Removal
from storylens.render.highlight import Mark, Segment, segment_text
from storylens.render.view import Index, safe_url


@dataclass(frozen=True, slots=True)
class ArticleView:
    anchor: str
    label: str
    title: str | None
    url: str | None
    url_text: str | None
    published: str | None
    source: str
    flags: tuple[Flag, ...]
    removed: tuple[Removal, ...]
    removed_chars: int
    segments: tuple[Segment, ...]
    counts: dict[str, int]


def article_view(article: Article, index: Index) -> ArticleView:
    """An article with its mentions and every chip target marked in its text."""
    url = safe_url(article.url)
    targets = sorted(index.targets.get(article.id, set()))
    anchors = [
        Mark(start, end, anchor=index.span_anchor(article.id, start, end)) for start, end in targets
    ]
    return ArticleView(
        anchor=index.article_anchor(article.id),
        label=index.label(article.id),
        title=article.title,
        url=url,
        url_text=None if url else article.url,
        published=article.published.isoformat() if article.published else None,
        source=article.source,
        flags=article.flags,
        removed=article.removed,
        removed_chars=sum(len(r.text) for r in article.removed),
        segments=segment_text(article.text, [*mention_marks(article), *anchors]),
        counts={
            "entities": len(article.entities),
            "numbers": len(article.quantities),
            "dates": len(article.dates),
            "quotes": len(article.quotes),
        },
    )


def mention_marks(article: Article) -> Iterator[Mark]:
    """Entities, quantities, dates, quotes and speakers as highlight marks with a label."""
    for entity in article.entities:
        yield Mark(entity.start, entity.end, "ent", f"{entity.label}: {entity.canonical}")
    for quantity in article.quantities:
        what = quantity.counts or quantity.unit
        value = "?" if quantity.value is None else f"{quantity.value:g}"
        yield Mark(quantity.start, quantity.end, "qty", f"number: {value} ({what})")
    for date in article.dates:
        yield Mark(date.start, date.end, "date", f"{date.type.lower()}: {date.value or '?'}")
    for quote in article.quotes:
        yield Mark(quote.start, quote.end, "quote", f"{quote.kind} quote: {quote.speaker or '?'}")
        if quote.speaker_span is not None:
            span = quote.speaker_span
            yield Mark(span.start, span.end, "speaker", f"speaker: {quote.speaker or '?'}")
