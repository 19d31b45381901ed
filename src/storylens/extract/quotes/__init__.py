"""Attributions: who said what, as direct quotes and reported speech, speaker resolved.

``find_quotes`` runs, in order:

1. :mod:`.marks` pairs quotation marks into quoted spans;
2. :mod:`.direct` attaches each quoted span to the cue next to it (or to the previous
   speaker when it continues their quote; short uncued fragments become terms);
3. :mod:`.headed` reads a line that opens with its speaker and a colon ("Peskov: …");
4. :mod:`.reported` finds reported speech from the parse ("X said that …");
   a reported content that contains a quoted span is ``mixed``;
5. :mod:`.classified` adds the attributions whose cue the learned classifier
   (:mod:`.learned`) finds among the other verbs and nouns ("the poll shows …");
6. :mod:`.speakers` resolves every subject to the best name this article gives;
7. an unattributed quote overlapping an attribution's content is part of it, and a
   pronoun's attribution inside another's content ("X said she thinks …") is dropped;
8. with the optional transformer tagger's reading (``tagging``), :mod:`.seconded` drops
   the attributions it doubts and adds those it finds that the rules missed;
9. :mod:`.inherited` gives a quote still without cue or speaker the speaker of the
   attribution in its sentence, or of the paragraph before when it opens its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from storylens.extract.quotes.classified import find_classified
from storylens.extract.quotes.cues import NESTED_PRONOUNS
from storylens.extract.quotes.direct import Direct, attach_cues, holds_direct
from storylens.extract.quotes.headed import Headed, find_headed
from storylens.extract.quotes.inherited import inherit_speakers, unattributed
from storylens.extract.quotes.learned import CueModel, load_cue_model
from storylens.extract.quotes.marks import find_marked
from storylens.extract.quotes.reported import Reported, cue_start, find_reported
from storylens.extract.quotes.seconded import seconded
from storylens.extract.quotes.speakers import Speaker, SpeakerResolver
from storylens.extract.quotes.tagged import Tagging
from storylens.model import Article, Entity, Offsets, Quote, QuoteKind

__all__ = ["find_quotes"]


def find_quotes(
    article: Article,
    doc: Any,
    *,
    entities: Sequence[Entity],
    cue_model: CueModel | None = None,
    tagging: Tagging | None = None,
) -> tuple[Quote, ...]:
    """Direct and reported speech with the speaker resolved.

    ``cue_model``: None for the shipped one; ``tagging``: the optional tagger's reading of
    the article (:meth:`storylens.extract.quotes.tagger.AttributionTagger.tag`).
    """
    text = article.text
    model = cue_model if cue_model is not None else load_cue_model()
    resolver = SpeakerResolver(text, doc, entities)
    directs = attach_cues(doc, text, find_marked(text))
    quotes = _direct_quotes(article, directs, resolver)
    quotes += [_headed_quote(article, headed, resolver) for headed in find_headed(doc, text)]
    used = {d.cue.i for d in directs if d.cue is not None}
    spans = sorted((q.start, q.end) for q in quotes if q.kind != "term")
    for reported in _all_reported(doc, text, model, used):
        if reported.cue_token in used or _inside_quote(reported, spans):
            continue
        reported = _clipped(text, _extended(text, reported, directs))
        if reported.end <= reported.start:
            continue
        kind = _reported_kind(reported, directs)
        quotes.append(_reported_quote(article, reported, resolver, kind))
    quotes = _drop_nested(_drop_absorbed(quotes), text)
    starts = [sent.start_char for sent in doc.sents]
    if tagging is not None:
        quotes = seconded(article, doc, quotes, tagging, resolver, directs, sentence_starts=starts)
    quotes = inherit_speakers(text, quotes, sentence_starts=starts, full_name=resolver.full_name)
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end, q.cue_span is None)))


def _all_reported(doc: Any, text: str, model: CueModel, used: set[int]) -> list[Reported]:
    """The rules' reported speech, then the classifier's on the cues the rules left."""
    found = list(find_reported(doc, text))
    taken = used | {r.cue_token for r in found}
    return found + list(find_classified(doc, text, model, skip=taken))


def _direct_quotes(
    article: Article, directs: list[Direct], resolver: SpeakerResolver
) -> list[Quote]:
    quotes: list[Quote] = []
    last: Quote | None = None
    for direct in directs:
        marked, text = direct.marked, article.text
        if marked.end <= marked.start:
            continue
        if direct.is_term(text):
            quotes.append(_quote(article, marked.start, marked.end, None, None, "term"))
            continue
        if direct.continues and last is not None:
            quote = _quote(article, marked.start, marked.end, None, None, "direct")
            quotes.append(replace(quote, speaker=last.speaker, speaker_span=last.speaker_span))
            continue
        found = (
            resolver.resolve(direct.subject, avoid=_taken_by(direct))
            if direct.subject is not None
            else None
        )
        quote = _quote(article, marked.start, marked.end, found, direct.cue, "direct")
        quotes.append(quote)
        last = quote if found is not None else last
    return quotes


def _taken_by(direct: Direct) -> list[tuple[int, int]]:
    """The quoted span (marks included) and the cue: a speaker's phrase stops short of both."""
    taken = [(direct.marked.outer_start, direct.marked.outer_end)]
    cue = _cue_offsets(direct.cue)
    if cue is not None:
        taken.append((cue.start, cue.end))
    return taken


