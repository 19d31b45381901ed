"""Facts: aligned groups of units as model Facts, with sources and independent support."""

from __future__ import annotations

from collections.abc import Sequence

from storylens.compare.independence import Groups
from storylens.compare.statements import Unit
from storylens.model import Fact, FactStatus, Statement


def build_facts(
    units: Sequence[Unit],
    groups: Sequence[Sequence[int]],
    *,
    sources: Groups,
    disputed: frozenset[tuple[str, int, int]] = frozenset(),
) -> tuple[Fact, ...]:
    """One Fact per group of two or more articles, in order of first appearance.

    ``disputed`` holds (article, start, end) of statements that take part in a conflict.
    """
    ordered = sorted(
        (sorted(group, key=lambda i: (units[i].article_id, units[i].start)) for group in groups),
        key=lambda group: (units[group[0]].article_id, units[group[0]].start),
    )
    facts = []
    for number, group in enumerate(ordered, start=1):
        statements = tuple(units[i].statement() for i in group)
        article_ids = tuple(sorted({s.article_id for s in statements}))
        independent = sources.count(article_ids)
        facts.append(
            Fact(
                id=f"fact-{number}",
                statements=statements,
                sources=article_ids,
                independent_sources=independent,
                status=_status(statements, independent, disputed),
            )
        )
    return tuple(facts)


def _status(
    statements: Sequence[Statement], independent: int, disputed: frozenset[tuple[str, int, int]]
) -> FactStatus:
    """disputed when a statement is in a conflict; agreed with two independent sources."""
    for s in statements:
        if any(a == s.article_id and st < s.end and s.start < en for a, st, en in disputed):
            return "disputed"
    return "agreed" if independent >= 2 else "single"
