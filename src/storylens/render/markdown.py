"""The report as Markdown that pastes into a document or an issue tracker."""

from __future__ import annotations

from storylens.model import Report
from storylens.render.view import article_label, articles_by_id


def render_markdown(report: Report) -> str:
    """Stories with their cited summary, facts and conflicts, then sources and skipped inputs."""
    by_id = articles_by_id(report)
    lines = ["# storylens report", "", f"_{report.generator}_", ""]
    for story in report.stories:
        lines += [f"## {_md(story.title)}", ""]
        sources = (f"{_md(article_label(by_id[a]))} [{a}]" for a in story.article_ids)
        lines += [f"Sources: {', '.join(sources)}", ""]
        if story.summary:
            lines += ["### Summary", ""]
            lines += [f"- {_md(s.text)} [{', '.join(s.citations)}]" for s in story.summary]
            lines.append("")
        if story.facts:
            lines += ["### Facts", ""]
            for fact in story.facts:
                first = fact.statements[0]
                lines.append(
                    f"- **{fact.status}** ({fact.independent_sources} independent): "
                    f"{_md(first.text)} [{', '.join(fact.sources)}]"
                )
            lines.append("")
        if story.conflicts:
            lines += ["### Conflicts", ""]
            for conflict in story.conflicts:
                lines.append(f"- **{conflict.kind}** — {_md(conflict.topic)}")
                lines += [f"  - [{side.article_id}] {_md(side.text)}" for side in conflict.sides]
            lines.append("")
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- `{_md(s.source)}`: {_md(s.reason)}" for s in report.skipped]
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Neutralise Markdown and HTML in untrusted text (one line, special characters escaped)."""
    text = " ".join(text.split())
    for char in "\\`*_{}[]<>#|!":
        text = text.replace(char, "\\" + char)
    return text
