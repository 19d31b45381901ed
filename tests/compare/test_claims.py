"""Claims one source asserts and another denies, disputes or only reports (claims.py)."""

from storylens.compare import compare
from storylens.compare.claims import DENIAL, DISPUTE, find_cue
from storylens.compare.facts import is_disputed
from storylens.compare.independence import Groups
from storylens.model import Article, Conflict, Side, Statement, Story
from tests.compare.build import article

ASSERTED = "The mayor sold the harbour land to his brother's company last spring."
ACCUSED = (
    "Opposition councillors accused the mayor of handing the harbour land to his brother's company."
)
VERDICTS = ("wrong", "false", "true", "lie", "correct")


def _conflicts(*articles: Article) -> tuple[Conflict, ...]:
    story = Story("s", "t", tuple(a.id for a in articles))
    return compare(story, {a.id: a for a in articles}).conflicts


def _no_verdict(note: str) -> None:
    assert not any(f" {word}" in note.lower() for word in VERDICTS), note


def test_claim_reported_only_as_an_accusation_is_an_attribution_conflict() -> None:
    a = article("a", ASSERTED)
    b = article("b", f"{ACCUSED} The council meets again on Monday.")
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "attribution"
    assert [s.article_id for s in conflict.sides] == ["a", "b"]
    assert "a states it as fact" in conflict.note
    assert "only as a claim ('accused')" in conflict.note
    _no_verdict(conflict.note)


def test_claim_with_a_denial_next_to_it_is_a_denial_conflict() -> None:
    a = article("a", ASSERTED)
    b = article(
        "b",
        f"{ACCUSED} The mayor denied any wrongdoing on Monday.",
        quotes=[("The mayor denied any wrongdoing", "Mayor")],
    )
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "denial"
    assert conflict.sides[1].text.startswith("The mayor denied")
    assert "denied by Mayor" in conflict.note


def test_a_speakers_negation_of_the_claims_words_is_a_denial() -> None:
    a = article("a", "The company opened the flood gates overnight to save its turbines.")
    b = article(
        "b",
        "Farmers say the company released water to save its turbines overnight, and accused "
        "it of negligence. We did not open the flood gates, the operations director said.",
        quotes=[("We did not open the flood gates", "Anton Feld")],
    )
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "denial"
    assert conflict.sides[1].speaker == "Anton Feld"


def test_claim_called_unproven_is_a_dispute_conflict() -> None:
    a = article("a", "The factory dumped chemicals into the river during the drought.")
    b = article(
        "b",
        "Activists say that during the drought the factory dumped chemicals into a river, "
        "but they offered no evidence.",
    )
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "dispute"
    assert "unproven or disputed" in conflict.note
    _no_verdict(conflict.note)


def test_an_unrelated_negation_near_a_claim_is_no_denial() -> None:
    a = article("a", ASSERTED)
    b = article(
        "b",
        f"{ACCUSED} We never saw a council meeting this full, a resident said.",
        quotes=[("We never saw a council meeting this full", "resident")],
    )
    (conflict,) = _conflicts(a, b)
    assert conflict.kind == "attribution"


def test_near_misses_are_no_claim_conflicts() -> None:
    # two sources that both report the accusation agree with each other
    b = article(
        "b", "Opposition councillors accused the mayor of handing the harbour land to his brother."
    )
    c = article(
        "c", "Councillors have accused the mayor of handing the harbour land to his brother."
    )
    assert _conflicts(b, c) == ()
    # the same outlet asserting and reporting the claim is one source
    a = article("a", ASSERTED, outlet="Harbour Post")
    d = article(
        "d",
        "Councillors accused the mayor of handing the harbour land to his brother's company.",
        outlet="Harbour Post",
    )
    assert _conflicts(a, d) == ()
    # an accusation about something else
    e = article("e", "Councillors accused the mayor of closing the harbour library early.")
    assert _conflicts(article("a", ASSERTED), e) == ()


def test_disputed_as_an_adjective_is_no_dispute() -> None:
    a = article("a", "Protesters filled the main square after the presidential election results.")
    b = article("b", "Police cleared protesters from the main square after the disputed election.")
    assert not [c for c in _conflicts(a, b) if c.kind in ("dispute", "denial")]
    assert find_cue("the disputed election", DISPUTE, verb=True) is None
    assert find_cue("the opposition disputed the count", DISPUTE, verb=True) is not None
    assert find_cue("a claim it has rejected", DENIAL, verb=True) is not None


def test_a_figure_disputed_elsewhere_does_not_dispute_a_fact_in_its_sentence() -> None:
    sentence = Side("a", 0, 100, "x" * 100, value="12000")
    number = Conflict("number", "how many", (sentence, Side("b", 0, 10, "y" * 10)))
    clause = Statement("a", 60, 100, "x" * 40)
    other = Statement("c", 0, 20, "z" * 20)
    groups = Groups(["a", "b", "c"])
    assert not is_disputed([clause, other], number, sources=groups)
    denial = Conflict("denial", "opened", (Side("a", 55, 100, "x" * 45), sentence))
    assert is_disputed([clause, other], denial, sources=groups)
    both = Statement("b", 0, 10, "y" * 10)
    assert is_disputed([clause, both], number, sources=groups)
