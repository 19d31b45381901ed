"""Reported speech from the dependency parse: "X said (that) …", "according to X, …".

A cue is a verb from :data:`cues.CUE_VERBS` (by lowercase form: the pipeline has no
lemmatizer). What was said is, in order of preference:

1. the cue's clause complement (``ccomp``/``xcomp``/``parataxis``) — "said that …",
   "warned Minsk to …", and "…, he said" when the parser hangs the clause under the cue —
   or a "that" clause the parser hung on a noun after the cue ("said in a statement that …");
2. for accusing/denying verbs, the object and its "of"/"for" phrase ("accused Y of …");
3. the clause the cue is attached to, when the cue follows it ("…, the agency reported");
4. the next paragraph, when a colon after the cue ends its own ("Peskov said:").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storylens.extract.quotes.cues import (
    ADDRESSED_CUES,
    CLAUSE_OPENERS,
    CONDITIONS,
    CONTENT_DEPS,
    CUE_PHRASES,
    CUE_PREFIX_DEPS,
    CUE_VERBS,
    DATELINE_TOKENS,
    ISSUING_VERBS,
    NEGATIONS,
    NON_CONTENT_PREPOSITIONS,
    OBJECT_CUES,
    QUOTE_TOKENS,
    SUBJECT_DEPS,
    TIME_LABELS,
    WEAK_CUES,
    XCOMP_CUES,
)
from storylens.segment.dateline import DATELINE

TRIM = " \t\n,;:—–-"


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported attribution: cue token span, source token (None: unsaid), content bounds."""

    cue_start: int
    cue_end: int
    cue_token: int
    subject: Any
    start: int
    end: int


def find_reported(doc: Any, text: str) -> Iterator[Reported]:
    """Every reported attribution in the Doc whose cue has a subject and a content."""
    for token in doc:
        if token.lower_ == "according" or token.lower_ == "quoted":
            found = _phrase_cue(token, text)
        elif token.lower_ in CUE_VERBS and token.tag_.startswith("VB"):
            found = _verb_cue(token, text)
        else:
            continue
        if found is not None:
            yield found


def subject_of(token: Any) -> Any:
    """The subject of a cue verb, borrowed from its head for "…, adding that …".

    A speech verb coordinated into the clause of another speech verb shares that verb's
    subject ("X said that Y is … and warned Z"), not the clause's.
    """
    head = token.head
    if (
        token.dep_ == "conj"
        and token.lower_ in CUE_VERBS
        and not _has_subject(token)
        and head.lower_ not in CUE_VERBS
        and head.dep_ == "ccomp"
        and head.head.lower_ in CUE_VERBS
    ):
        token = head.head
    for _ in range(3):
        subjects = [child for child in token.children if _is_subject(child)]
        if subjects:
            return _nearest(subjects, token)
        opened = opened_subject(token)
        if opened is not None:
            return opened
        if token.dep_ == "acl" and token.lower_ in CUE_VERBS:
            return None if token.tag_ == "VBN" else issuer(token.head)
        if not _borrows_subject(token):
            return None
        token = token.head
    return None


def opened_subject(token: Any) -> Any:
    """The subject of a speech verb the parser read as a preposition's object: "…, as the
    head of the service said …" hangs "the head" on "as" and leaves "said" without one. The
    noun phrase must end right before the verb, under a clause opener that hangs on the
    verb's own head."""
    if token.lower_ not in CUE_VERBS or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ in ("cc", "punct"):
        return None
    for word in (before, *before.ancestors):
        if word.i >= token.i or word.right_edge.i != token.i - 1:
            return None
        opener = word.head
        if (
            word.dep_ == "pobj"
            and opener.lower_ in CLAUSE_OPENERS
            and opener.head.i == token.head.i
        ):
            return _after_comma(word, token)
    return None


def _after_comma(phrase: Any, token: Any) -> Any:
    """The head of the part of a phrase after its last comma, when it has one: in "after a
    day of tensions, the mayor's office announced", the subject is "office"."""
    doc = phrase.doc
    commas = [w.i for w in doc[phrase.left_edge.i : token.i] if w.text == ","]
    if not commas:
        return phrase
    head = doc[token.i - 1]
    while commas[-1] < head.head.i < token.i and head.head.i != head.i:
        head = head.head
    return head


