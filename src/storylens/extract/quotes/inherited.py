"""Quoted speech with no cue of its own takes the speaker of the attribution beside it.

A direct quote that :mod:`.direct` could attach to no cue, and that is no term, is either
unattributed speech or the words of someone the text names next to it. It is the latter when:

1. it ends its paragraph and the next line signs it off with a dash and a name
   ("— Ann Arden."), as a column of quotations does;
2. an attribution with a speaker has its cue in the same sentence, outside the quote (the
   nearest such cue):
   "Ms. Arden said the ferry would run all winter, though only “when the ice allows it to
   leave the harbour.”";
3. it opens its paragraph, and the paragraph just before holds an attribution with a speaker
   (the last one): "She said the crossing had been planned for years. / “We only waited for
   a captain brave enough to try it.”" A paragraph that is only a quote continues the speaker
   of the one before, as :mod:`.direct` already reads after a direct quote.

The quote keeps no cue (as a continuation) and takes the speaker and the speaker's mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from storylens.extract.quotes.cues import ALL_MARKS
from storylens.extract.quotes.speakers import Speaker
from storylens.model import Offsets, Quote
from storylens.segment.bounds import sentence_index

OPENING = ALL_MARKS + " \t"
"""What may stand between a paragraph's start and the quoted words that open it."""
CLOSING = ALL_MARKS + " \t.,!?"
"""What may stand between the quoted words that end a paragraph and its end."""
_NAME_WORD = r"[A-Z][\w.'’-]*"
SIGN_OFF = re.compile(rf"[ \t]*[-–—―]+[ \t]*(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})[ \t]*")
"""A line that signs off the quote above it: a dash, then one to four capitalised words."""


def inherit_speakers(
    text: str,
    quotes: Sequence[Quote],
    *,
    sentence_starts: Sequence[int],
    full_name: Callable[[str], str],
) -> list[Quote]:
    """The quotes, each speakerless quote without a cue given the speaker beside it
    (``full_name``: the name a signed-off surname stands for in the article)."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    attributed = [q for q in ordered if q.speaker is not None and q.kind != "term"]
    inherited = []
    for quote in ordered:
        speaker = _speaker_beside(text, quote, attributed, sentence_starts, full_name)
        if speaker is not None:
            quote = replace(quote, speaker=speaker.name, speaker_span=speaker.span)
            bisect.insort(attributed, quote, key=lambda q: (q.start, q.end))
        inherited.append(quote)
    return inherited


def _speaker_beside(
    text: str,
    quote: Quote,
    attributed: list[Quote],
    sentence_starts: Sequence[int],
    full_name: Callable[[str], str],
) -> Speaker | None:
    """The speaker of an orphan quote, by the first of the three rules that finds one."""
    if not unattributed(quote):
        return None
    signed = _signed_off(text, quote)
    if signed is not None:
        return Speaker(full_name(text[signed.start : signed.end]), signed)
    source = _cued_in_sentence(quote, attributed, sentence_starts)
    if source is None:
        source = _last_in_paragraph_before(text, quote, attributed)
    if source is None or source.speaker_span is None:
        return None
    return Speaker(source.speaker, source.speaker_span)


def unattributed(quote: Quote) -> bool:
    """A direct quote with neither a cue nor a speaker."""
    return quote.kind == "direct" and quote.speaker is None and quote.cue_span is None


def _signed_off(text: str, quote: Quote) -> Offsets | None:
    """The name on the sign-off line right after the quote's paragraph, if there is one."""
    line_end = text.find("\n", quote.end)
    if line_end < 0 or text[quote.end : line_end].strip(CLOSING):
        return None
    at = line_end
    while at < len(text) and text[at] in " \t\n":
        at += 1
    next_end = text.find("\n", at)
    match = SIGN_OFF.fullmatch(text, at, len(text) if next_end < 0 else next_end)
    if match is None:
        return None
    end = match.end("name")
    while text[end - 1] == ".":
        end -= 1
    return Offsets(match.start("name"), end)


def _cued_in_sentence(
    quote: Quote, attributed: list[Quote], sentence_starts: Sequence[int]
) -> Quote | None:
    """The attribution whose cue is in the quote's sentence and nearest to it."""
    sentence = sentence_index(sentence_starts, quote.start)
    near = [
        q
        for q in attributed
        if q.cue_span is not None
        and sentence_index(sentence_starts, q.cue_span.start) == sentence
        and not quote.start <= q.cue_span.start < quote.end
    ]
    return min(near, key=lambda q: _distance(q, quote), default=None)


def _distance(attribution: Quote, quote: Quote) -> int:
    cue = attribution.cue_span
    assert cue is not None
    return max(quote.start - cue.end, cue.start - quote.end, 0)


def _last_in_paragraph_before(text: str, quote: Quote, attributed: list[Quote]) -> Quote | None:
    """When the quote opens its paragraph: the last attribution of the paragraph before."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    if text[line_start : quote.start].strip(OPENING):
        return None
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    before = [q for q in attributed if start <= q.start < end]
    return before[-1] if before else None
