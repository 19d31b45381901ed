"""Story clustering on ECB+: B-cubed P/R/F1 over all documents clustered together.

Each ECB+ topic holds two different events of the same kind (``*ecb.xml`` vs
``*ecbplus.xml``); the gold story is ``(topic, kind)``. Documents are clustered with no
topic hints and no dates (ECB+ has none). Thresholds were tuned on the odd topics, so the
even-topic figure is the held-out one. Fast mode: the even topics only (held out).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from evals.metric import Metric
from evals.scorers import bcubed
from storylens.model import Article
from storylens.resources import load_embedder
from storylens.stories import group_stories

DATA = "data/clusters-ecbplus"
_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’”]|n't|'s|'re|'ll|'ve|'d|'m)")
_SPACE_AFTER = re.compile(r"([(\[{“$]) ")


def load_ecbplus(shared: Path) -> tuple[list[Article], dict[str, str]]:
    """ECB+ documents as Articles (text rebuilt from tokens) and their gold story."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for path in sorted((shared / DATA).glob("*/*.xml")):
        kind = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
        topic = path.parent.name
        articles.append(Article(id=path.stem, source=str(path), text=tokens_to_text(path)))
        gold[path.stem] = f"{topic}/{kind}"
    return articles, gold


def tokens_to_text(path: Path) -> str:
    """Join a document's tokens with spaces, one line per sentence, punctuation tidied."""
    return text_of_tokens(ET.parse(path).getroot())


def text_of_tokens(root: ET.Element) -> str:
    """:func:`tokens_to_text` for a document already read."""
    sentences: dict[str, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
    lines = [" ".join(words) for _, words in sorted(sentences.items(), key=lambda s: int(s[0]))]
    return "\n".join(_SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", line)) for line in lines)


def topic_number(article_id: str) -> int:
    return int(article_id.split("_", 1)[0])


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    """B-cubed on all topics (tuning included), on the held-out even topics, and fast subset."""
    articles, gold = load_ecbplus(shared)
    embedder = load_embedder()
    held_out = [a for a in articles if topic_number(a.id) % 2 == 0]
    subsets = {"heldout": held_out} if fast else {"all": articles, "heldout": held_out}
    metrics: list[Metric] = []
    for name, subset in subsets.items():
        stories = group_stories(subset, embedder=embedder)
        predicted = {article_id: story.id for story in stories for article_id in story.article_ids}
        score = bcubed(predicted, {a.id: gold[a.id] for a in subset})
        data = f"ECB+ {name} topics ({len(subset)} docs, {len(stories)} stories)"
        note = "thresholds tuned on odd topics" if name == "all" else "even topics, held out"
        metrics += [
            Metric("clustering", f"{name}_bcubed_p", score.precision, data, note),
            Metric("clustering", f"{name}_bcubed_r", score.recall, data, note),
            Metric("clustering", f"{name}_bcubed_f1", score.f1, data, note),
        ]
    return metrics
