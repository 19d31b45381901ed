"""Per-story data for the report templates: every section as plain dataclasses.

The HTML and Markdown templates only loop over these; nothing here makes markup.
Chips record the spans they point at in :class:`~storylens.render.view.Index`, so the
article texts built afterwards carry a jump target for each of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Conflict, Fact, Flag, Quantity, Report, Reuse, Story
from storylens.render.svg import Graph, Link, TimelineChart, reuse_graph, timeline_chart
from storylens.render.view import Chip, Index, safe_url


@dataclass(frozen=True, slots=True)
class SourceRow:
    chip: Chip
    title: str | None
    url: str | None
    url_text: str | None
    published: str | None
    flags: tuple[Flag, ...]
    removed_count: int
    removed_chars: int


@dataclass(frozen=True, slots=True)
class Version:
    """One source's wording of something, with a chip to where it stands."""

    chip: Chip
    text: str
    speaker: str | None = None
    quoted: bool = False
    """True when ``text`` is only the words said (show it in quotation marks)."""


@dataclass(frozen=True, slots=True)
class Cited:
    text: str
    chips: tuple[Chip, ...]
    date: str = ""


@dataclass(frozen=True, slots=True)
class FactRow:
    id: str
    text: str
    status: str
    independent: int
    versions: tuple[Version, ...]


@dataclass(frozen=True, slots=True)
class SideView:
    chip: Chip
    before: str
    text: str
    after: str
    speaker: str | None
    value: str | None


@dataclass(frozen=True, slots=True)
class ConflictView:
    kind: str
    topic: str
    note: str
    sides: tuple[SideView, ...]


@dataclass(frozen=True, slots=True)
class SpeakerView:
    name: str
    utterances: tuple[tuple[Version, ...], ...]


@dataclass(frozen=True, slots=True)
class NumberRow:
    slot: str
    cells: tuple[tuple[Version, ...], ...]
    differs: bool


@dataclass(frozen=True, slots=True)
class FramingView:
    referent: str
    terms: tuple[tuple[Version, bool], ...]


@dataclass(frozen=True, slots=True)
class ReuseRow:
    first: Chip
    second: Chip
    share_first: float
    share_second: float
    direction: str
    reason: str


@dataclass(frozen=True, slots=True)
class ProfileRow:
    chip: Chip
    statements: int
    attributed: int
    asserted: int
    hedges: int
    speakers: tuple[str, ...]
    loaded_terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    anchor: str
    title: str
    date_range: str | None
    related: tuple[str, ...]
    sources: tuple[SourceRow, ...]
    summary: tuple[Cited, ...]
    agreed: tuple[FactRow, ...]
    other_facts: tuple[FactRow, ...]
    conflicts: tuple[ConflictView, ...]
    speakers: tuple[SpeakerView, ...]
    number_columns: tuple[Chip, ...]
    numbers: tuple[NumberRow, ...]
    timeline: tuple[Cited, ...]
    chart: TimelineChart | None
    framing: tuple[FramingView, ...]
    reuse: tuple[ReuseRow, ...]
    graph: Graph | None
    profiles: tuple[ProfileRow, ...]
    article_ids: tuple[str, ...]


def story_views(report: Report, index: Index) -> tuple[StoryView, ...]:
    """Every story of the report as template data."""
    titles = {story.id: story.title for story in report.stories}
    return tuple(
        _story_view(story, index, number, titles)
        for number, story in enumerate(report.stories, start=1)
    )


