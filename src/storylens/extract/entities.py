"""Named entities: spaCy's NER corrected by the gazetteer.

1. spaCy's entities of the kept labels, trimmed of a leading "the", a trailing possessive
   ("Russia's" → "Russia") and anything after a dash or a line break;
2. gazetteer names found in the tokens (longest first, case-sensitive);
3. a gazetteer name with exactly an entity's span relabels it when spaCy's label is of another
   class ("Kiev" PERSON → GPE, "Belarusian" GPE → NORP, "G7" PRODUCT → ORG); a name that
   contains entities replaces them; a name inside a longer entity leaves it alone; a name
   spaCy missed is added when its kind is trusted (countries, capitals, demonyms,
   organisations: see :data:`storylens.extract.gazetteer.ADDABLE_KINDS`).

``canonical`` is the preferred spelling for now; story-wide names come from
:func:`storylens.extract.canonical.canonicalize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storylens.extract.gazetteer import ADDABLE_KINDS, Entry, Gazetteer, load_gazetteer
from storylens.extract.lexicon_names import LEADING_THE
from storylens.model import Article, Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})
LABEL_CLASS = {"GPE": "place", "LOC": "place", "FAC": "place"}
"""Labels that are one class for correction: spaCy's GPE for a region is not overruled."""

_TRAILING = re.compile(r"(?:['’]s?|\s+-?)$")
_CUT = re.compile(r"\s[-–—]\s|\n")
_EDGE_SET = frozenset(" \t\n\"“”‘’«»()[],;:!?-–—'")
"""Characters trimmed from an entity's edges (a final "." may end "U.S." and is kept)."""


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str


def find_entities(article: Article, doc: Any) -> tuple[Entity, ...]:
    """Entities of the kept labels, corrected by the gazetteer (see the module docstring)."""
    text = article.text
    if doc is None or getattr(doc, "text", None) != text:
        return ()
    gazetteer = load_gazetteer()
    spans = [_trim(text, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    kept = [span for span in spans if span is not None and span.label in KEPT_LABELS]
    corrected = _correct(kept, _gazetteer_matches(doc, gazetteer))
    return tuple(
        Entity(
            article.id,
            span.start,
            span.end,
            text[span.start : span.end],
            span.label,
            gazetteer.preferred(" ".join(text[span.start : span.end].split())),
        )
        for span in sorted(corrected, key=lambda s: (s.start, s.end))
    )


def _trim(text: str, start: int, end: int, label: str) -> _Span | None:
    """The entity span without "the", a possessive, or text after a dash or line break."""
    cut = _CUT.search(text, start, end)
    if cut is not None:
        end = cut.start()
    while True:
        piece = text[start:end]
        leading = LEADING_THE.match(piece)
        trailing = _TRAILING.search(piece)
        if leading is not None:
            start += leading.end()
        elif trailing is not None and trailing.end() > trailing.start():
            end -= trailing.end() - trailing.start()
        elif piece[:1] in _EDGE_SET:
            start += 1
        elif piece[-1:] in _EDGE_SET:
            end -= 1
        else:
            break
        if end <= start:
            return None
    return _Span(start, end, label)


def _gazetteer_matches(doc: Any, gazetteer: Gazetteer) -> list[tuple[_Span, Entry]]:
    """Gazetteer names in the doc's tokens, longest first, not overlapping."""
    text = doc.text
    matches: list[tuple[_Span, Entry]] = []
    index = 0
    while index < len(doc):
        if not doc[index].text[:1].isupper():
            index += 1
            continue
        for size in range(min(gazetteer.longest, len(doc) - index), 0, -1):
            if doc[index + size - 1].is_space:
                continue
            start, end = doc[index].idx, doc[index + size - 1].idx + len(doc[index + size - 1])
            entry = gazetteer.lookup(" ".join(text[start:end].split()))
            if entry is not None:
                matches.append((_Span(start, end, entry.label), entry))
                index += size
                break
        else:
            index += 1
    return matches


def _correct(spans: list[_Span], matches: list[tuple[_Span, Entry]]) -> list[_Span]:
    """spaCy's spans with the gazetteer's corrections applied."""
    result = list(spans)
    for match, entry in matches:
        overlapping = [s for s in result if s.start < match.end and match.start < s.end]
        if not overlapping:
            if entry.kind in ADDABLE_KINDS:
                result.append(match)
            continue
        same = [s for s in overlapping if (s.start, s.end) == (match.start, match.end)]
        if same:
            if _label_class(same[0].label) != _label_class(match.label):
                result[result.index(same[0])] = match
            continue
        if all(match.start <= s.start and s.end <= match.end for s in overlapping):
            result = [s for s in result if s not in overlapping] + [match]
    return result


def _label_class(label: str) -> str:
    return LABEL_CLASS.get(label, label)
