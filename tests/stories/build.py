"""Hand-built articles for the stories tests."""

from __future__ import annotations

from storylens.model import Article


def article(number: int, text: str, **fields: object) -> Article:
    """An article ``aNN`` whose source is ``aNN.txt``; ``fields`` set the rest."""
    return Article(id=f"a{number:02d}", source=f"a{number:02d}.txt", text=text, **fields)  # type: ignore[arg-type]
