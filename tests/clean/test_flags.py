"""Quality flags and the encoding repair: each flag on invented text, and no false alarm."""

from __future__ import annotations

from storylens.clean import clean
from storylens.clean.quality import (
    mixed_script_flags,
    quality_flags,
    repair_encoding,
    rewrite_flags,
    spinner_flags,
    strip_controls,
    truncation_flags,
)
from storylens.model import Document

CLEAN_TEXT = (
    "The harbour authority said the ferry terminal would open in April.\n\n"
    "“We had had enough of the delays,” said Mara Lint, a trader from Velmora."
)


def test_clean_text_raises_no_flag() -> None:
    assert quality_flags(CLEAN_TEXT) == ()


def test_mojibake_is_repaired_and_flagged() -> None:
    repaired = repair_encoding("The mayor\u00e2\u0080\u0099s plan costs \u00e2\u0082\u00ac5m.")
    assert repaired.text == "The mayor’s plan costs €5m."
    assert [f.kind for f in repaired.flags] == ["mojibake"]
    assert "’" in repaired.flags[0].detail
    assert repair_encoding(CLEAN_TEXT).flags == ()


def test_a_stray_cyrillic_letter_is_flagged_not_changed() -> None:
    text = "Talks between the port и the council stalled."
    flags = mixed_script_flags(text)
    assert len(flags) == 1
    assert "CYRILLIC SMALL LETTER I" in flags[0].detail
    article = clean(Document(source="t", text=text))
    assert "и" in article.text
    assert any(f.kind == "mixed script" for f in article.flags)


def test_a_word_mixing_scripts_is_flagged() -> None:
    assert mixed_script_flags("The ferrу left at noon.")  # Cyrillic у
    assert mixed_script_flags("Мэр сказал, что паром уйдёт в полдень.") == []
    assert mixed_script_flags("The mayor met Ivan Petrov (Иван Петров) at the port.") == []


def test_doubled_words_are_flagged() -> None:
    flags = spinner_flags("The military operation operation began on the coast.")
    assert len(flags) == 1
    assert "operation operation" in flags[0].detail
    assert spinner_flags("What he had had was enough. Walla Walla voted.") == []
    assert spinner_flags("Harbour\n\nHarbour works began.") == []


def test_rewrite_tell_tales_are_flagged() -> None:
    assert rewrite_flags("The firm uses synthetic intelligence to route ferries.")
    assert rewrite_flags("The minister went to the port, On Monday.")
    assert rewrite_flags("The minister went to the port on Monday, The Quill reported.") == []


def test_truncation_is_flagged() -> None:
    assert truncation_flags("The ferry will leave from the new pier and…")
    assert truncation_flags("The ferry will leave from the new pier [+2105 chars]")
    assert truncation_flags("The ferry will leave.") == []


def test_controls_are_dropped_but_not_newlines() -> None:
    assert strip_controls("a\x00b\tc\nd\x07") == "ab\tc\nd"


def test_ingest_notes_become_input_flags() -> None:
    document = Document(source="t", text=CLEAN_TEXT, notes=("decoded as latin-1",))
    article = clean(document)
    assert [(f.kind, f.detail) for f in article.flags] == [("input", "decoded as latin-1")]
