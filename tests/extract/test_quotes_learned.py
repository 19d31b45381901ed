"""The learned cue classifier and the attributions built on it (belief, evidence, passives)."""

from __future__ import annotations

import math
from dataclasses import replace

from storylens.extract.entities import find_entities
from storylens.extract.quotes import find_quotes
from storylens.extract.quotes.cues import LEARNED_CUE_WORDS, PARSE_TRIGGERS, RAISING_CUES
from storylens.extract.quotes.learned import (
    candidate_tokens,
    features,
    is_candidate,
    load_cue_model,
)
from storylens.extract.triggers import needs_parse
from storylens.model import Article, Quote
from storylens.resources import Resources
from tests.spans import assert_spans_valid


def quotes_of(text: str, resources: Resources, **options: object) -> tuple[Quote, ...]:
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    quotes = find_quotes(article, doc, entities=find_entities(article, doc), **options)  # type: ignore[arg-type]
    assert_spans_valid(Article(id="t", source="t", text=text, quotes=quotes))
    return quotes


def by_cue(quotes: tuple[Quote, ...], cue: str) -> Quote:
    (quote,) = [q for q in quotes if q.cue == cue]
    return quote


def test_every_word_the_classifier_scores_is_a_parse_trigger() -> None:
    assert len(LEARNED_CUE_WORDS) > 100
    assert LEARNED_CUE_WORDS <= PARSE_TRIGGERS
    assert RAISING_CUES <= PARSE_TRIGGERS
    assert "to" not in PARSE_TRIGGERS  # "according to" starts from "according"


def test_shipped_model_is_finite_and_small() -> None:
    model = load_cue_model()
    assert 0.0 < model.threshold < 1.0
    assert all(math.isfinite(w) for w in model.weights.values())
    assert 1000 < len(model.weights) < 40_000
    nouns = {name.split("|")[0][3:] for name in model.weights if name.startswith("wt=")}
    assert {word for word in nouns if word in {"decision", "criticism"}} <= LEARNED_CUE_WORDS


def test_candidates_over_arrays_match_the_token_test(resources: Resources) -> None:
    text = (
        "The harbour board met on a grey morning. Ortega is critical of the plan. "
        "The old ferry sailed away quickly. A new survey shows that farmers oppose the dam, "
        "and the mayor's decision angered them."
    )
    doc = resources.nlp(text)
    expected = [
        token
        for sent in doc.sents
        if any(t.lower_ in PARSE_TRIGGERS for t in sent)
        for token in sent
        if is_candidate(token)
    ]
    assert [t.i for t in candidate_tokens(doc)] == [t.i for t in expected]
    assert {t.lower_ for t in expected} >= {"is", "shows", "oppose"}
    assert "sailed" not in {t.lower_ for t in candidate_tokens(doc)}  # no trigger word there
    assert candidate_tokens(resources.nlp("")) == []


def test_copular_cue_takes_its_adjective_and_preposition(resources: Resources) -> None:
    text = "Senator Maria Ortega is critical of the harbour plan and its cost."
    (quote,) = quotes_of(text, resources)
    assert quote.cue == "is critical of"
    assert quote.speaker == "Maria Ortega"
    assert quote.text == "the harbour plan and its cost"


def test_unattributed_quote_inside_a_reported_content_is_part_of_it(
    resources: Resources,
) -> None:
    text = (
        "A lawyer for the ferry company said the firm had made a promise "
        "“to keep every route open through the winter months.”"
    )
    quotes = quotes_of(text, resources)
    assert [q.cue for q in quotes] == ["said"]
    assert quotes[0].text.endswith("open through the winter months")


def test_pronoun_attribution_inside_another_is_not_repeated(resources: Resources) -> None:
    text = "Helen Marsh of Dunmore says she really thinks the ferry can turn a profit by June."
    quotes = quotes_of(text, resources)
    assert [q.cue for q in quotes] == ["says"]
    assert quotes[0].text == "she really thinks the ferry can turn a profit by June"


def test_features_name_form_tag_and_children(resources: Resources) -> None:
    doc = resources.nlp("The survey shows that most farmers oppose the dam.")
    names = features(doc[2])
    assert {"w=shows", "t=VBZ", "c=ccomp", "c=nsubj"} <= set(names)
    assert names == features(doc[2])


def test_evidence_cue_with_a_clause(resources: Resources) -> None:
    text = "A new survey shows that most farmers in the valley oppose the dam."
    quote = by_cue(quotes_of(text, resources), "shows")
    assert quote.kind == "indirect"
    assert quote.text == "that most farmers in the valley oppose the dam"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "A new survey"


def test_stance_cue_with_an_object(resources: Resources) -> None:
    text = "Senator Maria Ortega criticized the harbour plan on Tuesday."
    quote = by_cue(quotes_of(text, resources), "criticized")
    assert quote.speaker == "Maria Ortega"
    assert quote.text.startswith("the harbour plan")


