"""Lexicons for attribution, as data: cue verbs by lowercase form, cue phrases, titles, pronouns.

The pinned spaCy pipeline runs without a lemmatizer, so every verb is listed with its
inflected forms (base, third person, past, participles) on one line.
"""

from __future__ import annotations

from importlib import resources


def forms(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon string."""
    return frozenset(text.split())


_VERB_LINES = """
say says said saying
tell tells told telling
add adds added adding
write writes wrote written writing
claim claims claimed claiming
warn warns warned warning
accuse accuses accused accusing
deny denies denied denying
confirm confirms confirmed confirming
announce announces announced announcing
note notes noted noting
report reports reported reporting
state states stated stating
insist insists insisted insisting
argue argues argued arguing
explain explains explained explaining
suggest suggests suggested suggesting
declare declares declared declaring
tweet tweets tweeted tweeting
acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting
allege alleges alleged alleging
assert asserts asserted asserting
stress stresses stressed stressing
emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised
predict predicts predicted predicting
reveal reveals revealed revealing
concede concedes conceded conceding
estimate estimates estimated estimating
threaten threatens threatened threatening
promise promises promised promising
vow vows vowed vowing
urge urges urged urging
call calls called calling
ask asks asked asking
respond responds responded responding
reply replies replied replying
recall recalls recalled recalling
maintain maintains maintained maintaining
contend contends contended contending
complain complains complained complaining
charge charges charged charging
blame blames blamed blaming
boast boasts boasted boasting
joke jokes joked joking
remark remarks remarked remarking
observe observes observed observing
point points pointed pointing
mention mentions mentioned mentioning
describe describes described describing
indicate indicates indicated indicating
clarify clarifies clarified clarifying
comment comments commented commenting
testify testifies testified testifying
conclude concludes concluded concluding
agree agrees agreed agreeing
believe believes believed believing
think thinks thought thinking
quip quips quipped quipping
retort retorts retorted retorting
scoff scoffs scoffed scoffing
muse muses mused musing
marvel marvels marveled marvelled marveling marvelling
wonder wonders wondered wondering
shout shouts shouted shouting
yell yells yelled yelling
"""

CUE_VERBS: frozenset[str] = forms(_VERB_LINES)
"""Verbs that mark an attribution ("said", "denied", "warned"), every form in lowercase."""

OBJECT_CUES: frozenset[str] = forms(
    "accuse accuses accused accusing blame blames blamed blaming deny denies denied denying "
    "charge charges charged charging"
)
"""Cue verbs whose content may be their object or an "of"/"for" phrase ("accused Y of …")."""

WEAK_CUES: frozenset[str] = forms(
    "call calls called calling point points pointed pointing agree agrees agreed agreeing "
    "believe believes believed believing think thinks thought thinking describe describes "
    "described describing mention mentions mentioned mentioning"
)
"""Cue verbs that mark speech only with a clause complement ("called for" is not "called")."""

COPULAS: frozenset[str] = forms("be is are was were been being am 's 're 'm ’s ’re ’m")
"""Forms of "be": a cue only with an adjective from the learned list ("is critical of")."""

NOT_CUE_VERBS: frozenset[str] = COPULAS | forms("have has had having do does did get got")
"""Copulas and auxiliaries: never a cue on their own."""

RAISING_CUES: frozenset[str] = forms("seem seems seemed seeming appear appears appeared appearing")
"""Cues of an unattributed judgement whose subject belongs to the content ("X seems to …")."""

STANCE_CUES: frozenset[str] = forms(
    "criticize criticizes criticized criticizing criticise criticises criticised criticising "
    "praise praises praised praising condemn condemns condemned condemning "
    "reject rejects rejected rejecting dispute disputes disputed disputing "
    "downplay downplays downplayed downplaying dismiss dismisses dismissed dismissing "
    "defend defends defended defending welcome welcomes welcomed welcoming "
    "applaud applauds applauded applauding slam slams slammed slamming "
    "blast blasts blasted blasting question questions questioned questioning "
    "doubt doubts doubted doubting oppose opposes opposed opposing "
    "endorse endorses endorsed endorsing decry decries decried decrying "
    "lament laments lamented lamenting reaffirm reaffirms reaffirmed reaffirming "
    "talk talks talked talking discuss discusses discussed discussing "
    "show shows showed shown showing find finds found finding "
    "expect expects expected expecting fear fears feared fearing hope hopes hoped hoping "
    "issue issues issued issuing cite cites cited citing quote quotes quoted quoting "
    "call calls called calling demand demands demanded demanding "
    "request requests requested requesting propose proposes proposed proposing "
    "recommend recommends recommended recommending "
    "back backs backed backing support supports supported supporting "
    "favor favors favored favoring favour favours favoured favouring"
)
"""Cues outside :data:`CUE_VERBS` that stay cues as a participle modifying their content
("a plan criticized by Y"); any other participle is an action ("the test, ordered by X")."""

ADDRESSED_CUES: frozenset[str] = forms(
    "asked told warned informed questioned pressed advised briefed urged reminded assured "
    "notified quizzed interviewed challenged"
)
"""Past participles of speaking to someone: bare, they say who was spoken to ("Asked
whether …, she said"), not who spoke; a feeling's participle ("Worried that …, the
government") names the one who feels it. Only the participle is read, so only it is listed."""

XCOMP_CUES: frozenset[str] = forms(
    "warn warns warned warning threaten threatens threatened threatening urge urges urged "
    "urging promise promises promised promising vow vows vowed vowing ask asks asked asking "
    "call calls called calling tell tells told telling"
)
"""Cues whose infinitive complement is what was said ("warned Minsk to stop", "vowed to
respond"); for any other cue an ``xcomp`` is not what was said ("declined to comment")."""

NON_CONTENT_PREPOSITIONS: frozenset[str] = forms("by in at into through during from with")
"""Prepositions whose object is a means, place or time, never what was said ("responded by
carrying out strikes", "pushed back in the north")."""
TIME_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})
"""Entity labels of a preposition's object that tell when, not what ("spoke on Friday")."""

