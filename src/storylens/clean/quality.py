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
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from storylens.clean.patterns import DOUBLED_WORD_OK, ODD_CAPITAL_AFTER_COMMA, TORTURED_PHRASES
from storylens.model import Flag

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TOKEN = re.compile(r"[^\W\d_]+")
_DOUBLED = re.compile(r"\b([^\W\d_]{3,})[ \t]+(\1)\b")
_TRUNCATED_END = re.compile(r"(?:\.\.\.|…|\[\+\d+ chars\])\s*$")
_TORTURED = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in TORTURED_PHRASES) + r")\b", re.IGNORECASE
)
MAX_EXAMPLES = 3
LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
"""Scripts whose letters look alike; only mixtures of these are flagged."""


@dataclass(frozen=True, slots=True)
class Repaired:
    """Text after the safe repairs, and the flags saying what was repaired."""

    text: str
    flags: tuple[Flag, ...]


def strip_controls(text: str) -> str:
    """Drop NUL and other control characters (never letters); tabs and newlines stay."""
    return _CONTROL.sub("", text)


def repair_encoding(text: str) -> Repaired:
    """Fix mojibake with ftfy (encoding steps only) and flag what changed."""
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
    fixed = ftfy.fix_text(text, config)
    if fixed == text:
        return Repaired(text, ())
    detail = f"encoding repaired: {_describe_changes(text, fixed)}"
    return Repaired(fixed, (Flag("mojibake", detail),))


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
    """Flag words mixing scripts, and short foreign-script words between native words."""
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    scripts = [{script_of(char) for char in token} for _, token in tokens]
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
    flags = [
        Flag("machine rewrite", f"tell-tale phrase '{m.group()}' at {m.start()}")
        for m in _TORTURED.finditer(text)
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
