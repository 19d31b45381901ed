"""Train the attribution cue classifier on PolNeAR train; write its two data files.

Run when the features or the parse change (needs ../shared; scipy, already a dependency,
fits the model; nothing here is needed at run time)::

    .venv/bin/python scripts/train_cues.py --shared ../shared [--cache /tmp/polnear-train.spacy]

1. parse every train article with the pinned pipeline, every sentence (``--cache`` keeps
   the parses);
2. label each verb or common noun: is it the root of a gold cue span? (for "is critical
   of" the root is the copula, and its adjective is counted);
3. keep the words (verbs, nouns, copular adjectives) that are a cue at least ``MIN_CUES``
   times and in at least ``MIN_RATE`` of their uses: ``data/cue_words.txt`` (they become
   parse triggers);
4. fit an L2 logistic regression over :func:`learned.features` of the candidates
   :func:`learned.candidate_tokens` gives (any verb, the listed nouns, a copula with a listed
   adjective, in a sentence with a trigger word; features seen at least
   ``MIN_FEATURE_COUNT`` times, weights under ``MIN_WEIGHT`` dropped) and write
   ``data/cue_model.json``.

Only single lowercase words and feature weights are written, never text from the corpus.
Both outputs are sorted and rounded, so a rerun on the same data gives the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.attribution import DATA, gold_files, read_gold  # noqa: E402
from storylens.extract.quotes.cues import COPULAS, NOT_CUE_VERBS, parse_triggers  # noqa: E402
from storylens.extract.quotes.learned import (  # noqa: E402
    CANDIDATE_TAGS,
    candidate_tokens,
    features,
)
from storylens.resources import load_nlp  # noqa: E402

OUT = ROOT / "src/storylens/data/quotes"
MIN_CUES = 3
MIN_RATE = 0.05
MIN_FEATURE_COUNT = 5
L2 = 3.0
MIN_WEIGHT = 0.1
THRESHOLD = 0.3
HOLDOUT_EVERY = 5


def parsed(shared: Path, cache: Path | None) -> list[tuple[Any, list[tuple[int, int]]]]:
    """(Doc, gold cue spans) for every train article."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    pairs = gold_files(shared / DATA / "train")
    texts = [text_path.read_text(encoding="utf-8") for text_path, _ in pairs]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    found = []
    for (_, ann_path), text, doc in zip(pairs, texts, docs, strict=True):
        gold = read_gold(ann_path.read_text("utf-8"), text)
        found.append((doc, [a.cue for a in gold if a.cue is not None]))
    return found


def candidates(doc: Any) -> list[Any]:
    """The verbs and common nouns of a Doc, auxiliaries excluded."""
    return [
        t for t in doc if t.tag_.startswith(CANDIDATE_TAGS) and t.dep_ not in ("aux", "auxpass")
    ]


def cue_roots(doc: Any, spans: list[tuple[int, int]]) -> set[int]:
    """Token indices of the roots of the gold cue spans."""
    roots = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            roots.add(span.root.i)
    return roots


def cue_words(data: list[tuple[Any, set[int]]], *, min_cues: int, min_rate: float) -> list[str]:
    """The words that are often enough a cue."""
    uses: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    for doc, roots in data:
        for token in candidates(doc):
            uses[token.lower_] += 1
            cues[token.lower_] += token.i in roots
            for child in token.rights:  # "is critical of": the copula is the root
                if token.lower_ in COPULAS and child.dep_ == "acomp":
                    uses[child.lower_] += 1
                    cues[child.lower_] += token.i in roots
    return sorted(
        w
        for w in uses
        if w.isalpha()
        and w not in NOT_CUE_VERBS
        and cues[w] >= min_cues
        and cues[w] / uses[w] >= min_rate
    )


def fit(rows: list[list[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    """L2 logistic regression (L-BFGS); weights by feature name and the bias."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize

    counts = Counter(name for row in rows for name in set(row))
    names = sorted(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)
    index = {n: i for i, n in enumerate(names)}
    cols = [[index[n] for n in set(row) if n in index] for row in rows]
    indptr = np.cumsum([0] + [len(c) for c in cols])
    flat = np.array([i for c in cols for i in sorted(c)], dtype=np.int64)
    x = sparse.csr_matrix((np.ones(len(flat)), flat, indptr), shape=(len(rows), len(names)))
    y = np.array(labels, dtype=np.float64)

    def loss(params: Any) -> tuple[float, Any]:
        w, b = params[:-1], params[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * L2 * w @ w
        grad_z = p - y
        return float(value), np.concatenate([x.T @ grad_z + L2 * w, [grad_z.sum()]])

    result = minimize(
        loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    weights = {n: round(float(w), 4) for n, w in zip(names, result.x[:-1], strict=True)}
    return {n: w for n, w in weights.items() if abs(w) >= MIN_WEIGHT}, round(float(result.x[-1]), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the train parses")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--min-cues", type=int, default=MIN_CUES)
    parser.add_argument(
        "--holdout", action="store_true", help="fit without every 5th article (for tuning)"
    )
    parser.add_argument("--min-rate", type=float, default=MIN_RATE)
    args = parser.parse_args()
    data = [(doc, cue_roots(doc, spans)) for doc, spans in parsed(args.shared, args.cache)]
    if args.holdout:
        data = [pair for index, pair in enumerate(data) if index % HOLDOUT_EVERY]
    words = cue_words(data, min_cues=args.min_cues, min_rate=args.min_rate)
    allowed = frozenset(words)
    triggers = parse_triggers(allowed)
    rows, labels = [], []
    for doc, roots in data:
        for token in candidate_tokens(doc, allowed, triggers=triggers):
            rows.append(features(token))
            labels.append(int(token.i in roots))
    weights, bias = fit(rows, labels)
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# Written by scripts/train_cues.py: words the cue classifier scores.\n"
    (OUT / "cue_words.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    model = {"bias": bias, "threshold": args.threshold, "weights": dict(sorted(weights.items()))}
    text = json.dumps(model, indent=0, ensure_ascii=False, sort_keys=False)
    (OUT / "cue_model.json").write_text(text + "\n", encoding="utf-8")
    print(
        f"{len(words)} words, {len(rows)} candidates ({sum(labels)} cues), {len(weights)} weights",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