SPEAKER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Entity labels of a subject that can speak or hold a view (a place stands for its government)."""


SPEAKER_NOUNS: frozenset[str] = forms(
    "official officials analyst analysts expert experts observer observers critic critics "
    "agency agencies ministry ministries government governments administration authority "
    "authorities department office military army police court courts regime council committee "
    "party parties group groups team campaign company companies firm firms organization "
    "organisation union alliance coalition commission panel board bank banks institute "
    "people residents citizens voters supporters opponents protesters activists lawmakers "
    "legislators politicians leaders leadership democrats republicans members member staff "
    "aides aide source sources witness witnesses forecasters economists scientists researchers "
    "historians journalists reporters media press newspaper paper report reports document "
    "documents statement statements study studies survey surveys poll polls data figures "
    "images photos videos footage records evidence analysis estimates study memo letter "
    "filing complaint lawsuit indictment website post tweet article book investigators "
    "prosecutors diplomats negotiators representatives delegates delegation embassy "
    "spokesperson administration white house kremlin pentagon parliament congress senate "
    "house state states country countries nation nations side west allies ally everyone "
    # people in a role, and what they write (chosen from the most frequent head nouns of the
    # sources in PolNeAR train that the words above missed)
    "candidates nominees senators governors advisers advisors directors judges managers "
    "spokesmen strategist strategists supporter advocate advocates admirers executive "
    "executives crowd reporter front-runner friend friends rival rivals donor donors "
    "conservatives liberals progressives moderates pollster pollsters insiders establishment "
    "public audience man men woman women person father mother son daughter wife husband "
    "businessman businesswoman writer writers lawyer lawyers attorney attorneys attendees "
    "employee employees commentator commentators editorial editorials unions actor actors "
    "worker workers operatives activist ministers staffer staffers journalist investors "
    "physicians doctors doctor backers signatories families family outlets network networks "
    "campaigns contenders officer officers organizations community narrator "
    "email emails filings ad ads video release message speech account "
    "manager managers diplomat diplomats mogul moguls opponent opponents moderator moderators "
    "runner runners surgeon neurosurgeon millennials generation youth veterans "
    "results findings polling review legislation law laws bill platform proposal agreement "
    "rules resolution verdict ruling order"
)
"""Common nouns that can be a source: people in a role, bodies, and the documents and evidence
PolNeAR counts as sources ("the report shows", "polls suggest"); titles count too."""

SHARE_SPEAKERS: frozenset[str] = forms(
    "many some most all both others none few several each either neither half third quarter "
    "majority majorities minority minorities plurality percent % share proportion number rest "
    "another ones couple hundreds thousands dozens quarters average"
)
"""Words for a share of a group that speak as one ("many say", "a third said", "9 percent
of voters think"); a number ("six in 10 say") counts too."""

LINE_LABELS: frozenset[str] = forms(
    "update updated breaking exclusive watch read listen related see also more photo photos "
    "video videos image caption credit note editor editors correction clarification "
    "transcript opinion analysis comment live latest tags tag topics category filed posted "
    "published source sources by q a question answer warning disclaimer advertisement "
    "sponsored subscribe follow share"
)
"""Words that label a line rather than name its speaker ("Update: …", "Editor's note: …").
"Sources: …" is a label too often (a list of links) to be read as a speaker."""

CUE_PHRASES: tuple[tuple[str, ...], ...] = (("according", "to"), ("quoted", "by"))
"""Prepositional cues: "according to X, …"."""

CONTENT_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "parataxis"})
"""Dependency labels of a cue verb's child that hold what was said."""

SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj"})

CUE_PREFIX_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "neg", "advmod"})
"""Children right before a cue verb that belong to its phrase ("has not", "also")."""

CLAUSE_OPENERS: frozenset[str] = forms("as while after before since because when until once")
"""Words that open a clause; the parser sometimes reads one as a preposition and its subject
as the object ("announced as *the head of the service* said …")."""

CONDITIONS: frozenset[str] = frozenset({"if", "unless"})
"""Marks of a condition: a cue under one reports nothing ("if Putin ordered him to …")."""

ISSUING_VERBS: frozenset[str] = forms(
    "issue issues issued issuing release releases released releasing publish publishes "
    "published publishing post posts posted posting send sends sent sending "
    "put puts putting tweet tweets tweeted tweeting write writes wrote writing"
)
"""Verbs by which a speaker puts out a text that speaks for them ("issued a statement saying")."""

NEGATIONS: frozenset[str] = frozenset({"n't", "n’t", "not", "never"})
"""Words the parser sometimes takes for a subject ("does n't say"): never a speaker."""

DATELINE_TOKENS = 12
"""How far into a line (tokens) a dateline's place word may stand."""

NAME_DEPS: frozenset[str] = frozenset(
    {"compound", "det", "amod", "poss", "nmod", "case", "nummod", "quantmod", "flat"}
)
"""Left children kept in a speaker mention ("Kremlin spokesman Dmitry Peskov")."""

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them", "it", "we"})
NESTED_PRONOUNS: frozenset[str] = forms("he she they i we you it")
"""Sources whose attribution inside another's content repeats it ("X said he thinks …")."""
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})
SPEAKER_PRONOUNS: frozenset[str] = (
    NESTED_PRONOUNS
    | RELATIVE_PRONOUNS
    | forms("this these those someone somebody everyone anyone nobody one")
    | forms("his her their its my our your")
)
"""Pronouns that may stand for a speaker (resolved later by :mod:`.speakers`)."""

TITLES: frozenset[str] = forms(
    "president leader minister spokesman spokeswoman spokesperson chancellor premier "
    "secretary governor senator mayor chief commander general ambassador envoy king queen "
    "dictator head director official adviser advisor chairman chairwoman candidate nominee "
    "prosecutor judge"
)
"""Title nouns: "the Belarusian president" is resolved to the person named with that title."""

ALL_MARKS = "“”‘’\"'«»"

QUOTE_TOKENS: frozenset[str] = frozenset(ALL_MARKS) | {"``", "''"}
"""Quotation marks as tokens: direct quotes start from them, so their sentences are parsed."""

TERM_MAX_WORDS = 4
"""A quoted fragment this short with no speech cue of its own is a term, not speech."""
TITLE_SMALL_WORDS: frozenset[str] = forms(
    "a an the of for and or nor but to in on at by with from as vs via is it"
)
"""Words a title-case title may leave in lower case ("Flip the Script with Liz Plank")."""


def _data_words(filename: str) -> frozenset[str]:
    """The words of a one-word-a-line file in ``storylens/data/quotes`` (``#``: comments)."""
    path = resources.files("storylens.data").joinpath("quotes", filename)
    lines = path.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


LEARNED_CUE_WORDS: frozenset[str] = _data_words("cue_words.txt")
"""Verbs and nouns the learned cue classifier scores (written by ``scripts/train_cues.py``)."""


def parse_triggers(learned: frozenset[str]) -> frozenset[str]:
    """The rules' cue words with a learned word list (see :data:`PARSE_TRIGGERS`)."""
    phrases = frozenset(phrase[0] for phrase in CUE_PHRASES)
    return CUE_VERBS | learned | RAISING_CUES | phrases | QUOTE_TOKENS


PARSE_TRIGGERS: frozenset[str] = parse_triggers(LEARNED_CUE_WORDS)
"""Lowercase words that make a sentence worth a dependency parse for attribution.

The segment stage parses (tags and dependencies) only the sentences that contain one of
these, a quotation mark, a number or a date word; the rest get entities and sentence
bounds only. Keep every word an attribution rule starts from in this set: the classifier
scores any verb, but only in a sentence that holds one of these words, so the output does not
depend on which other sentences were parsed.
"""
