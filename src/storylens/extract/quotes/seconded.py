"""The tagger's second opinion on the rules' quotes: drop what it doubts, add what they missed.

Runs last in :func:`storylens.extract.quotes.find_quotes`, only when the optional tagger's
reading of the article (a :class:`~storylens.extract.quotes.tagged.Tagging`) is given:

1. a quote with a cue whose cue and speaker mention the tagger both doubt
   (:func:`.tagged.doubted`) is dropped, and so are the continuations of its speaker;
2. a quote with a cue whose speaker mention the tagger rejects (:func:`.tagged.rejected`),
   and a quote without a speaker, take the tagger's source nearest to the cue (or to the
   content's start) in its sentence (:func:`.tagged.nearest_source`), resolved from its
   head word; a rejected mention with no such source leaves the quote without a speaker.
   Continuations follow their quote's new speaker;
3. each attribution of :func:`.tagged.find_tagged` whose cue and content overlap no quote
   kept so far becomes a quote: its speaker is resolved from the head word of the source
   span like any subject, and that span is its ``speaker_span``.

A tagged source word inside a titled phrase ("intelligence" in "the head of his intelligence
service said") stands for the title (:func:`titled_owner`), and the mention becomes the phrase.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storylens.extract.quotes.cues import TITLES
from storylens.extract.quotes.direct import Direct, holds_direct
from storylens.extract.quotes.speakers import SpeakerResolver
from storylens.extract.quotes.tagged import (
    SOURCE,
    Span,
    TaggedAttribution,
    Tagging,
    doubted,
    find_tagged,
    nearest_source,
    rejected,
    role_spans,
)
from storylens.model import Article, Offsets, Quote, QuoteKind
from storylens.segment.parse import FLAT_DEP

POSSESSIVES = ("'s", "’s")
OWNED_DEPS = ("compound", "amod", "poss", "nmod")
"""Dependencies of a word inside the noun phrase it modifies."""
OWNER_PREPS = ("of", "for", "at")
"""Prepositions between a title and what it heads ("the head of", "a spokesman for")."""


def seconded(
    article: Article,
    doc: Any,
    quotes: list[Quote],
    tagging: Tagging,
    resolver: SpeakerResolver,
    directs: list[Direct],
    *,
    sentence_starts: list[int],
) -> list[Quote]:
    """The quotes without those the tagger doubts, plus the tagger's own that overlap none
    (``sentence_starts``: the character offsets where the doc's sentences start)."""
    doubts = [_doubted(q, tagging) for q in quotes]
    dropped = {q.speaker_span for q, doubt in zip(quotes, doubts, strict=True) if doubt}
    dropped.discard(None)
    kept = [
        q
        for q, doubt in zip(quotes, doubts, strict=True)
        if not doubt and not (q.cue_span is None and q.speaker_span in dropped)
    ]
    kept = _sourced(article, doc, kept, tagging, resolver, sentence_starts)
    taken = [q for q in kept if q.kind != "term"]
    for found in find_tagged(article.text, tagging, sentence_starts=sentence_starts):
        if any(_overlaps(found, q) for q in taken):
            continue
        quote = _tagged_quote(article, doc, found, resolver, directs)
        kept.append(quote)
        taken.append(quote)
    return kept


def _sourced(
    article: Article,
    doc: Any,
    quotes: list[Quote],
    tagging: Tagging,
    resolver: SpeakerResolver,
    sentence_starts: list[int],
) -> list[Quote]:
    """The quotes with the tagger's source where theirs is rejected or missing (step 2)."""
    sources = role_spans(article.text, tagging, SOURCE)
    moved: dict[Offsets, Quote] = {}
    sourced = []
    for quote in quotes:
        old = quote.speaker_span
        if old is not None and quote.cue_span is None and old in moved:
            new = moved[old]
            quote = replace(quote, speaker=new.speaker, speaker_span=new.speaker_span)
        elif quote.kind != "term" and (old is None or _rejected(quote, tagging)):
            anchor = quote.cue_span.start if quote.cue_span is not None else quote.start
            span = nearest_source(
                sources,
                sentence_starts=sentence_starts,
                anchor=anchor,
                content=(quote.start, quote.end),
            )
            if span is not None or old is not None:
                avoid = [(quote.start, quote.end)]
                if quote.cue_span is not None:
                    avoid.append((quote.cue_span.start, quote.cue_span.end))
                name, mention = _speaker(doc, span, resolver, avoid=avoid)
                quote = replace(quote, speaker=name, speaker_span=mention)
                if old is not None:
                    moved[old] = quote
        sourced.append(quote)
    return sourced


def _rejected(quote: Quote, tagging: Tagging) -> bool:
    source = quote.speaker_span
    return (
        source is not None
        and quote.cue_span is not None
        and rejected(tagging, (source.start, source.end))
    )


def _speaker(
    doc: Any, span: Span | None, resolver: SpeakerResolver, *, avoid: list[Span]
) -> tuple[str | None, Offsets | None]:
    """The speaker's name and mention when the tagger's span (or none) is the source; a span
    inside a titled phrase ("the head of his intelligence service") widens to the title's
    phrase, short of the ``avoid`` spans (the cue and the content)."""
    if span is None:
        return None, None
    root = head_token(doc, *span)
    if root is None:
        return None, Offsets(*span)
    head = titled_owner(root)
    speaker = resolver.resolve(head, avoid=avoid)
    if head.i == root.i:
        return speaker.name, Offsets(*span)
    return speaker.name, Offsets(min(span[0], speaker.span.start), max(span[1], speaker.span.end))


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
    name, mention = _speaker(doc, found.source, resolver, avoid=[found.content, found.cue])
    (start, end), (cue_start, cue_end) = found.content, found.cue
    return Quote(
        article.id,
        start,
        end,
        article.text[start:end],
        name,
        mention,
        article.text[cue_start:cue_end],
        Offsets(cue_start, cue_end),
        tagged_kind(found.content, directs),
    )


def tagged_kind(content: Span, directs: list[Direct]) -> QuoteKind:
    """Direct inside one quoted span, mixed when it holds one, else indirect."""
    start, end = content
    if any(d.marked.outer_start <= start and end <= d.marked.outer_end for d in directs):
        return "direct"
    return "mixed" if holds_direct(start, end, directs) else "indirect"


def titled_owner(token: Any) -> Any:
    """The title noun a source word is part of ("intelligence" in "the head of his
    intelligence service" → "head"), else the word itself."""
    noun = token
    while noun.dep_ in OWNED_DEPS and noun.head.i != noun.i:
        noun = noun.head
    owner = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in OWNER_PREPS and owner.lower_ in TITLES:
        return owner
    return token


def head_token(doc: Any, start: int, end: int) -> Any:
    """The head of a source span: its root where the sentence is parsed, else its last word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span[0].dep_ != FLAT_DEP:
        return span.root
    words = [token for token in span if not token.is_punct and token.lower_ not in POSSESSIVES]
    return words[-1] if words else span[-1]
