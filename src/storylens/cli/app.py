"""``storylens analyze`` and ``storylens demo``: parse options, call the library, report.

Exit codes: 0 everything analysed, 1 partial (some inputs skipped), 2 usage error or no
readable input. Library errors become one-line messages here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from storylens import __version__
from storylens.errors import NoInputError, StorylensError
from storylens.ingest import read_inputs
from storylens.model import Document, Report, Skipped
from storylens.pipeline import analyze_documents
from storylens.render import FORMATS, Format, format_for_path, render
from storylens.resources import load_resources
from storylens.workers import available_jobs

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="storylens",
    help="Read many outlets' versions of a news story: who said what, where they agree and "
    "where they conflict, every claim traced to a character span. Offline and deterministic.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storylens {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = None,
) -> None:
    """storylens: a cross-source news story analyzer."""


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (.txt .html .json .jsonl, also gzipped); '-' reads stdin."
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "-o",
            "--output",
            help="Output file; its extension picks the format (.html .md .json); '-' = stdout.",
        ),
    ] = "-",
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="json, md or html; overrides the extension."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes for parsing large inputs; 0 = one per available core.",
        ),
    ] = 0,
    tagger: Annotated[
        bool,
        typer.Option(
            "--tagger",
            help="Second opinion on attributions from the optional transformer tagger "
            "(pip install 'storylens\\[tagger]'); slower, one process.",
        ),
    ] = False,
) -> None:
    """Analyse articles: clean, extract, group into stories, compare sources, summarise."""
    chosen = _choose_format(output, format)
    default_published = _parse_date(published)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    inputs = read_inputs(paths, default_published=default_published, stdin=stdin)
    _print_skipped(inputs.skipped, quiet=quiet)
    if not inputs.documents:
        _fail(NoInputError("no readable input"))
    report = _run(
        inputs.documents,
        inputs.skipped,
        quiet=quiet,
        jobs=jobs or available_jobs(),
        tagger=tagger,
    )
    _print_skipped(report.skipped[len(inputs.skipped) :], quiet=quiet)
    if not report.articles:
        _fail(NoInputError("no input had article text left to analyse"))
    _write(render(report, format=chosen), output)
    if not quiet:
        _print_summary(report, output)
    raise typer.Exit(EXIT_PARTIAL if report.skipped else EXIT_OK)


@app.command()
def demo(
    output_dir: Annotated[
        Path, typer.Option("--dir", help="Folder for storylens-demo.html/.json/.md.")
    ] = Path("."),
) -> None:
    """Analyse the bundled sample story and write storylens-demo.html, .json and .md."""
    sample = files("storylens").joinpath("sample")
    with as_file(sample) as folder:
        inputs = read_inputs([str(folder / "articles.jsonl")])
        report = _run(inputs.documents, inputs.skipped, quiet=False, jobs=1)
    output_dir.mkdir(parents=True, exist_ok=True)
    for format in FORMATS:
        path = output_dir / f"storylens-demo.{format}"
        path.write_text(render(report, format=format), encoding="utf-8")
        typer.echo(f"wrote {path.resolve()}")
    typer.echo("open storylens-demo.html in a browser to read the report")


def _run(
    documents: Sequence[Document],
    skipped: Sequence[Skipped],
    *,
    quiet: bool,
    jobs: int,
    tagger: bool = False,
) -> Report:
    try:
        resources = load_resources(tagger=tagger)
        if quiet:
            return analyze_documents(documents, resources=resources, skipped=skipped, jobs=jobs)
        from rich.progress import Progress

        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(stage: str, done: int, total: int) -> None:
                bar.update(task, description=stage, completed=done, total=total)

            return analyze_documents(
                documents, resources=resources, skipped=skipped, progress=progress, jobs=jobs
            )
    except StorylensError as error:
        _fail(error)


SHOWN_SKIPS = 20
"""How many skipped inputs are listed on stderr; the report lists them all."""


def _print_skipped(skipped: Sequence[Skipped], *, quiet: bool) -> None:
    """One line per skipped input (the first SHOWN_SKIPS of them), then a count."""
    shown = () if quiet else skipped[:SHOWN_SKIPS]
    for item in shown:
        err.print(f"[yellow]skipped[/] {escape(item.source)}: {escape(item.reason)}")
    if len(skipped) > len(shown):
        more = "" if not shown else " more"
        err.print(
            f"[yellow]skipped[/] {len(skipped) - len(shown):,}{more} inputs "
            "(all are listed with their reasons in the report)"
        )


def _choose_format(output: str, format: str | None) -> Format:
    if format is not None:
        if format not in FORMATS:
            _usage(f"unknown format '{format}': use one of {', '.join(FORMATS)}")
        return format
    chosen = format_for_path(output)
    if chosen is None:
        _usage(f"cannot tell the format of '{output}': end it in .html, .md or .json, or use -f")
    return chosen


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _usage(f"--published must be a date like 2022-10-15, not '{text}'")


def _write(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        _usage(f"cannot write {output}: {error.strerror}")


def _print_summary(report: Report, output: str) -> None:
    stories = len(report.stories)
    err.print(
        f"{len(report.articles)} articles, {stories} stor{'y' if stories == 1 else 'ies'}, "
        f"{len(report.skipped)} skipped" + ("" if output == "-" else f" → {output}")
    )
    for story in report.stories:
        members = escape(", ".join(story.article_ids))
        err.print(f"  {escape(story.id)}: {members}  [dim]{escape(story.title[:70])}[/]")


def _usage(message: str) -> NoReturn:
    err.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_USAGE)


def _fail(error: StorylensError) -> NoReturn:
    err.print(f"[red]error:[/] {escape(str(error))}")
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Entry point of the ``storylens`` console script."""
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    app()
