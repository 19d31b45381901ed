"""Vectorised shingle hashing, MinHash signatures and the story features."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.model import Article
from storylens.stories.features import capitalised_phrases, tfidf_matrix
from storylens.stories.minhash import _BIN_SHIFT, NUM_BINS, _densify, signatures
from storylens.stories.shingles import jaccard, shingle_hashes, shingles, word_hashes, words

TEXTS = st.text(alphabet=st.sampled_from(list("ab cdé É,.ﬁ_9-\n'’Ωω ")), max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, max_size=6))
def test_word_hashes_match_the_readable_words(texts: list[str]) -> None:
    hashes, counts = word_hashes(texts)
    assert counts.tolist() == [len(words(t)) for t in texts]
    by_word: dict[str, int] = {}
    flat = [w for t in texts for w in words(t)]
    for word, value in zip(flat, hashes.tolist(), strict=True):
        assert by_word.setdefault(word, value) == value
    assert len(set(by_word.values())) == len(by_word)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6), st.integers(1, 5))
def test_shingle_hashes_count_the_readable_shingles(texts: list[str], k: int) -> None:
    for text, hashed in zip(texts, shingle_hashes(texts, k), strict=True):
        assert hashed.size == len(shingles(text, k))
        assert np.all(np.diff(hashed.astype(np.float64)) >= 0)


def test_equivalent_spellings_hash_alike() -> None:
    plain, styled = shingle_hashes(["the final finance figure", "THE ﬁnal ﬁnance Figure!"])
    assert jaccard(plain, styled) == 1.0


def test_signatures_keep_each_bins_minimum() -> None:
    rng = np.random.default_rng(3)
    rows = [np.unique(rng.integers(0, 2**63, size=n, dtype=np.uint64)) for n in (0, 1, 5, 300)]
    naive = np.full((len(rows), NUM_BINS), np.iinfo(np.uint64).max, dtype=np.uint64)
    for index, row in enumerate(rows):
        for value in row.tolist():
            column = value >> int(_BIN_SHIFT)
            naive[index, column] = min(int(naive[index, column]), value)
    assert np.array_equal(signatures(rows), _densify(naive))
    assert signatures([]).shape == (0, NUM_BINS)


def test_capitalised_phrases_skip_sentence_openers() -> None:
    text = "The Kremlin said on Monday that Vladimir Putin met Alexander Lukashenko.\nIn Minsk"
    # "The" and "In" open sentences; "Monday" is a function word of the features.
    assert capitalised_phrases(text) == [
        "Kremlin",
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Minsk",
    ]


def test_shared_names_pull_two_articles_together() -> None:
    def row(number: int, text: str) -> Article:
        return Article(id=f"n{number}", source=f"n{number}", text=text)

    base = "officials said the storm flooded roads and closed schools across the region"
    items = [
        row(0, f"{base}, said mayor Ana Ruiz of Porto Lindo."),
        row(1, f"{base}, mayor Ana Ruiz of Porto Lindo told reporters."),
        row(2, f"{base}, said mayor Karl Berg of Nordhavn."),
    ]
    with_names = tfidf_matrix(items, name_weight=1.0).toarray()
    without = tfidf_matrix(items, name_weight=0.0).toarray()
    gap_with = with_names[0] @ with_names[1] - with_names[0] @ with_names[2]
    gap_without = without[0] @ without[1] - without[0] @ without[2]
    assert gap_with > gap_without > 0
    assert np.allclose(np.linalg.norm(with_names, axis=1), 1.0, atol=1e-5)


def test_empty_inputs() -> None:
    assert tfidf_matrix([]).shape[0] == 0
    assert shingle_hashes([]) == []
    assert [h.size for h in shingle_hashes(["", "!!", "one"])] == [0, 0, 1]


@pytest.mark.parametrize("k", [1, 3])
def test_texts_shorter_than_a_shingle_get_one_hash(k: int) -> None:
    (hashed,) = shingle_hashes(["just two"], 5)
    assert hashed.size == 1
    assert shingle_hashes(["just two"], k)[0].size == len(shingles("just two", k))
