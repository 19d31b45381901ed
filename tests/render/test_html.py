from __future__ import annotations

import re
from html.parser import HTMLParser

from storylens.model import Report
from storylens.render import render
from storylens.render.html import csp_hash
from tests.render.fixtures import SECTIONS, build_report


class Tags(HTMLParser):
    """Every start tag with its attributes, and text per tag kind."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.inline else None

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[self._open].append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_every_section_is_rendered_with_data() -> None:
    page = render(build_report(), format="html")
    for name in SECTIONS:
        assert f'<section class="{name}">' in page, name
    assert "No summary sentences found" not in page
    assert "reckless neglect" in page
    assert "<svg" in page
    assert "<circle" in page
    assert page.count('class="side"') == 4
    assert 'class="m qty"' in page
    assert 'class="m quote' in page


def test_empty_sections_say_none_found() -> None:
    report = build_report()
    story = report.stories[0]
    bare = type(story)(id=story.id, title=story.title, article_ids=story.article_ids)
    page = render(Report(report.generator, report.articles, (bare,)), format="html")
    for what in (
        "summary sentences",
        "conflicts between sources",
        "dated events",
        "copied passages",
        "differences in wording",
    ):
        assert f"No {what} found." in page


def test_citation_chips_point_at_existing_span_targets() -> None:
    page = render(build_report(), format="html")
    tags = parse(page).tags
    ids = {attrs["id"] for _, attrs in tags if attrs.get("id")}
    hrefs = [
        attrs["href"] for tag, attrs in tags if tag == "a" and "chip" in (attrs.get("class") or "")
    ]
    assert any(re.fullmatch(r"#a\d+-\d+-\d+", h or "") for h in hrefs)
    for href in hrefs:
        assert href
        assert href[1:] in ids, href


def test_csp_allows_exactly_the_inline_script_and_style() -> None:
    page = render(build_report(), format="html")
    tags = parse(page)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv"))
    assert csp is not None
    assert "default-src 'none'" in csp
    (script,), (style,) = tags.inline["script"], tags.inline["style"]
    assert f"script-src {csp_hash(script)}" in csp
    assert f"style-src {csp_hash(style)}" in csp
    assert "unsafe" not in csp
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)


def test_untrusted_fields_are_escaped_and_only_http_links() -> None:
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>{{7*191}}${7*191}"
    report = build_report(title=evil, outlet=evil, url="javascript:alert(3)", extra_text=evil)
    page = render(report, format="html")
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 1
    assert not any(t == "img" for t, _ in tags.tags)
    hrefs = [a.get("href") or "" for t, a in tags.tags if t == "a"]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{7*191}}${7*191}" in page
    assert "1337" not in page
