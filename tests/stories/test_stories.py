"""Story grouping, duplicates and near-duplicates on small hand-made articles."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.clean import clean_all
from storylens.ingest import read_inputs
from storylens.model import Article
from storylens.stories import ClusterParams, copy_sources, group_stories, sort_articles
from storylens.stories.minhash import near_duplicates
from storylens.stories.shingles import containment, jaccard, shingle_hashes, shingles
from tests.stories.build import article

QUAKE = [
    "A strong earthquake struck the coastal city of Valmora early on Tuesday, collapsing "
    "buildings and killing at least twelve people, rescue officials said.",
    "Rescue teams searched collapsed buildings in Valmora after the earthquake killed twelve "
    "people; the quake struck the coastal city before dawn.",
    "The death toll from the Valmora earthquake rose as rescue crews dug through collapsed "
    "buildings in the coastal city.",
]
ELECTION = [
    "Voters in Northland elected Maria Olsen as prime minister after a tight election count "
    "that ended late on Sunday night.",
    "Maria Olsen won the Northland election and will become prime minister, the final vote "
    "count showed.",
]


def corpus() -> list[Article]:
    return [article(i, text) for i, text in enumerate(QUAKE + ELECTION)]


def groups(stories: tuple) -> list[list[str]]:  # type: ignore[type-arg]
    return sorted(sorted(s.article_ids) for s in stories)


def test_two_events_make_two_stories() -> None:
    stories = group_stories(corpus())
    assert groups(stories) == [["a00", "a01", "a02"], ["a03", "a04"]]
    assert [s.id for s in stories] == ["story-1", "story-2"]
    assert len(stories[0].title) <= 111
    assert any(text.startswith(stories[0].title.rstrip("…")) for text in QUAKE)


def test_headline_becomes_title_and_dates_give_range() -> None:
    items = [
        article(0, QUAKE[0], title="Quake hits Valmora", published=dt.date(2024, 3, 5)),
        article(1, QUAKE[1], published=dt.date(2024, 3, 6)),
    ]
    (story,) = group_stories(items)
    assert story.title == "Quake hits Valmora"
    assert story.date_range == ("2024-03-05", "2024-03-06")


def test_dates_weeks_apart_split_the_same_topic() -> None:
    near = group_stories(
        [
            article(0, QUAKE[0], published=dt.date(2024, 3, 5)),
            article(1, QUAKE[1], published=dt.date(2024, 3, 6)),
        ]
    )
    far = group_stories(
        [
            article(0, QUAKE[0], published=dt.date(2024, 3, 5)),
            article(1, QUAKE[1], published=dt.date(2024, 6, 6)),
        ],
        params=ClusterParams(date_penalty=1.0),
    )
    assert len(near) == 1
    assert len(far) == 2
    assert far[0].related == ("story-2",)


def test_exact_duplicates_collapse_onto_the_first_id() -> None:
    items = [*corpus(), article(9, QUAKE[0].upper() + "  "), article(8, QUAKE[0] + "!")]
    stories = group_stories(items)
    quake = next(s for s in stories if "a00" in s.article_ids)
    assert {"a08", "a09"} <= set(quake.article_ids)
    assert quake.duplicates == (("a08", "a00"), ("a09", "a00"))


def test_shuffled_input_gives_the_same_stories() -> None:
    items = corpus()
    expected = group_stories(items)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled) == expected


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(QUAKE + ELECTION + ["", "short", "x y z"]), max_size=12))
def test_every_article_lands_in_exactly_one_story(texts: list[str]) -> None:
    items = [article(i, text) for i, text in enumerate(texts)]
    ids = [i for s in group_stories(items) for i in s.article_ids]
    assert sorted(ids) == sorted(a.id for a in items)


def test_shingle_helpers_agree() -> None:
    a, b = shingles(QUAKE[0], 3), shingles(QUAKE[0] + " More words here.", 3)
    assert jaccard(a, b) == pytest.approx(len(a) / len(b))
    assert containment(a, b) == 1.0
    ha, hb = shingle_hashes([QUAKE[0], QUAKE[0] + " More words here."], 3)
    assert (ha.size, hb.size) == (len(a), len(b))
    assert jaccard(ha, hb) == pytest.approx(jaccard(a, b))


def test_near_duplicates_found_and_verified() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choices(vocabulary, k=150)) for _ in range(300)]
    texts.append(texts[5].replace(texts[5].split()[40], "changed", 1))
    texts.append(" ".join(texts[9].split()[:100]))
    found = {(d.a, d.b): d for d in near_duplicates(texts, threshold=0.5)}
    assert set(found) == {(5, 300), (9, 301)}
    assert found[(9, 301)].containment == 1.0
    assert 0.8 < found[(5, 300)].jaccard < 1.0
    assert abs(found[(5, 300)].estimate - found[(5, 300)].jaccard) < 0.15


@pytest.mark.shared
def test_seeds_split_into_gold_stories(seeds_dir: Path, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
    articles = clean_all(read_inputs([str(seeds_dir)]).documents).articles
    stories = group_stories(articles)
    predicted = {i[:3]: s.id for s in stories for i in s.article_ids}
    expected = {name[:3]: document["story"] for name, document in gold.items()}
    same = {(a, b) for a in expected for b in expected if expected[a] == expected[b]}
    assert {(a, b) for a in predicted for b in predicted if predicted[a] == predicted[b]} == same
    story_004 = next(s for s in stories if any(i.startswith("004") for i in s.article_ids))
    assert story_004.related


def test_near_copies_follow_their_original_and_weigh_once() -> None:
    wire = ELECTION[0] + " Turnout was high in every district and the count was checked twice."
    copies = [wire.replace("high", word) for word in ("strong", "record", "good", "low", "fair")]
    items = [article(i, text) for i, text in enumerate([*QUAKE, wire, *copies, ELECTION[1]])]
    stories = group_stories(items)
    assert groups(stories) == [
        ["a00", "a01", "a02"],
        ["a03", "a04", "a05", "a06", "a07", "a08", "a09"],
    ]
    assert all(not story.duplicates for story in stories)
    assert copy_sources(sort_articles(items)).tolist() == [0, 1, 2, 3, 3, 3, 3, 3, 3, 9]
    election = next(s for s in stories if "a03" in s.article_ids)
    assert election.title.startswith("Voters in Northland")


def test_same_stories_under_any_hash_seed() -> None:
    code = (
        "from tests.stories.test_stories import corpus, QUAKE; "
        "from storylens.stories import group_stories; "
        "print(group_stories(corpus() + [corpus()[0].__class__(id='z', source='z', "
        "text=QUAKE[0] + ' Later more.')]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).parents[2],
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1


def test_batches_give_the_same_stories_as_one_at_a_time() -> None:
    from bench.synthetic import synthetic_corpus

    items, _ = synthetic_corpus(700, per_event=20, events_per_topic=3)
    one = group_stories(items, params=ClusterParams(batch=1), dims=1024)
    many = group_stories(items, params=ClusterParams(batch=64), dims=1024)
    assert one == many
    assert len(one) > 10
