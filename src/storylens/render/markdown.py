"""The report as Markdown that pastes into a document or an issue tracker.

It carries the HTML report's sections (built from the same story views) minus the
pictures and full article texts. Every untrusted string goes through :func:`md`, which
neutralises Markdown, HTML and tracker mentions; links are only http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storylens.model import Report
from storylens.render.story_view import SourceRow, StoryView, story_views
from storylens.render.view import Chip, Index


def render_markdown(report: Report) -> str:
    """Stories with every section, then skipped inputs."""
    index = Index(report)
    lines = ["# storylens report", "", f"_{md(report.generator)}_", ""]
    for story in story_views(report, index):
        lines += _story(story)
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- `{_code(s.source)}`: {md(s.reason)}" for s in report.skipped]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _story(story: StoryView) -> list[str]:
    lines = [f"## {md(story.title)}", ""]
    meta = [md(story.date_range)] if story.date_range else []
    count = len(story.sources)
    meta.append(f"{count} source{'' if count == 1 else 's'}")
    if story.related:
        meta.append("related: " + "; ".join(md(r) for r in story.related))
    lines += ["_" + " · ".join(meta) + "_", ""]
    lines += _section(
        "Summary",
        [f"{n}. {md(s.text)} {_cite(s.chips)}" for n, s in enumerate(story.summary, start=1)],
        "summary",
    )
    lines += _section("Sources", _sources(story.sources), "sources", table=True)
    facts = [
        f"- {md(f.text)} — **{f.independent} independent** {_cite(v.chip for v in f.versions)}"
        for f in story.agreed
    ]
    lines += _section("Agreed facts", facts, "facts reported by several independent sources")
    lines += _section("Where sources differ", _conflicts(story), "conflicts between sources")
    lines += _section("Who said what", _speakers(story), "attributed quotes")
    lines += _section("Numbers", _numbers(story), "counted numbers", table=True)
    timeline = [f"- **{md(t.date)}** {md(t.text)} {_cite(t.chips)}" for t in story.timeline]
    lines += _section("Timeline", timeline, "dated events")
    framing = [
        f"- {md(f.referent)}: "
        + "; ".join(
            f"“{md(v.text)}”{' (loaded)' if loaded else ''} {_cite([v.chip])}"
            for v, loaded in f.terms
        )
        for f in story.framing
    ]
    lines += _section("Framing", framing, "differences in wording")
    reuse = [
        f"- {md(r.first.label)} {r.direction} {md(r.second.label)}: "
        f"{r.share_first:.0%} / {r.share_second:.0%} of their text"
        + (f" ({md(r.reason)})" if r.reason else "")
        for r in story.reuse
    ]
    lines += _section("Copied text", reuse, "copied passages")
    return lines


def _section(title: str, body: Sequence[str], what: str, *, table: bool = False) -> list[str]:
    if not body or (table and len(body) <= 2):
        return [f"### {title}", "", f"_No {what} found._", ""]
    return [f"### {title}", "", *body, ""]


def _sources(rows: Sequence[SourceRow]) -> list[str]:
    lines = ["| Outlet | Title | Date | Quality | Stripped |", "|---|---|---|---|---|"]
    for row in rows:
        title = md(row.title or "(untitled)")
        if row.url:
            title = f"[{title}](<{row.url}>)"
        elif row.url_text:
            title += f" `{_code(row.url_text)}`"
        flags = ", ".join(md(f"{f.kind}: {f.detail}") for f in row.flags) or "—"
        stripped = (
            f"{row.removed_count} line{'' if row.removed_count == 1 else 's'}, "
            f"{row.removed_chars} chars"
            if row.removed_count
            else "none"
        )
        lines.append(
            f"| {md(row.chip.label)} | {title} | {row.published or '—'} | {flags} | {stripped} |"
        )
    return lines


def _conflicts(story: StoryView) -> list[str]:
    lines: list[str] = []
    for conflict in story.conflicts:
        lines += [f"**{conflict.kind}: {md(conflict.topic)}**", ""]
        if conflict.note:
            lines += [f"_{md(conflict.note)}_", ""]
        lines += ["| Source | Version |", "|---|---|"]
        for side in conflict.sides:
            who = md(side.chip.label) + (f" (per {md(side.speaker)})" if side.speaker else "")
            left = " " if side.before[-1:].isspace() else ""
            right = " " if side.after[:1].isspace() else ""
            text = f"{md(side.before)}{left}**{md(side.text)}**{right}{md(side.after)}"
            lines.append(f"| {who} | {text} |")
        lines.append("")
    return lines[:-1]


def _speakers(story: StoryView) -> list[str]:
    lines: list[str] = []
    for speaker in story.speakers:
        lines.append(f"- **{md(speaker.name)}**")
        for versions in speaker.utterances:
            lines += [
                f"  - {_said(v.text) if v.quoted else md(v.text)} — {md(v.chip.label)}"
                for v in versions
            ]
    return lines


def _numbers(story: StoryView) -> list[str]:
    header = " | ".join(md(c.label) for c in story.number_columns)
    lines = [f"| What is counted | {header} |", "|---" * (len(story.number_columns) + 1) + "|"]
    for row in story.numbers:
        cells = " | ".join("; ".join(md(v.text) for v in cell) or "—" for cell in row.cells)
        mark = "≠ " if row.differs else ""
        lines.append(f"| {mark}{md(row.slot)} | {cells} |")
    return lines


def _said(text: str) -> str:
    return f"“{md(text)}”"


def _cite(chips: Iterable[Chip]) -> str:
    labels = list(dict.fromkeys(md(chip.label) for chip in chips))
    return f"({'; '.join(labels)})" if labels else ""


def md(text: str) -> str:
    """Neutralise Markdown, HTML and @mentions in untrusted text (kept on one line)."""
    text = " ".join(text.split())
    for char in "\\`*_{}[]<>#|!~&@$":
        text = text.replace(char, "\\" + char)
    return text


def _code(text: str) -> str:
    """Untrusted text inside a code span: one line, no backticks."""
    return " ".join(text.split()).replace("`", "'")
