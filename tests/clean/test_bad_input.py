"""HTML extraction, bad input, and cross-article repeats: a clear reason or an article."""

from __future__ import annotations

import pytest

from storylens.clean import clean, clean_all
from storylens.errors import EmptyInput, TooLargeInput
from storylens.ingest.limits import MAX_HTML_CHARS
from storylens.model import Document

PARAGRAPHS = [
    "The harbour authority in Westmarch said on Tuesday that the new ferry terminal would "
    "open in the spring after two years of delays and rising costs.",
    "Officials said the terminal would handle up to 4,000 passengers a day and cut crossing "
    "times to the island of Velmora by a third, according to the plan.",
    "Local traders welcomed the news, saying the delays had cost them customers all summer "
    "and that the new timetable would bring visitors back to the old town.",
]


def _page(*, extra: str = "", title: str = "Ferry terminal to open") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="The Daily Quill">'
        '<meta name="author" content="Mara Lint">'
        '<meta property="article:published_time" content="2021-03-04">'
        '<link rel="canonical" href="https://quill.example/ferry"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}{extra}"
        "</article><footer>All rights reserved</footer></body></html>"
    )


def test_html_gives_body_paragraphs_and_metadata() -> None:
    article = clean(Document(source="p.html", html=_page()))
    assert article.text.split("\n\n")[-3:] == PARAGRAPHS
    assert article.title == "Ferry terminal to open"
    assert article.outlet == "The Daily Quill"
    assert article.url == "https://quill.example/ferry"
    assert article.published is not None
    assert article.published.isoformat() == "2021-03-04"


def test_junk_inside_html_body_is_removed() -> None:
    extra = "<p>Also Read : Mayor opens new library wing</p><p>Leave a Reply</p>"
    article = clean(Document(source="p.html", html=_page(extra=extra)))
    assert {r.reason for r in article.removed} == {"read-next teaser", "comment form"}
    assert "Leave a Reply" not in article.text


@pytest.mark.parametrize(
    "html",
    ["", "<html></html>", "<html><head><title>x</title></head><body></body></html>"],
)
def test_html_without_body_gives_a_clear_reason(html: str) -> None:
    with pytest.raises(EmptyInput, match="no article"):
        clean(Document(source="p.html", html=html))


@pytest.mark.timeout(60)
def test_ten_thousand_deep_nesting_neither_crashes_nor_hangs() -> None:
    html = "<html><body>" + "<div>" * 10_000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html += "</div>" * 10_000 + "</body></html>"
    try:
        article = clean(Document(source="deep.html", html=html))
    except EmptyInput as error:
        reason = str(error)
        text = ""
    else:
        reason = ""
        text = article.text
    assert "no article body" in reason or PARAGRAPHS[0] in text


def test_nul_bytes_are_dropped() -> None:
    html = _page().replace("harbour authority", "harbour\x00 authority")
    article = clean(Document(source="p.html", html=html))
    assert "\x00" not in article.text
    assert PARAGRAPHS[0] in article.text
    text_article = clean(Document(source="t.txt", text="A\x00 ferry sailed.\x00"))
    assert text_article.text == "A ferry sailed."


def test_oversized_html_is_refused_with_a_reason() -> None:
    html = "<p>" + "x" * (MAX_HTML_CHARS + 1) + "</p>"
    with pytest.raises(TooLargeInput, match="cap"):
        clean(Document(source="big.html", html=html))


def test_clean_all_skips_bad_inputs_and_keeps_the_rest() -> None:
    documents = [
        Document(source="empty.html", html="<html></html>"),
        Document(source="junk.txt", text="Leave a Reply\n\nRequired fields are marked *"),
        Document(source="ok.txt", text="\n\n".join(PARAGRAPHS)),
    ]
    result = clean_all(documents)
    assert [a.source for a in result.articles] == ["ok.txt"]
    assert [s.source for s in result.skipped] == ["empty.html", "junk.txt"]
    assert all(s.reason for s in result.skipped)


def test_lines_repeated_across_an_outlet_are_removed() -> None:
    boiler = "Get breaking alerts from the Quill desk"
    documents = [
        Document(source=f"{n}.txt", outlet="The Quill", text=f"{PARAGRAPHS[n]}\n\n{boiler}")
        for n in range(3)
    ]
    result = clean_all(documents)
    for article in result.articles:
        assert [(r.text, r.reason) for r in article.removed] == [(boiler, "repeated across outlet")]
    two = clean_all(documents[:2])
    assert all(a.removed == () for a in two.articles)
    other = [
        Document(source=d.source, outlet=f"Outlet {n}", text=d.text or "")
        for n, d in enumerate(documents)
    ]
    assert all(a.removed == () for a in clean_all(other).articles)
