"""Paths to Documents: files, directories (recursive, sorted), gzip, JSON and JSONL, stdin.

This is the only stage that touches the file system. Each input yields either a
:class:`Document` or a :class:`Skipped` with a one-line reason; nothing here raises
for bad input.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from storylens.errors import InputError, TooLargeInput, UnreadableInput, UnsupportedInput
from storylens.ingest.decode import Decoded, decode_bytes
from storylens.ingest.limits import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_GZIP_BYTES,
    MAX_HTML_CHARS,
    MAX_JSONL_BYTES,
    MAX_RECORD_BYTES,
    MAX_TEXT_CHARS,
)
from storylens.ingest.records import document_from_record
from storylens.model import Document, Skipped

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

Item = Document | Skipped


class _Lines(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def read_paths(
    paths: list[str], *, default_published: dt.date | None = None, stdin: bytes | None = None
) -> Iterator[Item]:
    """Yield a Document or a Skipped for every input under ``paths`` (``-`` is stdin)."""
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin or b"", default_published=default_published)
            continue
        path = Path(name)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as error:
            yield Skipped(name, f"cannot be read: {error.strerror or error}")
            continue
        if not exists:
            yield Skipped(name, "no such file or directory (check the path)")
        elif is_dir:
            yield from _read_directory(path, default_published=default_published)
        else:
            yield from read_file(path, default_published=default_published)


def read_file(path: Path, *, default_published: dt.date | None = None) -> Iterator[Item]:
    """Yield the Document(s) of one file, or a Skipped with the reason."""
    source = str(path)
    try:
        kind = _kind_of(path)
        if kind == "jsonl":
            yield from _read_jsonl(path, default_published=default_published)
            return
        decoded = decode_bytes(_read_bytes(path))
        yield _document_from_decoded(
            decoded, kind, source=source, stem=_stem(path), default_published=default_published
        )
    except InputError as error:
        yield Skipped(source, str(error))


def _kind_of(path: Path) -> str:
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    for kind, known in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in known:
            return kind
    raise UnsupportedInput(f"unknown file type '{suffix or path.name}'")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in SUFFIXES | {".gz"}:
            name = name[: -len(suffix)]
    return name or path.name


def _read_bytes(path: Path) -> bytes:
    """Read a file within the size caps, decompressing gzip (by content, not by name)."""
    try:
        _check_file(path, cap=MAX_FILE_BYTES)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableInput(f"cannot be read: {error.strerror or error}") from error
    if data[:2] == b"\x1f\x8b":
        return _gunzip(data)
    return data


def _check_file(path: Path, *, cap: int) -> None:
    """Raise unless ``path`` is a regular file of at most ``cap`` bytes (OSError passes)."""
    if not path.is_file():
        raise UnreadableInput("not a regular file (a device, socket or pipe)")
    size = path.stat().st_size
    if size > cap:
        raise TooLargeInput(f"the file has {size:,} bytes, over the {cap:,} cap")


def _gunzip(data: bytes) -> bytes:
    """Decompress at most MAX_GZIP_BYTES; more is a decompression bomb."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as handle:
            out: bytes = handle.read(MAX_GZIP_BYTES + 1)
    except (OSError, EOFError) as error:
        raise UnsupportedInput(f"a broken gzip file: {error}") from error
    if len(out) > MAX_GZIP_BYTES:
        raise TooLargeInput(f"gzip content exceeds {MAX_GZIP_BYTES:,} bytes (a bomb?)")
    return out


def _document_from_decoded(
    decoded: Decoded, kind: str, *, source: str, stem: str, default_published: dt.date | None
) -> Document:
    cap = MAX_HTML_CHARS if kind == "html" else MAX_TEXT_CHARS
    if len(decoded.text) > cap and kind != "json":
        raise TooLargeInput(f"{len(decoded.text):,} characters, over the {cap:,} cap")
    notes = (decoded.note,) if decoded.note else ()
    if kind == "json":
        document = _document_from_json(
            decoded.text, source=source, default_published=default_published
        )
        return _with_defaults(document, stem=stem, notes=notes)
    body = {"text": decoded.text} if kind == "text" else {"html": decoded.text}
    return Document(source=source, id=stem, published=default_published, notes=notes, **body)


