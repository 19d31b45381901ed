"""Named entities from spaCy's NER."""

from __future__ import annotations

from typing import Any

from storylens.model import Article, Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})


def find_entities(article: Article, doc: Any) -> tuple[Entity, ...]:
    """Entities of the kept labels, with their surface text as canonical name for now."""
    return tuple(
        Entity(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, ent.text)
        for ent in doc.ents
        if ent.label_ in KEPT_LABELS
    )
