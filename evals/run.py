"""``make eval``: run every evaluation, print one table, rewrite docs/quality.md.

Exits 1 when a figure is below its pinned floor (evals/floors.json: "full", or "fast"
with ``--fast``).

python -m evals.run --shared ../shared [--only dates,clustering] [--fast]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from evals.floors import below_floors, load_floors
from evals.markers import rewrite_figures, run_modules
from evals.metric import Metric
from storylens import __version__

EVALS = (
    "extraction",
    "dates",
    "attribution",
    "attribution_tagger",
    "pronouns",
    "clustering",
    "seeds",
    "sample",
)
"""Eval modules in evals/, each with ``evaluate(shared, *, fast) -> list[Metric]``."""

DOC = Path(__file__).resolve().parent.parent / "docs" / "quality.md"


def run_evals(shared: Path, *, only: tuple[str, ...] = EVALS, fast: bool = False) -> list[Metric]:
    """Every metric of the chosen evals (an eval whose module is missing is reported)."""
    return run_modules("evals", only, lambda module: module.evaluate(shared, fast=fast))


def format_table(metrics: list[Metric]) -> str:
    """A Markdown table of the figures."""
    lines = ["| eval | figure | value | data | note |", "|---|---|---:|---|---|"]
    for m in metrics:
        whole = m.value > 1 and float(m.value).is_integer()  # a count
        value = f"{m.value:.0f}" if whole else f"{m.value:.3f}"
        lines.append(f"| {m.eval} | {m.name} | {value} | {m.data} | {m.note} |")
    return "\n".join(lines)


def write_doc(metrics: list[Metric], *, path: Path = DOC) -> None:
    """Rewrite the generated part of docs/quality.md."""
    when = dt.date.today().isoformat()
    body = f"storylens {__version__}, measured {when} by `make eval`.\n\n{format_table(metrics)}"
    rewrite_figures(path, body, title="Quality")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--only", default=",".join(EVALS))
    parser.add_argument("--fast", action="store_true", help="small subsets, as the tests use")
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs alone")
    args = parser.parse_args()
    only = tuple(args.only.split(","))
    metrics = run_evals(args.shared, only=only, fast=args.fast)
    print(format_table(metrics))
    if not args.no_doc and not args.fast and only == EVALS:
        write_doc(metrics)
    failing = below_floors(metrics, load_floors("fast" if args.fast else "full", only=only))
    for key, (value, floor) in sorted(failing.items()):
        shown = "not measured" if value is None else f"{value:.3f}"
        print(f"below floor: {key} = {shown} (floor {floor})", file=sys.stderr)
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
