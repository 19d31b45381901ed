"""The junk-line stage: decide per line whether it is article body, and say why not.

Signals, in order:

1. a rule in :mod:`storylens.clean.patterns` (ad-network line, read-next teaser, donation
   appeal, comment form, app/social plug, …); ``edge`` rules only count in the top run
   (before the first body paragraph) or the bottom run (after the last one);
2. lines repeated across several articles of the same outlet (found by ``clean_all``);
3. position and headline shape: in the top run, a headline-like line that shares few content
   words with the body is another story's teaser, a truncated line ("…") too; so is a lone
   headline above the body that is not the known title and shares almost nothing with the
   body or the title; in a bottom run that holds other junk, such lines go with it;
4. the title: the first headline-like line of the top run, sharing content words with the
   body, becomes the title (not body, not junk).

Removal is conservative: a line is only dropped with a reason, and body-shaped lines in the
middle of the text are only dropped by an ``any`` rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storylens.clean.patterns import ANCHORED_ANY, COMPILED, FLOATING_ANY, STOPWORDS, Scope
from storylens.model import Removal

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\W*$")
_BULLET = re.compile(r"^[-–•*·]\s+")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,30}$")
_BYLINE = re.compile(r"^(?:by|from|with|photos?|words|reporting)\b", re.IGNORECASE)
_NOT_ONE_HEADLINE = re.compile(r"[.!?]\s|[:|].*[:|]|www\.|https?://|[@#]\w")
"""Sentences, several labels, web addresses, handles: a run-in note, not a headline."""

MAX_HEADLINE_WORDS = 20
OVERLAP = 0.5
"""A title shares at least this share of its content words with the body; a headline
that shares less, among other headlines or junk, is another story's teaser."""
SAME_TITLE = 0.8
"""A first line sharing this share of content words both ways with the known title repeats it."""
STRAY_OVERLAP = 0.25
"""A lone top line that is not the known title and shares under this share of its content
words with the body and with the title is another story's headline."""
STRAY_MIN_WORDS = 5
"""Shorter lone top lines (kickers, bylines, datelines, section names) are never judged."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One non-empty line and the paragraph (block) it belongs to."""

    text: str
    block: int


@dataclass(frozen=True, slots=True)
class Filtered:
    """The body after the junk-line stage, the title line it found, and what it removed."""

    text: str
    title: str | None
    removed: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class _Cue:
    reason: str
    scope: Scope


def split_units(text: str) -> list[Unit]:
    """Non-empty lines with their paragraph number (every line is one when no blank lines)."""
    one_per_line = "\n\n" not in text
    units: list[Unit] = []
    block = 0
    for line in text.split("\n"):
        if not line.strip():
            block += 1
            continue
        units.append(Unit(line.strip(), block))
        if one_per_line:
            block += 1
    return units


def join_units(units: list[Unit]) -> str:
    """Lines of a paragraph joined by a newline, paragraphs by a blank line."""
    blocks: list[list[str]] = []
    last = None
    for unit in units:
        if unit.block != last:
            blocks.append([])
            last = unit.block
        blocks[-1].append(unit.text)
    return "\n\n".join("\n".join(lines) for lines in blocks)


def line_key(text: str) -> str:
    """The form of a line used to spot repeats: lower-cased, spaces collapsed."""
    return " ".join(text.lower().split())


def match_rule(text: str) -> tuple[str, Scope] | None:
    """The reason and scope of the first junk rule the line matches, if any."""
    if ANCHORED_ANY.match(text) is None and FLOATING_ANY.search(text.lower()) is None:
        return None
    for reason, pattern, scope in COMPILED:
        if pattern.search(text):
            return reason, scope
    return None


def content_stems(text: str) -> list[str]:
    """Lower-cased content words cut to five letters (a cheap stem)."""
    return [w[:5] for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS]


def is_headline_like(text: str) -> bool:
    """Short, no sentence-final punctuation (or cut off with an ellipsis)."""
    words = text.split()
    if not 1 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if _TRUNCATED.search(text):
        return True
    return not _SENTENCE_END.search(text) and not text.endswith((",", ";"))


def drop_junk(
    text: str, *, title: str | None = None, repeated: frozenset[str] = frozenset()
) -> Filtered:
    """Remove junk lines (with reasons) and the title line from ``text``."""
    units = split_units(text)
    cues = [_cue_of(unit.text, repeated) for unit in units]
    overlaps = _Overlaps(units, cues)
    alone = _standalone(units)
    top = _top_run(units, cues, alone)
    tail = _tail_run(units, cues, alone, overlaps, start=len(top))
    verdicts: dict[int, str] = {}
    for index, cue in enumerate(cues):
        if cue and (cue.scope == "any" or index in top or index in tail):
            verdicts[index] = cue.reason
    title_index = _decide_top(units, cues, overlaps, top, verdicts, title=title)
    _decide_tail(units, cues, tail, verdicts)
    kept = [u for i, u in enumerate(units) if i not in verdicts and i != title_index]
    removed = tuple(Removal(units[i].text, verdicts[i]) for i in sorted(verdicts))
    found_title = None
    if title_index is not None and title is None:
        found_title = _SITE_SUFFIX.sub("", units[title_index].text)
    return Filtered(text=join_units(kept), title=found_title, removed=removed)


def _cue_of(text: str, repeated: frozenset[str]) -> _Cue | None:
    rule = match_rule(text)
    if rule is not None:
        return _Cue(*rule)
    if repeated and line_key(text) in repeated:
        return _Cue("repeated across outlet", "any" if is_headline_like(text) else "edge")
    return None


