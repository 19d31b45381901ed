"""The summarize stage on the bundled sample (gold answers) and on the seeds."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storylens.model import Article, Report, Story, SummarySentence
from storylens.summarize import summarize
from storylens.summarize.disputes import dispute_sentence
from storylens.summarize.text import content_words
from tests.conftest import SAMPLE, article_by_prefix

GOLD: dict[str, Any] = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
MAIN_STORY = "karsk-dam-spillway-failure"


def _story_of(report: Report, article_id: str) -> Story:
    return next(story for story in report.stories if article_id in story.article_ids)


def _main_story(report: Report) -> Story:
    return _story_of(report, GOLD["stories"][MAIN_STORY][0])


def _articles(report: Report) -> dict[str, Article]:
    return {article.id: article for article in report.articles}


def _supported(sentence: SummarySentence, story: Story, by_id: dict[str, Article]) -> bool:
    """Each citation supports the sentence: fact statement, conflict side or its source text."""
    cited = set(sentence.citations)
    if sentence.fact_id is not None:
        fact = next(f for f in story.facts if f.id == sentence.fact_id)
        return cited <= {statement.article_id for statement in fact.statements}
    members = {article_id: by_id[article_id] for article_id in story.article_ids}
    for conflict in story.conflicts:
        disputed = dispute_sentence(conflict, members)
        if disputed is not None and disputed.text == sentence.text:
            return cited <= {side.article_id for side in conflict.sides}
    (only,) = sentence.citations
    return content_words(sentence.text) <= content_words(by_id[only].text)


def _check_summaries(report: Report) -> None:
    by_id = _articles(report)
    for story in report.stories:
        assert story.summary, story.id
        if len(story.article_ids) > 1:
            assert 5 <= len(story.summary) <= 10, story.id
        for sentence in story.summary:
            assert sentence.citations, sentence
            assert set(sentence.citations) <= set(story.article_ids), sentence
            assert _supported(sentence, story, by_id), sentence


def _covers(story: Story, by_id: dict[str, Article], fragment: str) -> bool:
    """A summary sentence quotes the fragment or cites the fact whose statement holds it."""
    facts = {fact.id: fact for fact in story.facts}
    for sentence in story.summary:
        if fragment in sentence.text:
            return True
        fact = facts.get(sentence.fact_id or "")
        for statement in fact.statements if fact else ():
            text = by_id[statement.article_id].text
            at = text.find(fragment)
            if at >= 0 and statement.start < at + len(fragment) and at < statement.end:
                return True
    return False


def test_sample_summary_covers_every_central_fact(sample_report: Report) -> None:
    story, by_id = _main_story(sample_report), _articles(sample_report)
    missing = [
        central["note"]
        for central in GOLD["central_facts"]
        if not any(_covers(story, by_id, fragment) for fragment in central["any_of"])
    ]
    assert not missing, [s.text for s in story.summary]


def test_sample_summary_sentences_are_cited_and_supported(sample_report: Report) -> None:
    _check_summaries(sample_report)


def test_sample_timeline_orders_the_gold_events(sample_report: Report) -> None:
    story, by_id = _main_story(sample_report), _articles(sample_report)
    assert [item.date for item in story.timeline] == sorted(i.date for i in story.timeline)
    positions = []
    for event in GOLD["timeline"]:
        sources = {a for f in event["any_of"] for a in story.article_ids if f in by_id[a].text}
        found = [
            index
            for index, item in enumerate(story.timeline)
            if item.date == event["date"]
            and (any(f in item.text for f in event["any_of"]) or sources & set(item.citations))
        ]
        assert found, (event["note"], [(i.date, i.text) for i in story.timeline])
        positions.append(found[0])
    assert positions == sorted(positions)


def test_sample_framing_finds_the_gold_loaded_terms(sample_report: Report) -> None:
    story = _main_story(sample_report)
    for gold in GOLD["framing"]:
        words = [
            term.text.lower()
            for table in story.framing
            for term in table.terms
            if term.article_id == gold["article"]
        ]
        assert any(gold["term"].lower() in word for word in words), gold


def test_seed_framing_has_dictator_and_terrorist_attack(seeds_report: Report) -> None:
    first, second = (article_by_prefix(seeds_report, p) for p in ("000", "001"))
    story = _story_of(seeds_report, first.id)
    leader = [
        term.text.lower()
        for table in story.framing
        if "lukashenko" in table.referent.lower()
        for term in table.terms
        if term.article_id == first.id
    ]
    assert any("dictator" in text for text in leader), leader
    blast = [
        term.text.lower()
        for table in _story_of(seeds_report, second.id).framing
        if "bridge" in table.referent.lower()
        for term in table.terms
        if term.article_id == second.id
    ]
    assert "terrorist attack" in blast, blast


def test_seed_summary_sentences_are_cited_and_supported(seeds_report: Report) -> None:
    _check_summaries(seeds_report)


@pytest.mark.parametrize("which", ["sample", "seeds"])
def test_summarize_is_deterministic_and_spans_hold(
    which: str, sample_report: Report, request: pytest.FixtureRequest
) -> None:
    report: Report = sample_report if which == "sample" else request.getfixturevalue("seeds_report")
    by_id = _articles(report)
    for story in report.stories:
        for table in story.framing:
            for term in table.terms:
                assert by_id[term.article_id].text[term.start : term.end] == term.text
        assert {p.article_id for p in story.profiles} == set(story.article_ids)
        again = summarize(story, by_id)
        assert again.summary == story.summary
        assert again.timeline == story.timeline
        assert again.framing == story.framing