def _content_and_cue(found: Headed | Reported) -> list[tuple[int, int]]:
    """The content and cue of a found attribution: its speaker's phrase stops short of both."""
    return [(found.start, found.end), (found.cue_start, found.cue_end)]


def _headed_quote(article: Article, headed: Headed, resolver: SpeakerResolver) -> Quote:
    speaker = resolver.resolve(headed.subject, avoid=_content_and_cue(headed))
    return Quote(
        article.id,
        headed.start,
        headed.end,
        article.text[headed.start : headed.end],
        speaker.name,
        speaker.span,
        article.text[headed.cue_start : headed.cue_end],
        Offsets(headed.cue_start, headed.cue_end),
        headed.kind,
    )


def _reported_quote(
    article: Article, reported: Reported, resolver: SpeakerResolver, kind: QuoteKind
) -> Quote:
    subject = reported.subject
    avoid = _content_and_cue(reported)
    speaker = resolver.resolve(subject, avoid=avoid) if subject is not None else None
    cue = article.text[reported.cue_start : reported.cue_end]
    return Quote(
        article.id,
        reported.start,
        reported.end,
        article.text[reported.start : reported.end],
        speaker.name if speaker is not None else None,
        speaker.span if speaker is not None else None,
        cue,
        Offsets(reported.cue_start, reported.cue_end),
        kind,
    )


def _quote(
    article: Article, start: int, end: int, speaker: Speaker | None, cue: Any, kind: QuoteKind
) -> Quote:
    cue_span = _cue_offsets(cue)
    return Quote(
        article.id,
        start,
        end,
        article.text[start:end],
        speaker.name if speaker is not None else None,
        speaker.span if speaker is not None else None,
        article.text[cue_span.start : cue_span.end] if cue_span is not None else None,
        cue_span,
        kind,
    )


def _cue_offsets(cue: Any) -> Offsets | None:
    """A cue token's phrase with its auxiliaries, negation and adverbs ("has not said")."""
    return Offsets(cue_start(cue), cue.idx + len(cue.text)) if cue is not None else None


def _inside_quote(reported: Reported, spans: list[tuple[int, int]]) -> bool:
    """A cue inside a direct quote belongs to the quoted speaker's own words."""
    at = bisect.bisect_right(spans, (reported.cue_start, _FAR)) - 1
    return at >= 0 and spans[at][0] <= reported.cue_start < spans[at][1]


_FAR = 1 << 62


def _extended(text: str, reported: Reported, directs: list[Direct]) -> Reported:
    """Reach over an unattributed quote that ends the reported clause ("accused Y of “…”")."""
    at = bisect.bisect_left(directs, reported.end, key=lambda d: d.marked.outer_start)
    if at < len(directs):
        marked = directs[at].marked
        gap = text[reported.end : marked.outer_start]
        if directs[at].cue is None and len(gap) <= 2 and not any(c in gap for c in ".!?"):
            return replace(reported, end=marked.end)
    return reported


def _clipped(text: str, reported: Reported) -> Reported:
    """The reported content cut to the paragraph of its cue (or, after "X said:", the next)."""
    first = text.rfind("\n", 0, reported.cue_start) + 1
    last = text.find("\n", reported.cue_end)
    last = len(text) if last < 0 else last
    if reported.start > last:
        return reported
    return replace(reported, start=max(reported.start, first), end=min(reported.end, last))


def _reported_kind(reported: Reported, directs: list[Direct]) -> QuoteKind:
    return "mixed" if holds_direct(reported.start, reported.end, directs) else "indirect"


def _drop_absorbed(quotes: list[Quote]) -> list[Quote]:
    """Unattributed direct quotes that overlap an attribution's content are part of it."""
    cued = sorted((q.start, q.end) for q in quotes if q.cue_span is not None)
    return [q for q in quotes if not unattributed(q) or not _overlaps(q, cued)]


def _drop_nested(quotes: list[Quote], text: str) -> list[Quote]:
    """'X said he thinks …': a pronoun's attribution inside another's content repeats it."""
    contents = sorted((q.start, q.end) for q in quotes if q.cue_span is not None)
    return [q for q in quotes if not _nested_pronoun(q, text, contents)]


def _nested_pronoun(quote: Quote, text: str, contents: list[tuple[int, int]]) -> bool:
    span, cue = quote.speaker_span, quote.cue_span
    if span is None or cue is None or quote.kind == "direct":
        return False
    if text[span.start : span.end].lower() not in NESTED_PRONOUNS:
        return False
    at = bisect.bisect_right(contents, (cue.start, _FAR))
    outer = [contents[i] for i in range(max(0, at - 6), at)]
    own = (quote.start, quote.end)  # "X, he said, Y": its own content holds the cue
    return any(start <= cue.start and cue.end <= end for start, end in outer if (start, end) != own)


def _overlaps(quote: Quote, spans: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_left(spans, (quote.end, 0))
    return any(spans[i][1] > quote.start for i in range(max(0, at - 4), at))
