"""The report as one self-contained HTML file (Jinja2, autoescaped, strict CSP).

Stylesheet and script are static template files inlined verbatim; the
Content-Security-Policy allows exactly those two blocks by their sha256 hash and
nothing else (no network, no other script, no inline event handlers).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storylens.model import Report
from storylens.render.article_view import article_view
from storylens.render.story_view import story_views
from storylens.render.view import Index


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("storylens.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _static(name: str) -> str:
    """A template file's raw text (our own CSS or JS, never article data)."""
    env = _environment()
    assert env.loader is not None
    text, _, _ = env.loader.get_source(env, name)
    if "</" in text:
        raise ValueError(f"{name} must not contain '</' (it is inlined in the page)")
    return text


def csp_hash(text: str) -> str:
    """The CSP source expression allowing one inline block with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(*, script: str, style: str) -> str:
    """No network at all; only our own inline script and style, by hash."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {csp_hash(script)}",
            f"style-src {csp_hash(style)}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def render_html(report: Report) -> str:
    """Render the report page; every article-derived string is escaped by Jinja2."""
    css, js = _static("report.css"), _static("report.js")
    index = Index(report)
    stories = story_views(report, index)  # first: chips register their jump targets
    articles = {article.id: article_view(article, index) for article in report.articles}
    in_stories = {a for story in report.stories for a in story.article_ids}
    loose = [articles[a.id] for a in report.articles if a.id not in in_stories]
    title = report.stories[0].title if len(report.stories) == 1 else "storylens report"
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            stories=stories,
            articles=articles,
            loose=loose,
            page_title=title,
            css=Markup(css),
            js=Markup(js),
            csp=content_security_policy(script=js, style=css),
        )
    )
