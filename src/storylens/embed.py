"""Sentence and document embeddings from the wordllama model in :class:`Resources`.

Every stage embeds through :func:`embed_texts`, so they all get the same L2-normalised
float32 vectors (cosine similarity is then a dot product).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
MAX_CHARS = 4000
"""Texts are cut to their first ``MAX_CHARS`` characters (the lead carries the event)."""


def embed_texts(
    embedder: Any, texts: Sequence[str], *, max_chars: int = MAX_CHARS, batch_size: int = 256
) -> F32:
    """Unit-length embeddings (len(texts) × dim); an empty text gets a zero row."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    cut = [text[:max_chars] for text in texts]
    vectors = np.asarray(embedder.embed(cut, norm=False, batch_size=batch_size), dtype=np.float32)
    return normalize(vectors)


def normalize(vectors: F32) -> F32:
    """Rows scaled to unit L2 norm (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: F32 = (vectors / norms).astype(np.float32)
    return unit
