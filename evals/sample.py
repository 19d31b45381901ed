"""The bundled sample story against its gold file (src/storylens/sample/gold.json).

The sample is fiction written for storylens; its gold plants one of each thing a real
bundle has (a wire copy, conflicting numbers, a denial, a quote in two wordings…). These
figures check the whole pipeline end to end; ``shared`` is not used.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from evals.locate import Place, covers, locate, overlaps, report_counts, share, story_of
from evals.metric import Metric
from evals.scorers import bcubed
from storylens.ingest import read_inputs
from storylens.model import Conflict, Fact, Report
from storylens.pipeline import analyze_documents
from storylens.resources import load_resources

DATA = "sample story (7 articles)"
SAMPLE = files("storylens").joinpath("sample")


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    gold = json.loads(SAMPLE.joinpath("gold.json").read_text(encoding="utf-8"))
    inputs = read_inputs([str(SAMPLE.joinpath("articles.jsonl"))])
    report = analyze_documents(inputs.documents, resources=load_resources())
    check = _Checker(report, gold)
    figures = {
        "junk_removed": share(check.junk()),
        "stories_bcubed_f1": check.grouping(),
        "quotes_found_with_speaker": share(check.quotes()),
        "terms_not_speech": share(check.terms()),
        "quantities_value_and_bounds": share(check.quantities()),
        "dates_resolved": share(check.dates()),
        "agreements_aligned": share(check.agreements()),
        "agreements_not_conflicts": share(check.agreements_not_conflicts()),
        "conflicts_found": share(check.conflicts()),
        "reuse_found": share(check.reuse()),
        "independent_counts": share(check.independent()),
        "central_facts_in_summary": share(check.central_facts()),
        "timeline_events_in_order": check.timeline_order(),
        "framing_terms_found": share(check.framing()),
    }
    metrics = [Metric("sample", name, value, DATA) for name, value in figures.items()]
    return metrics + report_counts("sample", report, DATA)


class _Checker:
    """Each method yields one boolean per gold item (found and right, or not)."""

    def __init__(self, report: Report, gold: dict[str, Any]) -> None:
        self.report = report
        self.gold = gold
        self.articles = {a.id: a for a in report.articles}

    def place(self, ref: dict[str, Any]) -> Place | None:
        article = self.articles.get(ref["article"])
        return None if article is None else locate(article, ref["contains"])

    def junk(self) -> list[bool]:
        hits = []
        for article_id, lines in self.gold["junk"].items():
            article = self.articles[article_id]
            removed = {" ".join(r.text.split()) for r in article.removed}
            hits += [" ".join(line.split()) in removed for line in lines]
        return hits

    def grouping(self) -> float:
        truth = {a: key for key, ids in self.gold["stories"].items() for a in ids}
        predicted = {a: (story_of(self.report, a) or _NoStory).id for a in truth}
        return bcubed(predicted, truth).f1

    def quotes(self) -> list[bool]:
        hits = []
        for ref in self.gold["quotes"]:
            where = self.place(ref)
            quotes = self.articles[ref["article"]].quotes
            found = [q for q in quotes if where and overlaps(q, where) and q.kind != "term"]
            surname = ref["speaker"].split()[-1].casefold()
            hits.append(any(q.speaker and surname in q.speaker.casefold() for q in found))
        return hits

    def terms(self) -> list[bool]:
        hits = []
        for ref in self.gold["terms"]:
            where = self.place(ref)
            quotes = self.articles[ref["article"]].quotes
            speech = [
                q
                for q in quotes
                if where
                and overlaps(q, where)
                and q.kind != "term"
                and q.end - q.start < 3 * (where.end - where.start)
            ]
            hits.append(where is not None and not speech)
        return hits

    def quantities(self) -> list[bool]:
        hits = []
        for ref in self.gold["quantities"]:
            where = self.place(ref)
            found = [
                q for q in self.articles[ref["article"]].quantities if where and overlaps(q, where)
            ]
            hits.append(
                any(
                    _close(q.value, ref["value"])
                    and _close(q.low, ref["low"])
                    and _close(q.high, ref["high"])
                    and q.unit == ref["unit"]
                    for q in found
                )
            )
        return hits

    def dates(self) -> list[bool]:
        hits = []
        for ref in self.gold["dates"]:
            where = self.place(ref)
            found = [d for d in self.articles[ref["article"]].dates if where and overlaps(d, where)]
            hits.append(any(d.value == ref["value"] for d in found))
        return hits

    def _facts(self) -> list[Fact]:
        return [f for story in self.report.stories for f in story.facts]

    def _conflicts(self) -> list[Conflict]:
        return [c for story in self.report.stories for c in story.conflicts]

    def agreements(self) -> list[bool]:
        hits = []
        for item in self.gold["agreements"]:
            places = [self.place(ref) for ref in item["statements"]]
            hits.append(all(places) and any(covers(f.statements, places) for f in self._facts()))
        return hits

    def agreements_not_conflicts(self) -> list[bool]:
        conflicts = self._conflicts()
        hits = []
        for item in self.gold["agreements"]:
            places = [p for p in (self.place(ref) for ref in item["statements"]) if p]
            clash = any(
                sum(any(overlaps(s, p) for s in c.sides) for p in places) >= 2 for c in conflicts
            )
            hits.append(not clash)
        return hits

    def conflicts(self) -> list[bool]:
        conflicts = self._conflicts()
        hits = []
        for item in self.gold["conflicts"]:
            places = [self.place(ref) for ref in item["sides"]]
            hits.append(
                all(places)
                and any(
                    c.kind == item["kind"] or {c.kind, item["kind"]} <= {"denial", "dispute"}
                    for c in conflicts
                    if covers(c.sides, places)
                )
            )
        return hits

    def reuse(self) -> list[bool]:
        pairs = {
            frozenset((r.article_a, r.article_b)) for s in self.report.stories for r in s.reuse
        }
        return [frozenset((i["original"], i["copy"])) in pairs for i in self.gold["reuse"]]

    def independent(self) -> list[bool]:
        hits = []
        for item in self.gold["independent"]:
            wanted = set(item["statement_in"])
            counts = [f.independent_sources for f in self._facts() if wanted <= set(f.sources)]
            hits.append(item["independent_sources"] in counts)
        return hits

    def central_facts(self) -> list[bool]:
        summary = [s for story in self.report.stories for s in story.summary]
        facts = {f.id: f for f in self._facts()}
        hits = []
        for item in self.gold["central_facts"]:
            places = [
                p
                for a in self.articles.values()
                for frag in item["any_of"]
                if (p := locate(a, frag))
            ]
            hits.append(
                any(
                    any(frag in s.text for frag in item["any_of"])
                    or (
                        s.fact_id in facts
                        and any(
                            overlaps(st, p) for st in facts[s.fact_id].statements for p in places
                        )
                    )
                    for s in summary
                )
            )
        return hits

    def timeline_order(self) -> float:
        items = [t for story in self.report.stories for t in story.timeline]
        positions = []
        for event in self.gold["timeline"]:
            matches = [
                i
                for i, t in enumerate(items)
                if t.date.startswith(event["date"])
                and any(frag[:25] in t.text for frag in event["any_of"])
            ]
            matches = matches or [
                i for i, t in enumerate(items) if t.date.startswith(event["date"])
            ]
            positions.append(matches[0] if matches else None)
        found = [p for p in positions if p is not None]
        in_order = found == sorted(found)
        return (len(found) / len(positions)) if in_order else 0.0

    def framing(self) -> list[bool]:
        terms = [
            (t.article_id, t.text.casefold())
            for s in self.report.stories
            for f in s.framing
            for t in f.terms
        ]
        return [
            any(a == i["article"] and i["term"].casefold() in text for a, text in terms)
            for i in self.gold["framing"]
        ]


def _close(got: float | None, want: float | None) -> bool:
    """Equal numbers (to rounding), or both absent."""
    if got is None or want is None:
        return got is want
    return abs(got - want) <= 1e-6 * max(1.0, abs(want))


class _NoStory:
    id = "(none)"
