"""Attributions: quote marks, cues, speakers, on small texts and on the seeds."""

from __future__ import annotations

import pytest

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.direct import PROSE_CHARS, titled_in_prose
from storylens.extract.quotes.marks import find_marked
from storylens.extract.triggers import needs_parse
from storylens.model import Article, Quote, Report
from storylens.resources import Resources
from storylens.segment.parse import parse
from tests.conftest import article_by_prefix
from tests.spans import assert_spans_valid


def quotes_of(text: str, resources: Resources) -> tuple[Quote, ...]:
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    quotes = find_quotes(article, doc, entities=find_entities(article, doc))
    assert_spans_valid(Article(id="t", source="t", text=text, quotes=quotes))
    return quotes


def marked_texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


def test_apostrophes_do_not_open_or_close_quotes() -> None:
    text = "‘We’ve seen Belarus’ forces at Russia’s border,’ he said. It's Jones' car."
    assert marked_texts(text) == ["We’ve seen Belarus’ forces at Russia’s border"]


def test_straight_and_curly_quotes_mix() -> None:
    text = "\"First one,\" she said. “Second one,” he said. 'Third one,' they said."
    assert marked_texts(text) == ["First one", "Second one", "Third one"]


def test_unbalanced_double_quote_runs_to_paragraph_end() -> None:
    assert marked_texts("He said: “this never closes\nNext paragraph.") == ["this never closes"]


def test_direct_quote_resolves_surname_to_full_name(resources: Resources) -> None:
    text = (
        "Belarusian President Alexander Lukashenko spoke on Monday.\n"
        "“We have been preparing for this for decades. If necessary, we will respond,” "
        "Lukashenko said."
    )
    (quote,) = [q for q in quotes_of(text, resources) if q.kind == "direct"]
    assert quote.speaker == "Alexander Lukashenko"
    assert quote.cue == "said"
    assert quote.text.startswith("We have been preparing")
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Lukashenko"


def test_pronoun_and_continuation_keep_the_speaker(resources: Resources) -> None:
    text = (
        "President Vladimir Putin spoke in Astana on Friday.\n"
        "“What is happening today is uncomfortable, to say the least,” he said. "
        "“But we would have had it all a little later, under worse conditions.”\n"
        "“So my actions are right and timely, and we will continue.”"
    )
    direct = [q for q in quotes_of(text, resources) if q.kind == "direct"]
    assert len(direct) == 3
    assert {q.speaker for q in direct} == {"Vladimir Putin"}


@pytest.mark.parametrize(
    "guide",
    ["Peter Brandt", "Mr. Ivo Brandt", "Ivo Brandt, a grandfather of six,"],
)
def test_a_pronoun_skips_a_nearer_person_of_the_other_gender(
    guide: str, resources: Resources
) -> None:
    text = (
        "Maria Quill, the mayor of Lanholt, toured the harbour wall on Monday.\n"
        f"{guide} showed the mayor where the stones had moved.\n"
        "“The wall will hold through the winter,” she said."
    )
    (quote,) = [q for q in quotes_of(text, resources) if q.kind == "direct"]
    assert quote.speaker == "Maria Quill"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "she"


def test_reported_speech_keeps_the_cue_verb(resources: Resources) -> None:
    text = (
        "The ministry denied that troops had crossed the border. "
        "Officials claimed that the exercise was purely defensive."
    )
    cues = {q.cue: q.speaker for q in quotes_of(text, resources)}
    assert cues == {"denied": "ministry", "claimed": "Officials"}


def test_a_that_clause_hung_on_a_noun_after_the_cue_is_its_content(resources: Resources) -> None:
    text = (
        "The port authority said in a statement that the levee would hold.\n"
        "Ines Varga told reporters at a briefing in Pellton that the levee would hold.\n"
        "Ivo Brandt responded to reports that the levee had failed."
    )
    found = [(q.speaker, q.cue, q.text) for q in quotes_of(text, resources)]
    assert ("port authority", "said", "that the levee would hold") in found
    assert ("Ines Varga", "told", "that the levee would hold") in found
    assert all(quoted != "that the levee had failed" for _, _, quoted in found)


