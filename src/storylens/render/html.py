"""The report as one self-contained HTML file (Jinja2, autoescaped, strict CSP)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from storylens.model import Report
from storylens.render.view import article_label, articles_by_id


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storylens.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["article_label"] = article_label
    return env


def render_html(report: Report) -> str:
    """Render the report page; every article-derived string is escaped by Jinja2."""
    template = _environment().get_template("report.html.j2")
    return template.render(report=report, articles=articles_by_id(report))
