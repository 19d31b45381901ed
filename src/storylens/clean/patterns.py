"""Junk-line patterns and lexicons, as data.

Each rule is ``(reason, pattern, scope)``. ``scope`` says where a match removes a line:
``"any"`` anywhere in the body, ``"edge"`` only inside the top or bottom run of the text
(before the first body paragraph, after the last one). Patterns are matched
case-insensitively against one stripped line; most are anchored at the start because page
furniture opens with its label or its imperative verb, while body sentences do not.
"""

from __future__ import annotations

import re
from typing import Literal

Scope = Literal["any", "edge"]

_SEP = r"\s*(?:[:|>»]|\s[-–—]\s|\.{3}|…)"
"""A label separator: ``Also Read :``, ``Related |``, ``See also —``, ``You may also like...``."""

_READ_NEXT_LABELS = (
    r"also read|read also|read more|read next|more to read|must read|related"
    r"(?: articles?| stories| news| coverage| content| posts?| reading| links?| topics)?"
    r"|see also|recommended(?: for you| reading| stories| articles)?"
    r"|you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)"
    r"|more (?:from|on|stories|news|coverage)(?: [\w.&' -]{1,30})?|more"
    r"|don'?t miss|editor'?s picks?|trending(?: now| stories)?"
    r"|most (?:read|popular|viewed|shared)|popular (?:now|stories|posts)"
    r"|explore further|further reading|what to read next|top stories|latest (?:news|stories)"
    r"|watch|listen|in pictures"
)

_SPONSOR_LABELS = (
    r"sponsored(?: content| post| links?| stor(?:y|ies)| articles?)?"
    r"|promoted(?: content| post| stor(?:y|ies))?|paid (?:content|post|partnership)|partner content"
)
"""Labels of paid placements: ``Sponsored content by X:``, ``Promoted |``, ``Paid post —``."""

