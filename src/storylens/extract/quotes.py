"""Attributions (work in progress: the quotes issue fills this in)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storylens.model import Article, Entity, Quote


def find_quotes(article: Article, doc: Any, *, entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """Direct and reported speech with the speaker resolved."""
    return ()
