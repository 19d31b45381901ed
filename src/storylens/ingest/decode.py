"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8, a Windows-1252 fallback, binary detection."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from storylens.errors import EmptyInput, UnsupportedInput
from storylens.ingest.limits import BINARY_CONTROL_SHARE

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from bytes, and a note when the encoding was not plain UTF-8."""

    text: str
    note: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode input bytes to text, or raise when they are empty or binary."""
    if not data.strip():
        raise EmptyInput("the input is empty or only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), f"read as {encoding} (BOM)")
    guessed = _guess_utf16(data)
    if guessed is not None:
        return _checked(data.decode(guessed, errors="replace"), f"read as {guessed} (no BOM)")
    try:
        return _checked(data.decode("utf-8"), None)
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return _checked(text, "not valid UTF-8: read as Windows-1252")


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, note: str | None) -> Decoded:
    """Reject binary-looking text; drop a few stray NULs and say so."""
    sample = text[:65536]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    if sample and controls / len(sample) > BINARY_CONTROL_SHARE:
        raise UnsupportedInput("the input looks binary (control bytes), not text")
    if "\x00" in text:
        text = text.replace("\x00", "")
        note = "; ".join(filter(None, [note, "NUL bytes removed"]))
    if not text.strip():
        raise EmptyInput("the input has no text after decoding")
    return Decoded(text=text, note=note)
