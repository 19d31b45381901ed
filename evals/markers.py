"""What ``make eval`` and ``make bench`` share: running their modules, rewriting a doc page."""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypeVar

START, END = "<!-- figures:start -->", "<!-- figures:end -->"

Found = TypeVar("Found")


def run_modules(
    package: str,
    names: Sequence[str],
    call: Callable[[ModuleType], list[Found]],
    *,
    digits: int = 1,
) -> list[Found]:
    """``call(module)`` for each module ``package.name``, reporting its figures and time."""
    found: list[Found] = []
    for name in names:
        module = importlib.import_module(f"{package}.{name}")
        started = time.perf_counter()
        figures = call(module)
        seconds = time.perf_counter() - started
        print(f"  {name}: {len(figures)} figures in {seconds:.{digits}f}s", file=sys.stderr)
        found.extend(figures)
    return found


def rewrite_figures(path: Path, body: str, *, title: str) -> None:
    """Put ``body`` between the markers of ``path`` (created with ``title`` if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# {title}\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    path.write_text(f"{before}{START}\n{body}\n{END}{after}", encoding="utf-8")
