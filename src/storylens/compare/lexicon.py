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
    "rejecting",
    "refuted",
    "refutes",
    "dismissed",
    "dismisses",
)
"""Phrases by which someone denies or rejects a claim (as verbs: see ADJECTIVE_MARKERS)."""

NEGATION_CUES = (
    "did not",
    "didn't",
    "does not",
    "doesn't",
    "has not",
    "hasn't",
    "have not",
    "had not",
    "was not",
    "were not",
    "never",
)
"""Negations: a denial only when the negated words say what the claim says."""

DISPUTE_CUES = (
    "no evidence",
    "without evidence",
    "without providing evidence",
    "without offering evidence",
    "unproven",
    "unsubstantiated",
    "unverified",
    "unconfirmed",
    "could not be verified",
    "could not be independently verified",
    "has not been verified",
    "have not been verified",
    "has not been confirmed",
    "disputed",
    "disputes",
    "contested",
    "contests",
    "questioned",
    "cast doubt",
    "casts doubt",
)
"""Phrases that present a claim as unproven or contested (without denying it)."""

NOT_CLAIMED_CUES = (
    "not claimed responsibility",
    "not claimed the attack",
    "not taken responsibility",
    "not accepted responsibility",
    "not admitted responsibility",
    "not acknowledged responsibility",
    "not publicly claimed",
    "not said it was behind",
    "not confirmed its involvement",
    "not commented on the attack",
    "no claim of responsibility",
    "did not claim responsibility",
    "didn't claim responsibility",
)
"""Phrases saying that someone named as the actor has not owned an act."""

INTENT_WORDS = (
    "plan",
    "plans",
    "planned",
    "planning",
    "plot",
    "plotting",
    "plotted",
    "prepare",
    "prepares",
    "preparing",
    "intend",
    "intends",
    "intending",
    "contemplate",
    "contemplates",
    "contemplating",
)
"""Words that put an act in the future, as someone's intention ("planning to invade")."""

HOSTILE_WORDS = (
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "strike",
    "strikes",
    "struck",
    "invade",
    "invades",
    "invaded",
    "invading",
    "invasion",
    "assault",
    "bombing",
    "bombed",
    "blast",
    "explosion",
    "sabotage",
    "shelling",
    "shelled",
)
"""Words for a hostile act against a target (an attack, a strike, a blast)."""

CLAIM_REFERENCES = (
    "this claim",
    "the claim",
    "these claims",
    "the claims",
    "such claims",
    "this accusation",
    "the accusation",
    "these accusations",
    "the accusations",
    "this allegation",
    "the allegation",
    "these allegations",
    "the allegations",
    "the charge",
    "the charges",
)
"""Words by which a sentence refers back to the claim reported before it."""

PLACE_PREPOSITIONS = frozenset(
    {
        "from",
        "in",
        "of",
        "to",
        "at",
        "near",
        "into",
        "across",
        "toward",
        "towards",
        "on",
        "against",
        "inside",
        "within",
        "between",
        "with",
        "for",
        "over",
    }
)
"""A name right after one of these is where or whom, never who acts ("ten miles from Lima")."""

INSTITUTION_WORDS = frozenset(
    {
        "ministry",
        "ministries",
        "department",
        "office",
        "agency",
        "service",
        "council",
        "committee",
        "command",
        "government",
        "parliament",
        "army",
        "police",
        "embassy",
        "cabinet",
        "staff",
    }
)
"""Words that make a speaker an institution, which belongs to one country or another."""

CLAIM_CUES = (
    "accused",
    "accuses",
    "accusing",
    "accusations",
    "accusation",
    "alleged",
    "alleges",
    "allegedly",
    "allegations",
    "claimed",
    "claims",
    "claim",
    "purportedly",
    "reportedly",
    "who say",
    "who says",
    "who said",
    "who claim",
)
"""Words that present a statement as someone's claim rather than as a fact."""

REPORT_CUES = ("say", "says", "said", "told", "according to", "reported", "reports")
"""Reporting verbs: a statement carrying one is attributed, not asserted by the outlet."""

ADJECTIVE_MARKERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"}
)
"""A cue right after one of these is an adjective ("the disputed election"), not a verb."""

COUNT_SYNONYMS = (
    frozenset({"troops", "soldiers", "servicemen", "personnel", "forces", "service"}),
    frozenset({"people", "residents", "persons", "inhabitants", "civilians", "evacuees"}),
    frozenset({"dead", "deaths", "killed", "died", "fatalities"}),
)
"""Head nouns that count the same kind of thing."""

NATIONALITY_SUFFIXES = ("ian", "ese", "ish", "ean", "an", "i")
"""Endings of demonyms ("Russian", "Belarusian"): a qualifier that can tell two slots apart."""

SLOT_FRAMES: dict[str, tuple[str, ...]] = {
    "displaced": (
        "evacuated",
        "evacuate",
        "evacuation",
        "evacuations",
        "fled",
        "flee",
        "fleeing",
        "displaced",
        "moved out",
        "forced from",
        "forced out",
        "driven from",
        "relocated",
        "moved to safety",
        "left their homes",
        "lost their homes",
        "homeless",
    ),
    "dead": (
        "killed",
        "died",
        "dead",
        "deaths",
        "death toll",
        "lost their lives",
        "perished",
        "fatalities",
        "bodies",
    ),
    "injured": ("injured", "wounded", "hurt", "hospitalised", "hospitalized", "injuries"),
    "missing": ("missing", "unaccounted"),
    "detained": ("arrested", "detained", "taken into custody", "arrests"),
    "deployed": ("deploy", "deployed", "deploying", "deployment", "stationed", "station"),
    "population": (
        "town of",
        "city of",
        "population",
        "inhabitants",
        "home to",
    ),
}
"""What a counted figure is about, told by the words next to it: two figures of different
frames (deaths and evacuations, a town's population and its evacuees) are different slots."""

SUBSET_QUALIFIERS = frozenset(
    {
        "new",
        "additional",
        "extra",
        "other",
        "another",
        "former",
        "active-duty",
        "active",
        "reserve",
        "retired",
        "civilian",
        "military",
        "foreign",
        "local",
        "permanent",
        "temporary",
        "seasonal",
        "registered",
        "unregistered",
    }
)
"""Modifiers of a counted noun that name a different group ("new troops", "active-duty
personnel"): a figure with one does not fill the same slot as a figure without it."""
