"""Print the quantities found in text files (default: the seeds), one line each, for review.

    .venv/bin/python scripts/show_quantities.py [FILE ...]

Runs the extractor over the raw files (junk lines included), so it shows what the grammar finds
before cleaning. Reads ``../shared/seeds`` (or ``$STORYLENS_SHARED/seeds``) at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from storylens.extract.quantities import find_quantities
from storylens.model import Article
from storylens.resources import load_nlp

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    shared = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))
    paths = [Path(arg) for arg in argv] or sorted((shared / "seeds").glob("*.txt"))
    nlp = load_nlp()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, source=str(path), text=text)
        for q in find_quantities(article, nlp(text)):
            value = "None" if q.value is None else f"{q.value:<8g}"
            currency = "" if q.value is None else f" currency={q.currency}"
            print(
                f"{path.stem[:3]}  {q.text!r:26} value={value} low={q.low} high={q.high} "
                f"unit={q.unit}{currency} counts={q.counts!r}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
