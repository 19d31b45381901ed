"""A learned cue classifier: is this verb or noun the cue of an attribution?

A logistic regression over parse features of one token (its form, tag, dependency, head and
children), trained on PolNeAR train by ``scripts/train_cues.py``; the weights are the data
file ``storylens/data/quotes/cue_model.json``. Candidates: any verb (not a copula or an
auxiliary), the nouns of the model's word list (:data:`cues.LEARNED_CUE_WORDS`), and a copula
whose adjective is in that list ("is *critical* of"); only in a sentence holding a parse
trigger (:data:`cues.PARSE_TRIGGERS`, which includes the word list), so every sentence the
classifier reads has tags and dependencies whatever else the segment stage parses. Inference
is plain Python: the sum of the weights of the token's features, through the logistic function.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

import numpy

from storylens.extract.quotes.cues import (
    COPULAS,
    LEARNED_CUE_WORDS,
    NOT_CUE_VERBS,
    PARSE_TRIGGERS,
    SUBJECT_DEPS,
)

MODEL_FILE = "cue_model.json"
CANDIDATE_TAGS = ("VB", "NN")
"""Tag prefixes a candidate cue has (verbs and common nouns)."""
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
AUX_DEPS = frozenset({"aux", "auxpass"})


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights, bias and decision threshold of the cue classifier."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, token: Any) -> float:
        """How likely the token is the cue of an attribution (0 for non-candidates)."""
        if not is_candidate(token):
            return 0.0
        names = features(token)
        total = self.bias + sum(map(self.weights.get, names, repeat(0.0, len(names))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def is_cue(self, token: Any) -> bool:
        """Whether the token's probability reaches the threshold."""
        return self.probability(token) >= self.threshold


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel:
    """The shipped cue classifier (pure data, read once per process)."""
    path = resources.files("storylens.data").joinpath("quotes", MODEL_FILE)
    data = json.loads(path.read_text("utf-8"))
    return CueModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )


def is_candidate(token: Any, words: frozenset[str] = LEARNED_CUE_WORDS) -> bool:
    """Any parsed verb but a copula or auxiliary, and the nouns of the learned word list."""
    tag, word = token.tag_, token.lower_
    if token.dep_ in AUX_DEPS:
        return False
    if word in COPULAS:
        return complement(token, words) is not None
    if tag.startswith("VB"):
        return word not in NOT_CUE_VERBS and word.isalpha()
    return tag.startswith("NN") and word in words


def candidate_tokens(
    doc: Any,
    words: frozenset[str] = LEARNED_CUE_WORDS,
    *,
    triggers: frozenset[str] = PARSE_TRIGGERS,
) -> list[Any]:
    """The tokens :func:`is_candidate` accepts in sentences with a trigger word.

    Found over arrays, without a Token object per word. Only a sentence that holds one of
    ``triggers`` is sure to be parsed, so other sentences give no candidates.
    """
    from spacy.attrs import DEP, LOWER, SENT_START, TAG

    if len(doc) == 0:
        return []
    columns = doc.to_array([TAG, DEP, LOWER, SENT_START]).astype(numpy.int64, copy=False)
    tag, dep, lower = columns[:, 0], columns[:, 1], columns[:, 2]
    sentence = numpy.cumsum(columns[:, 3] == 1)
    triggered = numpy.zeros(int(sentence[-1]) + 1, dtype=bool)
    triggered[sentence[_isin(lower, triggers)]] = True
    verb, noun = _isin(tag, VERB_TAGS), _isin(tag, NOUN_TAGS)
    copula = _isin(lower, COPULAS)
    likely = (verb & ~_isin(lower, NOT_CUE_VERBS)) | (noun & _isin(lower, words)) | copula
    likely &= ~_isin(dep, AUX_DEPS) & triggered[sentence]
    return [doc[int(i)] for i in numpy.flatnonzero(likely) if is_candidate(doc[int(i)], words)]


def _isin(column: Any, words: frozenset[str]) -> Any:
    """Which ids of ``column`` are the ids of ``words`` (a binary search in the sorted ids)."""
    ids = _hashes(words)
    at = numpy.minimum(numpy.searchsorted(ids, column), len(ids) - 1)
    return ids[at] == column


@lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> Any:
    """The sorted string-store ids of ``words`` (spaCy's hash of a string is fixed)."""
    from spacy.strings import get_string_id

    ids = numpy.array([get_string_id(word) for word in words], dtype=numpy.uint64)
    return numpy.sort(ids.astype(numpy.int64))  # the Doc's columns are read as int64 too


def complement(token: Any, words: frozenset[str] = LEARNED_CUE_WORDS) -> Any:
    """The adjective of a copula cue from the word list ("is *critical* of"), else None."""
    for child in token.rights:
        if child.dep_ == "acomp" and child.lower_ in words:
            return child
    return None


def features(token: Any) -> list[str]:
    """The names of the token's features (form, tag, dependency, head, children)."""
    word, tag, dep = token.lower_, token.tag_, token.dep_
    head, doc, at = token.head, token.doc, token.i
    before = doc[at - 1].lower_ if at > 0 else EDGE
    after = doc[at + 1].lower_ if at + 1 < len(doc) else EDGE
    found = [
        f"w={word}",
        f"t={tag}",
        f"d={dep}",
        f"wt={word}|{tag}",
        f"wd={word}|{dep}",
        f"h={head.lower_}" if head is not token else "h=ROOT",
        f"ht={head.tag_}|{dep}",
        f"p={before}",
        f"n={after}",
        f"wn={word}|{after}",
        f"hh={head.head.lower_}|{head.dep_}",
    ]
    deps = set()
    for child in token.children:
        label = child.dep_
        deps.add(label)
        if label == "prep":
            found += (f"prep={child.lower_}", f"wprep={word}|{child.lower_}")
        elif label in SUBJECT_DEPS:
            found += (f"subj-pos={child.pos_}", f"subj-ent={child.ent_type_ or '-'}")
            found.append(f"subj={child.lower_}")
        elif label == "dobj":
            found += (f"obj-ent={child.ent_type_ or '-'}", f"wobj-pos={word}|{child.pos_}")
        elif label in ("ccomp", "xcomp"):
            if any(g.dep_ == "mark" for g in child.children):
                found.append("ccomp-mark")
        elif label in ("acomp", "attr") and child.i > at:
            found.append(f"comp={child.lower_}")
            for grandchild in child.rights:
                found.append(f"comp-c={grandchild.dep_}")
                if grandchild.dep_ == "prep":
                    found.append(f"comp-prep={grandchild.lower_}")
    for name in sorted(deps):
        found += (f"c={name}", f"wc={word}|{name}")
    shape = "+".join(sorted(deps & _SHAPE_DEPS)) or "-"
    found += (f"shape={shape}", f"wshape={word}|{shape}")
    return found


EDGE = "<edge>"
"""The neighbour of the first or last token of a Doc."""
_SHAPE_DEPS = frozenset({"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "poss", "agent"})
