"""Text repair (encoding only, with ftfy) and quality flags; no word is silently changed.

Flags (``Flag.kind``):

- ``mojibake``: ftfy repaired encoding damage; the detail shows what changed;
- ``mixed script``: a letter of another script inside a word or between words of the text's
  own script (a Cyrillic "и" in English), left as it is;
- ``spinner``: a doubled word ("operation operation"), left as it is;
- ``machine rewrite``: a thesaurus-swapped fixed phrase, chatbot boilerplate, or capitalised
  function words after commas (", On Monday");
- ``truncated``: the body ends cut off ("…", "...", "[+1234 chars]").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from storylens.clean.patterns import DOUBLED_WORD_OK, ODD_CAPITAL_AFTER_COMMA, TORTURED_PHRASES
from storylens.model import Flag

_CONTROL_CHARS = tuple(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
_CONTROL = re.compile("[" + "".join(_CONTROL_CHARS) + "]")
_TOKEN = re.compile(r"[^\W\d_]+")
_DOUBLED = re.compile(r"\b([^\W\d_]{3,})[ \t]+(\1)\b")
_TRUNCATED_END = re.compile(r"(?:\.\.\.|…|\[\+\d+ chars\])\s*$")
_TORTURED = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in TORTURED_PHRASES) + r")\b", re.IGNORECASE
)
_TORTURED_LOOSE = re.compile("|".join(re.escape(phrase.lower()) for phrase in TORTURED_PHRASES))
"""A quick test on the lower-cased text: no match here, no match of ``_TORTURED``."""
MAX_EXAMPLES = 3
LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
"""Scripts whose letters look alike; only mixtures of these are flagged."""
_FOREIGN_LOOKALIKES = LOOKALIKE_SCRIPTS - {"LATIN"}
_UTF8_LEADS = bytes(range(0xC2, 0xF5))
"""Bytes that open a multi-byte UTF-8 sequence."""
_UTF8_CONTINUATIONS = bytes(range(0x80, 0xC0))
_NBSP_LOST_LEADS = bytes([0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE2, 0xE3, 0xF0])
"""Leads ftfy still repairs when the no-break space after them became a plain space."""
_STRAY_CODES = re.compile("[\x80-\x9f\ud800-\udfff]")
"""C1 controls and lone surrogates, which ftfy also repairs."""


@dataclass(frozen=True, slots=True)
class Repaired:
    """Text after the safe repairs, and the flags saying what was repaired."""

    text: str
    flags: tuple[Flag, ...]


def strip_controls(text: str) -> str:
    """Drop NUL and other control characters (never letters); tabs and newlines stay."""
    if not any(char in text for char in _CONTROL_CHARS):  # a quick scan per character
        return text
    return _CONTROL.sub("", text)


def repair_encoding(text: str) -> Repaired:
    """Fix mojibake with ftfy (encoding steps only) and flag what changed.

    ftfy runs only when :func:`may_be_broken` says the text can hold damage it repairs.
    """
    if not may_be_broken(text):
        return Repaired(text, ())
    fixed = fix_encoding(text)
    if fixed == text:
        return Repaired(text, ())
    detail = f"encoding repaired: {_describe_changes(text, fixed)}"
    return Repaired(fixed, (Flag("mojibake", detail),))


def fix_encoding(text: str) -> str:
    """ftfy's encoding repairs on the whole text (no quote, width or ligature changes)."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def may_be_broken(text: str) -> bool:
    """A cheap test: False only when ftfy's encoding steps cannot change ``text``.

    ftfy decodes UTF-8 that was read in a one-byte code page, so its input holds a character
    standing for a UTF-8 lead byte followed by one standing for a continuation byte (or by a
    space, or by U+FFFD), in one of those code pages; its other repairs need C1 controls or
    lone surrogates. ASCII text holds none of these.
    """
    if text.isascii():
        return False
    return _STRAY_CODES.search(text) is not None or _mojibake_pairs().search(text) is not None


