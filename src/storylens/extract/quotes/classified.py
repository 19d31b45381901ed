"""Attributions whose cue the learned classifier finds ("shows", "criticized", "is wary of").

For a token :class:`learned.CueModel` calls a cue, the source and content come from its
parse, following the way the news-attribution corpora mark them:

- source: the subject ("X criticized …", borrowed from the head for "…, adding …"), else
  the "by" agent of a passive ("was criticized by X"), else a possessive ("X's decision");
- content of a copular cue: what its adjective governs ("is critical *of* Y", "is confident
  *that* …", "is eager *to* …"; the cue runs to the preposition);
- content, in order: a clause complement (``ccomp``, ``xcomp``); the object and what follows
  it in the cue's phrase ("called him a liar", "accused Y of …"); the object of a preposition
  ("called for …", "referring to …"; the preposition joins the cue); the clause the cue
  comments on when it follows it ("…, the data shows").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storylens.extract.quotes.cues import (
    ALL_MARKS,
    COPULAS,
    CUE_VERBS,
    ISSUING_VERBS,
    NON_CONTENT_PREPOSITIONS,
    RAISING_CUES,
    SHARE_SPEAKERS,
    SPEAKER_LABELS,
    SPEAKER_NOUNS,
    SPEAKER_PRONOUNS,
    STANCE_CUES,
    TITLES,
)
from storylens.extract.quotes.learned import CueModel, candidate_tokens, complement
from storylens.extract.quotes.reported import (
    Reported,
    claimed_by,
    clause_end,
    clause_start,
    commented_clause,
    cue_start,
    hypothetical,
    next_paragraph,
    source_of,
    subject_of,
    tells_when,
    token_end,
    trimmed,
)

OBJECT_TAIL_DEPS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "acomp", "attr"})
"""Right children of a cue that continue its object ("called him a liar", "accused Y of …")."""
CLAUSE_DEPS = ("ccomp", "xcomp")
PREP_CONTENT_DEPS = frozenset({"pobj", "pcomp"})
PREP_GAP_DEPS = frozenset({"advmod", "prt", "neg"})
"""What may stand between a cue and its preposition ("weighed in on", "cheered loudly for")."""


def find_classified(doc: Any, text: str, model: CueModel, *, skip: set[int]) -> Iterator[Reported]:
    """Every attribution whose cue the model finds, except the cue tokens in ``skip``."""
    for token in candidate_tokens(doc):
        if token.i in skip:
            continue
        subject = _subject(token)
        if subject is None or _issues_speech(token) or not model.is_cue(token):
            continue  # the cheap checks first; hypothetical() only for accepted cues
        if hypothetical(token) or any(claimed_by(child) is not None for child in token.rights):
            continue  # its clause is what a nearer speech verb says
        raised = _raised(token, subject, text)
        if raised is not None:
            yield Reported(cue_start(token), token_end(token), token.i, None, *raised)
            continue
        found = _content(token, subject, text) or _patient(token, text)
        if found is None:
            continue
        (start, end), cue_end, kind = found
        source = source_of(subject, token)
        if not _plausible(token, source, kind, text[start:end]):
            continue
        yield Reported(cue_start(token), cue_end, token.i, source, start, end)


def _plausible(token: Any, source: Any, kind: str, content: str) -> bool:
    """Whether a reader would call this speech: a source that can speak, a proposition said.

    1. the source can speak or hold a view (:func:`can_speak`); a passive with no agent
       ("was announced as …") needs a clause;
    2. a passive participle is not a cue with the noun it modifies as content ("the test,
       ordered by X, …"), unless it is a speech or stance verb;
    3. a preposition of means, place or time does not introduce content ("responded by …").
    """
    quoted = any(mark in content for mark in ALL_MARKS)
    if source is None:
        return kind in PROPOSITION_KINDS or quoted
    if not can_speak(source):
        return False
    if kind == "patient":
        return token.lower_ in CUE_VERBS or token.lower_ in STANCE_CUES
    return kind != "prep" or _preposition(token) not in NON_CONTENT_PREPOSITIONS


PROPOSITION_KINDS = frozenset({"clause", "commented", "block"})
"""Content kinds that are a proposition: an unattributed passive cue needs one."""


def _preposition(token: Any) -> str:
    """The first preposition right of the cue ("" when none)."""
    prep = next((c for c in token.rights if c.dep_ == "prep"), None)
    return prep.lower_ if prep is not None else ""


def can_speak(token: Any) -> bool:
    """A person, an organisation, a place for its government, a pronoun, a speaker noun, or
    a share of a group ("many", "a third", "six in 10")."""
    lower = token.lower_
    if lower in SPEAKER_PRONOUNS or token.ent_type_ in SPEAKER_LABELS:
        return True
    if token.tag_ in ("NNP", "NNPS") or token.like_num or _capitalised(token):
        return True
    return lower in SPEAKER_NOUNS or lower in TITLES or lower in SHARE_SPEAKERS


Found = tuple[tuple[int, int], int, str]
"""Content bounds, the cue's end and the content's kind ("clause", "object", "prep" …)."""


def _patient(token: Any, text: str) -> Found | None:
    """'X was criticized by Y', 'a plan criticized by Y': with an agent, X is the content."""
    if not any(c.dep_ == "agent" for c in token.children):
        return None
    if token.dep_ == "acl":
        end = token_end(token.head)
        return _bounds(text, token.head.left_edge.idx, end, token_end(token), "patient")
    patient = next((c for c in token.lefts if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return None
    end = token_end(patient.right_edge)
    return _bounds(text, patient.left_edge.idx, end, token_end(token), "passive")


def _raised(token: Any, subject: Any, text: str) -> tuple[int, int] | None:
    """'X seems to …', 'X is expected to …': no source; the subject is part of the content."""
    if token.lower_ not in RAISING_CUES and subject.dep_ != "nsubjpass":
        return None
    if subject.i > token.i or any(c.dep_ == "agent" for c in token.children):
        return None
    clauses = [c for c in token.rights if c.dep_ in ("xcomp", "ccomp", "oprd")]
    if not clauses:
        return None
    return trimmed(text, subject.left_edge.idx, token_end(clauses[0].right_edge))


def _subject(token: Any) -> Any:
    subject = subject_of(token)
    if subject is not None:
        return subject
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(head.head)  # "… by telling X that …"
        if subject is not None:
            return subject
    if _stance_participle(token):
        return head  # "voters backing X" ("voters saying …" is subject_of's), not "consisting of"
    for child in token.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "poss" and token.tag_.startswith("NN"):
            return child
    return None


def _issues_speech(token: Any) -> bool:
    """'issued a statement saying …': the saying is the attribution (credited to the issuer),
    not the issuing."""
    if token.lower_ not in ISSUING_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(c.dep_ == "acl" and c.lower_ in CUE_VERBS for o in objects for c in o.children)


def _capitalised(token: Any) -> bool:
    """A capitalised word inside a sentence: a name the tagger and recogniser missed."""
    return bool(token.text[:1].isupper() and token.i != token.sent.start and token.is_alpha)


def _stance_participle(token: Any) -> bool:
    """A stance verb's "-ing" form after the noun it speaks for ("voters backing X"); a speech
    verb's participle ("a statement saying …") already has its speaker from subject_of."""
    noun = token.head.pos_ in ("NOUN", "PROPN")
    return token.lower_ in STANCE_CUES and noun and token.dep_ == "acl" and token.tag_ == "VBG"


def _content(token: Any, subject: Any, text: str) -> Found | None:
    """Content bounds and the cue's end (past a preposition that belongs to the cue)."""
    cue_end = token_end(token)
    comp = complement(token) if token.lower_ in COPULAS else None
    if comp is not None:
        return _adjective_content(comp, text)
    children = [c for c in token.rights if c.i != subject.i]
    for dep in CLAUSE_DEPS:
        for child in children:
            if child.dep_ == dep:
                end = clause_end(child)
                kind = "clause" if dep == "ccomp" else "infinitive"
                return _bounds(text, clause_start(child), end, cue_end, kind)
    objects = [c for c in children if c.dep_ == "dobj"]
    if objects:
        last = objects[0]
        for child in children:
            if child.i > last.i and child.dep_ in OBJECT_TAIL_DEPS:
                last = child
            elif child.i > last.i:
                break
        end = token_end(last.right_edge)
        return _bounds(text, objects[0].left_edge.idx, end, cue_end, "object")
    for child in token.lefts:
        if child.dep_ == "ccomp" and child.i != subject.i:  # "…, reports show"
            end = token_end(child.right_edge)
            return _bounds(text, child.left_edge.idx, end, cue_end, "commented")
    doc = token.doc
    for child in children:
        between = doc[token.i + 1 : child.i]
        if child.dep_ == "prep" and all(t.dep_ in PREP_GAP_DEPS for t in between):
            inner = [g for g in child.children if g.dep_ in PREP_CONTENT_DEPS]
            if inner and not tells_when(child):
                end = token_end(inner[-1].right_edge)
                return _bounds(text, inner[0].left_edge.idx, end, token_end(child), "prep")
    clause = commented_clause(token, subject, text)
    if clause is not None:
        return (clause, cue_end, "commented")
    block = next_paragraph(token, text)
    return (block, cue_end, "block") if block is not None else None


def _adjective_content(comp: Any, text: str) -> Found | None:
    """'X is critical of Y', 'X is confident that …', 'X is eager to …': the cue ends at 'of'."""
    for child in comp.rights:
        if child.dep_ in CLAUSE_DEPS:
            end = token_end(child.right_edge)
            return _bounds(text, child.left_edge.idx, end, token_end(comp), "adjective")
        if child.dep_ == "prep":
            inner = [g for g in child.children if g.dep_ in PREP_CONTENT_DEPS]
            if inner:
                end = token_end(inner[-1].right_edge)
                return _bounds(text, inner[0].left_edge.idx, end, token_end(child), "adjective")
    return None


def _bounds(text: str, start: int, end: int, cue_end: int, kind: str) -> Found | None:
    """The trimmed content bounds with the cue's end and kind, or None when nothing is left."""
    bounds = trimmed(text, start, end)
    return (bounds, cue_end, kind) if bounds is not None else None