RULES: tuple[tuple[str, str, Scope], ...] = (
    # ads.txt records and ad slots leaking into the text
    (
        "ad-network line",
        r"^[\s,]*(?:[\w-]+(?:\.[\w-]+)+\s*,\s*)?(?:pub-\d{6,}|\d{6,})\s*,\s*(?:direct|reseller)\b",
        "any",
    ),
    ("ad-network line", r"^\W*pub-\d{10,}\W*$", "any"),
    (
        "ad label",
        r"^\W*(?:advertisement|advertisment|sponsored(?: content| links?)?|paid content|promoted"
        r"|story continues below(?: this)? advertisement|continue reading (?:the main story|below)"
        r"|scroll to continue with content|ad)\W*$",
        "any",
    ),
    # a sponsor's label, then the promoted story's headline
    (
        "sponsored teaser",
        rf"^\W*(?:{_SPONSOR_LABELS})(?: (?:by|from) [\w .&'-]{{1,40}}?)?{_SEP}",
        "any",
    ),
    # read-next teasers: a label, then (optionally) another story's headline
    ("read-next teaser", rf"^(?:{_READ_NEXT_LABELS}){_SEP}(?:\W*\S+){{0,30}}\W*$", "any"),
    ("read-next teaser", r"^(?:also read|read more|you may also like|related stories)\W*$", "any"),
    (
        "teaser headline",
        r"^.{5,200}\[(?:video|pics?|photos?|insight|reveal(?:ed)?|poll|latest|live|watch)\]\W*$",
        "any",
    ),
    # donation appeals: a sentence opening with the imperative, anywhere in the line
    (
        "donation appeal",
        r"(?:^|[.!?]\s+)(?:please )?(?:contribute|donate|support us|chip in"
        r"|become a (?:patron|member|supporter))"
        r"\b.{0,80}\b(?:via|through|at|on|today|here|now)\b",
        "any",
    ),
    (
        "donation appeal",
        r"\b(?:independent|quality|good|local|public[- ]interest) journalism"
        r" (?:costs|needs|depends on|relies on|is expensive|is not free|isn'?t free)\b",
        "edge",
    ),
    ("donation appeal", r"\b(?:gofundme|gogetfunding|patreon|buy ?me ?a ?coffee|ko-fi)\b", "edge"),
    (
        "donation appeal",
        r"\b(?:needs?|relies on|depends on) (?:your |reader |our readers'? )?"
        r"(?:support|donations|contributions)\b",
        "edge",
    ),
    (
        "donation appeal",
        r"^every (?:dollar|donation|contribution|penny)(?: \w+)? (?:helps|counts)",
        "edge",
    ),
    ("donation appeal", r"\bcontributions? help(?:s)? (?:keep|us|support)\b", "edge"),
    # share prompts
    (
        "share prompt",
        r"^(?:this|the) (?:article|story|post) (?:is|may be) (?:freely )?shareable\W*$",
        "any",
    ),
    (
        "share prompt",
        r"^(?:share|tweet|email|pin|print)(?: this)?(?: (?:article|story|post|page))?"
        r"(?: (?:on|via|with) [\w ,&]{1,40})?\W*$",
        "any",
    ),
    ("share prompt", r"^click (?:here )?to (?:share|email|print|tweet)\b", "any"),
    # comment forms
    (
        "comment form",
        r"^\W*(?:leave a (?:reply|comment)|post a comment|add a comment|comments? (?:are|is) closed"
        r"|view comments|show comments|join the (?:conversation|discussion)|\d*\s*comments?"
        r"|cancel reply|post comment|submit comment)\W*$",
        "any",
    ),
    (
        "comment form",
        r"^\W*(?:leave|post|add|write|share) (?:a|your) (?:comments?|reply|thoughts)"
        r"(?: below| here| on this (?:article|story|post))?\s*[.!:]",
        "any",
    ),
    (
        "comment form",
        r"\bcomments? (?:are|is|will be) (?:moderated|pre-moderated|reviewed)\b",
        "edge",
    ),
    (
        "comment form",
        r"^your email address will not be published|^required fields are marked"
        r"|^save my name, email|^you must be logged in to post a comment",
        "any",
    ),
    # app, social and newsletter plugs
    (
        "app/social plug",
        r"^(?:download|install|get) (?:the |our )?[\w .&'-]{0,40}\bapp\b",
        "any",
    ),
    (
        "app/social plug",
        r"^(?:follow|like|join|find) (?:us|[\w.@ ]{1,40}) on (?:google news|twitter|facebook"
        r"|instagram|telegram|whatsapp|youtube|linkedin|tiktok|threads)\b",
        "any",
    ),
    (
        "app/social plug",
        r"\bfollow us on (?:google news|twitter|facebook|instagram|telegram)\b",
        "edge",
    ),
    (
        "app/social plug",
        r"^(?:subscribe|sign up|register)\b.{0,60}"
        r"\b(?:newsletters?|channel|podcast|updates|alerts)\b",
        "any",
    ),
    (
        "app/social plug",
        r"^(?:thanks? (?:you )?for (?:signing up|subscribing)|there was an error processing your"
        r" subscription|get the latest (?:news|updates|stories)\b.{0,60}\b(?:inbox|app|here))",
        "any",
    ),
    ("app/social plug", r"^[\w .&'-]{1,40} newsletters?\W*$", "edge"),
    ("app/social plug", r"^(?:have a (?:news )?tip|got a (?:news )?tip)\b", "edge"),
    ("app/social plug", r"\bby clicking here\W*$|^click here\b", "edge"),
    # link farms: a call to follow a pile of news sections
    ("link-farm line", r"^(?:catch|get|read|find|check out) all the\b.{0,120}\bnews\b", "any"),
    # labels left without their content
    ("dangling source label", r"^\W*(?:sources?|via|credit|image|photo|video)\W*$", "edge"),
    ("source credit", r"^sources?\s*:\s*[\w][\w .&,'-]{0,40}$", "edge"),
    ("page furniture", r"^(?:filed under|tags|topics|categories)\s*:", "edge"),
    ("page furniture", r"^(?:copyright\b|©|\(c\) \d{4}).{0,80}$|\ball rights reserved\W*$", "edge"),
    ("page furniture", r"^https?://\S+$", "edge"),
    (
        "date line",
        r"^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:z|[+-]\d{2}:?\d{2})?$",
        "edge",
    ),
    ("date line", r"^(?:updated|published|posted|last updated)\s*(?::|at|on)\s*.{0,40}$", "edge"),
    ("date line", r"^\d+\s*(?:-|to)?\s*(?:min|minute)s?\s+read\W*$", "edge"),
    (
        "date line",
        r"^(?:(?:estimated )?read(?:ing)? time|tempo de leitura|tiempo de lectura"
        r"|temps de lecture|lesezeit|lesedauer)\s*:?\s*(?:about |approx\.? |ca\. )?"
        r"\d+(?:\s*-\s*\d+)?\s*(?:min|mins|minutes?|minutos?|minuten)\W*$",
        "edge",
    ),
)
"""The junk rules, in the order they are tried; the first match gives the reason."""

