"""Attack strings in every untrusted field must render as text: no script, no request."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from storylens.model import Report
from storylens.render import render
from tests.browser.conftest import open_report
from tests.render.fixtures import build_report

pytestmark = pytest.mark.browser

PAYLOADS = (
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    '<svg onload="window.__pwned=3"><script>alert(3)</script></svg>',
    "</style><script>window.__pwned=4</script>",
    "</title><script>window.__pwned=5</script>",
    "</textarea><script>window.__pwned=6</script>",
    '"><script>window.__pwned=7</script>',
    "'><img src=https://evil.example/x.png>",
    '<iframe src="javascript:window.parent.__pwned=9"></iframe>',
    '<a href="javascript:window.__pwned=10">click</a>',
    "javascript:window.__pwned=11",
    "JaVaScRiPt:alert(12)",
    "data:text/html,<script>alert(13)</script>",
    "{{7*191}} {{ config }} {% raw %}",
    "${7*191} #{7*191} <%= 7*191 %>",
    "<math><mtext></p><script>window.__pwned=16</script>",
    "<link rel=stylesheet href=https://evil.example/a.css>",
    '<meta http-equiv=refresh content="0;url=https://evil.example/">',
    "<base href=https://evil.example/>",
    "<style>@import url(https://evil.example/b.css); body{background:url(https://evil.example/c)}</style>",
    "<object data=https://evil.example/o></object><embed src=https://evil.example/e>",
    '<details open ontoggle="window.__pwned=22">',
    "<form action=https://evil.example/f><button>go</button></form>",
    "\u202e<script>alert(24)</script>",
    "<scr<script>ipt>window.__pwned=25</script>",
)
TEXT = " ".join(PAYLOADS)
URLS = (
    "javascript:window.__pwned=1",
    'https://evil.example/"><script>alert(1)</script>',
    " javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:msgbox(1)",
)


def evil_report() -> Report:
    """The fixture report with payloads in text, title, outlet, URL, ids and story fields."""
    report = build_report(title=TEXT, outlet=PAYLOADS[1], url=URLS[0], extra_text="\n\n" + TEXT)
    articles = list(report.articles)
    for number, url in enumerate(URLS[1:], start=1):
        if number < len(articles):
            article = articles[number]
            articles[number] = dataclasses.replace(
                article,
                outlet=PAYLOADS[number + 2],
                title=PAYLOADS[-number],
                url=url,
                source=PAYLOADS[number + 5],
            )
    story = dataclasses.replace(report.stories[0], title=PAYLOADS[3])
    return Report(PAYLOADS[0], tuple(articles), (story,))


def test_at_least_twenty_payloads() -> None:
    assert len(PAYLOADS) >= 20


def test_payloads_render_as_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    path.write_text(render(evil_report(), format="html"), encoding="utf-8")
    visit = open_report(browser, path)
    page = visit.page
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert visit.dialogs == []
    assert visit.requests == []
    assert visit.errors == []  # a CSP violation here would mean a payload became markup
    body = page.locator("body").inner_text()
    for payload in PAYLOADS[:5]:
        assert payload in body, payload
    assert page.locator("script").count() == 1
    for selector in ("img", "iframe", "object", "embed", "form", "base", "link", "math"):
        assert page.locator(selector).count() == 0, selector
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    page.locator("a.chip[href*='-']").first.click()
    assert page.evaluate("window.__pwned") is None
    assert visit.dialogs == []
    page.close()
