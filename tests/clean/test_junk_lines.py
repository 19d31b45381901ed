"""Each junk signal on invented lines, and body lines that must survive."""

from __future__ import annotations

import pytest

from storylens.clean.lines import drop_junk, is_headline_like, split_units

BODY = [
    "The harbour authority in Westmarch said on Tuesday that the new ferry terminal would open "
    "in the spring after two years of delays.",
    "Officials said the terminal would handle up to 4,000 passengers a day and cut crossing "
    "times to the island of Velmora by a third.",
    "Local traders welcomed the ferry terminal, saying the delays had cost them customers.",
    "The harbour authority expects the first ferry crossing to Velmora in April.",
]


def _article(
    *, before: tuple[str, ...] = (), middle: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> str:
    lines = [*before, BODY[0], BODY[1], *middle, BODY[2], BODY[3], *after]
    return "\n\n".join(lines)


def _reasons(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in drop_junk(text).removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (", pub-1234567890123456, DIRECT, abc123def456", "ad-network line"),
        ("examplenet.com, 987654321, RESELLER, 1a2b3c", "ad-network line"),
        ("ADVERTISEMENT", "ad label"),
        ("Also Read :  Mayor of Brindle opens new library wing", "read-next teaser"),
        ("READ MORE: Storm damage closes coastal road", "read-next teaser"),
        ("Related: Ten things to know about the ferry", "read-next teaser"),
        ("Council votes on parking fees [VIDEO]", "teaser headline"),
        ("Please Contribute via  FundThePress", "donation appeal"),
        ("This article is shareable", "share prompt"),
        ("Leave a Reply", "comment form"),
        ("Your email address will not be published.", "comment form"),
        ("Download The Daily Quill App for breaking news", "app/social plug"),
        ("Follow us on Google News for more updates.", "app/social plug"),
        ("Sign up for our morning newsletter", "app/social plug"),
        ("Catch all the Harbour News, Sports News and Latest News on The Quill", "link-farm line"),
        ("Sponsored content by Acme: 5 kettles worth buying this winter", "sponsored teaser"),
        ("Promoted | The garden tools everyone in Ostria is talking about", "sponsored teaser"),
        (
            "Good reporting is not cheap. Donate to The Daily Quill today and keep it going.",
            "donation appeal",
        ),
        ("Post a comment below. We read every one.", "comment form"),
        ("Leave your thoughts here:", "comment form"),
    ],
)
def test_rule_lines_are_removed_anywhere(line: str, reason: str) -> None:
    text = _article(middle=(line,))
    assert _reasons(text) == {line: reason}
    assert line not in drop_junk(text).text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Source", "dangling source label"),
        ("Every dollar helps. Contributions help keep the site running.", "donation appeal"),
        ("The Quill needs reader support to survive.", "donation appeal"),
        ("Filed under: Harbours", "page furniture"),
        ("Copyright 2021 The Daily Quill", "page furniture"),
        ("SOURCE: Quill Wire", "source credit"),
        ("Local journalism costs money to produce.", "donation appeal"),
        ("Comments are moderated before they appear.", "comment form"),
        ("Reading time: 4 minutes", "date line"),
    ],
)
def test_edge_rules_count_only_at_the_edges(line: str, reason: str) -> None:
    assert _reasons(_article(after=(line,))) == {line: reason}
    assert _reasons(_article(middle=(line,))) == {}


def test_teaser_headlines_in_a_top_run_are_removed() -> None:
    teasers = (
        "Baker wins regional cake contest in Ostria",
        "Police appeal after bicycle thefts in Dunmore...",
    )
    text = _article(before=teasers)
    reasons = _reasons(text)
    assert reasons == {teasers[0]: "teaser headline", teasers[1]: "truncated teaser"}


def test_related_headlines_after_a_label_go_with_it() -> None:
    after = (
        "Related stories:",
        "Baker wins regional cake contest in Ostria",
        "Cyclists protest new speed limits",
    )
    reasons = _reasons(_article(after=after))
    assert set(reasons) == set(after)
    assert reasons[after[2]] == "teaser headline"


def test_a_headline_list_before_junk_is_kept() -> None:
    after = (
        "- Bring a valid ticket",
        "- Arrive early at the terminal",
        "Follow us on Twitter for updates",
    )
    filtered = drop_junk(_article(after=after))
    assert [r.text for r in filtered.removed] == [after[2]]


def test_title_line_becomes_title_not_junk() -> None:
    text = _article(before=("New Ferry Terminal to Open in Westmarch Harbour",))
    filtered = drop_junk(text)
    assert filtered.title == "New Ferry Terminal to Open in Westmarch Harbour"
    assert filtered.removed == ()
    assert "New Ferry Terminal" not in filtered.text