def test_a_verb_after_a_comma_shares_the_first_verbs_subject(resources: Resources) -> None:
    text = "Mayor John Miller visited the levee on Monday, then said he would fund the repairs."
    found = [(q.speaker, q.text) for q in quotes_of(text, resources)]
    assert found == [("John Miller", "he would fund the repairs")]


def test_a_clause_hung_on_the_main_verb_is_what_the_nearer_speech_verb_says(
    resources: Resources,
) -> None:
    # the parser hangs the "that" clause on "launched"; "reporting" has no clause of its own
    text = (
        "The rebel army launched several attacks against Haldane, with Szabo reporting in June "
        "that a Meltor cargo plane had been shot down by rebel gunners."
    )
    found = [(q.speaker, q.cue, q.text) for q in quotes_of(text, resources)]
    clause = "that a Meltor cargo plane had been shot down by rebel gunners"
    assert found == [("Szabo", "reporting", clause)]


def test_a_subject_read_as_the_object_of_as_still_speaks(resources: Resources) -> None:
    # the parser reads "as" as a preposition and "the head" as its object, and "said" as
    # coordinated with "lifted"; a title no one holds keeps its "of" phrase in the name
    text = (
        "The curfew, ordered by the governor, was lifted as the head of the city police said "
        "the streets were calm again."
    )
    found = [(q.speaker, q.cue, q.text) for q in quotes_of(text, resources)]
    assert found == [("head of the city police", "said", "the streets were calm again")]


def test_the_subject_is_the_part_after_the_comma_of_an_opening_phrase(
    resources: Resources,
) -> None:
    # the parser hangs "office" in the "after" phrase and leaves "announced" without subject
    text = (
        "After a day of tensions between two of the province's most powerful families, "
        "Governor Ann Arden's office announced that the talks would resume."
    )
    (quote,) = quotes_of(text, resources)
    assert quote.speaker_span is not None
    speaker = text[quote.speaker_span.start : quote.speaker_span.end]
    assert speaker == "Governor Ann Arden's office"
    assert quote.text == "that the talks would resume"


def test_according_to(resources: Resources) -> None:
    text = "According to the Defense Ministry, the first convoy arrived on Saturday."
    (quote,) = quotes_of(text, resources)
    assert quote.cue == "According to"
    assert quote.speaker == "Defense Ministry"
    assert quote.text == "the first convoy arrived on Saturday"


def test_speaker_mention_is_the_whole_phrase_and_the_name_its_head(resources: Resources) -> None:
    text = (
        "“The levee will hold,” said Mara Voss, the harbour master of Pellton, on Tuesday.\n"
        "Ivo Brandt, who chairs the port board, said the repairs were late.\n"
        "Sen. Ana Ruiz (D-Ore.) said the money was there."
    )
    found = [
        (q.speaker, text[q.speaker_span.start : q.speaker_span.end])
        for q in quotes_of(text, resources)
        if q.speaker_span is not None
    ]
    assert found == [
        ("Mara Voss", "Mara Voss, the harbour master of Pellton"),
        ("Ivo Brandt", "Ivo Brandt, who chairs the port board"),
        ("Ana Ruiz", "Sen. Ana Ruiz (D-Ore.)"),
    ]


def test_scare_quotes_are_terms(resources: Resources) -> None:
    text = "The soldiers came across the border ‘by train’ on Saturday morning."
    quotes = quotes_of(text, resources)
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [("by train", "term", None)]


def test_titles_in_prose_are_terms_but_a_headline_quotes_speech(resources: Resources) -> None:
    text = (
        "Mara Voss hosted “The Late Harbour Hour with Ivo Brandt” on Pellton Radio.\n"
        "Pellton Mayor Wants To Do ‘A Great Deal More Than Repair The Levee’\n"
        "The mayor then read out “the levee will hold through the winter storms” twice."
    )
    found = [(q.text, q.kind) for q in quotes_of(text, resources)]
    assert ("The Late Harbour Hour with Ivo Brandt", "term") in found
    assert ("A Great Deal More Than Repair The Levee", "term") not in found
    speech = [kind for quoted, kind in found if quoted.startswith("the levee will hold")]
    assert speech
    assert "term" not in speech


