"""Ingest: every kind of input becomes a Document or a Skipped with a one-line reason."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from storylens.ingest import read_inputs


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_reads_text_html_json_and_jsonl(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Plain text article.")
    write(tmp_path / "b.html", "<html><body><p>Some HTML.</p></body></html>")
    write(tmp_path / "c.json", json.dumps({"id": "c1", "text": "JSON body.", "outlet": "X"}))
    write(tmp_path / "d.jsonl", '{"text": "one"}\n\n{"text": "two", "published": "2031-03-04"}\n')
    inputs = read_inputs([str(tmp_path)])
    assert [d.id for d in inputs.documents] == ["a", "b", "c1", "d-1", "d-3"]
    assert inputs.documents[1].html is not None
    assert inputs.documents[2].outlet == "X"
    assert inputs.documents[4].published == dt.date(2031, 3, 4)
    assert inputs.skipped == ()


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b/z.txt", "a/y.txt", "a/x.txt", "c.txt"):
        write(tmp_path / name, f"text of {name}")
    sources = [
        Path(d.source).relative_to(tmp_path).as_posix()
        for d in read_inputs([str(tmp_path)]).documents
    ]
    assert sources == ["c.txt", "a/x.txt", "a/y.txt", "b/z.txt"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("odd.xyz", b"some text", "unknown file type"),
        ("shape.json", b"[1, 2, 3]", "JSON object"),
        ("notext.json", b'{"title": "no body"}', "neither a 'text' nor an 'html'"),
        ("broken.json", b'{"text": ', "not valid JSON"),
        ("badfield.json", b'{"text": "x", "title": 5}', "must be a string"),
    ],
)
def test_bad_inputs_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    write(tmp_path / name, data)
    write(tmp_path / "good.txt", "A good article stays.")
    inputs = read_inputs([str(tmp_path / name), str(tmp_path / "good.txt")])
    assert [d.id for d in inputs.documents] == ["good"]
    (skipped,) = inputs.skipped
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_missing_path_is_reported(tmp_path: Path) -> None:
    inputs = read_inputs([str(tmp_path / "nope.txt")])
    assert inputs.documents == ()
    assert "no such file" in inputs.skipped[0].reason


def test_malformed_jsonl_line_skips_only_that_line(tmp_path: Path) -> None:
    write(
        tmp_path / "mixed.jsonl", '{"text": "first"}\n{broken\n"just a string"\n{"text": "last"}\n'
    )
    inputs = read_inputs([str(tmp_path / "mixed.jsonl")])
    assert [d.text for d in inputs.documents] == ["first", "last"]
    assert [s.source.rsplit(":", 1)[1] for s in inputs.skipped] == ["2", "3"]


@pytest.mark.parametrize(
    ("data", "expected", "note"),
    [
        (codecs.BOM_UTF16_LE + "Zürich news".encode("utf-16-le"), "Zürich news", "utf-16"),
        ("Zürich news, plain".encode("utf-16-le"), "Zürich news, plain", "utf-16-le"),
        ("Café in Zürich".encode("latin-1"), "Café in Zürich", "Windows-1252"),
        (b"Text with a NUL\x00 byte inside.", "Text with a NUL byte inside.", "NUL"),
    ],
)
def test_encodings_are_decoded_and_noted(
    tmp_path: Path, data: bytes, expected: str, note: str
) -> None:
    write(tmp_path / "enc.txt", data)
    (document,) = read_inputs([str(tmp_path / "enc.txt")]).documents
    assert document.text == expected
    assert any(note in n for n in document.notes)


def test_gzip_is_read_by_content_and_bombs_are_refused(tmp_path: Path) -> None:
    write(tmp_path / "page.html.gz", gzip.compress(b"<p>Compressed page.</p>"))
    write(tmp_path / "bomb.txt", gzip.compress(b"\0" * (30 * 1024 * 1024)))
    inputs = read_inputs([str(tmp_path)])
    assert [d.id for d in inputs.documents] == ["page"]
    assert "gzip" in inputs.skipped[0].reason


def test_duplicate_ids_are_made_unique_and_noted(tmp_path: Path) -> None:
    records = [{"id": "same", "text": "one"}, {"id": "same", "text": "two"}]
    write(tmp_path / "dup.jsonl", "\n".join(json.dumps(r) for r in records))
    documents = read_inputs([str(tmp_path / "dup.jsonl")]).documents
    assert [d.id for d in documents] == ["same", "same~2"]
    assert "duplicate id" in documents[1].notes[0]


def test_stdin_reads_text_and_jsonl() -> None:
    assert read_inputs(["-"], stdin=b"Plain text from a pipe.").documents[0].id == "stdin"
    jsonl = b'{"text": "a"}\n{"text": "b"}\n'
    assert [d.text for d in read_inputs(["-"], stdin=jsonl).documents] == ["a", "b"]


def test_default_published_applies_only_to_inputs_without_a_date(tmp_path: Path) -> None:
    write(
        tmp_path / "x.jsonl", '{"text": "a"}\n{"text": "b", "published": "2030-01-02T10:00:00Z"}\n'
    )
    documents = read_inputs([str(tmp_path)], default_published=dt.date(2031, 1, 1)).documents
    assert [d.published for d in documents] == [dt.date(2031, 1, 1), dt.date(2030, 1, 2)]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    write(tmp_path / "ok.txt", "fine")
    inputs = read_inputs([str(tmp_path)])
    assert [d.id for d in inputs.documents] == ["ok"]
    assert any("link" in s.reason or "cannot" in s.reason for s in inputs.skipped)
