"""Headless Chromium for the browser tests (Debian's /usr/bin/chromium via Playwright).

Outside CI a missing Chromium skips these tests with a visible reason; with
``STORYLENS_SHARED`` set (CI) it is a failure. Screenshots go to ``$STORYLENS_ARTIFACTS``
(default ``artifacts/browser`` in the repo, gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("STORYLENS_SHARED"):
            pytest.fail(f"{CHROMIUM} is missing but STORYLENS_SHARED is set (CI must run these)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(os.environ.get("STORYLENS_ARTIFACTS", REPO / "artifacts")) / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Visit:
    """A page plus everything suspicious it did: dialogs, errors, requests that left it."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def open_report(browser: Any, path: Path, *, width: int = 1280, height: int = 900) -> Visit:
    """Open a report file, recording dialogs, console errors and any other request."""
    page = browser.new_page(viewport={"width": width, "height": height})
    visit = Visit(page)
    own = path.resolve().as_uri()

    def route(route: Any) -> None:
        url = route.request.url
        if url.split("#")[0] == own:
            route.continue_()
        else:
            visit.requests.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on(
        "console",
        lambda msg: visit.errors.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    page.on("request", lambda request: _note(visit, own, request.url))
    page.goto(own)
    page.wait_for_load_state("load")
    return visit


def _note(visit: Visit, own: str, url: str) -> None:
    if url.split("#")[0] != own and url not in visit.requests:
        visit.requests.append(url)
