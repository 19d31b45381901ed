"""The lexicon of canonical names, as data: titles, role words and the name-trimming patterns."""

from __future__ import annotations

import re

LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
"""A leading "the" ("the Kremlin" → "Kremlin")."""
POSSESSIVE = re.compile(r"['’]s?$")
"""A trailing possessive ("Russia's" → "Russia", "Belarus’" → "Belarus")."""

HONORIFICS = ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr")
"""Honorifics dropped from the front of a name ("Mr. Peskov" → "Peskov")."""

TITLES = (
    "president", "vice president", "prime minister", "deputy prime minister", "foreign minister",
    "defense minister", "defence minister", "interior minister", "finance minister", "minister",
    "secretary of state", "defense secretary", "defence secretary", "secretary general",
    "secretary-general", "secretary", "spokesman", "spokeswoman", "spokesperson", "dictator",
    "leader", "chancellor", "premier", "king", "queen", "prince", "general", "gen.",
    "commander", "commander-in-chief", "chief", "governor", "gov.", "mayor", "senator", "sen.",
    "ambassador", "envoy", "chairman", "chairwoman", "director", "head", *HONORIFICS, "pope",
    "patriarch", "colonel", "col.", "lieutenant", "major", "sergeant", "captain", "admiral",
    "marshal",
)  # fmt: skip
"""Title phrases that may stand before a name ("President Alexander Lukashenko") or alone as a
role ("the Belarusian president"); longer phrases are tried first."""

TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())
"""Single words stripped from the front of a person's name when building its canonical form."""

TYPO_MIN_LENGTH = 5
"""Names shorter than this never join another by edit distance."""

INSTITUTIONS: dict[str, str] = {
    "defense ministry": "Defense Ministry", "defence ministry": "Defense Ministry",
    "ministry of defense": "Defense Ministry", "ministry of defence": "Defense Ministry",
    "foreign ministry": "Foreign Ministry", "ministry of foreign affairs": "Foreign Ministry",
    "foreign office": "Foreign Office",
    "interior ministry": "Interior Ministry", "ministry of interior": "Interior Ministry",
    "ministry of the interior": "Interior Ministry",
    "ministry of internal affairs": "Interior Ministry",
    "justice ministry": "Justice Ministry", "ministry of justice": "Justice Ministry",
    "health ministry": "Health Ministry", "ministry of health": "Health Ministry",
    "finance ministry": "Finance Ministry", "ministry of finance": "Finance Ministry",
    "emergencies ministry": "Emergencies Ministry",
    "ministry of emergency situations": "Emergencies Ministry",
    "general staff": "General Staff", "armed forces": "Armed Forces", "army": "Army",
    "military": "Military", "navy": "Navy", "air force": "Air Force",
    "border guard": "Border Guard", "border guards": "Border Guard",
    "security council": "Security Council", "security service": "Security Service",
    "government": "Government", "parliament": "Parliament", "embassy": "Embassy",
    "president's office": "Presidential Office", "presidential office": "Presidential Office",
    "prosecutor's office": "Prosecutor's Office", "prosecutor general's office":
    "Prosecutor General's Office", "central bank": "Central Bank", "police": "Police",
}  # fmt: skip
"""State bodies every country has, by lowercase variant → one spelling. "Russia's Defense
Ministry" and "the Belarusian Defense Ministry" are two referents; the country makes the name."""

COUNTRY_REFERENCES = ("the country's", "the country’s", "the nation's", "the nation’s")
"""A possessor that points back at the country last named ("the country's Defense Ministry")."""

GENDERED_WORDS: dict[str, str] = {
    word: gender
    for gender, words in (
        ("f", "mrs mrs. ms ms. miss madam madame mme mme. lady dame woman girl mother "
              "grandmother wife daughter sister aunt niece widow girlfriend bride actress "
              "spokeswoman chairwoman congresswoman businesswoman councilwoman policewoman "
              "sportswoman stepmother mom mum queen princess duchess countess baroness heiress"),
        ("m", "mr mr. sir lord man boy father grandfather husband son brother uncle nephew "
              "widower boyfriend groom spokesman chairman congressman businessman councilman "
              "policeman sportsman stepfather dad king prince duke baron"),
    )
    for word in words.split()
}  # fmt: skip
"""Honorifics and role words that show a person's gender when they stand right before the
name ("Ms. Lee", "actress Ann Lee") or head an apposition after it ("Tamsin Orlova, a
61-year-old grandmother"); read by :mod:`storylens.extract.genders`."""

APPOSITION_STOPS = frozenset({"of", "who", "whose", "from", "in", "at", "with", "for", "on", "and"})
"""Words that end the head noun of an apposition ("a mother of two" → "mother")."""
