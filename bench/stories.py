"""Story bench: near-duplicate and clustering speed, memory and B-cubed on synthetic news.

Each size runs in a fresh subprocess so that its peak RSS is its own. The scale run uses
TF-IDF features only (no spaCy names, no wordllama embeddings): names fall back to
capitalised words, of which the synthetic text has none.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.figure import Figure, median_seconds

SIZES_QUICK = (1_000, 10_000)
SIZES_FULL = (1_000, 10_000, 100_000)
DATASKETCH_DOCS = 2_000
CORPUS_DIMS = 1 << 12


def measure(count: int) -> dict[str, float]:
    """One size, in this (fresh) process: timings, clustering's peak RSS, B-cubed.

    Clustering runs first, right after the corpus is built, so the process's high-water
    mark read after it (``VmHWM``) is the corpus plus clustering, before anything else.
    """
    from bench.synthetic import synthetic_corpus
    from evals.scorers import bcubed
    from storylens.stories import group_stories
    from storylens.stories.minhash import near_duplicates

    articles, gold = synthetic_corpus(count)
    texts = [a.text for a in articles]
    corpus_rss = _status_mb("VmRSS")
    started = time.perf_counter()
    stories = group_stories(articles, dims=CORPUS_DIMS)
    cluster_seconds = time.perf_counter() - started
    cluster_peak = _status_mb("VmHWM")
    word = re.compile(r"\w+")
    regex_pass = median_seconds(
        lambda: [word.findall(t.lower()) for t in texts], repeats=3, warmup=0
    )
    near_seconds = median_seconds(lambda: near_duplicates(texts), repeats=3, warmup=0)
    predicted = {i: s.id for s in stories for i in s.article_ids}
    score = bcubed(predicted, gold)
    peer = statistics.median(_datasketch_docs_per_second(texts[:DATASKETCH_DOCS]) for _ in range(3))
    return {
        "near_dup_docs_s": count / near_seconds,
        "cluster_docs_s": count / cluster_seconds,
        "cluster_s": cluster_seconds,
        "regex_pass_s": regex_pass,
        "peak_rss_mb": cluster_peak,
        "corpus_rss_mb": corpus_rss,
        "bcubed_f1": score.f1,
        "stories": len(stories),
        "gold_stories": len(set(gold.values())),
        "datasketch_docs_s": peer,
    }


def _status_mb(field: str) -> float:
    """A memory field of this process from /proc/self/status (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _datasketch_docs_per_second(texts: list[str]) -> float:
    """datasketch MinHash (default sha1 hash, 128 perms) + LSH on the same shingles."""
    from datasketch import MinHash, MinHashLSH

    from storylens.stories.shingles import shingles

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for index, text in enumerate(texts):
        signature = MinHash(num_perm=128)
        signature.update_batch([s.encode() for s in shingles(text)])
        lsh.query(signature)
        lsh.insert(str(index), signature)
    return len(texts) / (time.perf_counter() - started)


def bench(shared: Path, *, quick: bool) -> list[Figure]:
    """Figures per size (each size in its own subprocess)."""
    figures: list[Figure] = []
    for count in SIZES_QUICK if quick else SIZES_FULL:
        code = f"import json, bench.stories as b; print(json.dumps(b.measure({count})))"
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        found = json.loads(out.stdout.strip().splitlines()[-1])
        size = f"{count // 1000}k"
        ratio = found["near_dup_docs_s"] / found["datasketch_docs_s"]
        figures += [
            Figure(
                "stories",
                f"near_dup_docs_per_s_{size}",
                found["near_dup_docs_s"],
                "docs/s",
                "own one-permutation MinHash + LSH + verification",
            ),
            Figure(
                "stories",
                f"near_dup_vs_datasketch_{size}",
                ratio,
                "×",
                f"datasketch sha1 on {DATASKETCH_DOCS} docs of the same corpus",
            ),
            Figure(
                "stories",
                f"cluster_docs_per_s_{size}",
                found["cluster_docs_s"],
                "docs/s",
                "TF-IDF only, dated stream",
            ),
            Figure("stories", f"cluster_seconds_{size}", found["cluster_s"], "s", ""),
            Figure(
                "stories",
                f"cluster_vs_regex_pass_{size}",
                found["cluster_s"] / found["regex_pass_s"],
                "×",
                "clustering time / one \\w+ findall pass over the same texts (median of 3)",
            ),
            Figure(
                "stories",
                f"peak_rss_{size}",
                found["peak_rss_mb"],
                "MiB",
                f"fresh subprocess: corpus ({found['corpus_rss_mb']:.0f} MiB) + clustering",
            ),
            Figure(
                "stories",
                f"bcubed_f1_{size}",
                found["bcubed_f1"],
                "",
                f"{found['stories']:.0f} stories vs {found['gold_stories']:.0f} gold",
            ),
        ]
    return figures
