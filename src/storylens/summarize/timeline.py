"""Timeline: the story's dated events on one line, merged across sources.

1. Every date mention resolved to a day or a month becomes an item: the sentence around
   it (trimmed), citing its article.
2. Items on the same date merge when they belong to the same fact or their texts are
   similar; citations are the union.
3. Aligned facts whose statements carry different resolved dates give a ``date`` conflict
   (unless the comparison already reported one over the same spans); both items stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Conflict, DateMention, Fact, Side, Story, TimelineItem
from storylens.summarize.summary import neutral_text
from storylens.summarize.text import content_words, overlap, sentence_at, sentence_text

DAY_OR_MONTH = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:T.*)?$")
MAX_TEXT = 220
SIMILAR = 0.5


@dataclass(frozen=True, slots=True)
class _Event:
    """One dated mention before merging."""

    date: str
    text: str
    article_id: str
    fact_id: str | None
    position: int


def resolved_date(mention: DateMention) -> str | None:
    """The day (YYYY-MM-DD) or month (YYYY-MM) a mention resolves to, else None."""
    if mention.value is None or mention.type not in ("DATE", "TIME"):
        return None
    found = DAY_OR_MONTH.match(mention.value)
    return found.group(1) if found else None


def build_timeline(story: Story, articles: Sequence[Article]) -> tuple[TimelineItem, ...]:
    """Dated events in date order, one item per event with every source that dates it so."""
    order = [article.id for article in articles]
    events = sorted(
        (event for article in articles for event in _events(article, story.facts)),
        key=lambda e: (e.date, order.index(e.article_id), e.position),
    )
    groups: list[list[_Event]] = []
    for event in events:
        group = next((g for g in groups if any(_same_event(m, event) for m in g)), None)
        if group is None:
            groups.append([event])
        elif all(member.article_id != event.article_id for member in group):
            group.append(event)
    items = [
        TimelineItem(
            date=group[0].date,
            text=group[0].text,
            citations=tuple(sorted({e.article_id for e in group}, key=order.index)),
        )
        for group in groups
    ]
    return tuple(items)


def _events(article: Article, facts: Sequence[Fact]) -> list[_Event]:
    """The dated mentions of one article, each with its sentence and fact."""
    events = []
    for mention in article.dates:
        date = resolved_date(mention)
        sent = sentence_at(article, mention.start)
        if date is None or sent is None:
            continue
        text = _trim(sentence_text(article, sent), mention.start - sent.start)
        events.append(
            _Event(date, text, article.id, _fact_of(article.id, mention, facts), mention.start)
        )
    return events


def _fact_of(article_id: str, mention: DateMention, facts: Sequence[Fact]) -> str | None:
    """The fact whose statement from this article contains the mention."""
    for fact in facts:
        for statement in fact.statements:
            if statement.article_id == article_id and (
                statement.start <= mention.start < statement.end
            ):
                return fact.id
    return None


def _trim(text: str, at: int) -> str:
    """The sentence, cut at word boundaries around ``at`` when it is too long."""
    if len(text) <= MAX_TEXT:
        return neutral_text(text)
    start = max(0, min(at - MAX_TEXT // 3, len(text) - MAX_TEXT))
    end = start + MAX_TEXT
    if start > 0:
        start = text.find(" ", start) + 1
    if end < len(text):
        end = text.rfind(" ", start, end)
    body = text[start:end].strip(" ,;:")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _same_event(first: _Event, second: _Event) -> bool:
    """Same date, and the same fact or a similar sentence."""
    if first.date != second.date:
        return False
    if first.fact_id is not None and first.fact_id == second.fact_id:
        return True
    return overlap(content_words(first.text), content_words(second.text)) >= SIMILAR


def date_conflicts(story: Story, articles: Sequence[Article]) -> tuple[Conflict, ...]:
    """``date`` conflicts for aligned facts dated differently, unless already reported."""
    by_id = {article.id: article for article in articles}
    found = []
    for fact in story.facts:
        sides = _dated_sides(fact, by_id)
        values = {side.value for side in sides}
        disagree = len(values) > 1 and len({side.article_id for side in sides}) > 1
        if disagree and not _already_reported(sides, story.conflicts):
            topic = neutral_text(fact.statements[0].text)[:120]
            note = "Sources put this on different dates: " + ", ".join(
                sorted(f"{side.value} ({side.article_id})" for side in sides)
            )
            found.append(Conflict("date", topic, tuple(sides), note))
    return tuple(found)


def _dated_sides(fact: Fact, by_id: dict[str, Article]) -> list[Side]:
    """Each statement's resolved dates as conflict sides."""
    sides = []
    for statement in fact.statements:
        article = by_id.get(statement.article_id)
        if article is None:
            continue
        for mention in article.dates:
            date = resolved_date(mention)
            if date and statement.start <= mention.start < statement.end:
                sides.append(
                    Side(
                        article.id,
                        mention.start,
                        mention.end,
                        mention.text,
                        statement.speaker,
                        date,
                    )
                )
    return sides


def _already_reported(sides: Sequence[Side], conflicts: Sequence[Conflict]) -> bool:
    """Whether a ``date`` conflict already covers one of these spans."""
    for conflict in conflicts:
        if conflict.kind != "date":
            continue
        for old in conflict.sides:
            for side in sides:
                if (
                    old.article_id == side.article_id
                    and old.start < side.end
                    and side.start < old.end
                ):
                    return True
    return False
