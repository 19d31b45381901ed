from __future__ import annotations

from storylens.model import Fact, Statement
from storylens.render.story_view import _fact_text


def _fact(*texts: str) -> Fact:
    statements = tuple(Statement(f"a{i}", 0, len(t), t) for i, t in enumerate(texts))
    return Fact("f", statements, tuple(s.article_id for s in statements), len(texts), "agreed")


def test_a_fact_is_told_by_the_statement_that_opens_like_a_sentence() -> None:
    fact = _fact("which links the island to the coast", "The bridge links the island.")
    assert _fact_text(fact) == "The bridge links the island."


def test_a_fact_with_only_clauses_is_marked_as_a_fragment() -> None:
    assert _fact_text(_fact("which links the island to the coast")).startswith("…which")
    assert _fact_text(_fact("“We will rebuild it,” she said.")).startswith("“We")
