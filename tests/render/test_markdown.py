from __future__ import annotations

import re
from dataclasses import replace

from storylens.render import render
from storylens.render.markdown import md
from tests.render.fixtures import build_report


def test_markdown_has_every_section() -> None:
    text = render(build_report(), format="md")
    for title in (
        "Summary",
        "Sources",
        "Agreed facts",
        "Where sources differ",
        "Who said what",
        "Numbers",
        "Timeline",
        "Framing",
        "Copied text",
    ):
        assert f"### {title}\n" in text
    assert "**1,200**" in text
    assert "**About 3,000**" in text
    assert "[Rivermouth flood](<https://wire.example/rivermouth>)" in text
    assert "No " not in text.replace("No counted", "")


def test_markdown_neutralises_untrusted_text() -> None:
    evil = "<script>x</script> [click](javascript:alert(1)) @everyone **bold** # head | pipe"
    text = render(build_report(title=evil, outlet=evil, url="javascript:alert(1)"), format="md")
    assert "<script>" not in text
    assert "[click](" not in text
    assert "\\[click\\](javascript" in text
    assert "](<javascript" not in text
    assert md(evil) in text
    assert not re.search(r"(?<!\\)[@<*#|\[]", md(evil))
    assert md("a|b") == "a\\|b"
    assert md("line\nbreak") == "line break"


def test_story_meta_counts_its_sources_in_words() -> None:
    report = build_report()
    (story,) = report.stories
    single = replace(report, stories=(replace(story, article_ids=story.article_ids[:1]),))
    assert "· 3 sources_" in render(report, format="md")
    assert "· 1 source_" in render(single, format="md")
    assert "1 sources" not in render(single, format="md")
