"""Penn Treebank tag → Universal POS, as data.

The pinned model's ``attribute_ruler`` maps tags to POS with a Matcher over every
token, which costs about a tenth of the whole pipeline. The partial parse
(:mod:`storylens.segment.parse`) applies this table instead. It reproduces the
ruler's tag rules, and the word exceptions whose POS the extractors read
(indefinite pronouns tagged ``NN``, relative "that", auxiliaries).
"""

from __future__ import annotations

POS_BY_TAG: dict[str, str] = {
    "_SP": "SPACE", ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    "``": "PUNCT", '""': "PUNCT", "''": "PUNCT", ":": "PUNCT", "HYPH": "PUNCT", "NFP": "PUNCT",
    "$": "SYM", "#": "SYM", "SYM": "SYM",
    "AFX": "ADJ", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "PDT": "DET", "WDT": "DET", "WP$": "DET",
    "EX": "PRON", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
    "FW": "X", "LS": "X", "NIL": "X", "ADD": "X", "GW": "X", "XX": "X",
    "IN": "ADP", "RP": "ADP",
    "MD": "AUX",
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "POS": "PART", "TO": "PART",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "UH": "INTJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "BES": "VERB", "HVS": "VERB",
    "WRB": "SCONJ",
}  # fmt: skip

POS_BY_TAG_AND_WORD: dict[tuple[str, str], str] = {
    **{
        ("NN", word): "PRON"
        for word in [
            "something",
            "anyone",
            "anything",
            "nothing",
            "someone",
            "everything",
            "everyone",
            "everybody",
            "nobody",
            "somebody",
            "anybody",
        ]
    },
    ("WDT", "that"): "PRON",
    **{
        (tag, word): "AUX"
        for tag, words in (
            ("VB", "be do have"),
            ("VBP", "do are 're am 'm have 've 's"),
            ("VBZ", "is 's has does"),
            ("VBD", "was were did had 'd"),
            ("VBN", "been had"),
            ("VBG", "being"),
        )
        for word in words.split()
    },
    **{
        ("IN", word): "SCONJ"
        for word in [
            "that",
            "if",
            "because",
            "while",
            "since",
            "so",
            "whether",
            "although",
            "though",
            "unless",
            "once",
            "upon",
            "till",
            "whereas",
            "whilst",
            "except",
            "despite",
            "albeit",
        ]
    },
}
"""Exceptions to :data:`POS_BY_TAG` keyed by (tag, lowercase word)."""


def pos_of(tag: str, lower: str) -> str:
    """The Universal POS of a token with Penn tag ``tag`` and lowercase form ``lower``."""
    return POS_BY_TAG_AND_WORD.get((tag, lower)) or POS_BY_TAG.get(tag, "X")
