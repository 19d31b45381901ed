"""Dates on TimeBank 1.2 (TempEval-3 copy): span F1 and value accuracy of time expressions.

Each ``.tml`` file's ``<TEXT>`` element, with its tags stripped, is the article text; the
``CREATION_TIME`` TIMEX3 (in the ``<DCT>`` header, outside the text) is the publication date,
so it is never part of the gold. Figures:

- ``span_f1_strict`` / ``span_f1_relaxed``: span F1, exact boundaries / any overlap.
- ``value_acc``: among gold timexes matched by overlap, the share whose value equals ours.
- ``value_f1``: relaxed span F1 × value accuracy (the TempEval-3 "value F1" style figure).

    python -m evals.run --shared ../shared --only dates [--fast]
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evals.metric import Metric
from evals.scorers import span_prf
from storylens.extract.dates import find_dates
from storylens.extract.triggers import needs_parse
from storylens.model import Article, DateMention
from storylens.resources import load_nlp
from storylens.segment import parse

DATA = "data/dates-timebank"
FAST_FILES = 40
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimebankDoc:
    """One TimeBank file: article (text, creation date) and its gold timexes."""

    article: Article
    gold: tuple[GoldTimex, ...]


def read_timebank(folder: Path, *, limit: int | None = None) -> list[TimebankDoc]:
    """The TimeBank files of ``folder`` in name order (the first ``limit`` of them)."""
    paths = sorted(folder.glob("*.tml"))[:limit]
    return [parse_tml(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def parse_tml(name: str, markup: str) -> TimebankDoc:
    """Text of ``<TEXT>`` with tags stripped, gold TIMEX3 offsets, and the creation date."""
    creation = re.search(r'functionInDocument="CREATION_TIME"[^>]*>', markup) or re.search(
        r"<DCT>.*?</DCT>", markup, re.S
    )
    dct = _creation_date(markup[: creation.end()] if creation else "")
    body = markup.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    pieces: list[str] = []
    size = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for closing, tag, attrs, chunk in _walk(body):
        piece = html.unescape(chunk)
        pieces.append(piece)
        size += len(piece)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_timex = (size, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, fields = open_timex
            text = "".join(pieces)[start:size]
            gold.append(GoldTimex(start, size, text, fields.get("type", ""), fields["value"]))
            open_timex = None
    article = Article(id=name, source=name, text="".join(pieces), published=dct)
    return TimebankDoc(article, tuple(gold))


def _walk(body: str) -> Iterator[tuple[bool, str, str, str]]:
    """(closing, tag, attributes, text before the tag) for each tag, then the tail text."""
    position = 0
    for match in _TAG.finditer(body):
        yield match.group(1) == "/", match.group(2), match.group(3), body[position : match.start()]
        position = match.end()
    yield False, "", "", body[position:]


def _creation_date(header: str) -> dt.date | None:
    match = re.search(r'value="(\d{4})-(\d{2})-(\d{2})', header)
    return dt.date(*map(int, match.groups())) if match else None


@dataclass(frozen=True, slots=True)
class DateScores:
    strict_f1: float
    relaxed_f1: float
    relaxed_precision: float
    relaxed_recall: float
    value_acc: float
    matched: int
    gold: int


def score(docs: list[TimebankDoc], predicted: list[tuple[DateMention, ...]]) -> DateScores:
    """Span P/R/F1 (strict and relaxed) and value accuracy over relaxed matches."""
    pred_spans = [(i, m.start, m.end) for i, ms in enumerate(predicted) for m in ms]
    gold_spans = [(i, g.start, g.end) for i, d in enumerate(docs) for g in d.gold]
    strict = span_prf(_flat(pred_spans), _flat(gold_spans), exact=True)
    relaxed = span_prf(_flat(pred_spans), _flat(gold_spans), exact=False)
    matched = correct = 0
    for doc, mentions in zip(docs, predicted, strict=True):
        for gold, mention in match_relaxed(doc.gold, mentions):
            matched += 1
            correct += mention.value == gold.value
    value_acc = correct / matched if matched else 0.0
    total = len(gold_spans)
    return DateScores(
        strict.f1, relaxed.f1, relaxed.precision, relaxed.recall, value_acc, matched, total
    )


def _flat(spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Spans of many documents made disjoint by offsetting each document far apart."""
    return [(doc * 10_000_000 + start, doc * 10_000_000 + end) for doc, start, end in spans]


def match_relaxed(
    gold: tuple[GoldTimex, ...], mentions: tuple[DateMention, ...]
) -> list[tuple[GoldTimex, DateMention]]:
    """Gold timexes paired with the first unused overlapping mention."""
    used: set[int] = set()
    pairs = []
    for timex in gold:
        for index, mention in enumerate(mentions):
            if index not in used and mention.start < timex.end and timex.start < mention.end:
                used.add(index)
                pairs.append((timex, mention))
                break
    return pairs


def run_extractor(docs: list[TimebankDoc]) -> list[tuple[DateMention, ...]]:
    """find_dates over every document, parsed as the pipeline parses (syntax where read)."""
    parsed = parse([doc.article for doc in docs], nlp=load_nlp(), needs_parse=needs_parse)
    return [find_dates(doc.article, spacy_doc) for doc, spacy_doc in zip(docs, parsed, strict=True)]


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    """Span F1 (strict, relaxed), value accuracy and value F1 on TimeBank."""
    docs = read_timebank(shared / DATA, limit=FAST_FILES if fast else None)
    found = score(docs, run_extractor(docs))
    data = f"TimeBank 1.2, {len(docs)} files, {found.gold} timexes"
    return [
        Metric("dates", "span_f1_strict", found.strict_f1, data),
        Metric("dates", "span_f1_relaxed", found.relaxed_f1, data),
        Metric("dates", "span_p_relaxed", found.relaxed_precision, data),
        Metric("dates", "span_r_relaxed", found.relaxed_recall, data),
        Metric("dates", "value_acc", found.value_acc, data, f"{found.matched} matched"),
        Metric("dates", "value_f1", found.relaxed_f1 * found.value_acc, data, "relaxed F1 × acc"),
    ]
