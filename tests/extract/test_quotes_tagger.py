"""The optional attribution tagger itself: windows, words, and the shipped model's reading."""

from __future__ import annotations

import sys

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.errors import ModelError
from storylens.extract.quotes.tagged import CUE, SOURCE, role_spans
from storylens.extract.quotes.tagger import (
    DELTA_RANK,
    WINDOW,
    AttributionTagger,
    apply_weights,
    base_dir,
    build_net,
    load_tagger,
    pack,
    trained_names,
    windows,
    word_firsts,
)


@pytest.fixture(scope="module")
def tagger() -> AttributionTagger:
    return load_tagger()


def test_a_missing_extra_is_a_model_error_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    with pytest.raises(ModelError, match=r"pip install 'storylens\[tagger\]'"):
        load_tagger()


def test_stored_weights_are_a_low_rank_change_from_the_base() -> None:
    import torch

    net, fresh = build_net(base_dir()), build_net(base_dir())
    base = dict(fresh.named_parameters())
    names = trained_names(net)
    matrix = next(name for name in names if name.endswith("query.weight"))
    bump = torch.outer(torch.linspace(-1, 1, base[matrix].shape[0]), torch.ones(384)) * 0.01
    trained = {name: base[name].detach().clone() for name in names}
    trained[matrix] += bump
    stored = pack(trained, base)
    assert f"{matrix}.delta_u" in stored
    assert matrix not in stored
    assert stored[f"{matrix}.delta_u"].shape[1] <= DELTA_RANK
    apply_weights(fresh, stored)
    loaded = dict(fresh.named_parameters())[matrix].detach()
    assert torch.allclose(loaded, trained[matrix], atol=1e-3)
    assert not torch.allclose(loaded, dict(net.named_parameters())[matrix].detach(), atol=1e-3)


def test_glued_pieces_belong_to_the_word_before() -> None:
    tokens = ["k", "##rem", "##lin", "said", "##x"]
    offsets = [(0, 1), (1, 4), (4, 7), (8, 12), (13, 14)]
    assert word_firsts(tokens, offsets) == [0, 3, 4]  # "##x" after a space is a word


@pytest.mark.parametrize("count", [1, WINDOW, WINDOW + 1, 1000, 5 * WINDOW])
def test_windows_are_full_and_cover_every_piece(count: int) -> None:
    starts = windows(count)
    covered = set()
    for start in starts:
        covered |= set(range(start, min(count, start + WINDOW)))
        assert start + WINDOW <= max(count, WINDOW)
    assert covered == set(range(count))


def test_the_model_marks_a_plain_attribution(tagger: AttributionTagger) -> None:
    text = "The defence minister said on Tuesday that the bridge had been repaired."
    tagging = tagger.tag(text)
    [source] = role_spans(text, tagging, SOURCE)
    cues = [text[a:b] for a, b in role_spans(text, tagging, CUE)]
    assert "minister" in text[source[0] : source[1]]
    assert "said" in cues  # PolNeAR cues may also hold the time ("said on Tuesday")


def test_every_word_of_a_long_text_is_read(tagger: AttributionTagger) -> None:
    text = "The mayor said the roads were shut, and the river kept rising. " * 150
    tagging = tagger.tag(text)
    assert len(tagging.starts) == len(text.split()) + 300  # words plus "," and "."
    assert numpy.allclose(tagging.probs.sum(axis=2), 1.0, atol=1e-3)


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=400))
def test_words_are_in_bounds_and_in_order(tagger: AttributionTagger, text: str) -> None:
    tagging = tagger.tag(text)
    assert all(0 <= a < b <= len(text) for a, b in zip(tagging.starts, tagging.ends, strict=True))
    assert list(tagging.starts) == sorted(tagging.starts)
    assert tagging.probs.shape == (len(tagging.starts), 3, 3)