def _document_from_json(text: str, *, source: str, default_published: dt.date | None) -> Document:
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise UnsupportedInput(f"not valid JSON: {error}") from error
    return document_from_record(record, source=source, default_published=default_published)


def _with_defaults(document: Document, *, stem: str, notes: tuple[str, ...]) -> Document:
    return replace(document, id=document.id or stem, notes=document.notes + notes)


def _read_jsonl(path: Path, *, default_published: dt.date | None) -> Iterator[Item]:
    """Stream a JSONL file; each bad line is skipped on its own."""
    source = str(path)
    try:
        _check_file(path, cap=MAX_JSONL_BYTES)
        handle = gzip.open(path, "rb") if _is_gzip(path) else path.open("rb")  # noqa: SIM115
    except OSError as error:
        yield Skipped(source, f"cannot be read: {error.strerror or error}")
        return
    except InputError as error:
        yield Skipped(source, str(error))
        return
    with handle:
        yield from _jsonl_lines(
            handle, source=source, stem=_stem(path), default_published=default_published
        )


def _jsonl_lines(
    handle: _Lines,
    *,
    source: str,
    stem: str,
    default_published: dt.date | None,
) -> Iterator[Item]:
    number = 0
    while True:
        try:
            line = handle.readline(MAX_RECORD_BYTES + 1)
        except (OSError, EOFError) as error:
            yield Skipped(source, f"stopped reading: {error}")
            return
        if not line:
            return
        number += 1
        where = f"{source}:{number}"
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            yield Skipped(where, f"line longer than {MAX_RECORD_BYTES:,} bytes")
            _skip_rest_of_line(handle)
            continue
        if not line.strip():
            continue
        yield _jsonl_record(
            line, where=where, fallback_id=f"{stem}-{number}", default_published=default_published
        )


def _jsonl_record(
    line: bytes, *, where: str, fallback_id: str, default_published: dt.date | None
) -> Item:
    try:
        text = decode_bytes(line).text
        document = _document_from_json(text, source=where, default_published=default_published)
        return _with_defaults(document, stem=fallback_id, notes=())
    except InputError as error:
        return Skipped(where, str(error))


def _skip_rest_of_line(handle: _Lines) -> None:
    while True:
        chunk = handle.readline(MAX_RECORD_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _read_directory(root: Path, *, default_published: dt.date | None) -> Iterator[Item]:
    """Walk a directory in sorted order without following links (no loops)."""
    count = 0
    errors: list[OSError] = []
    for path in _walk_sorted(root, errors):
        count += 1
        if count > MAX_FILES:
            yield Skipped(str(root), f"more than {MAX_FILES:,} files: the rest were not read")
            return
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not path.exists():
            yield Skipped(str(path), "a broken or looping symbolic link")
            continue
        yield from read_file(path, default_published=default_published)
    for error in errors:
        yield Skipped(str(error.filename), f"cannot list the directory: {error.strerror}")


def _walk_sorted(root: Path, errors: list[OSError]) -> Iterator[Path]:
    """Files under ``root``, folders and names sorted; listing errors go to ``errors``."""
    for folder, dirs, files in os.walk(root, onerror=errors.append, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(folder) / name


def _read_stdin(data: bytes, *, default_published: dt.date | None) -> Iterator[Item]:
    """Standard input: JSON, JSONL or plain text, told apart by content."""
    try:
        decoded = decode_bytes(data)
    except InputError as error:
        yield Skipped("-", str(error))
        return
    text = decoded.text
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n{" in stripped.rstrip():
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield _jsonl_record(
                    line.encode(),
                    where=f"-:{number}",
                    fallback_id=f"stdin-{number}",
                    default_published=default_published,
                )
        return
    kind = "json" if stripped.startswith("{") else "html" if stripped.startswith("<") else "text"
    try:
        yield _document_from_decoded(
            decoded, kind, source="-", stem="stdin", default_published=default_published
        )
    except InputError as error:
        yield Skipped("-", str(error))
