"""Render: a Report as JSON (the contract), Markdown or a self-contained HTML page."""

from __future__ import annotations

from typing import Literal

from storylens.model import Report
from storylens.render.html import render_html
from storylens.render.json import render_json
from storylens.render.markdown import render_markdown

Format = Literal["json", "md", "html"]
FORMATS: tuple[Format, ...] = ("json", "md", "html")

__all__ = ["FORMATS", "Format", "format_for_path", "render"]


def render(report: Report, *, format: Format) -> str:
    """The report as text in the given format."""
    if format == "json":
        return render_json(report)
    if format == "md":
        return render_markdown(report)
    return render_html(report)


def format_for_path(path: str) -> Format | None:
    """The format an output path's extension asks for (``-`` is JSON), or None."""
    if path == "-":
        return "json"
    lowered = path.lower()
    for suffix, format in (
        (".json", "json"),
        (".md", "md"),
        (".markdown", "md"),
        (".html", "html"),
        (".htm", "html"),
    ):
        if lowered.endswith(suffix):
            return format  # type: ignore[return-value]
    return None
