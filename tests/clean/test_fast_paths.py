"""The cheap checks that let the clean stage skip work give the same result as the full work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storylens.clean.html import extract_html
from storylens.clean.lines import match_rule, split_units
from storylens.clean.patterns import COMPILED, FLOATING_ANY, top_level_branches
from storylens.clean.quality import (
    fix_encoding,
    may_be_broken,
    mixed_script_flags,
    repair_encoding,
    strip_controls,
)
from storylens.model import Document

PAGES = 20
WORDS = [
    "café déjà vu",
    "naïve — “quoted” ‘text’ … €5 £3",
    "Москва и Киев, её ещё",
    "Αθήνα και Θεσσαλονίκη",
    "Zürich Straße Ærø",
    "Łódź żółw Brno",
    "日本語のテキスト",
    "emoji 😀 ok",
    "İstanbul ğüş",
    "Rīga ķēķis",
    "à la carte",
    "No\u00a0break",
]
CODE_PAGES = [
    "latin-1",
    "sloppy-windows-1252",
    "sloppy-windows-1251",
    "sloppy-windows-1250",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "iso-8859-2",
    "macroman",
    "cp437",
]


def _mojibake() -> list[str]:
    """UTF-8 read in each code page ftfy knows, also with lost no-break spaces, in a sentence."""
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-" code pages)

    found = []
    for text in WORDS:
        for code_page in CODE_PAGES:
            broken = text.encode("utf-8").decode(code_page, errors="ignore")
            found += [broken, broken.replace("\u00a0", " "), f"The mayor said: {broken}."]
    return found


@pytest.mark.parametrize("text", _mojibake())
def test_the_cheap_check_lets_ftfy_run_whenever_ftfy_repairs(text: str) -> None:
    if fix_encoding(text) != text:
        assert may_be_broken(text)
        assert repair_encoding(text).text == fix_encoding(text)


def test_clean_text_skips_ftfy() -> None:
    assert not may_be_broken("The mayor’s plan – “a first step” – costs €5m… in Zürich.")
    assert not may_be_broken("Plain ASCII text, with a tab\tand lines.\n")
    assert may_be_broken("The mayor\u00e2\u0080\u0099s plan")
    assert may_be_broken("a C1 control \x85 here")


def test_text_without_controls_is_returned_as_it_is() -> None:
    text = "No control characters – only text.\n"
    assert strip_controls(text) is text
    assert strip_controls("a\x1b[0mb\x7f") == "a[0mb"


def test_mixed_scripts_are_still_found_past_the_quick_exit() -> None:
    assert mixed_script_flags("The ferry left Αthens at noon.")  # Greek capital alpha
    assert mixed_script_flags("The port и the council.")
    assert mixed_script_flags("The port and the council, in Zürich.") == []


def test_top_level_branches() -> None:
    assert top_level_branches(r"^a|b(c|d)|[|]x|\|y|[]|]z") == [
        "^a",
        "b(c|d)",
        "[|]x",
        r"\|y",
        "[]|]z",
    ]


def test_the_loose_rules_have_no_capital_letters() -> None:
    """FLOATING_ANY is searched in the lower-cased line, so its letters must be lower case."""
    assert not re.search("[A-Z]", re.sub(r"\\.", "", FLOATING_ANY.pattern))


def _every_rule(text: str) -> tuple[str, str] | None:
    for reason, pattern, scope in COMPILED:
        if pattern.search(text):
            return reason, scope
    return None


def test_the_rule_prefilter_changes_no_verdict(shared: Path) -> None:
    from evals.extraction import load_pages

    lines = [
        unit.text
        for _, html, _ in load_pages(shared, fast=True)[:PAGES]
        for unit in split_units(extract_html(strip_controls(html)).text)
    ]
    lines += [
        "Sponsored content by Acme: 5 kettles",
        "Good reporting is not cheap. Donate to The Quill today.",
        "This site relies on your support.",
        "Copyright 2021 The Quill. All rights reserved.",
        "Follow us on Twitter for updates",
        "click here to read more",
    ]
    for line in lines:
        assert match_rule(line) == _every_rule(line), line
    assert sum(match_rule(line) is not None for line in lines) >= 6


def test_document_text_is_not_changed_by_the_quick_exits() -> None:
    from storylens.clean import clean

    text = "The mayor’s plan – “a first step” – costs €5m.\n\nIt was approved on Monday."
    article = clean(Document(source="t", text=text))
    assert article.text == text
    assert article.flags == ()