def _story_view(story: Story, index: Index, number: int, titles: dict[str, str]) -> StoryView:
    ids = tuple(a for a in story.article_ids if a in index.articles)
    facts = tuple(_fact_row(fact, index) for fact in story.facts)
    columns, numbers = _numbers(ids, index)
    reuse = tuple(_reuse_row(r, index) for r in story.reuse)
    return StoryView(
        anchor=f"s{number}",
        title=story.title,
        date_range=_date_range(story.date_range),
        related=tuple(titles.get(r, r) for r in story.related),
        sources=tuple(_source_row(a, index) for a in ids),
        summary=tuple(
            Cited(s.text, _summary_chips(s.citations, s.fact_id, story, index))
            for s in story.summary
        ),
        agreed=tuple(f for f in facts if f.status == "agreed"),
        other_facts=tuple(f for f in facts if f.status != "agreed"),
        conflicts=tuple(_conflict_view(c, index) for c in story.conflicts),
        speakers=_speakers(story, ids, index),
        number_columns=columns,
        numbers=numbers,
        timeline=tuple(
            Cited(t.text, tuple(index.chip(c) for c in t.citations), t.date) for t in story.timeline
        ),
        chart=timeline_chart([t.date for t in story.timeline]),
        framing=tuple(
            FramingView(
                f.referent,
                tuple(
                    (Version(index.chip(t.article_id, t.start, t.end), t.text), t.loaded)
                    for t in f.terms
                ),
            )
            for f in story.framing
        ),
        reuse=reuse,
        graph=reuse_graph(
            [(a, index.label(a)) for a in ids], [_link(r, index) for r in story.reuse]
        ),
        profiles=tuple(
            ProfileRow(
                index.chip(p.article_id),
                p.statements,
                p.attributed,
                p.asserted,
                p.hedges,
                p.speakers,
                p.loaded_terms,
            )
            for p in story.profiles
        ),
        article_ids=ids,
    )


def _date_range(date_range: tuple[str, str] | None) -> str | None:
    if not date_range:
        return None
    first, last = date_range
    return first if first == last else f"{first} – {last}"


def _source_row(article_id: str, index: Index) -> SourceRow:
    article = index.articles[article_id]
    url = safe_url(article.url)
    return SourceRow(
        chip=index.chip(article_id),
        title=article.title,
        url=url,
        url_text=None if url else article.url,
        published=article.published.isoformat() if article.published else None,
        flags=article.flags,
        removed_count=len(article.removed),
        removed_chars=sum(len(r.text) for r in article.removed),
    )


def _summary_chips(
    citations: Sequence[str], fact_id: str | None, story: Story, index: Index
) -> tuple[Chip, ...]:
    """Chips to the cited fact's statement in each cited article, else to the article."""
    fact = next((f for f in story.facts if f.id == fact_id), None) if fact_id else None
    spans = {s.article_id: (s.start, s.end) for s in reversed(fact.statements)} if fact else {}
    chips = []
    for article_id in citations:
        start, end = spans.get(article_id, (None, None))
        chips.append(index.chip(article_id, start, end))
    return tuple(chips)


def _fact_row(fact: Fact, index: Index) -> FactRow:
    versions = tuple(
        Version(index.chip(s.article_id, s.start, s.end), s.text, s.speaker)
        for s in fact.statements
    )
    return FactRow(fact.id, _fact_text(fact), fact.status, fact.independent_sources, versions)


def _fact_text(fact: Fact) -> str:
    """The fact told by a statement that opens like a sentence; a clause is marked with "…"."""
    texts = [s.text.strip() for s in fact.statements]
    if not texts:
        return ""
    text = next((t for t in texts if _opens_sentence(t)), texts[0])
    return text if _opens_sentence(text) else f"…{text}"