def test_classifier_can_be_swapped_out(resources: Resources) -> None:
    text = "A new survey shows that most farmers in the valley oppose the dam."
    never = replace(load_cue_model(), threshold=1.01)
    assert all(q.cue != "shows" for q in quotes_of(text, resources, cue_model=never))


def test_seems_has_no_source_and_keeps_its_subject_in_the_content(resources: Resources) -> None:
    text = "The mayor seems to have changed her mind about the stadium."
    quote = by_cue(quotes_of(text, resources), "seems")
    assert quote.speaker is None
    assert quote.speaker_span is None
    assert quote.text.startswith("The mayor seems to have changed")


def test_passive_cue_without_agent_has_no_source(resources: Resources) -> None:
    text = "Governor Hale was asked whether he would sign the budget."
    quote = by_cue(quotes_of(text, resources), "was asked")
    assert quote.speaker is None
    assert quote.text == "whether he would sign the budget"


def test_passive_cue_credits_its_agent_not_the_subject_it_borrows(resources: Resources) -> None:
    text = (
        "The harbour office did nothing after being warned by the coast guard that the pier"
        " was unsafe."
    )
    quote = by_cue(quotes_of(text, resources), "being warned")
    assert quote.speaker == "coast guard"
    assert quote.text == "that the pier was unsafe"
    text = "When asked by reporters whether the ferry would run, Mayor Okafor said it would."
    quotes = quotes_of(text, resources)
    assert by_cue(quotes, "When asked").speaker == "reporters"
    assert by_cue(quotes, "said").speaker == "Okafor"


def test_who_was_asked_or_told_is_not_the_source(resources: Resources) -> None:
    text = "Asked whether the ferry would run on Sunday, Okafor said it would."
    quotes = quotes_of(text, resources)
    assert by_cue(quotes, "Asked").speaker is None
    assert by_cue(quotes, "said").speaker == "Okafor"
    text = "The harbour office acted only after being told that the pier was unsafe."
    assert by_cue(quotes_of(text, resources), "being told").speaker is None


def test_a_feeling_participle_keeps_its_subject(resources: Resources) -> None:
    text = "Worried that the river would flood, the council closed the road."
    assert by_cue(quotes_of(text, resources), "Worried").speaker == "council"


def test_cue_with_its_own_clause_does_not_take_the_quote_before_it(
    resources: Resources,
) -> None:
    text = (
        "Ortega spoke to the volunteers. “We finished the count in record time tonight.” "
        "She noted that volunteers had come from every county."
    )
    quotes = quotes_of(text, resources)
    noted = by_cue(quotes, "noted")
    assert noted.text == "that volunteers had come from every county"
    quoted = [q for q in quotes if q.text.startswith("We finished")]
    assert quoted
    assert all(q.cue != "noted" for q in quoted)


def test_parenthetical_cue_takes_the_whole_clause(resources: Resources) -> None:
    text = "The best news for the council, Ortega said, is that the bridge will open in May."
    quote = by_cue(quotes_of(text, resources), "said")
    assert quote.speaker == "Ortega"
    assert quote.text.startswith("The best news for the council")
    assert quote.text.endswith("the bridge will open in May")


def test_as_reported_takes_the_main_clause(resources: Resources) -> None:
    text = "As the Daily Ledger reported, the council spent twice its budget on consultants."
    quote = by_cue(quotes_of(text, resources), "reported")
    assert quote.text == "the council spent twice its budget on consultants"
    assert quote.speaker == "Daily Ledger"


def test_same_quotes_when_only_trigger_sentences_are_parsed(resources: Resources) -> None:
    text = (
        "The rally was quiet. Officials expect a larger crowd next week.\n"
        "The square was empty by noon. Ortega wants the council to vote on Friday, "
        "and a new survey shows that most farmers oppose the dam."
    )
    article = Article(id="t", source="t", text=text)
    doc = resources.nlp(text)
    full = find_quotes(article, doc, entities=find_entities(article, doc))
    skipped = 0
    for sent in doc.sents:
        if not needs_parse(sent):
            skipped += 1
            for token in sent:
                token.tag_, token.pos_, token.dep_ = "", "X", "dep"
    pruned = find_quotes(article, doc, entities=find_entities(article, doc))
    assert skipped >= 1
    assert pruned == full
    assert {q.cue for q in full} >= {"wants", "shows"}


def test_pronoun_cue_inside_its_own_content_is_kept(resources: Resources) -> None:
    text = "The best news for the council, he said, is that the bridge will open in May."
    quote = by_cue(quotes_of(text, resources), "said")
    assert quote.text.startswith("The best news for the council")
