"""Small text helpers shared by the summarize modules: words, phrases, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from storylens.model import Article, Sentence
from storylens.summarize.lexicon import ATTRIBUTION_CUES, ROLE_NOUNS, STOPWORDS

WORD = re.compile(r"[\w][\w'’\-]*")
TITLE_WORDS = frozenset(word for role in ROLE_NOUNS for word in role.split())


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in a text: where it stands and the phrase as written."""

    start: int
    end: int
    text: str


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive, word-bounded pattern for any of the phrases (longest first)."""
    return _compiled(tuple(phrases))


@lru_cache(maxsize=256)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern, built once per phrase list (the lexicons are asked for per sentence)."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    body = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])", re.IGNORECASE)


def find_phrases(text: str, phrases: Iterable[str], *, offset: int = 0) -> list[Match]:
    """Every non-overlapping occurrence of the phrases in ``text``, shifted by ``offset``."""
    pattern = phrase_pattern(phrases)
    return [
        Match(offset + found.start(), offset + found.end(), found.group(0))
        for found in pattern.finditer(text)
    ]


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of a text minus function words and bare numbers' punctuation."""
    words = (word.lower().strip("'’-") for word in WORD.findall(text))
    return frozenset(word for word in words if word and word not in STOPWORDS)


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Share of the smaller word set found in the other (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def sentence_text(article: Article, sent: Sentence) -> str:
    """The text of one sentence."""
    return article.text[sent.start : sent.end]


def sentences_of(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, or its paragraphs when segmentation gave none."""
    if article.sentences:
        return article.sentences
    return tuple(_paragraphs(article))


def _paragraphs(article: Article) -> Iterator[Sentence]:
    for found in re.finditer(r"[^\n]+", article.text):
        text = found.group(0)
        stripped = text.strip()
        if stripped:
            start = found.start() + text.index(stripped)
            yield Sentence(article.id, start, start + len(stripped))


def sentence_at(article: Article, position: int) -> Sentence | None:
    """The sentence that contains a character position."""
    for sent in sentences_of(article):
        if sent.start <= position < sent.end:
            return sent
    return None


def has_attribution(text: str) -> bool:
    """Whether a sentence credits what it says to someone (a cue word or quotation marks)."""
    if find_phrases(text, ATTRIBUTION_CUES):
        return True
    return bool(re.search(r"[\"“”]", text))


def outlet_name(article: Article) -> str:
    """How to name an article's source in a sentence."""
    return article.outlet or article.id


def same_speaker(first: str | None, second: str | None) -> bool:
    """Whether two speaker names can be the same one ("Governor Ilse Varga", "Varga")."""
    if first is None or second is None:
        return True
    words = [{w for w in content_words(name) if w not in TITLE_WORDS} for name in (first, second)]
    shorter, longer = sorted(words, key=len)
    return shorter <= longer
