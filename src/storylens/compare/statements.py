"""Statements: the units the comparison aligns, one per sentence, with what it mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from storylens.compare.lexicon import STOP_WORDS
from storylens.model import Article, DateMention, Quantity, Quote, Statement
from storylens.segment import trim_span

WORD = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
PARAGRAPH = re.compile(r"\n\s*\n")
CLAUSE_BREAK = re.compile(
    r"[,;:]\s|\s[—–-]\s|\s(?=(?:and|but|while|after|when|because|as|saying|although)\s)"
)
STEM_LENGTH = 7
"""Stems are cut to this length, so "inspection" and "inspectors" meet."""
MIN_WORDS = 3
"""Sentences with fewer content words than this are never aligned (datelines, fragments)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article and its mentions, ready to compare."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    quote: Quote | None
    words: frozenset[str]
    terms: frozenset[str]
    """The content words written in lower case: what happened, not who (names excluded)."""
    entities: frozenset[str]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    clause: bool = False
    """A clause cut from a longer sentence (sentences are units too)."""

    def statement(self) -> Statement:
        """The unit as a model Statement."""
        return Statement(self.article_id, self.start, self.end, self.text, self.speaker)


def stem(word: str) -> str:
    """A crude, deterministic English stem: lowercase, no plural or -ed/-ing ending."""
    word = word.lower().replace("’", "'").removesuffix("'s").replace(",", "")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)][:STEM_LENGTH]
    return word[:STEM_LENGTH]


def content_words(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` that are not stop words."""
    words = (match.group(0) for match in WORD.finditer(text))
    return frozenset(stem(word) for word in words if word.lower() not in STOP_WORDS)


def term_words(article: Article, start: int, end: int) -> frozenset[str]:
    """The content words of the span outside named entities: what happened, not who.

    Without entities (an article not yet extracted), capitalised words count as names.
    """
    return _span_words(article, start, end)[1]


def _span_words(article: Article, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The span's :func:`content_words` and :func:`term_words`, each word stemmed once."""
    names = [(e.start, e.end) for e in article.entities if e.start < end and start < e.end]
    words = set()
    terms = set()
    for match in WORD.finditer(article.text, start, end):
        word = match.group(0)
        if word.lower() in STOP_WORDS:
            continue
        stemmed = stem(word)
        words.add(stemmed)
        if any(s <= match.start() < e for s, e in names) or (not names and not word.islower()):
            continue
        terms.add(stemmed)
    return frozenset(words), frozenset(terms)


def build_units(articles: Sequence[Article]) -> tuple[Unit, ...]:
    """Every sentence of every article (in the given order) as a Unit."""
    return tuple(unit for article in articles for unit in article_units(article))


def article_units(article: Article) -> tuple[Unit, ...]:
    """The article's sentences as Units; a sentence inside a quote carries its speaker."""
    units: list[Unit] = []
    for sent_start, sent_end in _pieces(article):
        if is_headline(article.text[sent_start:sent_end]):
            continue
        clauses = clause_spans(article.text, sent_start, sent_end)
        spans = [(sent_start, sent_end, False)]
        spans += [(start, end, True) for start, end in clauses if len(clauses) > 1]
        units.extend(_unit(article, start, end, clause=clause) for start, end, clause in spans)
    return tuple(units)


def sentence_units(units: Sequence[Unit]) -> dict[str, list[int]]:
    """The indexes of each article's sentence units (not clauses), in order."""
    found: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if not unit.clause:
            found.setdefault(unit.article_id, []).append(index)
    return found


def is_headline(text: str) -> bool:
    """Title Case text without a final full stop: a headline or a caption, not a statement."""
    words = [w for w in WORD.findall(text) if len(w) > 3]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 3 and capitalised >= 0.6 * len(words) and not text.endswith(".")


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence [start, end): cut at punctuation and linking words.

    A piece with fewer than MIN_WORDS content words joins the one before it.
    """
    cuts = [start] + [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)] + [end]
    clauses: list[tuple[int, int]] = []
    for piece_start, piece_end in pairwise(cuts):
        piece_start, piece_end = trim_span(text, piece_start, piece_end)
        while piece_start < piece_end and text[piece_start] in ",;:—–-":
            piece_start, piece_end = trim_span(text, piece_start + 1, piece_end)
        if piece_end <= piece_start:
            continue
        if clauses and len(content_words(text[piece_start:piece_end])) < MIN_WORDS:
            clauses[-1] = (clauses[-1][0], piece_end)
        else:
            clauses.append((piece_start, piece_end))
    if len(clauses) > 1 and len(content_words(text[clauses[0][0] : clauses[0][1]])) < MIN_WORDS:
        clauses[:2] = [(clauses[0][0], clauses[1][1])]
    return clauses


def _unit(article: Article, start: int, end: int, *, clause: bool) -> Unit:
    """The Unit for the span [start, end) of the article."""
    quote = _quote_in(article.quotes, start, end)
    words, terms = _span_words(article, start, end)
    return Unit(
        article_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        speaker=quote.speaker if quote else None,
        quote=quote,
        words=words,
        terms=terms,
        entities=frozenset(e.canonical for e in article.entities if start <= e.start < end),
        quantities=tuple(q for q in article.quantities if start <= q.start < end),
        dates=tuple(d for d in article.dates if start <= d.start < end),
        clause=clause,
    )


def _quote_in(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote that overlaps [start, end) most (its content or where it names the speaker)."""
    best: Quote | None = None
    best_overlap = 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if quote.speaker_span is not None and start <= quote.speaker_span.start < end:
            overlap = max(overlap, 1)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best


def _pieces(article: Article) -> list[tuple[int, int]]:
    """The sentence spans, split at paragraph breaks and trimmed of white space."""
    pieces = []
    for sent in article.sentences:
        cuts = [sent.start]
        cuts += [m.end() for m in PARAGRAPH.finditer(article.text, sent.start, sent.end)]
        cuts.append(sent.end)
        for start, end in pairwise(cuts):
            start, end = trim_span(article.text, start, end)
            if end > start:
                pieces.append((start, end))
    return pieces
