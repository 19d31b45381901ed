"""Extract: the mentions of one article (entities, quantities, dates, quotes).

Each kind has its own module; ``extract`` runs them in order over the article's
spaCy Doc. Every mention is a span into ``article.text``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storylens.extract.entities import find_entities
from storylens.model import Article

__all__ = ["extract"]


def extract(article: Article, doc: Any) -> Article:
    """The article with its entities filled in (later modules add the other kinds)."""
    entities = find_entities(article, doc)
    return replace(article, entities=entities)
