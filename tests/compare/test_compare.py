from storylens.compare import compare
from storylens.compare.independence import source_groups
from storylens.compare.reuse import find_reuse
from storylens.compare.statements import clause_spans, content_words
from storylens.model import Article, Story
from storylens.resources import Resources
from tests.compare.build import article

WIRE = (
    "HALDANE (Meridian Wire) - Two people died when their car was swept off a road near the "
    "village of Varrow, officials said. The reservoir was at 97 percent of capacity when the "
    "spillway gave way, the ministry said. Rescue crews searched the flooded farmland all day "
    "for a fisherman who was reported missing early in the morning."
)
COPY = (
    "Two people died when their car was swept off a road near the village of Varrow, officials "
    "said. Rescue crews searched the flooded farmland all day for a fisherman who was reported "
    "missing early in the morning."
)
OTHER = (
    "Police said two people were killed when their car was swept off a road near Varrow. "
    "Schools were turned into shelters for the night."
)


def _compare(*articles: Article) -> Story:
    story = Story("s", "t", tuple(a.id for a in articles))
    return compare(story, {a.id: a for a in articles})


def test_copy_is_found_with_direction_from_the_wire_credit() -> None:
    wire = article("wire", WIRE, outlet="Meridian Wire", published="2031-03-05")
    copy = article("copy", COPY, outlet="Haldane Daily", published="2031-03-05")
    entry = find_reuse(copy, wire)
    assert entry is not None
    assert entry.share_a > 0.9
    assert 0.5 < entry.share_b < 0.9
    assert entry.direction is None or entry.direction == "wire"
    assert all(copy.text[s.start : s.end] in wire.text for s in entry.spans_a)


def test_direction_prefers_credit_then_date() -> None:
    wire = article("wire", WIRE, outlet="Meridian Wire", published="2031-03-06")
    copy = article(
        "copy", "(Meridian Wire) " + COPY, outlet="Haldane Daily", published="2031-03-05"
    )
    entry = find_reuse(wire, copy)
    assert entry is not None
    assert entry.direction == "wire"
    assert "credits Meridian Wire" in entry.reason
    undated = article("x", COPY, published="2031-03-04")
    later = article("y", COPY + " More later.", published="2031-03-07")
    dated = find_reuse(later, undated)
    assert dated is not None
    assert dated.direction == "x"
    assert "earlier" in dated.reason


def test_unrelated_articles_share_no_passage() -> None:
    assert find_reuse(article("a", WIRE), article("b", OTHER)) is None


def test_copies_and_same_outlet_count_once() -> None:
    wire = article("wire", WIRE, outlet="Meridian Wire")
    copy = article("copy", COPY, outlet="Haldane Daily")
    other = article("other", OTHER, outlet="Valley Courier")
    sibling = article("sibling", "Nothing shared at all here.", outlet="valley courier")
    groups = source_groups([wire, copy, other, sibling], [find_reuse(wire, copy)])  # type: ignore[list-item]
    assert groups.count(["wire", "copy", "other", "sibling"]) == 2


def test_fact_carried_by_a_wire_copy_and_an_independent_source() -> None:
    story = _compare(article("wire", WIRE), article("copy", COPY), article("other", OTHER))
    deaths = [f for f in story.facts if "other" in f.sources]
    assert len(deaths) == 1
    (fact,) = deaths
    assert fact.sources == ("copy", "other", "wire")
    assert fact.independent_sources == 2
    assert fact.status == "agreed"
    copied = [f for f in story.facts if f.sources == ("copy", "wire")]
    assert copied
    assert all(f.status == "single" and f.independent_sources == 1 for f in copied)
    assert [f.id for f in story.facts] == [f"fact-{n}" for n in range(1, len(story.facts) + 1)]


def test_spans_hold_and_output_is_stable() -> None:
    articles = [article("wire", WIRE), article("copy", COPY), article("other", OTHER)]
    story = _compare(*articles)
    again = _compare(*reversed(articles))
    assert (story.facts, story.conflicts, story.reuse) == (
        again.facts,
        again.conflicts,
        again.reuse,
    )
    texts = {a.id: a.text for a in articles}
    for fact in story.facts:
        for s in fact.statements:
            assert texts[s.article_id][s.start : s.end] == s.text
    for reuse in story.reuse:
        assert reuse.spans_a
        assert reuse.spans_b


def test_different_facts_do_not_align() -> None:
    story = _compare(
        article("a", "The minister opened a new bridge over the river in the capital."),
        article("b", "Farmers asked the minister for emergency grants to replant barley."),
    )
    assert story.facts == ()
    assert story.conflicts == ()


