"""Open reports in headless Chromium as a reader would: sections, a citation jump, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storylens.model import Report
from storylens.render import render
from tests.browser.conftest import Visit, open_report
from tests.render.fixtures import SECTIONS, build_report

pytestmark = pytest.mark.browser


def write(report: Report, folder: Path, name: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(render(report, format="html"), encoding="utf-8")
    return path


def check_sections(visit: Visit) -> None:
    page = visit.page
    assert page.locator("section.story").count() >= 1
    for name in SECTIONS:
        assert page.locator(f"section.story section.{name} h3").count() >= 1, name
    assert visit.errors == []
    assert visit.dialogs == []
    assert visit.requests == []


def click_first_span_chip(visit: Visit) -> str:
    """Click a chip that targets a span; return the statement text now highlighted."""
    page = visit.page
    chip = page.locator("a.chip[href*='-']").first
    href = chip.get_attribute("href")
    assert href
    chip.click()
    lit = page.locator(f"[data-s~='{href[1:]}']")
    assert lit.count() >= 1
    for number in range(lit.count()):
        assert "hit" in (lit.nth(number).get_attribute("class") or "")
    background = lit.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background in ("rgb(240, 228, 66)", "rgba(240, 228, 66, 1)")
    assert lit.first.is_visible()
    return "".join(lit.nth(n).inner_text() for n in range(lit.count()))


def click_some_chip(visit: Visit) -> None:
    """Click a span chip when the report has one, else an article chip; its target lights up."""
    if visit.page.locator("a.chip[href*='-']").count():
        assert click_first_span_chip(visit).strip()
        return
    chip = visit.page.locator("section.summary a.chip, a.chip").first
    href = chip.get_attribute("href")
    assert href
    chip.click()
    target = visit.page.locator(f"[id='{href[1:]}']")
    assert "hit" in (target.get_attribute("class") or "")
    assert target.is_visible()


def screenshots(visit: Visit, artifacts: Path, name: str, browser: Any, path: Path) -> None:
    visit.page.screenshot(path=artifacts / f"{name}-laptop.png", full_page=True)
    phone = open_report(browser, path, width=390, height=844)
    phone.page.screenshot(path=artifacts / f"{name}-phone.png", full_page=True)
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page scrolls sideways on a phone ({width}px)"
    phone.page.close()


def test_fixture_report_reads_and_jumps(browser: Any, tmp_path: Path, artifacts: Path) -> None:
    report = build_report()
    path = write(report, tmp_path, "fixture")
    visit = open_report(browser, path)
    check_sections(visit)
    text = click_first_span_chip(visit)
    statements = {s.text for s in report.stories[0].facts[0].statements}
    assert text in statements
    assert visit.page.locator("section.conflicts .sides .side").count() == 4
    assert visit.page.locator("section.timeline svg circle").count() == 2
    assert visit.page.locator("section.reuse svg line.edge").count() == 1
    removed = visit.page.locator("details.removed").first
    assert not removed.locator("del").first.is_visible()
    removed.locator("summary").click()
    assert removed.locator("del").first.is_visible()
    screenshots(visit, artifacts, "fixture", browser, path)
    visit.page.close()


def test_demo_report(browser: Any, sample_report: Report, tmp_path: Path, artifacts: Path) -> None:
    path = write(sample_report, tmp_path, "demo")
    visit = open_report(browser, path)
    check_sections(visit)
    click_some_chip(visit)
    screenshots(visit, artifacts, "demo", browser, path)
    visit.page.close()


@pytest.mark.shared
def test_seeds_report(browser: Any, seeds_report: Report, tmp_path: Path, artifacts: Path) -> None:
    path = write(seeds_report, tmp_path, "seeds")
    visit = open_report(browser, path)
    check_sections(visit)
    assert visit.page.locator("article.source").count() == len(seeds_report.articles)
    click_some_chip(visit)
    screenshots(visit, artifacts, "seeds", browser, path)
    visit.page.close()
