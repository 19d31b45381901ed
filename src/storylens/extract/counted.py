"""What a number counts, read from the dependency parse of the article's spaCy Doc.

The counted noun is found by the number's relation to it, in this order:

1. the number has an "of" phrase: "hundreds of thousands of men", "40% of voters";
2. the number modifies a following noun: "9,000 troops", "Up to 60 T-72 tanks";
3. the number is in apposition to a noun: "service personnel (about 70,000)";
4. the number is the object of "of" after a noun: "an army size of around 50,000";
5. the number is the subject of "be" with a noun attribute: "120,000 are members of …";
6. the number is the subject of a relative clause: "reservists, among whom 120,000 are …".

The phrase keeps the noun's compound and adjective modifiers ("Russian troops").
"""

from __future__ import annotations

from typing import Any

from storylens.extract.lexicon_quantities import COUNT_MODIFIER_DEPS

NOUNLIKE = frozenset({"NOUN", "PROPN"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'re", "’re"})
MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
EDGE_JUNK = " \t\n\"'“”‘’«»()[],.;:-–—"


def number_root(doc: Any, start: int, end: int) -> Any | None:
    """The syntactic root token of the characters ``start:end``, or None when unaligned."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def is_label(root: Any) -> bool:
    """Whether the number names something ("Bridge 2", "Apollo 11") rather than counts it."""
    head = root.head
    return bool(
        head.i < root.i
        and head.pos_ == "PROPN"
        and root.dep_ in ("nummod", "compound", "appos", "npadvmod")
    )


def counted_phrase(root: Any, *, last: int) -> str | None:
    """The normalised noun phrase counted by the number rooted at ``root``.

    ``last`` is the index of the number's last token: modifiers of a following noun are
    taken only after it.
    """
    head = root.head
    # 1. "thousands of men", "40% of voters"
    of_object = _of_object(root)
    if of_object is not None:
        return _phrase(of_object, after=-1)
    # 2. the number modifies a following noun
    if root.dep_ in MODIFIER_DEPS and head.i > last and head.pos_ in NOUNLIKE:
        return _phrase(head, after=last)
    # 3. apposition to a noun
    if root.dep_ == "appos" and head.pos_ in NOUNLIKE:
        return _phrase(head, after=-1)
    # 4. "an army size of around 50,000"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUNLIKE:
        return _phrase(head.head, after=-1) if head.head.i < root.i else None
    # 5. "120,000 are members of the territorial defense forces"
    if root.dep_ in ("nsubj", "nsubjpass") and head.lower_ in BE_FORMS:
        for child in head.children:
            if child.dep_ == "attr" and child.pos_ in NOUNLIKE:
                return _phrase(child, after=-1, with_of=True)
        # 6. "reservists, among whom 120,000 are …"
        if head.dep_ == "relcl" and head.head.pos_ in NOUNLIKE:
            return _phrase(head.head, after=-1)
    return None


def _of_object(token: Any) -> Any | None:
    """The noun of an "of" phrase hanging on ``token``, if any."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in NOUNLIKE:
                    return grandchild
    return None


def _phrase(noun: Any, *, after: int, with_of: bool = False) -> str | None:
    """``noun`` with its left modifiers after token ``after`` (and its "of" phrase)."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in COUNT_MODIFIER_DEPS and child.i > after:
            start = min(start, child.left_edge.i)
    while start < noun.i and noun.doc[start].i <= after:
        start += 1
    end = noun.i
    if with_of:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                end = max(end, child.right_edge.i)
    doc = noun.doc
    first = doc[start]
    text = " ".join(doc[start : end + 1].text.split()).strip(EDGE_JUNK)
    if first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_:
        text = text[:1].lower() + text[1:]
    return text or None
