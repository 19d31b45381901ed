"""A synthetic news corpus with known stories: topics → events → paraphrased articles.

Each topic has its own vocabulary and names; each event of a topic adds its own names,
words and a date; an article draws words mostly from its event, some from its topic and
some from a shared background, then is paraphrased (words dropped and swapped). About
2% of articles are near-copies of an earlier one (a wire story re-run with small edits).
Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from storylens.model import Article

START = dt.date(2023, 1, 1)


def synthetic_corpus(
    count: int, *, events_per_topic: int = 8, per_event: int = 40, seed: int = 0
) -> tuple[list[Article], dict[str, str]]:
    """``count`` articles and their gold story (``t<topic>e<event>``)."""
    rng = np.random.default_rng(seed)
    events = max(1, count // per_event)
    topics = max(1, events // events_per_topic)
    background = np.array([f"bg{i}" for i in range(3000)])
    topic_words = [np.array([f"t{t}w{i}" for i in range(150)]) for t in range(topics)]
    event_topic = rng.integers(0, topics, size=events)
    event_words = [np.array([f"e{e}w{i}" for i in range(40)]) for e in range(events)]
    event_day = rng.integers(0, 365, size=events)
    choice = rng.integers(0, events, size=count)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for number in range(count):
        event = int(choice[number])
        if number > 10 and rng.random() < 0.02:
            source = articles[int(rng.integers(0, len(articles)))]
            words = source.text.split()
            keep = rng.random(len(words)) > 0.05
            text = " ".join(w for w, k in zip(words, keep, strict=True) if k)
            event = int(gold[source.id].split("e")[1])
        else:
            length = int(rng.integers(120, 260))
            mix = rng.choice(3, size=length, p=[0.25, 0.25, 0.5])
            parts = [
                rng.choice(event_words[event], size=int((mix == 0).sum())),
                rng.choice(topic_words[int(event_topic[event])], size=int((mix == 1).sum())),
                rng.choice(background, size=int((mix == 2).sum())),
            ]
            text = " ".join(rng.permutation(np.concatenate(parts)).tolist())
        day = START + dt.timedelta(days=int(event_day[event] + rng.integers(0, 4)))
        article_id = f"s{number:07d}"
        articles.append(Article(id=article_id, source=article_id, text=text, published=day))
        gold[article_id] = f"t{int(event_topic[event])}e{event}"
    return articles, gold
