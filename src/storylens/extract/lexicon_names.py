"""The lexicon of canonical names, as data: titles and role words."""

from __future__ import annotations

TITLES = (
    "president", "vice president", "prime minister", "deputy prime minister", "foreign minister",
    "defense minister", "defence minister", "interior minister", "finance minister", "minister",
    "secretary of state", "defense secretary", "defence secretary", "secretary general",
    "secretary-general", "secretary", "spokesman", "spokeswoman", "spokesperson", "dictator",
    "leader", "chancellor", "premier", "king", "queen", "prince", "general", "gen.",
    "commander", "commander-in-chief", "chief", "governor", "gov.", "mayor", "senator", "sen.",
    "ambassador", "envoy", "chairman", "chairwoman", "director", "head", "mr.", "mrs.", "ms.",
    "dr.", "mr", "mrs", "ms", "dr", "pope", "patriarch", "colonel", "col.", "lieutenant",
    "major", "sergeant", "captain", "admiral", "marshal",
)  # fmt: skip
"""Title phrases that may stand before a name ("President Alexander Lukashenko") or alone as a
role ("the Belarusian president"); longer phrases are tried first."""

TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())
"""Single words stripped from the front of a person's name when building its canonical form."""

TYPO_MIN_LENGTH = 5
"""Names shorter than this never join another by edit distance."""
