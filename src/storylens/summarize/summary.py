"""A neutral, extractive-first summary in which every sentence cites what supports it.

1. Facts with the widest independent support, each told by its most neutral statement
   (unloaded, attributed, short), citing every article that has a statement in the fact.
2. The main disputes, stated as disputes from the conflict's sides (each side quoted and
   credited), citing the sides' articles.
3. When there are too few facts (or none: the comparison found nothing), sentences chosen
   by how many other sources carry a similar sentence, each citing only its own article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Conflict, Fact, Statement, Story, SummarySentence
from storylens.segment.dateline import strip_dateline
from storylens.summarize.disputes import dispute_sentences
from storylens.summarize.lexicon import DENIAL_VERBS, DROPPABLE_MODIFIERS, LOADED_TERMS
from storylens.summarize.text import (
    content_words,
    find_phrases,
    has_attribution,
    outlet_name,
    overlap,
    same_speaker,
    sentence_at,
    sentence_text,
    sentences_of,
)

MIN_SENTENCES = 5
MAX_SENTENCES = 10
MAX_FACTS = 7
FALLBACK_SENTENCES = 7
MAX_DISPUTES = 3
REDUNDANT = 0.6
LEAD_WEIGHT = 1.5
SIMILAR = 0.5
PRONOUNS = frozenset({"he", "she", "it", "they", "this", "that", "these", "those", "his", "her"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence that could enter the summary, with what ranks it."""

    text: str
    article_id: str
    support: int
    position: int


def summarize_story(story: Story, articles: Sequence[Article]) -> tuple[SummarySentence, ...]:
    """5-10 cited sentences: supported facts first, then disputes, then extractive filler."""
    by_id = {article.id: article for article in articles}
    ranked = _extractive(articles)
    disputes = dispute_sentences(story, by_id, limit=MAX_DISPUTES)
    denials: list[SummarySentence] = []
    if not any(conflict.kind in ("denial", "dispute") for conflict in story.conflicts):
        denials = _denials(ranked, limit=max(1, MAX_DISPUTES - len(disputes)))
    room = MAX_SENTENCES - len(disputes) - len(denials)
    chosen = [*_fact_sentences(story, by_id, limit=min(MAX_FACTS, room)), *disputes]
    chosen += [sentence for sentence in denials if not _redundant(sentence.text, chosen)]
    target = MIN_SENTENCES if story.facts else FALLBACK_SENTENCES
    for candidate in ranked:
        if len(chosen) >= target:
            break
        if not _redundant(candidate.text, chosen):
            chosen.append(SummarySentence(candidate.text, (candidate.article_id,)))
    return tuple(chosen[:MAX_SENTENCES])


def _denials(ranked: Sequence[_Candidate], *, limit: int) -> list[SummarySentence]:
    """Denials told in the articles' own words, when the comparison reported none."""
    chosen: list[SummarySentence] = []
    for candidate in ranked:
        if len(chosen) >= limit:
            break
        if find_phrases(candidate.text, DENIAL_VERBS) and not _redundant(candidate.text, chosen):
            chosen.append(SummarySentence(candidate.text, (candidate.article_id,)))
    return chosen


def neutral_text(text: str) -> str:
    """A statement as a summary sentence: no dateline, no droppable loaded adjective."""
    text = strip_dateline(text)
    for found in reversed(find_phrases(text, DROPPABLE_MODIFIERS)):
        text = text[: found.start] + text[found.end :].lstrip(" ")
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"”’'":
        text += "."
    return text


def _loaded_count(text: str) -> int:
    return len(find_phrases(text, LOADED_TERMS))


def _rendered(statement: Statement, by_id: dict[str, Article]) -> str:
    """A statement as it would read: itself when complete, else its whole sentence."""
    article = by_id[statement.article_id]
    sent = sentence_at(article, statement.start)
    if sent is None or _complete(statement.text):
        return statement.text
    return sentence_text(article, sent)


def _complete(text: str) -> bool:
    """Whether a statement reads as a sentence of its own (capitalised, long enough)."""
    stripped = strip_dateline(text)
    opens = stripped[:1].isupper() or stripped[:1] in "\"“‘'"
    return opens and len(stripped.split()) >= 6 and not _unbalanced(stripped)


def _unbalanced(text: str) -> bool:
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") != text.count("”")


def _statement_rank(statement: Statement, text: str) -> tuple[int, int, int, int, int, str]:
    """Most neutral first: fewest loaded words, no dangling pronoun, attributed, shorter."""
    attributed = statement.speaker is not None or has_attribution(text)
    first = text.strip().split(" ", 1)[0].lower()
    return (
        _loaded_count(text),
        1 if first in PRONOUNS else 0,
        0 if attributed else 1,
        len(text),
        statement.start,
        statement.article_id,
    )


