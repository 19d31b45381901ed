"""Extract: the mentions of one article (entities, quantities, dates, quotes).

Each kind has its own module; ``extract`` runs them in order over the article's
spaCy Doc. Every mention is a span into ``article.text``. Canonical names across a
whole story are assigned afterwards by :func:`storylens.extract.canonical.canonicalize`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storylens.extract.dates import find_dates, infer_reference_date
from storylens.extract.entities import find_entities
from storylens.extract.quantities import find_quantities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.tagger import AttributionTagger
from storylens.model import Article, DateMention

__all__ = ["extract"]


def extract(article: Article, doc: Any, *, tagger: AttributionTagger | None = None) -> Article:
    """The article with its entities, quantities, dates and quotes.

    ``tagger``: the optional attribution tagger, a second opinion on the quotes.
    """
    entities = find_entities(article, doc)
    quantities = find_quantities(article, doc)
    article, dates = _dates(article, doc)
    tagging = tagger.tag(article.text) if tagger is not None else None
    quotes = find_quotes(article, doc, entities=entities, tagging=tagging)
    return replace(article, entities=entities, quantities=quantities, dates=dates, quotes=quotes)


def _dates(article: Article, doc: Any) -> tuple[Article, tuple[DateMention, ...]]:
    """Dates resolved against ``published``, or against a date inferred from the text.

    An inferred reference date is never written into ``published``: it resolves the
    relative expressions and a flag says where it came from.
    """
    dates = find_dates(article, doc)
    if article.published is not None:
        return article, dates
    inference = infer_reference_date(article, dates)
    if inference is None:
        return article, dates
    resolved = find_dates(replace(article, published=inference.date), doc)
    return replace(article, flags=(*article.flags, inference.flag)), resolved
