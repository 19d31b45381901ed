"""Attribution quality on PolNeAR: source, cue and content spans, and whole attributions.

``make eval`` measures the dev split; develop on train:
``python -m evals.attribution --shared ../shared --split train [--fast] [--tagger]``
(``--tagger``: with the optional tagger's second opinion, as :mod:`evals.attribution_tagger`
reports it).

Texts are parsed as the pipeline parses them (:func:`storylens.segment.parse.parse` with
:func:`storylens.extract.triggers.needs_parse`: syntax only in trigger sentences).
Gold: ``<split>/attributions/<name>_<annotator>.ann`` (brat). Where an article has several
annotators' files, the first annotator's in alphabetical order is used. A discontinuous gold
span (``a b;c d``) counts as its envelope. Predictions: every non-``term`` Quote of
``find_quotes``; content = ``start``/``end``, cue = ``cue_span``, source = ``speaker_span``;
a quote split by its cue ("“X,” she said. “Y.”") is two Quotes, the second a continuation
(same speaker, no cue but the first's, same paragraph), and counts as one attribution whose
content is the envelope, as the gold's discontinuous span does.
Both sides are normalised the same way before comparing: surrounding whitespace, quotation
marks and final ``,.;:`` are trimmed (:func:`storylens.extract.quotes.tagged.trim`).
A whole attribution matches (overlap) when its content overlaps the gold content and its
source overlaps the gold source (both without a source also matches); exact when both are
equal.

Two readings of "overlap" are reported, because the published reference uses the second:

- ``<role>_overlap_*``: a span is a hit when it overlaps a gold span (each matched once);
- ``<role>_token_*``: token overlap, the share of predicted tokens inside gold spans and of
  gold tokens inside predicted ones, with spaCy's tokens (:func:`evals.scorers.
  token_overlap_prf`). BBC's citron reports overlap this way, but sums it over every pair
  of attributions, which counts a source shared by several quotes once per pair; that
  formula is ``<role>_token_pairwise_f1`` (:func:`evals.scorers.pairwise_token_overlap_prf`),
  kept only to compare with citron's published figures.
"""

from __future__ import annotations

import argparse
import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.metric import Metric
from evals.scorers import (
    PRF,
    pairwise_token_overlap_prf,
    span_prf,
    spans_match,
    token_overlap_prf,
)
from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.tagged import Tagging, trim
from storylens.extract.quotes.tagger import AttributionTagger, load_tagger
from storylens.extract.triggers import needs_parse
from storylens.model import Article, Quote
from storylens.resources import load_nlp
from storylens.segment.parse import parse

DATA = "data/quotes-polnear"
FAST_FILES = 25
Span = tuple[int, int]
_T_LINE = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t", re.MULTILINE)
_E_LINE = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution as three optional spans."""

    source: Span | None
    cue: Span | None
    content: Span | None


def evaluate(
    shared: Path,
    *,
    fast: bool = False,
    split: str = "dev",
    tagger: AttributionTagger | None = None,
    name: str = "attribution",
) -> list[Metric]:
    """Exact and overlap P/R/F1 of source, cue, content and whole attributions on a split
    (``tagger``: with the optional tagger's second opinion; ``name``: the eval's name)."""
    root = shared / DATA / split
    parsed = parse_split(gold_files(root)[:FAST_FILES] if fast else gold_files(root))
    predicted: list[tuple[str, Attribution]] = []
    for article, text, doc in zip(parsed.names, parsed.texts, parsed.docs, strict=True):
        tagging = tagger.tag(text) if tagger is not None else None
        predicted += [(article, a) for a in predict_doc(text, doc, article, tagging=tagging)]
    data = f"PolNeAR {split}, {len(parsed.names)} articles, {len(parsed.gold)} gold attributions"
    docs = zip(parsed.names, parsed.docs, strict=True)
    token_starts = {article: [token.idx for token in doc] for article, doc in docs}
    return score(predicted, parsed.gold, data, name=name, token_starts=token_starts)


@dataclass(frozen=True, slots=True)
class ParsedSplit:
    """A split's articles as the eval reads them: names, texts, parses (as the pipeline
    parses) and the gold attributions as (article name, attribution)."""

    names: list[str]
    texts: list[str]
    docs: list[Any]
    gold: list[tuple[str, Attribution]]


def parse_split(pairs: list[tuple[Path, Path]]) -> ParsedSplit:
    """Read and parse the (text, annotation) pairs of :func:`gold_files`."""
    names = [text_path.stem for text_path, _ in pairs]
    texts = [text_path.read_text(encoding="utf-8") for text_path, _ in pairs]
    articles = [Article(id=n, source=n, text=t) for n, t in zip(names, texts, strict=True)]
    docs = parse(articles, nlp=load_nlp(), needs_parse=needs_parse)
    gold = [
        (article, attribution)
        for article, text, (_, ann_path) in zip(names, texts, pairs, strict=True)
        for attribution in read_gold(ann_path.read_text(encoding="utf-8"), text)
    ]
    return ParsedSplit(names, texts, list(docs), gold)


def gold_files(root: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs: the alphabetically first annotator's file per article."""
    pairs = []
    for text_path in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(f"{text_path.stem}_*.ann"))
        if anns:
            pairs.append((text_path, anns[0]))
    return pairs


