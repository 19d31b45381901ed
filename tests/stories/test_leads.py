"""Lead signals: event classes and lead names, and how they keep same-topic events apart."""

from __future__ import annotations

from storylens.stories import ClusterParams, group_stories
from storylens.stories.events import event_lexicon, event_matrix, lead_classes, lead_span, lead_text
from storylens.stories.features import lead_name_words
from tests.stories.build import article

VISIT = (
    "President Arto Venn of Norland went to Kesh on Monday for talks with Prime Minister "
    "Dalia Ober. It was his first trip to the capital in three years; the two leaders "
    "discussed gas prices, a loan, grain exports and a new rail link, and signed a trade "
    "pact. Protesters gathered outside the palace. Kesh hosts a joint border force."
)
DEPLOYMENT = [
    "Norland will deploy 4,000 troops to Kesh, the Kesh defence ministry said, in a joint "
    "border force agreed by President Arto Venn and Prime Minister Dalia Ober.",
    "The first convoy of Norland troops arrived in Kesh on Saturday for the joint border "
    "force, the defence ministry said; Venn and Ober agreed on the force last week.",
    "Soldiers from Norland arrived in Kesh to form the joint border force that Arto Venn "
    "and Dalia Ober agreed on, the Kesh defence ministry said on Saturday.",
]


def classes(text: str) -> set[str]:
    names, _ = event_lexicon()
    return {names[i] for i in lead_classes(text)}


def test_lead_is_headline_and_first_sentence_without_address_lines() -> None:
    text = "http: / / www. example. com / news / 1.html\nQuake hits Valmora\nA strong quake hit."
    start, end = lead_span(text)
    assert text[start:end] == "Quake hits Valmora\nA strong quake hit."
    long = "One two three four five six seven eight nine ten eleven twelve. Second one here."
    assert lead_text(article(0, long, title="Head")) == "Head\n" + long.split(" Second")[0]
    endless = "word " * 200
    start, end = lead_span(endless)
    assert start == 0
    assert 350 < end <= 400
    assert endless[end] == " "


def test_lead_classes_from_words_and_phrases() -> None:
    assert classes("Venn went to Kesh for talks") == {"meet"}
    assert classes("Norland will deploy troops") == {"deploy"}
    assert classes("Sixers hire a new coach") == {"personnel"}
    assert classes("Nothing of the kind here") == set()
    matrix = event_matrix([lead_text(article(0, VISIT)), "Plain words only."])
    assert matrix.shape == (2, len(event_lexicon()[0]))
    assert matrix[0].sum() >= 1
    assert matrix[1].sum() == 0


def test_lead_names_skip_dateline_words() -> None:
    text = "Monday, 28 November 2005\nOfficials said Kesh's ministry thanked Arto Venn."
    assert lead_name_words(article(0, text)) == ["kesh's", "arto", "venn"]


def test_a_visit_is_not_the_deployment_it_shares_every_name_with() -> None:
    items = [article(i, text) for i, text in enumerate([*DEPLOYMENT, VISIT])]
    stories = group_stories(items)
    assert sorted(s.article_ids for s in stories) == [("a00", "a01", "a02"), ("a03",)]
    assert all(story.related for story in stories)
    merged = group_stories(items, params=ClusterParams(event_penalty=0.0))
    assert len(merged) == 1


FIRES = [
    "A fire gutted the Marlow supermarket in Ashby on Friday night; more than forty "
    "firefighters fought the blaze on the roof of the supermarket.",
    "The Marlow supermarket in Ashby was destroyed by a blaze that began on its roof on "
    "Friday night, and firefighters stayed at the scene in Ashby all night.",
    "Fire crews fought a blaze at a Marlow supermarket in Brenton town centre on Sunday; "
    "smoke from the roof of the supermarket was seen across Brenton.",
    "A Marlow supermarket in Brenton was badly damaged by fire on Sunday, and firefighters "
    "from across the county fought the blaze on the roof in Brenton.",
]


def test_lead_names_the_story_never_uses_keep_two_fires_apart() -> None:
    items = [article(i, text) for i, text in enumerate(FIRES)]
    apart = group_stories(items, params=ClusterParams(name_penalty=0.3))
    assert sorted(s.article_ids for s in apart) == [("a00", "a01"), ("a02", "a03")]
    together = group_stories(items, params=ClusterParams(name_penalty=0.0, join=0.1))
    assert len(together) == 1


def test_lead_penalties_give_the_same_stories_in_batches_as_one_at_a_time() -> None:
    texts = [*DEPLOYMENT, VISIT, *FIRES] * 3
    items = [article(i, text + f" Item {i}.") for i, text in enumerate(texts)]
    one = group_stories(items, params=ClusterParams(batch=1, name_penalty=0.3))
    many = group_stories(items, params=ClusterParams(batch=5, name_penalty=0.3))
    assert one == many
    assert len(one) >= 3