def _borrows_subject(token: Any) -> bool:
    """A verb whose subject is its head's: "…, adding …", "X visited and said …", and a
    speech verb the parser leaves unlabelled after a comma ("X visited the site, then said
    …"; any other verb so left is too often a slip of the parse)."""
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ == "dep":
        return head.i < token.i and head.pos_ in ("VERB", "AUX") and token.lower_ in CUE_VERBS
    return token.dep_ in ("advcl", "conj", "xcomp")


def issuer(noun: Any) -> Any:
    """Who speaks through "a statement saying …": whoever issued it ("the ministry issued a
    statement saying"), else the noun itself ("voters saying …")."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lower_ in ISSUING_VERBS:
        found = [child for child in verb.children if _is_subject(child)]
        if found:
            return _nearest(found, verb)
    return noun


def _is_subject(token: Any) -> bool:
    """A subject child, but not a parse slip: "n't" ("isn't saying") or a dateline's place."""
    if token.dep_ not in SUBJECT_DEPS or token.lower_ in NEGATIONS:
        return False
    return not (token.is_upper and in_dateline(token))


def in_dateline(token: Any) -> bool:
    """Whether the token is in the dateline that opens its line ("RENO, Nev. (AP) — …").

    Reads only the few tokens around it: ``Doc.text`` would join the whole text per call.
    """
    doc = token.doc
    first = token.i
    while first > 0 and "\n" not in doc[first - 1].text:
        if token.i - first >= DATELINE_TOKENS:
            return False
        first -= 1
    head = doc[first : first + 2 * DATELINE_TOKENS]
    found = DATELINE.match(head.text)
    return found is not None and token.idx - head.start_char < found.end()


def _nearest(subjects: list[Any], token: Any) -> Any:
    """Of two subjects the parser gives one verb, the one next to it: a dateline's place
    ("MINSK (Reuters) – The ministry said …") is taken for a second subject. A subject
    before a quotation mark that stands before the cue is inside the quote ("… We're
    encouraged,” said Jack"), and the one after the cue is the speaker."""
    before = [s for s in subjects if s.i < token.i]
    after = [s for s in subjects if s.i > token.i]
    if before and after and _quoted_off(before[-1], token):
        return after[0]
    return before[-1] if before else subjects[0]


def _quoted_off(subject: Any, token: Any) -> bool:
    """Whether a quotation mark stands between a subject and the cue after it."""
    return any(word.text in QUOTE_TOKENS for word in subject.doc[subject.i + 1 : token.i])


def hypothetical(token: Any) -> bool:
    """A cue in a condition says nothing was said ("if Putin ordered him to join, …")."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)


def source_of(subject: Any, cue: Any) -> Any:
    """Who is attributed: the cue's "by" agent ("was criticized by X", "after being warned by
    X that …", "asked by X whether …"), else the subject, unless the cue is a passive: then
    the subject is who was told or asked, and no one is attributed."""
    for child in cue.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if subject.dep_ == "nsubjpass":
        return None
    if subject.head.i != cue.i and _passive(cue):
        return None
    return subject


def _passive(cue: Any) -> bool:
    """A passive cue that borrows its subject ("X did nothing after being warned that …",
    "Asked whether …, she said"): that subject was spoken to. A bare participle counts only
    after a verb of speaking to someone (:data:`cues.ADDRESSED_CUES`): "Worried that …, the
    government acted" names who worries."""
    if any(child.dep_ == "auxpass" for child in cue.children):
        return True
    bare = not any(child.dep_ == "aux" for child in cue.children)
    return cue.dep_ == "advcl" and cue.tag_ == "VBN" and bare and cue.lower_ in ADDRESSED_CUES


def _verb_cue(token: Any, text: str) -> Reported | None:
    subject = subject_of(token)
    if subject is None or hypothetical(token):
        return None
    bounds = _content_bounds(token, subject, text)
    if bounds is None:
        return None
    cue_end = token.idx + len(token.text)
    return Reported(cue_start(token), cue_end, token.i, source_of(subject, token), *bounds)


