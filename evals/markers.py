"""Rewrite the generated part of a doc page: the text between two markers."""

from __future__ import annotations

from pathlib import Path

START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def rewrite_figures(path: Path, body: str, *, title: str) -> None:
    """Put ``body`` between the markers of ``path`` (created with ``title`` if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# {title}\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    path.write_text(f"{before}{START}\n{body}\n{END}{after}", encoding="utf-8")
