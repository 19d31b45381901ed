"""Shared fixtures.

Real-data tests read ``../shared`` (or ``$STORYLENS_SHARED``) at test time; nothing from
it is copied into the repo. They skip only when the variable is unset *and* the folder
is absent; with ``STORYLENS_SHARED`` set (CI), a missing folder is an error.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from storylens.ingest import read_inputs
from storylens.model import Article, Report
from storylens.pipeline import analyze_documents
from storylens.resources import Resources, load_resources

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "storylens" / "sample"


def shared_root() -> Path | None:
    """The shared data folder, or None when it is legitimately absent."""
    configured = os.environ.get("STORYLENS_SHARED")
    if configured:
        path = Path(configured)
        if not path.is_absolute():
            path = (REPO / path).resolve()
        if not path.is_dir():
            raise RuntimeError(f"STORYLENS_SHARED={configured} is not a directory")
        return path
    default = REPO.parent / "shared"
    return default if default.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    root = shared_root()
    if root is None:
        pytest.skip("../shared is absent and STORYLENS_SHARED is unset")
    return root


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return load_resources()


def analyze_paths(paths: Sequence[str | Path], resources: Resources) -> Report:
    inputs = read_inputs([str(p) for p in paths])
    return analyze_documents(inputs.documents, resources=resources, skipped=inputs.skipped)


@pytest.fixture(scope="session")
def seeds_report(seeds_dir: Path, resources: Resources) -> Report:
    return analyze_paths([seeds_dir], resources)


@pytest.fixture(scope="session")
def seeds_report_tagged(seeds_dir: Path) -> Report:
    """The seeds analysed with the optional attribution tagger's second opinion."""
    return analyze_paths([seeds_dir], load_resources(tagger=True))


@pytest.fixture(scope="session")
def sample_report(resources: Resources) -> Report:
    return analyze_paths([SAMPLE / "articles.jsonl"], resources)


def article_by_prefix(report: Report, prefix: str) -> Article:
    """The article whose id starts with ``prefix`` (seed ids start with 000 … 004)."""
    matches = [a for a in report.articles if a.id.startswith(prefix)]
    assert len(matches) == 1, f"{prefix}: {[a.id for a in report.articles]}"
    return matches[0]