def _content_bounds(token: Any, subject: Any, text: str) -> tuple[int, int] | None:
    lower = token.lower_
    for child in token.children:
        if child.dep_ == "ccomp" or (child.dep_ in CONTENT_DEPS and lower not in WEAK_CUES):
            if child.dep_ == "xcomp" and lower not in XCOMP_CUES:
                continue
            if claimed_by(child) is not None:
                continue
            return trimmed(text, clause_start(child), clause_end(child))
    stranded = stranded_clause(token) or hung_clause(token)
    if stranded is not None:
        return trimmed(text, clause_start(stranded), clause_end(stranded))
    if lower in OBJECT_CUES:
        objects = [c for c in token.rights if c.dep_ in ("dobj", "prep", "pcomp")]
        objects = [c for c in objects if not (c.dep_ == "prep" and tells_when(c))]
        if objects:
            return trimmed(text, objects[0].left_edge.idx, token_end(objects[-1].right_edge))
    if lower not in WEAK_CUES:
        return commented_clause(token, subject, text) or next_paragraph(token, text)
    return None


def tells_when(prep: Any) -> bool:
    """A preposition whose object only says when or for how long ("on Friday", "for 45
    minutes"): a time, never what was said."""
    words = [
        word
        for child in prep.children
        if child.dep_ in ("pobj", "pcomp")
        for word in child.subtree
        if not word.is_punct
    ]
    return bool(words) and all(word.ent_type_ in TIME_LABELS for word in words)


def stranded_clause(token: Any) -> Any:
    """A cue's "that" clause the parser hung on the noun of a phrase between them ("said in
    a statement that …", "told reporters at a briefing that …"): a clause opened by the
    conjunction "that" (not the pronoun of a relative clause) under the object of a
    preposition of place, time or means. After "to", "about" or "of" the clause belongs to
    its noun ("responded to reports that …")."""
    preps = [c for c in token.rights if c.dep_ == "prep" and c.lower_ in NON_CONTENT_PREPOSITIONS]
    nouns = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    while nouns:
        noun = nouns.pop(0)
        for child in noun.rights:
            if child.dep_ in ("acl", "relcl") and _opens_with_that(child):
                return child
            if child.dep_ == "prep":
                nouns += [g for g in child.children if g.dep_ == "pobj"]
    return None


def claimed_by(clause: Any) -> Any:
    """The speech verb a clause complement belongs to when the parser hung it on a verb
    further up: "X launched attacks, with Y reporting in March that …" hangs the "that"
    clause on "launched"; it is what "reporting" says. The speech verb is the one whose
    phrase ends right before the clause, under the clause's head, with a subject of its own
    (not "…, written by X, that …") and no clause of its own."""
    if clause.dep_ != "ccomp" or clause.left_edge.i == 0:
        return None
    head = clause.head
    for word in clause.doc[clause.left_edge.i - 1].ancestors:
        if word.i == head.i:
            return None
        if word.right_edge.i != clause.left_edge.i - 1 or word.i < head.i:
            continue
        if _speaks_without_clause(word):
            return word
    return None


def _speaks_without_clause(word: Any) -> bool:
    """An active speech verb with its own subject and no clause of its own."""
    active = word.tag_ in ("VBD", "VBG", "VBP", "VBZ")
    return word.lower_ in CUE_VERBS and active and _has_subject(word) and not _has_clause(word)


def hung_clause(token: Any) -> Any:
    """The clause :func:`claimed_by` gives to this speech verb, if any."""
    clause = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
    for _ in range(4):
        if clause is None or clause.dep_ == "ccomp":
            break
        clause = clause.head if clause.head.i != clause.i else None
    if clause is None or clause.dep_ != "ccomp":
        return None
    owner = claimed_by(clause)
    return clause if owner is not None and owner.i == token.i else None


def _has_clause(token: Any) -> bool:
    return any(child.dep_ in CONTENT_DEPS for child in token.children)


def _opens_with_that(clause: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts)