def test_a_long_headline_read_from_mid_word_is_still_a_headline() -> None:
    # Only PROSE_CHARS before the quote are read; here they start two letters into
    # "Harbourmasters", and that cut-off "rbourmasters" must not pass for a lower-case word.
    gap = PROSE_CHARS + 2 - len("Harbourmasters ")
    words = "Superintendency " * (gap // 16 - 2)
    last = "Z" + "z" * (gap - len(words) - 2)
    text = f"Harbourmasters {words}{last} ‘It Will Hold For Decades To Come’"
    (marked,) = find_marked(text)
    assert marked.outer_start - PROSE_CHARS == 2
    assert not titled_in_prose(text, marked)
    assert titled_in_prose(text.replace(last, last.lower()), marked)  # prose near it


def speakers(report: Report, prefix: str) -> list[str]:
    article = article_by_prefix(report, prefix)
    assert_spans_valid(article)
    return [q.speaker or "" for q in article.quotes if q.kind != "term"]


REPORTS = ["seeds_report", "seeds_report_tagged"]
"""The seeds as the rules read them, and with the optional tagger's second opinion."""


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("which", REPORTS)
def test_seed_001_quotes(which: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    article = article_by_prefix(report, "001")
    direct = [q for q in article.quotes if q.kind == "direct" and q.cue == "said"]
    assert sum("Lukashenko" in (q.speaker or "") for q in direct) >= 4
    assert any("Peskov" in name for name in speakers(report, "001"))


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("which", REPORTS)
@pytest.mark.parametrize("surname", ["Zelenskyy", "Putin", "Blinken", "Defense Ministry"])
def test_seed_003_quotes(which: str, surname: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    assert any(surname in name for name in speakers(report, "003"))


@pytest.mark.shared
@pytest.mark.slow
def test_seed_000_scare_quotes_are_not_speech(seeds_report: Report) -> None:
    article = article_by_prefix(seeds_report, "000")
    for term in ("by train", "joint military task force"):
        quoted = [q for q in article.quotes if q.text == term]
        assert quoted, term
        assert all(q.speaker is None and q.kind == "term" for q in quoted), quoted


@pytest.mark.parametrize("cue", ["quipped", "retorted", "scoffed", "mused", "shouted", "yelled"])
def test_verbs_of_manner_of_speaking_are_cues(cue: str, resources: Resources) -> None:
    text = f"“The ferry will run on time for once,” Okafor {cue}."
    (quote,) = quotes_of(text, resources)
    assert (quote.speaker, quote.cue, quote.kind) == ("Okafor", cue, "direct")


def test_wondered_whether_is_reported_speech(resources: Resources) -> None:
    text = "The harbour master wondered whether the ferry would run at all."
    (quote,) = quotes_of(text, resources)
    assert (quote.speaker, quote.cue) == ("harbour master", "wondered")
    assert quote.text == "whether the ferry would run at all"


def test_a_subject_inside_the_quote_is_not_the_speaker(resources: Resources) -> None:
    # The pipeline's sentence bounds cut the quote after "all."; the parser then gives
    # "said" two subjects, "We" inside the quote and "Ada Voss" after the cue.
    text = (
        "The count ended late.\n\n“We started with no hopes at all. We’re thrilled by the"
        " count,” said Ada Voss, a council strategist."
    )
    article = Article(id="t", source="t", text=text)
    (doc,) = parse([article], nlp=resources.nlp, needs_parse=needs_parse)
    (quote,) = find_quotes(article, doc, entities=find_entities(article, doc))
    assert quote.speaker == "Ada Voss"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end].startswith("Ada Voss")