def _fact_sentence(
    fact: Fact, by_id: dict[str, Article], conflicts: Sequence[Conflict]
) -> SummarySentence | None:
    """The fact told by its most neutral statement, citing the articles that agree with it."""
    statements = [s for s in fact.statements if s.article_id in by_id]
    if not statements:
        return None
    rendered = {id(s): _rendered(s, by_id) for s in statements}
    best = min(statements, key=lambda s: _statement_rank(s, rendered[id(s)]))
    text = neutral_text(rendered[id(best)])
    credited = has_attribution(text) or _cue_in(text, best, by_id[best.article_id])
    if best.speaker and not credited and text.endswith("."):
        text = f"{text[:-1]}, according to {best.speaker}."
    against = _other_sides(best.article_id, statements, conflicts)
    against |= {s.article_id for s in statements if not same_speaker(s.speaker, best.speaker)}
    order = list(by_id)
    cited = sorted({s.article_id for s in statements} - against, key=order.index)
    return SummarySentence(text, tuple(cited), fact_id=fact.id)


def _cue_in(text: str, statement: Statement, article: Article) -> bool:
    """Whether ``text`` already holds the cue that credits the statement ("he lamented")."""
    for quote in article.quotes:
        if quote.cue_span is None or quote.speaker != statement.speaker:
            continue
        if quote.start < statement.end and statement.start < quote.end:
            cue = article.text[quote.cue_span.start : quote.cue_span.end]
            if cue and cue in text:
                return True
    return False


def _other_sides(
    article_id: str, statements: Sequence[Statement], conflicts: Sequence[Conflict]
) -> set[str]:
    """Articles that take another side than ``article_id`` in a conflict over the fact."""
    spans = {(s.article_id, s.start, s.end) for s in statements}
    against: set[str] = set()
    for conflict in conflicts:
        sides = [
            side
            for side in conflict.sides
            if any(a == side.article_id and st < side.end and side.start < e for a, st, e in spans)
        ]
        mine = {side.value or side.text.lower() for side in sides if side.article_id == article_id}
        if mine:
            against |= {
                side.article_id for side in sides if (side.value or side.text.lower()) not in mine
            }
    return against - {article_id}


def _fact_rank(fact: Fact, by_id: dict[str, Article]) -> tuple[float, str]:
    """Wide independent support first, then facts that lead their articles."""
    positions = []
    for statement in fact.statements:
        article = by_id.get(statement.article_id)
        if article is not None:
            index = [
                i for i, sent in enumerate(sentences_of(article)) if sent.end > statement.start
            ]
            positions.append(index[0] if index else len(article.sentences))
    lead = 1 / (1 + min(positions)) if positions else 0.0
    return (-(fact.independent_sources + LEAD_WEIGHT * lead), fact.id)


def _fact_sentences(
    story: Story, by_id: dict[str, Article], *, limit: int
) -> list[SummarySentence]:
    """Facts carried by more than one article, the widest independent support first."""
    ranked = sorted(
        (fact for fact in story.facts if len({s.article_id for s in fact.statements}) > 1),
        key=lambda fact: _fact_rank(fact, by_id),
    )
    chosen: list[SummarySentence] = []
    for fact in ranked:
        sentence = _fact_sentence(fact, by_id, story.conflicts)
        if sentence is not None and not _redundant(sentence.text, chosen):
            chosen.append(sentence)
        if len(chosen) >= limit:
            break
    return chosen


def _redundant(text: str, chosen: Sequence[SummarySentence]) -> bool:
    words = content_words(text)
    return any(overlap(words, content_words(sentence.text)) >= REDUNDANT for sentence in chosen)


def _extractive(articles: Sequence[Article]) -> list[_Candidate]:
    """Sentences ranked by how many other sources say something similar, leads first."""
    pool: list[tuple[_Candidate, frozenset[str]]] = []
    for article in articles:
        for position, sent in enumerate(sentences_of(article)[:40]):
            if _summarizable(sentence_text(article, sent)):
                text = neutral_text(sentence_text(article, sent))
                pool.append((_Candidate(text, article.id, 0, position), content_words(text)))
    outlets = {article.id: outlet_name(article) for article in articles}
    ranked = []
    for candidate, words in pool:
        supporters = {
            outlets[other.article_id]
            for other, other_words in pool
            if outlets[other.article_id] != outlets[candidate.article_id]
            and overlap(words, other_words) >= SIMILAR
        }
        ranked.append(
            _Candidate(candidate.text, candidate.article_id, len(supporters), candidate.position)
        )
    order = [article.id for article in articles]
    ranked.sort(
        key=lambda c: (
            -(c.support + (1 if c.position == 0 else 0)),
            _loaded_count(c.text),
            c.position,
            order.index(c.article_id),
        )
    )
    return ranked


def _summarizable(text: str) -> bool:
    """A complete sentence of reasonable length (not a headline, caption or fragment)."""
    words = text.split()
    return 6 <= len(words) <= 60 and text.rstrip()[-1:] in ".!?\"”’'"