def _opens_sentence(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "\"“‘'"


def _conflict_view(conflict: Conflict, index: Index) -> ConflictView:
    sides = []
    for side in conflict.sides:
        before, after = _context(index, side.article_id, side.start, side.end)
        chip = index.chip(side.article_id, side.start, side.end)
        sides.append(SideView(chip, before, side.text, after, side.speaker, side.value))
    return ConflictView(conflict.kind, conflict.topic, conflict.note, tuple(sides))


def _context(index: Index, article_id: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence(s) around a span, before and after it (capped)."""
    article = index.articles.get(article_id)
    if article is None or not 0 <= start <= end <= len(article.text):
        return "", ""
    around = [s for s in article.sentences if s.start < end and s.end > start]
    left = min((s.start for s in around), default=max(0, start - 120))
    right = max((s.end for s in around), default=min(len(article.text), end + 120))
    before, after = article.text[max(left, start - 300) : start], article.text[end:right][:300]
    return before.lstrip(), after.rstrip()


def _speakers(story: Story, ids: Sequence[str], index: Index) -> tuple[SpeakerView, ...]:
    """Who said what: facts whose statements name a speaker, then quotes no fact covers."""
    said: dict[str, list[tuple[Version, ...]]] = defaultdict(list)
    covered: set[tuple[str, int, int]] = set()
    for fact in story.facts:
        named = [s for s in fact.statements if s.speaker]
        if not named:
            continue
        speaker = Counter(s.speaker for s in named).most_common(1)[0][0] or ""
        said[speaker].append(
            tuple(Version(index.chip(s.article_id, s.start, s.end), s.text) for s in named)
        )
        covered.update((s.article_id, s.start, s.end) for s in fact.statements)
    for article_id in ids:
        for quote in index.articles[article_id].quotes:
            if quote.speaker and not _overlaps(covered, article_id, quote.start, quote.end):
                chip = index.chip(article_id, quote.start, quote.end)
                said[quote.speaker].append((Version(chip, quote.text, quoted=True),))
    ranked = sorted(said.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(SpeakerView(name, tuple(items)) for name, items in ranked)


def _overlaps(covered: set[tuple[str, int, int]], article_id: str, start: int, end: int) -> bool:
    return any(a == article_id and s < end and start < e for a, s, e in covered)


def _numbers(ids: Sequence[str], index: Index) -> tuple[tuple[Chip, ...], tuple[NumberRow, ...]]:
    """Quantity slots (what is counted) × sources, with the numbers each source gives."""
    slots: dict[str, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for article_id in ids:
        for quantity in index.articles[article_id].quantities:
            if quantity.counts:
                slots[quantity.counts][article_id].append(quantity)
    ranked = sorted(slots.items(), key=lambda item: (-len(item[1]), item[0]))
    used = [a for a in ids if any(a in by_article for _, by_article in ranked)]
    rows = []
    for slot, by_article in ranked:
        cells = tuple(
            tuple(Version(index.chip(a, q.start, q.end), q.text) for q in by_article.get(a, []))
            for a in used
        )
        values = {(q.value, q.low, q.high) for qs in by_article.values() for q in qs}
        rows.append(NumberRow(slot, cells, len(values) > 1))
    return tuple(index.chip(a) for a in used), tuple(rows)


def _link(reuse: Reuse, index: Index) -> Link:
    source, target, directed = _direction(reuse)
    title = f"{index.label(source)} → {index.label(target)}" if directed else ""
    return Link(source, target, max(reuse.share_a, reuse.share_b), directed, title)


def _direction(reuse: Reuse) -> tuple[str, str, bool]:
    """(original, copy, known): ``direction`` names the original, or says "a->b"/"b->a"."""
    a, b, direction = reuse.article_a, reuse.article_b, (reuse.direction or "").strip()
    if direction in (a, "a->b", "a>b", "a_to_b"):
        return a, b, True
    if direction in (b, "b->a", "b>a", "b_to_a"):
        return b, a, True
    return a, b, False


def _reuse_row(reuse: Reuse, index: Index) -> ReuseRow:
    source, target, directed = _direction(reuse)
    shares = {reuse.article_a: reuse.share_a, reuse.article_b: reuse.share_b}
    verdict = "copies from" if directed else "shares text with"
    return ReuseRow(
        index.chip(target),
        index.chip(source),
        shares.get(target, 0.0),
        shares.get(source, 0.0),
        verdict,
        reuse.reason,
    )
