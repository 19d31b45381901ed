"""The JSON contract (schema_version "1"): Report → plain dict, validated against the schema.

The schema lives in ``storylens/data/report.schema.json`` and is documented in
``docs/json-contract.md``. Fields may be added; renaming one bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from storylens.errors import SchemaError
from storylens.model import (
    Article,
    Conflict,
    Fact,
    Framing,
    Offsets,
    Quote,
    Reuse,
    SourceProfile,
    Story,
)
from storylens.model import Report as ReportModel

SCHEMA_VERSION = "1"


def report_to_dict(report: ReportModel) -> dict[str, Any]:
    """The whole report as the JSON contract's plain data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": report.generator,
        "articles": [article_to_dict(article) for article in report.articles],
        "stories": [story_to_dict(story) for story in report.stories],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
    }


def render_json(report: ReportModel, *, validate: bool = True) -> str:
    """Serialise a report to JSON text (stable key order, UTF-8, trailing newline)."""
    data = report_to_dict(report)
    if validate:
        validate_report(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "flags": [{"kind": f.kind, "detail": f.detail} for f in article.flags],
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "entities": [
            {
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "label": e.label,
                "canonical": e.canonical,
            }
            for e in article.entities
        ],
        "quantities": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "unit": q.unit,
                "counts": q.counts,
                "currency": q.currency,
                "hedge": q.hedge,
            }
            for q in article.quantities
        ],
        "dates": [
            {"start": d.start, "end": d.end, "text": d.text, "value": d.value, "type": d.type}
            for d in article.dates
        ],
        "quotes": [quote_to_dict(q) for q in article.quotes],
    }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_span": _offsets(quote.speaker_span),
        "cue": quote.cue,
        "cue_span": _offsets(quote.cue_span),
        "kind": quote.kind,
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.article_ids),
        "date_range": list(story.date_range) if story.date_range else None,
        "related": list(story.related),
        "facts": [fact_to_dict(f) for f in story.facts],
        "conflicts": [conflict_to_dict(c) for c in story.conflicts],
        "summary": [
            {"text": s.text, "citations": list(s.citations), "fact": s.fact_id}
            for s in story.summary
        ],
        "timeline": [
            {"date": t.date, "text": t.text, "citations": list(t.citations)} for t in story.timeline
        ],
        "framing": [framing_to_dict(f) for f in story.framing],
        "profiles": [profile_to_dict(p) for p in story.profiles],
        "reuse": [reuse_to_dict(r) for r in story.reuse],
        "duplicates": [{"article": dup, "copy_of": kept} for dup, kept in story.duplicates],
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "statements": [
            {
                "article": s.article_id,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "speaker": s.speaker,
            }
            for s in fact.statements
        ],
        "sources": list(fact.sources),
        "independent_sources": fact.independent_sources,
        "status": fact.status,
    }


def conflict_to_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "topic": conflict.topic,
        "note": conflict.note,
        "sides": [
            {
                "article": s.article_id,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "speaker": s.speaker,
                "value": s.value,
            }
            for s in conflict.sides
        ],
    }


def framing_to_dict(framing: Framing) -> dict[str, Any]:
    return {
        "referent": framing.referent,
        "terms": [
            {
                "article": t.article_id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "loaded": t.loaded,
            }
            for t in framing.terms
        ],
    }


def profile_to_dict(profile: SourceProfile) -> dict[str, Any]:
    return {
        "article": profile.article_id,
        "statements": profile.statements,
        "attributed": profile.attributed,
        "asserted": profile.asserted,
        "speakers": list(profile.speakers),
        "loaded_terms": list(profile.loaded_terms),
        "hedges": profile.hedges,
        "sentiment": dict(profile.sentiment),
    }


def reuse_to_dict(reuse: Reuse) -> dict[str, Any]:
    return {
        "articles": [reuse.article_a, reuse.article_b],
        "spans_a": [_offsets(o) for o in reuse.spans_a],
        "spans_b": [_offsets(o) for o in reuse.spans_b],
        "share_a": round(reuse.share_a, 4),
        "share_b": round(reuse.share_b, 4),
        "direction": reuse.direction,
        "reason": reuse.reason,
    }


def _offsets(offsets: Offsets | None) -> dict[str, int] | None:
    return None if offsets is None else {"start": offsets.start, "end": offsets.end}


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, shipped in the package."""
    text = files("storylens.data").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_report(data: dict[str, Any]) -> None:
    """Raise SchemaError when ``data`` does not match the JSON contract."""
    import jsonschema

    try:
        jsonschema.validate(data, load_schema())
    except jsonschema.ValidationError as error:
        path = "/".join(str(part) for part in error.absolute_path)
        raise SchemaError(
            f"report does not match the schema at '{path}': {error.message}"
        ) from error