def test_attribution_conflict_names_both_speakers() -> None:
    text_a = (
        "The reservoir was at 97 percent of capacity when the spillway gave way, the ministry"
        " said. Schools opened as shelters for the families who fled. Boats reached the farms"
        " east of the town by noon. Roads into the valley were closed at dusk by the police."
        " Volunteers carried sandbags to the church and the old mill until late at night."
    )
    text_b = (
        "Governor Varga said the reservoir was at 97 percent of capacity when the spillway gave"
        " way. The army sent trucks with water, bread and blankets to the eastern ridge camps."
        " A bakery owner said the water came up through the floor in ten minutes. Power was"
        " cut in half of the town, and the hospital moved its patients to upper floors."
    )
    a = article("a", text_a, quotes=[("The reservoir was at 97 percent", "Interior Ministry")])
    b = article("b", text_b, quotes=[("the reservoir was at 97 percent", "Ilse Varga")])
    story = _compare(a, b)
    (conflict,) = story.conflicts
    assert conflict.kind == "attribution"
    assert "Interior Ministry (a)" in conflict.note
    assert "Ilse Varga (b)" in conflict.note
    (fact,) = story.facts
    assert fact.status == "disputed"


def test_same_speaker_is_no_attribution_conflict() -> None:
    text = "The reservoir was at 97 percent of capacity when the spillway gave way, she said."
    a = article("a", text, quotes=[("The reservoir was at 97 percent", "Ilse Varga")])
    b = article("b", text + " ", quotes=[("The reservoir was at 97 percent", "Ilse Varga")])
    assert _compare(a, b).conflicts == ()


def test_denial_conflict_pairs_the_assertion_with_the_denial() -> None:
    a = article("a", "Karsk Hydro opened its sluice gates overnight to protect its turbines.")
    b = article(
        "b",
        "Karsk Hydro denied releasing any water before the flood. The company was responding "
        "to accusations that it had opened the sluice gates to protect its turbines.",
    )
    conflicts = [c for c in _compare(a, b).conflicts if c.kind == "denial"]
    assert len(conflicts) == 1
    assert [s.article_id for s in conflicts[0].sides] == ["a", "b"]
    assert conflicts[0].sides[1].text.startswith("Karsk Hydro denied")


def test_date_conflict_on_the_same_event() -> None:
    a = article(
        "a",
        "Governor Varga declared a state of emergency on Tuesday across the province.",
        dates=[("Tuesday", "2031-03-04")],
    )
    b = article(
        "b",
        "Governor Varga declared a state of emergency on Wednesday across the province.",
        dates=[("Wednesday", "2031-03-05")],
    )
    (conflict,) = _compare(a, b).conflicts
    assert conflict.kind == "date"
    assert [s.value for s in conflict.sides] == ["2031-03-04", "2031-03-05"]


def test_clauses_and_stems() -> None:
    text = "The spillway failed on Tuesday after days of heavy rain, officials said."
    clauses = [text[s:e] for s, e in clause_spans(text, 0, len(text))]
    assert clauses[0] == "The spillway failed on Tuesday"
    assert content_words("Inspectors examined it") & content_words("an inspection")


def test_copy_joins_the_fact_its_original_shares_with_another_source() -> None:
    text = (
        "About 12,000 residents were evacuated from the valley after the old spillway gave way "
        "early on Tuesday, officials said."
    )
    tuesday = [("Tuesday", "2031-03-04")]
    wire = article("wire", text, outlet="Meridian Wire", dates=tuesday)
    copy = article("copy", text, outlet="Haldane Daily", dates=tuesday)
    other = article(
        "other", "The old spillway failed on Tuesday after days of rain.", dates=tuesday
    )
    story = _compare(wire, copy, other)
    (fact,) = [f for f in story.facts if "other" in f.sources]
    assert fact.sources == ("copy", "other", "wire")
    assert fact.independent_sources == 2
    assert fact.status == "agreed"


def test_a_fragment_sharing_a_phrase_is_not_the_same_fact(resources: Resources) -> None:
    a = article(
        "a",
        "The reservoir was nearly full, the governor said, when the spillway gave way.",
    )
    b = article(
        "b",
        "Engineers lost contact with the sensors on the spillway shortly before it gave way.",
    )
    story = Story("s", "t", ("a", "b"))
    assert compare(story, {"a": a, "b": b}, embedder=resources.embedder).facts == ()


def test_a_ministry_and_its_named_minister_are_one_credit() -> None:
    a = article(
        "a",
        "The Interior Ministry announced $40 million in emergency funds for the valley on "
        "Thursday.",
        quotes=[("The Interior Ministry announced", "Interior Ministry")],
    )
    b = article(
        "b",
        "Interior Minister Tobias Renner said on Thursday that the government would release "
        "$40 million in emergency funds for the valley.",
        quotes=[("Interior Minister Tobias Renner said", "Tobias Renner")],
    )
    story = _compare(a, b)
    assert story.facts
    assert story.conflicts == ()
