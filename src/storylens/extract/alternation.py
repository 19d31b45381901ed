"""One regex alternation builder for every lexicon turned into a pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, any_space: bool = True) -> str:
    """The words as a regex alternation, longest first ("eighteen" before "eight"), escaped.

    ``any_space``: a space in a word matches any run of whitespace; else one literal space.
    """
    items = sorted(set(words), key=lambda word: (-len(word), word))
    escaped = (re.escape(item) for item in items)
    if any_space:
        escaped = (item.replace(r"\ ", r"\s+") for item in escaped)
    return "|".join(escaped)