BRAT_ROLES = ("Source", "Cue", "Content")


def read_gold(ann: str, text: str) -> list[Attribution]:
    """The E-line attributions of a brat file, each span its parts' envelope, normalised."""
    return [
        Attribution(*(_norm(text, _envelope(parts[role])) for role in BRAT_ROLES))
        for parts in read_parts(ann)
    ]


def read_parts(ann: str) -> list[dict[str, list[Span]]]:
    """Per E-line attribution, the parts of its Source, Cue and Content spans (a
    discontinuous span has several; a missing role none)."""
    parts: dict[str, list[Span]] = {}
    for match in _T_LINE.finditer(ann):
        numbers = [int(n) for n in re.split(r"[ ;]", match.group(3).strip())]
        parts[match.group(1)] = list(zip(numbers[::2], numbers[1::2], strict=True))
    found = []
    for match in _E_LINE.finditer(ann):
        roles = dict(part.split(":", 1) for part in match.group(1).split() if ":" in part)
        found.append({role: parts.get(roles.get(role, ""), []) for role in BRAT_ROLES})
    return found


def _envelope(parts: list[Span]) -> Span | None:
    return (min(a for a, _ in parts), max(b for _, b in parts)) if parts else None


def predict_doc(
    text: str, doc: object, name: str, *, tagging: Tagging | None = None
) -> list[Attribution]:
    """Our attributions for one parsed text, spans normalised like the gold."""
    article = Article(id=name, source=name, text=text)
    quotes = find_quotes(article, doc, entities=find_entities(article, doc), tagging=tagging)
    return [
        Attribution(
            _norm(text, (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None),
            _norm(text, (q.cue_span.start, q.cue_span.end) if q.cue_span else None),
            _norm(text, (q.start, last.end)),
        )
        for q, last in _joined(text, [q for q in quotes if q.kind != "term"])
    ]


def _joined(text: str, quotes: list[Quote]) -> list[tuple[Quote, Quote]]:
    """Quotes with the continuation that follows them in their paragraph ("“X,” she said.
    “Y.”"), as (first, last) pairs: the gold marks such a split quote as one discontinuous
    content, which is read as its envelope, so ours is read the same way."""
    joined: list[tuple[Quote, Quote]] = []
    for quote in quotes:
        if joined and _continues(text, joined[-1][1], quote):
            joined[-1] = (joined[-1][0], quote)
        else:
            joined.append((quote, quote))
    return joined


def _continues(text: str, before: Quote, quote: Quote) -> bool:
    return (
        quote.kind == "direct"
        and quote.cue_span in (None, before.cue_span)
        and quote.speaker_span is not None
        and quote.speaker_span == before.speaker_span
        and before.end <= quote.start
        and "\n" not in text[before.end : quote.start]
    )


def _norm(text: str, span: Span | None) -> Span | None:
    return trim(text, span) if span is not None else None


def score(
    predicted: list[tuple[str, Attribution]],
    gold: list[tuple[str, Attribution]],
    data: str,
    *,
    name: str = "attribution",
    token_starts: Mapping[str, Sequence[int]] | None = None,
) -> list[Metric]:
    """The figures of (article name, attribution) predictions against the gold; with
    ``token_starts`` (each article's token offsets) also the token-overlap figures."""
    metrics = []
    names = {name: index for index, name in enumerate(sorted({n for n, _ in predicted + gold}))}
    for role in ("source", "cue", "content"):
        pred_spans = _role_spans(predicted, role, names)
        gold_spans = _role_spans(gold, role, names)
        for exact in (True, False):
            prf = span_prf(pred_spans, gold_spans, exact=exact)
            figure = f"{role}_{'exact' if exact else 'overlap'}"
            metrics += _prf_metrics(name, figure, prf, data)
        if token_starts is not None:
            metrics += _token_metrics(predicted, gold, role, names, token_starts, name, data)
    for exact in (True, False):
        prf = _whole_prf(predicted, gold, exact=exact)
        metrics += _prf_metrics(name, f"attribution_{'exact' if exact else 'overlap'}", prf, data)
    return metrics


def _role_spans(
    items: list[tuple[str, Attribution]],
    role: str,
    names: dict[str, int],
    *,
    token_starts: Mapping[str, Sequence[int]] | None = None,
) -> list[Span]:
    """Spans of one role, one entry per attribution, made unique across articles by a
    per-article offset; with ``token_starts``, as token indices (every token a span touches)."""
    spans = []
    for name, attribution in items:
        span = getattr(attribution, role)
        if span is None:
            continue
        if token_starts is not None:
            span = token_span(token_starts[name], span)
        base = names[name] * 10_000_000
        spans.append((base + span[0], base + span[1]))
    return spans


def _token_metrics(
    predicted: list[tuple[str, Attribution]],
    gold: list[tuple[str, Attribution]],
    role: str,
    names: dict[str, int],
    token_starts: Mapping[str, Sequence[int]],
    eval_name: str,
    data: str,
) -> list[Metric]:
    """Token-overlap P/R/F1 of one role, and the F1 of citron's pairwise formula."""
    pred_spans = _role_spans(predicted, role, names, token_starts=token_starts)
    gold_spans = _role_spans(gold, role, names, token_starts=token_starts)
    pairwise = pairwise_token_overlap_prf(pred_spans, gold_spans)
    note = "citron's formula: summed over attribution pairs"
    return [
        *_prf_metrics(eval_name, f"{role}_token", token_overlap_prf(pred_spans, gold_spans), data),
        Metric(eval_name, f"{role}_token_pairwise_f1", pairwise.f1, data, note),
    ]


def token_span(starts: Sequence[int], span: Span) -> Span:
    """The (first, end) token indices of the tokens a character span touches, given the
    tokens' start offsets."""
    first = max(0, bisect.bisect_right(starts, span[0]) - 1)
    return first, max(first + 1, bisect.bisect_left(starts, span[1]))


def _whole_prf(
    predicted: list[tuple[str, Attribution]], gold: list[tuple[str, Attribution]], *, exact: bool
) -> PRF:
    used: set[int] = set()
    hits = 0
    for name, pred in predicted:
        for index, (gold_name, other) in enumerate(gold):
            if index not in used and name == gold_name and _same(pred, other, exact=exact):
                used.add(index)
                hits += 1
                break
    return PRF.from_counts(true_pos=hits, predicted=len(predicted), gold=len(gold))


def _same(pred: Attribution, gold: Attribution, *, exact: bool) -> bool:
    if pred.content is None or gold.content is None:
        return False
    if not spans_match(pred.content, gold.content, exact=exact):
        return False
    if pred.source is None or gold.source is None:
        return pred.source is None and gold.source is None
    return spans_match(pred.source, gold.source, exact=exact)


def _prf_metrics(eval_name: str, name: str, prf: PRF, data: str) -> list[Metric]:
    return [
        Metric(eval_name, f"{name}_p", prf.precision, data),
        Metric(eval_name, f"{name}_r", prf.recall, data),
        Metric(eval_name, f"{name}_f1", prf.f1, data),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures of one split (train for development, dev for reporting)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--fast", action="store_true", help=f"first {FAST_FILES} articles only")
    parser.add_argument("--tagger", action="store_true", help="with the tagger's second opinion")
    args = parser.parse_args(argv)
    tagger = load_tagger() if args.tagger else None
    metrics = evaluate(args.shared, fast=args.fast, split=args.split, tagger=tagger)
    print(metrics[0].data if metrics else "no data")
    for metric in metrics:
        print(f"{metric.name:26} {metric.value:.3f}")


if __name__ == "__main__":
    main()