class _Overlaps:
    """Per line: the share of its content words that occur in other (non-junk) lines.

    Only headline-shaped lines at the edges are ever asked (often none), so the body's words
    are counted on the first question, once, over the whole text: a stem occurs in another
    body line when its count in the body exceeds its count in the line itself.
    """

    def __init__(self, units: list[Unit], cues: list[_Cue | None]) -> None:
        self._units, self._cues = units, cues
        self._body: Counter[str] | None = None

    def __getitem__(self, index: int) -> float:
        stems = content_stems(self._units[index].text)
        if not stems:
            return 0.0
        if self._body is None:
            units, cues = self._units, self._cues
            body = "\n".join(u.text for u, cue in zip(units, cues, strict=True) if cue is None)
            self._body = _stem_counts(body)
        own = Counter(stems) if self._cues[index] is None else Counter[str]()
        found = sum(1 for stem in stems if self._body[stem] > own[stem])
        return found / len(stems)


def _stem_counts(text: str) -> Counter[str]:
    """How often each content stem occurs in ``text`` (words counted first, in C)."""
    stems: dict[str, int] = {}
    for word, count in Counter(_WORD.findall(text.lower())).items():
        if len(word) > 2 and word not in STOPWORDS:
            stems[word[:5]] = stems.get(word[:5], 0) + count
    return Counter(stems)


def _top_run(units: list[Unit], cues: list[_Cue | None], alone: list[bool]) -> set[int]:
    """Indices before the first body-shaped line (junk or headline-like lines)."""
    run: set[int] = set()
    for index, unit in enumerate(units):
        shaped = alone[index] and is_headline_like(unit.text) and not _BULLET.match(unit.text)
        if cues[index] is None and not shaped:
            break
        run.add(index)
    return run if len(run) < len(units) else set()


def _tail_run(
    units: list[Unit],
    cues: list[_Cue | None],
    alone: list[bool],
    overlaps: _Overlaps,
    *,
    start: int,
) -> set[int]:
    """Indices after the last body line: junk, or headlines of other stories."""
    run: set[int] = set()
    for index in range(len(units) - 1, start - 1, -1):
        teaser = alone[index] and _is_teaser(units[index].text, overlaps, index)
        if cues[index] is None and not teaser:
            break
        run.add(index)
    if not any(cues[index] for index in run):
        return set()
    return run


def _standalone(units: list[Unit]) -> list[bool]:
    """Per line: whether it is a paragraph of its own (not a wrapped line of a longer one)."""
    sizes = Counter(unit.block for unit in units)
    return [sizes[unit.block] == 1 for unit in units]


def _is_teaser(text: str, overlaps: _Overlaps, index: int) -> bool:
    """A line shaped like another story's headline (or a cut-off teaser)."""
    if _TRUNCATED.search(text) and len(text.split()) <= 40:
        return True
    shaped = is_headline_like(text) or bool(_BULLET.match(text) and len(text.split()) <= 40)
    return shaped and overlaps[index] < OVERLAP


def _decide_top(
    units: list[Unit],
    cues: list[_Cue | None],
    overlaps: _Overlaps,
    top: set[int],
    verdicts: dict[int, str],
    *,
    title: str | None,
) -> int | None:
    """Find the title line in the top run and mark the other stories' headlines there."""
    heads = [i for i in sorted(top) if cues[i] is None]
    if not heads:
        return None
    title_index: int | None = None
    first = heads[0]
    is_title = overlaps[first] >= OVERLAP or (
        len(heads) == 1 and not _TRUNCATED.search(units[first].text)
    )
    if is_title and (title is None or _same_title(units[first].text, title)):
        title_index = first
    teaser_context = len(heads) >= 2 or any(cues[i] for i in top)
    if not teaser_context and title is not None and title_index is None:
        if _is_stray_headline(units[first].text, overlaps[first], title=title):
            verdicts[first] = "teaser headline"
        return None
    for index in heads:
        if index == title_index or not teaser_context:
            continue
        text = units[index].text
        if _TRUNCATED.search(text):
            verdicts[index] = "truncated teaser"
        elif overlaps[index] < OVERLAP:
            verdicts[index] = "teaser headline"
    return title_index


def _decide_tail(
    units: list[Unit], cues: list[_Cue | None], tail: set[int], verdicts: dict[int, str]
) -> None:
    """Teaser headlines that follow junk in the bottom run (a "Related" list) go with it."""
    after_junk = False
    for index in sorted(tail):
        after_junk = after_junk or cues[index] is not None
        if cues[index] is None and after_junk:
            truncated = _TRUNCATED.search(units[index].text)
            verdicts[index] = "truncated teaser" if truncated else "teaser headline"


def _is_stray_headline(text: str, overlap: float, *, title: str) -> bool:
    """A lone headline above the body, not the known title, about something else."""
    if len(text.split()) < STRAY_MIN_WORDS or _BYLINE.match(text) or _TRUNCATED.search(text):
        return False
    if _NOT_ONE_HEADLINE.search(text):
        return False
    stems = set(content_stems(text))
    if not stems or overlap >= STRAY_OVERLAP:
        return False
    return len(stems & set(content_stems(title))) / len(stems) < STRAY_OVERLAP


def _same_title(line: str, title: str) -> bool:
    """Whether a line repeats the document's own title."""
    line_stems, title_stems = set(content_stems(line)), set(content_stems(title))
    if not line_stems or not title_stems:
        return line_key(line) == line_key(title)
    shared = len(line_stems & title_stems)
    return shared / len(line_stems) >= SAME_TITLE and shared / len(title_stems) >= SAME_TITLE
