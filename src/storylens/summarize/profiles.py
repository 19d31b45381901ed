"""Per-source profiles: figures about how one article tells the story, never verdicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from storylens.model import Article, SourceProfile
from storylens.summarize.lexicon import HEDGES, LOADED_TERMS
from storylens.summarize.text import find_phrases, has_attribution, sentence_text, sentences_of

MAIN_ENTITIES = 5


@lru_cache(maxsize=1)
def load_vader() -> Any:
    """VADER's analyser; its lexicon ships inside the installed wheel (no network)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def main_entities(articles: Sequence[Article], *, limit: int = MAIN_ENTITIES) -> tuple[str, ...]:
    """The canonical names most sources mention (ties broken by mentions, then name)."""
    sources: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for article in articles:
        names = [entity.canonical for entity in article.entities]
        mentions.update(names)
        sources.update(set(names))
    ranked = sorted(sources, key=lambda name: (-sources[name], -mentions[name], name))
    return tuple(name for name in ranked if sources[name] > 1 or len(articles) == 1)[:limit]


def profile(article: Article, *, entities: Sequence[str]) -> SourceProfile:
    """Statements, attribution, speakers, loaded words, hedges and sentiment of one article."""
    sentences = sentences_of(article)
    attributed = sum(1 for sent in sentences if _attributed(article, sent.start, sent.end))
    speakers = sorted({quote.speaker for quote in article.quotes if quote.speaker})
    loaded = sorted({found.text.lower() for found in find_phrases(article.text, LOADED_TERMS)})
    return SourceProfile(
        article_id=article.id,
        statements=len(sentences),
        attributed=attributed,
        asserted=len(sentences) - attributed,
        speakers=tuple(speakers),
        loaded_terms=tuple(loaded),
        hedges=len(find_phrases(article.text, HEDGES)),
        sentiment=sentiment(article, entities=entities),
    )


def _attributed(article: Article, start: int, end: int) -> bool:
    """Whether a sentence holds a quote or an attribution cue."""
    if any(quote.start < end and start < quote.end for quote in article.quotes):
        return True
    return has_attribution(article.text[start:end])


def sentiment(article: Article, *, entities: Sequence[str]) -> dict[str, float]:
    """Mean VADER compound score of the sentences that mention each main entity."""
    analyser = load_vader()
    scores: dict[str, float] = {}
    for name in entities:
        spans = [(e.start, e.end) for e in article.entities if e.canonical == name]
        texts = [
            sentence_text(article, sent)
            for sent in sentences_of(article)
            if any(sent.start <= start < sent.end for start, _ in spans)
        ]
        if texts:
            values = [float(analyser.polarity_scores(text)["compound"]) for text in texts]
            scores[name] = round(sum(values) / len(values), 4)
    return scores


def profiles(articles: Sequence[Article]) -> tuple[SourceProfile, ...]:
    """One profile per article of a story, in story order."""
    entities = main_entities(articles)
    return tuple(profile(article, entities=entities) for article in articles)
