"""``make bench``: run every benchmark, print one table, rewrite docs/performance.md.

    python -m bench.run --shared ../shared [--only clean,stories] [--quick]

Each module in BENCHES exposes ``bench(shared, *, quick) -> list[Figure]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
from pathlib import Path

from bench.figure import Figure
from evals.markers import rewrite_figures, run_modules
from storylens import __version__

BENCHES = ("pipeline", "clean", "extract", "stories", "compare", "tagger")
DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def run_benches(shared: Path, *, only: tuple[str, ...], quick: bool) -> list[Figure]:
    """Every figure of the chosen benches."""
    return run_modules("bench", only, lambda module: module.bench(shared, quick=quick), digits=0)


def format_table(figures: list[Figure]) -> str:
    lines = ["| bench | figure | value | unit | note |", "|---|---|---:|---|---|"]
    for f in figures:
        value = f"{f.value:,.3f}" if abs(f.value) < 100 else f"{f.value:,.0f}"
        lines.append(f"| {f.bench} | {f.name} | {value} | {f.unit} | {f.note} |")
    return "\n".join(lines)


def write_doc(figures: list[Figure], *, path: Path = DOC) -> None:
    """Rewrite the generated part of docs/performance.md."""
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    when = dt.date.today().isoformat()
    body = (
        f"storylens {__version__}, measured {when} by `make bench` on {machine}."
        f"\n\n{format_table(figures)}"
    )
    rewrite_figures(path, body, title="Performance")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--only", default=",".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    args = parser.parse_args()
    only = tuple(args.only.split(","))
    figures = run_benches(args.shared, only=only, quick=args.quick)
    print(format_table(figures))
    if only == BENCHES and not args.quick:
        write_doc(figures)


if __name__ == "__main__":
    main()