def test_title_after_an_ad_line_and_site_suffix_is_cut() -> None:
    text = _article(
        before=(
            ", pub-1234567890123456, DIRECT, abc123",
            "Ferry terminal in Westmarch to open | Harbour News",
        )
    )
    filtered = drop_junk(text)
    assert filtered.title == "Ferry terminal in Westmarch to open"
    assert [r.reason for r in filtered.removed] == ["ad-network line"]


def test_a_known_title_repeated_as_first_line_is_dropped_silently() -> None:
    text = _article(before=("New ferry terminal to open in Westmarch",))
    filtered = drop_junk(text, title="New ferry terminal to open in Westmarch")
    assert filtered.title is None
    assert filtered.removed == ()
    assert not filtered.text.startswith("New ferry")


def test_a_different_first_line_stays_when_the_title_is_known() -> None:
    text = _article(before=("Harbour works",))
    filtered = drop_junk(text, title="New ferry terminal to open in Westmarch")
    assert filtered.text.startswith("Harbour works")


def test_repeated_lines_are_removed_with_their_reason() -> None:
    line = "Quill Wire contributed to this report."
    text = _article(after=(line,))
    filtered = drop_junk(text, repeated=frozenset({line.lower()}))
    assert {r.text: r.reason for r in filtered.removed} == {line: "repeated across outlet"}
    assert drop_junk(text).removed == ()


@pytest.mark.parametrize(
    "line",
    [
        "“We will not give up.”",
        "Source: the harbour authority’s own figures show 40 ferries a week.",
        "The council told residents to follow the signs to the new terminal.",
        "Residents can read more about the plans at the town hall, the mayor said.",
        "Harbour works",
        "She donated the land to the town in 1998, according to records seen by the paper.",
        "Donations help, but the terminal still needs state money, the mayor said.",
        "Comments from residents were mostly positive.",
        "Share prices of the operator rose 3% on the news.",
        "Related to the delays, the contractor faced fines.",
        "Watch out for delays on the ring road, police said.",
        "Sponsored by the council, the ferry festival drew 3,000 visitors.",
        "Residents were asked to donate blankets at the terminal today.",
        "The fund was set up in 2019. Donations came in from across the island.",
        "Leave a comment on the plan at the town hall until Friday, the council said.",
        "Comments from the harbour master were not included in the report.",
    ],
)
def test_body_lines_survive_anywhere(line: str) -> None:
    for text in (_article(middle=(line,)), _article(after=(line,)), _article(before=(line,))):
        filtered = drop_junk(text)
        assert filtered.removed == (), line
        assert line in filtered.text or filtered.title == line


def test_paragraphs_are_joined_by_blank_lines() -> None:
    text = "\n".join(BODY)
    assert drop_junk(text).text == "\n\n".join(BODY)
    wrapped = "First line of a paragraph\nwrapped here.\n\nSecond paragraph."
    assert drop_junk(wrapped).text == wrapped
    assert [u.block for u in split_units(wrapped)] == [0, 0, 1]


def test_headline_shape() -> None:
    assert is_headline_like("Ferry Terminal Opens")
    assert is_headline_like("Police appeal after thefts...")
    assert not is_headline_like("The ferry terminal opened on Monday.")
    assert not is_headline_like(" ".join(["word"] * 30))


TITLE = "New ferry terminal to open in Westmarch"


def test_a_lone_headline_of_another_story_above_the_body_goes() -> None:
    line = "Cyclists protest new speed limits on the coast road"
    filtered = drop_junk(_article(before=(line,)), title=TITLE)
    assert {r.text: r.reason for r in filtered.removed} == {line: "teaser headline"}
    assert line not in filtered.text


@pytest.mark.parametrize(
    "line",
    [
        "Westmarch ferry terminal delayed again after harbour works",  # a deck about the story
        "By Mara Lint and Oskar Velde in Westmarch",  # a byline
        "Harbour and islands",  # a short kicker
        "Reporting from the pier. Photos by the harbour press office",  # a run-in note
        "Cyclists protest new speed limits on the coast…",  # cut off: not judged alone
    ],
)
def test_a_lone_top_line_about_the_story_or_too_short_stays(line: str) -> None:
    filtered = drop_junk(_article(before=(line,)), title=TITLE)
    assert filtered.removed == ()
    assert line in filtered.text


def test_a_lone_top_line_without_a_known_title_is_the_title() -> None:
    line = "Cyclists protest new speed limits on the coast road"
    filtered = drop_junk(_article(before=(line,)))
    assert filtered.title == line
    assert filtered.removed == ()