@functools.cache
def _mojibake_pairs() -> re.Pattern[str]:
    """Two characters that may be one UTF-8 character read in one of ftfy's code pages.

    The pattern opens with one character class (the union over the code pages), which the
    regex engine scans for quickly; a look-behind then checks the pair in each code page.
    """
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-" code pages)
    from ftfy.chardata import CHARMAP_ENCODINGS

    def chars(raw: bytes, encoding: str) -> set[str]:
        return set(raw.decode(encoding, errors="ignore"))

    def klass(found: set[str]) -> str:
        return "[" + "".join(re.escape(char) for char in sorted(found)) + "]"

    pairs: list[tuple[set[str], set[str]]] = []
    for encoding in CHARMAP_ENCODINGS:
        leads = chars(_UTF8_LEADS, encoding)
        pairs.append((leads, chars(_UTF8_CONTINUATIONS, encoding) | {"\ufffd"}))
        if encoding != "macroman":  # ftfy restores lost no-break spaces in the others
            pairs.append((chars(_NBSP_LOST_LEADS, encoding), {" "}))
    first = klass(set().union(*(leads for leads, _ in pairs)))
    second = klass(set().union(*(follows for _, follows in pairs)))
    each = "|".join(klass(leads) + klass(follows) for leads, follows in pairs)
    return re.compile(f"{first}{second}(?<={each})")


def _describe_changes(before: str, after: str) -> str:
    """A few ``'old' → 'new'`` pairs and how many places changed."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    shown = ", ".join(
        f"'{before[i1:i2]}' → '{after[j1:j2]}'" for _, i1, i2, j1, j2 in changes[:MAX_EXAMPLES]
    )
    return f"{len(changes)} place(s), e.g. {shown}"


def quality_flags(text: str) -> tuple[Flag, ...]:
    """Every quality observation about a cleaned body (no change to the text)."""
    return (
        *mixed_script_flags(text),
        *spinner_flags(text),
        *rewrite_flags(text),
        *truncation_flags(text),
    )


def script_of(char: str) -> str:
    """The script of a letter, from its Unicode name ("LATIN", "CYRILLIC", "GREEK", …)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def mixed_script_flags(text: str) -> list[Flag]:
    """Flag words mixing scripts, and short foreign-script words between native words.

    Every flag needs a Cyrillic or Greek letter, so text without one is not read further.
    """
    own = {char: script_of(char) for char in set(text) if not char.isascii()}
    if not _FOREIGN_LOOKALIKES & set(own.values()):
        return []
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    scripts = [
        {"LATIN"} if token.isascii() else {own.get(char) or "LATIN" for char in token}
        for _, token in tokens
    ]
    counts = Counter(next(iter(s)) for s in scripts if len(s) == 1)
    if not counts:
        return []
    main = counts.most_common(1)[0][0]
    flags = []
    for index, ((start, token), found) in enumerate(zip(tokens, scripts, strict=True)):
        if not found <= LOOKALIKE_SCRIPTS or main not in LOOKALIKE_SCRIPTS:
            continue
        if len(found) > 1:
            detail = f"'{token}' mixes {' and '.join(sorted(found))} letters at {start}"
        elif main not in found and len(token) <= 2 and _between(scripts, index, main):
            names = ", ".join(unicodedata.name(char, "?") for char in token)
            detail = f"'{token}' ({names}) inside {main} text at {start}: '{_around(text, start)}'"
        else:
            continue
        flags.append(Flag("mixed script", detail))
    return flags


def _between(scripts: list[set[str]], index: int, main: str) -> bool:
    before = scripts[index - 1] if index > 0 else {main}
    after = scripts[index + 1] if index + 1 < len(scripts) else {main}
    return before == {main} and after == {main}


def _around(text: str, start: int, width: int = 20) -> str:
    return " ".join(text[max(0, start - width) : start + width].split())


def spinner_flags(text: str) -> list[Flag]:
    """Flag doubled words ("operation operation"), a spinner or editing artifact."""
    flags = []
    for match in _DOUBLED.finditer(text):
        if match.group(1).lower() in DOUBLED_WORD_OK:
            continue
        flags.append(Flag("spinner", f"doubled word '{match.group()}' at {match.start()}"))
    return flags


def rewrite_flags(text: str) -> list[Flag]:
    """Flag cheap tell-tales of spun or machine-rewritten copy."""
    found = _TORTURED.finditer(text) if _TORTURED_LOOSE.search(text.lower()) else ()
    flags = [
        Flag("machine rewrite", f"tell-tale phrase '{m.group()}' at {m.start()}") for m in found
    ]
    for match in ODD_CAPITAL_AFTER_COMMA.finditer(text):
        flags.append(
            Flag(
                "machine rewrite",
                f"capitalised '{match.group()[2:]}' after a comma at {match.start()}: "
                f"'{_around(text, match.start())}'",
            )
        )
    return flags


def truncation_flags(text: str) -> list[Flag]:
    """Flag a body that ends cut off, as feed teasers do."""
    match = _TRUNCATED_END.search(text)
    if match is None:
        return []
    return [Flag("truncated", f"the text ends with '{match.group().strip()}'")]
