"""Disputes as summary sentences: each side quoted and credited, nothing decided.

Template: ``<Lead> (<topic>): <who A> said “<A>”; <who B> reports “<B>”.`` where *who*
is the side's speaker when the text names one, else the outlet that carries it. Sides
with the same wording or value are credited together. The template only quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.model import Article, Conflict, Side, Story, SummarySentence
from storylens.segment.dateline import strip_dateline
from storylens.summarize.text import outlet_name

KINDS = ("denial", "dispute", "number", "attribution", "date")
LEADS = {
    "denial": "Disputed",
    "dispute": "Disputed",
    "number": "Figures differ",
    "attribution": "Credited differently",
    "date": "Dates differ",
}
MAX_SIDES = 4
MAX_TOPIC = 60
MAX_QUOTE = 160


def _quoted(text: str) -> str:
    """A side's words in quotation marks, shortened with an ellipsis when long."""
    inner = re.sub(r"[\"“”]", "'", strip_dateline(text))
    return f"“{_short(inner, limit=MAX_QUOTE)}”"


def _short(text: str, *, limit: int = MAX_TOPIC) -> str:
    text = re.sub(r"\s+", " ", text.strip()).rstrip(" .,;:")
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)] + "…"


def _credit(group: Sequence[Side], by_id: dict[str, Article]) -> str:
    """ "<speaker> said" or "<outlet> and <outlet> report", for sides worded alike."""
    speakers = sorted({side.speaker for side in group if side.speaker})
    if len(speakers) == 1 and all(side.speaker for side in group):
        return f"{speakers[0]} said"
    outlets = list(dict.fromkeys(outlet_name(by_id[side.article_id]) for side in group))
    verb = "reports" if len(outlets) == 1 else "report"
    return f"{' and '.join(outlets)} {verb}"


def _grouped(sides: Sequence[Side]) -> list[list[Side]]:
    """Sides with the same value (or wording) and speaker, first appearance first."""
    groups: dict[tuple[str, str], list[Side]] = {}
    for side in sides:
        key = (side.value or side.text.strip().lower(), side.speaker or "")
        groups.setdefault(key, []).append(side)
    return list(groups.values())


def dispute_sentence(conflict: Conflict, by_id: dict[str, Article]) -> SummarySentence | None:
    """A conflict stated as a dispute, citing the articles of the sides it quotes."""
    sides = [side for side in conflict.sides if side.article_id in by_id]
    groups = _grouped(sides)[:MAX_SIDES]
    if len(groups) < 2:
        return None
    parts = []
    for group in groups:
        value = group[0].value
        shown = _quoted(group[0].text)
        if value and conflict.kind == "date" and value not in group[0].text:
            shown = f"{shown} ({value})"
        parts.append(f"{_credit(group, by_id)} {shown}")
    topic = f" ({_short(conflict.topic)})" if conflict.topic else ""
    order = list(by_id)
    cited = sorted({side.article_id for group in groups for side in group}, key=order.index)
    text = f"{LEADS[conflict.kind]}{topic}: {'; '.join(parts)}."
    return SummarySentence(text, tuple(cited))


def dispute_sentences(
    story: Story, by_id: dict[str, Article], *, limit: int
) -> list[SummarySentence]:
    """The main disputes: denials and disputes first, then numbers, credits and dates."""
    ranked = sorted(
        enumerate(story.conflicts), key=lambda item: (KINDS.index(item[1].kind), item[0])
    )
    chosen: list[SummarySentence] = []
    for _, conflict in ranked:
        sentence = dispute_sentence(conflict, by_id)
        if sentence is not None and sentence.text not in {c.text for c in chosen}:
            chosen.append(sentence)
        if len(chosen) >= limit:
            break
    return chosen
