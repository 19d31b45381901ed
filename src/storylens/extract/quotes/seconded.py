"""The tagger's second opinion on the rules' quotes: drop what it doubts, add what they missed.

Runs last in :func:`storylens.extract.quotes.find_quotes`, only when the optional tagger's
reading of the article (a :class:`~storylens.extract.quotes.tagged.Tagging`) is given:

1. a quote with a cue whose cue and speaker mention the tagger both doubt
   (:func:`.tagged.doubted`) is dropped, and so are the continuations of its speaker;
2. each attribution of :func:`.tagged.find_tagged` whose cue and content overlap no quote
   kept so far becomes a quote: its speaker is resolved from the head word of the source
   span like any subject, and that span is its ``speaker_span``.
"""

from __future__ import annotations

from typing import Any

from storylens.extract.quotes.direct import Direct
from storylens.extract.quotes.speakers import SpeakerResolver
from storylens.extract.quotes.tagged import Span, TaggedAttribution, Tagging, doubted, find_tagged
from storylens.model import Article, Offsets, Quote, QuoteKind
from storylens.segment.parse import FLAT_DEP

POSSESSIVES = ("'s", "’s")


def seconded(
    article: Article,
    doc: Any,
    quotes: list[Quote],
    tagging: Tagging,
    resolver: SpeakerResolver,
    directs: list[Direct],
) -> list[Quote]:
    """The quotes without those the tagger doubts, plus the tagger's own that overlap none."""
    doubts = [_doubted(q, tagging) for q in quotes]
    dropped = {q.speaker_span for q, doubt in zip(quotes, doubts, strict=True) if doubt}
    dropped.discard(None)
    kept = [
        q
        for q, doubt in zip(quotes, doubts, strict=True)
        if not doubt and not (q.cue_span is None and q.speaker_span in dropped)
    ]
    taken = [q for q in kept if q.kind != "term"]
    starts = [sent.start_char for sent in doc.sents]
    for found in find_tagged(article.text, tagging, sentence_starts=starts):
        if any(_overlaps(found, q) for q in taken):
            continue
        quote = _tagged_quote(article, doc, found, resolver, directs)
        kept.append(quote)
        taken.append(quote)
    return kept


def _doubted(quote: Quote, tagging: Tagging) -> bool:
    if quote.cue_span is None:
        return False
    source = quote.speaker_span
    return doubted(
        tagging,
        source=(source.start, source.end) if source is not None else None,
        cue=(quote.cue_span.start, quote.cue_span.end),
    )


def _overlaps(found: TaggedAttribution, quote: Quote) -> bool:
    cue = quote.cue_span
    if cue is not None and found.cue[0] < cue.end and cue.start < found.cue[1]:
        return True
    return found.content[0] < quote.end and quote.start < found.content[1]


def _tagged_quote(
    article: Article,
    doc: Any,
    found: TaggedAttribution,
    resolver: SpeakerResolver,
    directs: list[Direct],
) -> Quote:
    name = None
    if found.source is not None:
        head = head_token(doc, *found.source)
        name = resolver.resolve(head).name if head is not None else None
    (start, end), (cue_start, cue_end) = found.content, found.cue
    return Quote(
        article.id,
        start,
        end,
        article.text[start:end],
        name,
        Offsets(*found.source) if found.source is not None else None,
        article.text[cue_start:cue_end],
        Offsets(cue_start, cue_end),
        tagged_kind(found.content, directs),
    )


def tagged_kind(content: Span, directs: list[Direct]) -> QuoteKind:
    """Direct inside one quoted span, mixed when it holds one, else indirect."""
    start, end = content
    kind: QuoteKind = "indirect"
    for direct in directs:
        marked = direct.marked
        if marked.outer_start <= start and end <= marked.outer_end:
            return "direct"
        if start <= marked.start and marked.end <= end:
            kind = "mixed"
    return kind


def head_token(doc: Any, start: int, end: int) -> Any:
    """The head of a source span: its root where the sentence is parsed, else its last word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span[0].dep_ != FLAT_DEP:
        return span.root
    words = [token for token in span if not token.is_punct and token.lower_ not in POSSESSIVES]
    return words[-1] if words else span[-1]
