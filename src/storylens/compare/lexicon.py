"""Word lists the comparison reads (data, not logic)."""

from __future__ import annotations

_STOP_TEXT = """
    a about above after again against all
    also am an and any are as at be because been before being below between both but by can
    could did do does doing down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves said says say saying
    told according reported reportedly earlier later today week month year one two three
    last new may might must shall s t
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that carry no fact on their own."""

DENIAL_CUES = (
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "disputed",
    "disputes",
    "refuted",
    "dismissed",
    "not claimed responsibility",
    "no evidence",
    "without providing evidence",
    "without evidence",
    "unproven",
    "unsubstantiated",
    "did not",
    "has not",
    "have not",
    "never",
)
"""Phrases that mark a statement as a denial or a dispute of a claim."""

STRONG_DENIAL_CUES = DENIAL_CUES[:16]
"""The cues that deny a claim by themselves (the rest only negate a verb)."""

CLAIM_CUES = (
    "accused",
    "accuses",
    "accusations",
    "accusation",
    "alleged",
    "allegedly",
    "claimed",
    "claims",
    "claim",
    "purportedly",
    "reportedly",
)
"""Words that present a statement as someone's claim rather than as a fact."""

COUNT_SYNONYMS = (
    frozenset({"troops", "soldiers", "servicemen", "personnel", "forces", "service"}),
    frozenset({"people", "residents", "persons", "inhabitants", "civilians", "evacuees"}),
    frozenset({"dead", "deaths", "killed", "died", "fatalities"}),
)
"""Head nouns that count the same kind of thing."""

NATIONALITY_SUFFIXES = ("ian", "ese", "ish", "ean", "an", "i")
"""Endings of demonyms ("Russian", "Belarusian"): a qualifier that can tell two slots apart."""

REPORT_CUES = ("say", "says", "said", "told", "according to", "reported", "reports")
"""Reporting verbs: a statement carrying one is attributed, not asserted by the outlet."""
