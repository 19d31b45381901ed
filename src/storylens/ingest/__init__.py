"""Ingest: read files, directories, JSON/JSONL records and stdin into Documents.

The one I/O stage. ``read_inputs`` returns every readable input as a
:class:`~storylens.model.Document` and every other one as a
:class:`~storylens.model.Skipped` with its reason; article ids are made unique.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from storylens.ingest.files import read_paths
from storylens.model import Document, Skipped

__all__ = ["Inputs", "read_inputs", "unique_ids"]


@dataclass(frozen=True, slots=True)
class Inputs:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


def read_inputs(
    paths: list[str], *, default_published: dt.date | None = None, stdin: bytes | None = None
) -> Inputs:
    """Read every input under ``paths``; bad inputs are skipped with a reason."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for item in read_paths(paths, default_published=default_published, stdin=stdin):
        if isinstance(item, Document):
            documents.append(item)
        else:
            skipped.append(item)
    return Inputs(documents=unique_ids(documents), skipped=tuple(skipped))


def unique_ids(documents: list[Document]) -> tuple[Document, ...]:
    """Give every document an id, suffixing repeats (``a``, ``a~2``) and noting it."""
    seen: Counter[str] = Counter()
    out = []
    for number, document in enumerate(documents, start=1):
        base = (document.id or "").strip() or f"article-{number}"
        seen[base] += 1
        if seen[base] == 1:
            out.append(replace(document, id=base))
            continue
        new_id = f"{base}~{seen[base]}"
        while new_id in seen:
            seen[base] += 1
            new_id = f"{base}~{seen[base]}"
        seen[new_id] += 1
        note = f"duplicate id '{base}' renamed to '{new_id}'"
        out.append(replace(document, id=new_id, notes=(*document.notes, note)))
    return tuple(out)