def next_paragraph(token: Any, text: str) -> tuple[int, int] | None:
    """'X said:' ending a paragraph introduces the next one (a block quote, a statement)."""
    after = token_end(token)
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip() != ":":
        return None
    start = len(text) - len(text[line_end:].lstrip())
    end = text.find("\n", start)
    return trimmed(text, start, len(text) if end < 0 else end)


def clause_start(clause: Any) -> int:
    """Where a content clause starts: at the "that" before its subject, never before it
    ("has said over and over that …", where the parser hangs "over (that)" on the clause)."""
    left = clause.left_edge
    subjects = [c for c in clause.lefts if c.dep_ in SUBJECT_DEPS]
    if subjects:
        before = subjects[0].left_edge.i - 1
        if before > left.i and clause.doc[before].lower_ == "that":
            return int(clause.doc[before].idx)
    return int(left.idx)


def clause_end(clause: Any) -> int:
    """Where a content clause ends: before a speech verb coordinated into it, which has a
    content of its own ("X said Y and said that Z": Y ends before "and said")."""
    doc = clause.doc
    for conj in clause.rights:
        if conj.dep_ == "conj" and conj.lower_ in CUE_VERBS and not _has_subject(conj):
            last = conj.left_edge.i - 1
            while last > clause.i and doc[last].dep_ in ("cc", "punct"):
                last -= 1
            return token_end(doc[last])
    return token_end(clause.right_edge)


def _has_subject(token: Any) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


def commented_clause(token: Any, subject: Any, text: str) -> tuple[int, int] | None:
    """The clause a cue comments on: "…, the agency reported" or "X, he said, Y"."""
    head = token.head
    if token.dep_ not in ("ccomp", "parataxis", "advcl") or head.i == token.i:
        return None
    if _said_clause(token):
        return None
    left = min(token.left_edge.idx, subject.left_edge.idx)
    if head.i > token.i and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
        return trimmed(text, token_end(token.right_edge), token_end(head.right_edge))
    if head.i < token.i:
        return trimmed(text, head.left_edge.idx, left)
    if token.dep_ == "parataxis" and head.left_edge.i < subject.left_edge.i:
        return trimmed(text, head.left_edge.idx, token_end(head.right_edge))
    return None


def _said_clause(token: Any) -> bool:
    """The cue heads what another verb said ("X said (that) Y commented"): it comments on
    nothing."""
    head = token.head
    if any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in token.children):
        return True
    return token.dep_ == "ccomp" and head.i < token.i and head.lower_ in CUE_VERBS


def _phrase_cue(token: Any, text: str) -> Reported | None:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or (token.lower_, nxt.lower_) not in CUE_PHRASES:
        return None
    objects = [c for c in nxt.children if c.dep_ == "pobj"]
    if not objects:
        return None
    subject, sent = objects[0], token.sent
    phrase_end = token_end(subject.right_edge)
    if token.i == sent.start or text[sent.start_char : token.idx].strip(TRIM) == "":
        bounds = trimmed(text, phrase_end, sent.end_char)
    else:
        bounds = trimmed(text, sent.start_char, token.idx)
    if bounds is None:
        return None
    return Reported(token.idx, token_end(nxt), token.i, subject, *bounds)


def cue_start(token: Any) -> int:
    """Where a cue verb's phrase starts: its auxiliaries, negation and adverbs right before it
    belong to it ("has not claimed", "has also said"), so a denial never reads as a claim."""
    doc, at = token.doc, token.i
    while at > 0 and doc[at - 1].head.i == token.i and doc[at - 1].dep_ in CUE_PREFIX_DEPS:
        at -= 1
    return int(doc[at].idx)


def token_starts(doc: Any) -> list[int]:
    """The character offset of every token, read from the Doc's arrays (no Token objects)."""
    if len(doc) == 0:
        return []
    starts: list[int] = doc.to_array("IDX").tolist()
    return starts


def token_end(token: Any) -> int:
    """The character offset just after ``token``."""
    return int(token.idx + len(token.text))


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds without edge spaces and punctuation (and a final "."); None if under 2 chars."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + ".":
        end -= 1
    return (start, end) if end - start > 1 else None