COMPILED: tuple[tuple[str, re.Pattern[str], Scope], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), scope) for reason, pattern, scope in RULES
)


def top_level_branches(pattern: str) -> list[str]:
    """The alternatives of a pattern split at its top-level ``|`` (not inside groups/sets)."""
    branches, depth, start, index, in_set = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            index += pattern.startswith("^", index + 1)  # a leading ^ or ] is no set end
            index += pattern.startswith("]", index + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*branches, pattern[start:]]


def _union(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)


_ANCHORED = [p for _, p, _ in RULES if all(b.startswith("^") for b in top_level_branches(p))]
ANCHORED_ANY = _union(_ANCHORED, re.IGNORECASE)
"""The rules matched only at a line's start, in one pattern (use ``.match``)."""
FLOATING_ANY = _union(
    [
        branch.removeprefix(r"\b")
        for pattern in (p for _, p, _ in RULES if p not in _ANCHORED)
        for branch in top_level_branches(pattern)
    ]
)
"""The other rules in one loose pattern, to search in the *lower-cased* line: without their
leading ``\b`` and case-sensitive it is several times faster, and it still matches whenever
one of the rules does (their letters are lower case). A line matching neither union matches
no rule, so the rules themselves are tried only on the few lines that match one."""

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours said says say told new one two first last year
    years week day days time today yesterday monday tuesday wednesday thursday friday saturday
    sunday news"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Function words (and news fillers) left out when comparing a line's words with the body."""

_DOUBLED_OK_TEXT = """
    had that is do bye no yes so very really ha far knock tut many much long more fifty
    sixty twenty thirty forty walla baden pago bora hush chop go there bla blah well goo"""
DOUBLED_WORD_OK = frozenset(_DOUBLED_OK_TEXT.split())
"""Words that may legitimately repeat ("had had", "that that", "Walla Walla")."""

TORTURED_PHRASES = (
    "synthetic intelligence",
    "counterfeit consciousness",
    "profound learning",
    "huge information",
    "joined states",
    "assembled states",
    "irregular woodland",
    "bosom malignant growth",
    "as an ai language model",
    "regenerate response",
    "i cannot fulfill",
    "as of my last knowledge update",
)
"""Tell-tales of spun or machine-rewritten copy (thesaurus swaps of fixed phrases, chatbot
boilerplate); matched case-insensitively on word boundaries."""

ODD_CAPITAL_AFTER_COMMA = re.compile(r", (?:On|In|At|And|But|Or|For|Of|To|With|From|By)\b(?= )")
"""A capitalised function word after a comma (", On Monday"): typical of rewriting tools."""
