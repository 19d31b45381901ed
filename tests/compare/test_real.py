"""The comparison on the seeds and on the bundled sample (gold files read at test time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.model import Article, Report, Story
from tests.conftest import SAMPLE, article_by_prefix


def _line_span(seeds_dir: Path, article: Article, doc: str, line: int) -> tuple[int, int]:
    text = (seeds_dir / doc).read_text(encoding="utf-8").splitlines()[line - 1].strip()
    start = article.text.find(text[:40])
    assert start >= 0, text[:40]
    return start, start + len(text)


def _story_of(report: Report, article_id: str) -> Story:
    return next(s for s in report.stories if article_id in s.article_ids)


def _overlaps(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


def _hit(items, wanted) -> bool:  # type: ignore[no-untyped-def]
    return all(
        any(s.article_id == aid and _overlaps(s.start, s.end, span) for s in items)
        for aid, span in wanted
    )


def _seed_pairs(
    shared: Path, seeds_dir: Path, report: Report, kind: str
) -> list[tuple[str, Story, list[tuple[str, tuple[int, int]]]]]:
    """Each gold example of ``kind``: its note, its story and its two (article, line span)."""
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    found = []
    for example in gold[kind]:
        wanted = []
        for side in (example["a"], example["b"]):
            article = article_by_prefix(report, side["doc"][:3])
            wanted.append((article.id, _line_span(seeds_dir, article, side["doc"], side["line"])))
        found.append((example["note"], _story_of(report, wanted[0][0]), wanted))
    return found


def test_seed_same_fact_pairs_align(shared: Path, seeds_dir: Path, seeds_report: Report) -> None:
    for note, story, wanted in _seed_pairs(shared, seeds_dir, seeds_report, "same_fact_examples"):
        assert any(_hit(f.statements, wanted) for f in story.facts), note


ISSUE_CONFLICTS = [
    # (kinds, (seed, line) that must be a side, seeds of which one must give the other side):
    # the disagreements issue #8 names, by seed line
    ({"denial", "dispute"}, ("003", 23), {"001"}),  # who attacked the bridge
    ({"denial", "dispute"}, ("002", 15), {"000", "001"}),  # planned strikes vs "disputed"
    ({"attribution"}, ("000", 5), {"002", "003"}),  # which country's Defense Ministry
]


@pytest.mark.parametrize(("kinds", "anchor", "others"), ISSUE_CONFLICTS)
def test_seed_conflicts_named_in_the_issue(
    seeds_dir: Path,
    seeds_report: Report,
    kinds: set[str],
    anchor: tuple[str, int],
    others: set[str],
) -> None:
    article = article_by_prefix(seeds_report, anchor[0])
    doc = next(p.name for p in seeds_dir.iterdir() if p.name.startswith(anchor[0]))
    span = _line_span(seeds_dir, article, doc, anchor[1])
    story = _story_of(seeds_report, article.id)
    assert any(
        c.kind in kinds
        and any(s.article_id == article.id and _overlaps(s.start, s.end, span) for s in c.sides)
        and any(s.article_id[:3] in others for s in c.sides)
        for c in story.conflicts
    ), [(c.kind, c.topic, [s.article_id[:3] for s in c.sides]) for c in story.conflicts]


def test_seed_troop_numbers_conflict(shared: Path, seeds_dir: Path, seeds_report: Report) -> None:
    for note, story, wanted in _seed_pairs(shared, seeds_dir, seeds_report, "conflict_examples"):
        assert any(c.kind == "number" and _hit(c.sides, wanted) for c in story.conflicts), note


def _sample_gold() -> dict:  # type: ignore[type-arg]
    return json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _find(report: Report, side: dict) -> tuple[str, tuple[int, int]]:  # type: ignore[type-arg]
    article = next(a for a in report.articles if a.id == side["article"])
    start = article.text.index(side["contains"])
    return article.id, (start, start + len(side["contains"]))


def test_sample_planted_agreements_are_facts(sample_report: Report) -> None:
    missed = []
    for agreement in _sample_gold()["agreements"]:
        wanted = [_find(sample_report, side) for side in agreement["statements"]]
        story = _story_of(sample_report, wanted[0][0])
        if not any(_hit(f.statements, wanted) for f in story.facts):
            missed.append(agreement["note"])
    assert not missed


def test_sample_planted_agreements_are_not_conflicts(sample_report: Report) -> None:
    for agreement in _sample_gold()["agreements"]:
        wanted = [_find(sample_report, side) for side in agreement["statements"]]
        story = _story_of(sample_report, wanted[0][0])
        assert not any(_hit(c.sides, wanted) for c in story.conflicts), agreement["note"]


@pytest.mark.parametrize("index", range(6))
def test_sample_planted_conflicts_are_found(sample_report: Report, index: int) -> None:
    planted = _sample_gold()["conflicts"][index]
    wanted = [_find(sample_report, side) for side in planted["sides"]]
    story = _story_of(sample_report, wanted[0][0])
    assert any(c.kind == planted["kind"] and _hit(c.sides, wanted) for c in story.conflicts), (
        planted["note"]
    )
