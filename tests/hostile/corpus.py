"""A hostile-input corpus, generated (never committed as binaries).

    python -m tests.hostile.corpus OUT_DIR     # write it somewhere to poke at by hand

Each case is one input (a file, a link or a folder) with what storylens must do with it:
``skip`` (reported with a reason), ``article`` (analysed) or ``either`` (a best-effort
article or a reasoned skip; never a crash or a hang).
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NEWS = (
    "The harbour authority said on Monday that 240 containers had been delayed. "
    "“We expect normal service by Friday,” a spokeswoman said.\n\n"
)


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile input: its name under the corpus root and the expected outcome."""

    name: str
    expect: str
    write: Callable[[Path], None]


def _text(data: str | bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return write


def _big_text(path: Path) -> None:
    line = ("word " * 19 + "end.\n").encode()
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path)


def _broken_link(path: Path) -> None:
    path.symlink_to(path.parent / "does-not-exist.txt")


def _unreadable(path: Path) -> None:
    path.write_text(NEWS)
    path.chmod(0)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _tiny_files(path: Path) -> None:
    path.mkdir()
    for number in range(10_000):
        (path / f"t{number:05d}.txt").write_bytes(b"\n" if number % 2 else b" ")


def _deep_json(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def _random_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


XSS = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href='javascript:alert(3)'>x</a>"
    " </style><svg onload=alert(4)> {{7*7}} ${7*7} <iframe src=//example.invalid></iframe>"
)

CASES: tuple[Case, ...] = (
    Case("empty.txt", "skip", _text(b"")),
    Case("whitespace.txt", "skip", _text(" \n\t\r\n  \n")),
    Case("binary.txt", "skip", _text(_random_bytes(1, 4096))),
    Case("binary-named.html", "skip", _text(b"\x7fELF\x02\x01" + _random_bytes(2, 4096))),
    Case("huge-50mb.txt", "skip", _big_text),
    Case("one-line-1m.txt", "skip", _text("lorem " * 170_000)),
    Case("long-word.txt", "either", _text("x" * 100_000 + " said the minister.")),
    Case("invalid-utf8.txt", "article", _text(NEWS.encode() + b"\xff\xfe\xc3\x28 end")),
    Case("utf16-bom.txt", "article", _text(codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"))),
    Case("utf16-nobom.txt", "article", _text(NEWS.encode("utf-16-le"))),
    Case("utf16-be-bom.txt", "article", _text(codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"))),
    Case(
        "latin1.txt", "article", _text("Café owners in Zürich said prices rose.".encode("latin-1"))
    ),
    Case("nul-bytes.txt", "article", _text(NEWS.encode().replace(b" ", b" \x00", 5))),
    Case("gzip-bomb.txt", "skip", _text(gzip.compress(b"A" * (64 * 1024 * 1024)))),
    Case("gzip-page.txt", "article", _text(gzip.compress(NEWS.encode()))),
    Case("broken.gz.txt", "skip", _text(b"\x1f\x8b\x08\x00garbage")),
    Case("deep-nesting.html", "either", _text("<div>" * 10_000 + "Deep text." + "</div>" * 10_000)),
    Case("no-body.html", "skip", _text("<html><head><title>Only a head</title></head></html>")),
    Case(
        "script-only.html", "skip", _text("<html><body><script>var a = 1;</script></body></html>")
    ),
    Case(
        "xss.html",
        "either",
        _text(f"<html><body><article><p>{XSS}</p><p>{NEWS}</p></article></body></html>"),
    ),
    Case("xss.txt", "article", _text(XSS + "\n\n" + NEWS)),
    Case("only-quotes.txt", "either", _text("“”‘’\"\"''«»" * 200)),
    Case("unbalanced-quotes.txt", "article", _text("He said “this never ends. " * 300 + NEWS)),
    Case("only-numbers.txt", "either", _text(" ".join(str(n) for n in range(5000)))),
    Case(
        "rtl-mixed.txt",
        "article",
        _text("قال الوزير إن 300 شخص غادروا. The minister said 300 people left. השר אמר. " * 20),
    ),
    Case("emoji.txt", "article", _text("🔥🚒 Fire crews 👩‍🚒 said 12 homes burned 🏠🏠. " * 50)),
    Case("control-chars.txt", "skip", _text("".join(chr(n % 31 + 1) for n in range(5000)))),
    Case("zero-width.txt", "article", _text("The\u200b mayor\u200d said\ufeff so. " * 40)),
    Case("crlf.txt", "article", _text(NEWS.replace("\n", "\r\n"))),
    Case("malformed.jsonl", "either", _text('{"text": "fine"}\n{nope\n[1,2]\n{"html": 7}\n')),
    Case("huge-line.jsonl", "skip", _text('{"text": "' + "a" * (21 * 1024 * 1024) + '"}\n')),
    Case("wrong-shape.json", "skip", _text("[1, 2, 3]")),
    Case("wrong-types.json", "skip", _text('{"text": 5, "id": {"a": 1}}')),
    Case("deep.json", "skip", _deep_json),
    Case(
        "duplicate-ids.jsonl",
        "article",
        _text("\n".join(json.dumps({"id": "same", "text": NEWS}) for _ in range(3))),
    ),
    Case("unknown.xyz", "skip", _text(NEWS)),
    Case("name with spaces é.txt", "article", _text(NEWS)),
    Case("symlink-loop.txt", "skip", _symlink_loop),
    Case("broken-link.txt", "skip", _broken_link),
    Case("unreadable.txt", "either", _unreadable),
    Case("fifo.txt", "skip", _fifo),
    Case("tiny-files", "skip", _tiny_files),
)


def generate(root: Path) -> tuple[Case, ...]:
    """Write every case under ``root`` (which must be empty or absent)."""
    root.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.write(root / case.name)
    return CASES


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("hostile-corpus")
    generate(target)
    print(f"wrote {len(CASES)} hostile inputs under {target}")
