"""Lines repeated across several articles of the same outlet (boilerplate, not body)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from storylens.clean.lines import line_key, split_units

MIN_ARTICLES = 3
"""A line must occur in at least this many articles of one outlet to count as repeated."""
MAX_WORDS = 40
"""Longer lines are never treated as boilerplate, even when repeated."""


def outlet_key(outlet: str | None, url: str | None) -> str | None:
    """The outlet name, else the URL's host without ``www.``; None when neither is known."""
    if outlet and outlet.strip():
        return outlet.strip().lower()
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def repeated_lines(texts: Sequence[tuple[str | None, str]]) -> dict[str, frozenset[str]]:
    """Per outlet key, the line keys found in at least ``MIN_ARTICLES`` of its articles."""
    articles = Counter(outlet for outlet, _ in texts if outlet is not None)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, text in texts:
        if outlet is None or articles[outlet] < MIN_ARTICLES:
            continue
        keys = {line_key(unit.text) for unit in split_units(text)}
        counts[outlet].update(key for key in keys if len(key.split()) <= MAX_WORDS)
    return {
        outlet: frozenset(key for key, n in sorted(counter.items()) if n >= MIN_ARTICLES)
        for outlet, counter in sorted(counts.items())
    }
