"""The span invariant every stage must keep, as one reusable check."""

from __future__ import annotations

from storylens.model import Article, Report


def assert_spans_valid(article: Article) -> None:
    """Every mention lies inside the text and its ``text`` is exactly ``text[start:end]``."""
    size = len(article.text)
    for sent in article.sentences:
        assert 0 <= sent.start < sent.end <= size, sent
    for kind in (article.entities, article.quantities, article.dates, article.quotes):
        for mention in kind:
            assert mention.article_id == article.id, mention
            assert 0 <= mention.start <= mention.end <= size, mention
            assert article.text[mention.start : mention.end] == mention.text, mention
    for quote in article.quotes:
        for offsets in (quote.speaker_span, quote.cue_span):
            if offsets is not None:
                assert 0 <= offsets.start <= offsets.end <= size, quote


def assert_report_spans_valid(report: Report) -> None:
    """Spans in articles, facts, conflicts and framing all point at real text."""
    by_id = {article.id: article for article in report.articles}
    for article in report.articles:
        assert_spans_valid(article)
    for story in report.stories:
        refs = [s for f in story.facts for s in f.statements]
        refs += [s for c in story.conflicts for s in c.sides]
        refs += [t for f in story.framing for t in f.terms]
        for ref in refs:
            text = by_id[ref.article_id].text
            assert text[ref.start : ref.end] == ref.text, ref
