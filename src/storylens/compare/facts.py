"""Facts: aligned groups of units as model Facts, with sources and independent support."""

from __future__ import annotations

from collections.abc import Sequence

from storylens.compare.independence import Groups
from storylens.compare.statements import Unit
from storylens.model import Conflict, Fact, FactStatus, Side, Statement

SAME_SPAN = 0.5
"""A conflict side is "the" statement when each covers this share of the other."""


def build_facts(
    units: Sequence[Unit],
    groups: Sequence[Sequence[int]],
    *,
    sources: Groups,
    conflicts: Sequence[Conflict] = (),
) -> tuple[Fact, ...]:
    """One Fact per group of two or more articles, in order of first appearance."""
    ordered = sorted(
        (sorted(group, key=lambda i: (units[i].article_id, units[i].start)) for group in groups),
        key=lambda group: (units[group[0]].article_id, units[group[0]].start),
    )
    facts = []
    for number, group in enumerate(ordered, start=1):
        statements = tuple(units[i].statement() for i in group)
        article_ids = tuple(sorted({s.article_id for s in statements}))
        independent = sources.count(article_ids)
        disputed = any(is_disputed(statements, c, sources=sources) for c in conflicts)
        facts.append(
            Fact(
                id=f"fact-{number}",
                statements=statements,
                sources=article_ids,
                independent_sources=independent,
                status=_status(independent, disputed=disputed),
            )
        )
    return tuple(facts)


def is_disputed(statements: Sequence[Statement], conflict: Conflict, *, sources: Groups) -> bool:
    """Whether a conflict disputes the fact these statements make.

    It does when its sides fall in statements of two independent sources of the fact, or
    (a claim conflict, whose other side is elsewhere) when a side is one of the statements.
    A figure disputed elsewhere does not dispute every fact whose sentence carries it.
    """
    touched = {
        sources.group(s.article_id)
        for s in statements
        if any(_overlap(s, side) > 0 for side in conflict.sides)
    }
    if len(touched) >= 2:
        return True
    if conflict.kind == "number":
        return False
    return any(_same_span(s, side) for s in statements for side in conflict.sides)


def _overlap(statement: Statement, side: Side) -> int:
    if statement.article_id != side.article_id:
        return 0
    return max(0, min(statement.end, side.end) - max(statement.start, side.start))


def _same_span(statement: Statement, side: Side) -> bool:
    shared = _overlap(statement, side)
    return shared >= SAME_SPAN * (statement.end - statement.start) and shared >= SAME_SPAN * (
        side.end - side.start
    )


def _status(independent: int, *, disputed: bool) -> FactStatus:
    """disputed when a conflict disputes it; agreed with two independent sources."""
    if disputed:
        return "disputed"
    return "agreed" if independent >= 2 else "single"
