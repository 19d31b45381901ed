"""Pronoun resolution on ECB+: does "he"/"she" resolve to the person the gold chain names?

Speakers are often pronouns ("he said"), and PolNeAR marks the pronoun itself as the source,
so the attribution eval cannot tell whether we resolved it to the right person. ECB+ can:
its markables are linked into coreference chains (``<Relations>``: every ``source`` of one
relation is the same entity). Every "he"/"she" markable in a chain is resolved with
:class:`storylens.extract.quotes.speakers.SpeakerResolver`, on the text and parse the pipeline
makes (syntax only in trigger sentences), and scored:

- the chain names someone (a capitalised word of one of its mentions that the article never
  writes in lower case, so "Pilot" in a headline is no name): right when the resolved name
  shares such a word ("Quill" for "Maria Quill"); a different name or none is wrong;
- the chain names no one ("a woman in her sixties … she"): right when no name is given.

``wrong_person_rate`` counts the answers that name someone else, the error a reader of
"who said what" is misled by. ``make eval`` runs all topics; ``--fast``: the even topics.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.clustering import DATA, text_of_tokens, topic_number
from evals.metric import Metric
from storylens.extract.entities import find_entities
from storylens.extract.genders import PRONOUN_GENDERS
from storylens.extract.quotes.speakers import SpeakerResolver
from storylens.extract.triggers import needs_parse
from storylens.model import Article
from storylens.resources import load_nlp
from storylens.segment.parse import parse

PRONOUNS = frozenset({"he", "she"})
NOT_NAMES = frozenset(PRONOUN_GENDERS)
"""Mentions that are pronouns, not names."""
_CAPITALISED = re.compile(r"[A-Z][\w-]*")
_LOWER = re.compile(r"\b[a-z][\w-]*\b")


@dataclass(frozen=True, slots=True)
class Case:
    """One pronoun to resolve: its character span and the names its chain gives (maybe none)."""

    start: int
    end: int
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Tally:
    right: int = 0
    wrong_person: int = 0
    unresolved: int = 0

    @property
    def total(self) -> int:
        return self.right + self.wrong_person + self.unresolved


def load_cases(path: Path) -> tuple[str, list[Case]]:
    """A document's text (as :func:`tokens_to_text` builds it) and its pronoun cases."""
    root = ET.parse(path).getroot()
    text = text_of_tokens(root)
    offsets = _token_offsets(text, root)
    spans: dict[str, tuple[int, int]] = {}
    for markable in _children(root, "Markables"):
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if anchors:
            spans[markable.get("m_id", "")] = (offsets[anchors[0]][0], offsets[anchors[-1]][1])
    prose = {w for line in text.splitlines() if "/" not in line for w in _LOWER.findall(line)}
    cases: dict[tuple[int, int], Case] = {}
    for relation in _children(root, "Relations"):
        ids = [source.get("m_id", "") for source in relation.iter("source")]
        chain = [spans[m_id] for m_id in ids if m_id in spans]
        names = frozenset(
            word
            for start, end in chain
            if text[start:end].lower() not in NOT_NAMES
            for word in _CAPITALISED.findall(text[start:end])
            if word.lower() not in prose
        )
        mentions = [text[start:end] for start, end in chain]
        if len(mentions) > 1 and any(m.lower() not in NOT_NAMES for m in mentions):
            for start, end in chain:
                if text[start:end].lower() in PRONOUNS:
                    cases[(start, end)] = Case(start, end, names)
    return text, sorted(cases.values(), key=lambda case: case.start)


def _children(root: Any, tag: str) -> list[Any]:
    found = root.find(tag)
    return [] if found is None else list(found)


def _token_offsets(text: str, root: Any) -> dict[str, tuple[int, int]]:
    """Token id → character span in ``text`` (tokens appear in order; only spaces differ)."""
    offsets: dict[str, tuple[int, int]] = {}
    at = 0
    for token in root.iter("token"):
        word = token.text or ""
        start = text.index(word, at)
        offsets[token.get("t_id", "")] = (start, start + len(word))
        at = start + len(word)
    return offsets


def score_document(text: str, cases: list[Case], doc: Any, name: str) -> Tally:
    """Resolve each case's pronoun in one parsed document and tally the outcomes."""
    article = Article(id=name, source=name, text=text)
    resolver = SpeakerResolver(text, doc, find_entities(article, doc))
    at = {token.idx: token for token in doc}
    right = wrong = unresolved = 0
    for case in cases:
        resolved = resolver.resolve(at[case.start]).name
        if resolved is None:
            right += not case.names
            unresolved += bool(case.names)
        elif case.names & set(resolved.split()):
            right += 1
        else:
            wrong += 1
    return Tally(right, wrong, unresolved)


def evaluate(shared: Path, *, fast: bool = False) -> list[Metric]:
    """Accuracy and wrong-person rate over every "he"/"she" in an ECB+ chain."""
    paths = sorted((shared / DATA).glob("*/*.xml"))
    if fast:
        paths = [p for p in paths if topic_number(p.stem) % 2 == 0]
    loaded = [(path.stem, *load_cases(path)) for path in paths]
    loaded = [item for item in loaded if item[2]]
    articles = [Article(id=name, source=name, text=text) for name, text, _ in loaded]
    docs = parse(articles, nlp=load_nlp(), needs_parse=needs_parse)
    pairs = zip(loaded, docs, strict=True)
    tallies = [score_document(text, cases, doc, name) for (name, text, cases), doc in pairs]
    total = Tally(
        sum(t.right for t in tallies),
        sum(t.wrong_person for t in tallies),
        sum(t.unresolved for t in tallies),
    )
    data = f"ECB+ {'even' if fast else 'all'} topics ({len(loaded)} docs, {total.total} pronouns)"
    note = "he/she in a gold coreference chain"
    return [
        Metric("pronouns", "accuracy", total.right / total.total, data, note),
        Metric(
            "pronouns",
            "wrong_person_rate",
            total.wrong_person / total.total,
            data,
            "a name the chain does not give",
            higher_is_better=False,
        ),
        Metric("pronouns", "cases", float(total.total), data, note),
    ]
