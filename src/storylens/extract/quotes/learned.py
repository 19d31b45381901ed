"""A learned cue classifier: is this verb or noun the cue of an attribution?

A logistic regression over parse features of one token (its form, tag, dependency, head and
children), trained on PolNeAR train by ``scripts/train_cues.py``; the weights are the data
file ``storylens/data/quotes/cue_model.json``. Only tokens whose lowercase form is in the
model's word list (:data:`cues.LEARNED_CUE_WORDS`, part of the parse triggers) are scored,
so every sentence the classifier reads has tags and dependencies. Inference is plain
Python: the sum of the weights of the token's features, through the logistic function.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from storylens.extract.quotes.cues import LEARNED_CUE_WORDS, SUBJECT_DEPS

MODEL_FILE = "cue_model.json"
CANDIDATE_TAGS = ("VB", "NN")
"""Tag prefixes a candidate cue has (verbs and common nouns)."""


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
        total = self.bias + sum(self.weights.get(name, 0.0) for name in features(token))
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


def is_candidate(token: Any) -> bool:
    """A verb or common noun from the learned word list, not an auxiliary."""
    return (
        token.lower_ in LEARNED_CUE_WORDS
        and token.tag_.startswith(CANDIDATE_TAGS)
        and token.dep_ not in ("aux", "auxpass")
    )


def features(token: Any) -> list[str]:
    """The names of the token's features (form, tag, dependency, head, children)."""
    word, tag, dep = token.lower_, token.tag_, token.dep_
    head = token.head
    found = [
        f"w={word}",
        f"t={tag}",
        f"d={dep}",
        f"wt={word}|{tag}",
        f"wd={word}|{dep}",
        f"h={head.lower_}" if head is not token else "h=ROOT",
        f"ht={head.tag_}|{dep}",
        f"p={_near(token, -1)}",
        f"n={_near(token, 1)}",
        f"wn={word}|{_near(token, 1)}",
        f"hh={head.head.lower_}|{head.dep_}",
        f"quoted={_in_quotes(token)}",
    ]
    deps = set()
    for child in token.children:
        deps.add(child.dep_)
        if child.dep_ == "prep":
            found.append(f"prep={child.lower_}")
            found.append(f"wprep={word}|{child.lower_}")
        if child.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "mark" for g in child.children):
            found.append("ccomp-mark")
        if child.dep_ in SUBJECT_DEPS:
            found.append(f"subj-pos={child.pos_}")
            found.append(f"subj-ent={child.ent_type_ or '-'}")
            found.append(f"subj={child.lower_}")
        if child.dep_ == "dobj":
            found.append(f"obj-ent={child.ent_type_ or '-'}")
            found.append(f"wobj-pos={word}|{child.pos_}")
    for name in sorted(deps):
        found.append(f"c={name}")
        found.append(f"wc={word}|{name}")
    found.append(f"shape={'+'.join(sorted(deps & _SHAPE_DEPS)) or '-'}")
    found.append(f"wshape={word}|{'+'.join(sorted(deps & _SHAPE_DEPS)) or '-'}")
    return found


_SHAPE_DEPS = frozenset({"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "poss", "agent"})


def _in_quotes(token: Any) -> bool:
    """Whether an odd number of quote marks precede the token in its sentence."""
    return sum(1 for t in token.sent[: token.i - token.sent.start] if t.is_quote) % 2 == 1


def _near(token: Any, step: int) -> str:
    at = token.i + step
    if 0 <= at < len(token.doc):
        return str(token.doc[at].lower_)
    return "<edge>"
