"""The seed articles' annotated junk lines go, every other body line stays, titles are found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.clean import clean_all
from storylens.ingest import read_inputs
from storylens.model import Article


@pytest.fixture(scope="module")
def gold(shared: Path) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        (shared / "gold" / "seeds.json").read_text(encoding="utf-8")
    )["documents"]
    return data


@pytest.fixture(scope="module")
def cleaned(seeds_dir: Path) -> dict[str, Article]:
    inputs = read_inputs([str(seeds_dir)])
    result = clean_all(inputs.documents)
    assert not result.skipped
    return {Path(article.source).name: article for article in result.articles}


def _lines(seeds_dir: Path, name: str) -> list[str]:
    return (seeds_dir / name).read_text(encoding="utf-8").split("\n")


def test_every_junk_line_is_removed(
    seeds_dir: Path, gold: dict[str, dict[str, object]], cleaned: dict[str, Article]
) -> None:
    total = 0
    for name, entry in sorted(gold.items()):
        lines = _lines(seeds_dir, name)
        removed = {r.text for r in cleaned[name].removed}
        for number in entry["junk_lines"]:  # type: ignore[attr-defined]
            total += 1
            junk = lines[number - 1].strip()
            assert junk in removed, f"{name}:{number} kept: {junk!r}"
            assert junk not in cleaned[name].text
    assert total == 16


def test_no_body_line_is_lost(
    seeds_dir: Path, gold: dict[str, dict[str, object]], cleaned: dict[str, Article]
) -> None:
    for name, entry in sorted(gold.items()):
        skip = set(entry["junk_lines"]) | {entry["title_line"]}  # type: ignore[arg-type]
        article = cleaned[name]
        for number, line in enumerate(_lines(seeds_dir, name), start=1):
            if number not in skip and line.strip():
                assert line.strip() in article.text, f"{name}:{number} lost"


def test_titles_are_recognised_and_not_junk(
    seeds_dir: Path, gold: dict[str, dict[str, object]], cleaned: dict[str, Article]
) -> None:
    for name, entry in sorted(gold.items()):
        article = cleaned[name]
        number = entry["title_line"]
        if number is None:
            assert article.title is None, name
            continue
        line = _lines(seeds_dir, name)[int(number) - 1].strip()  # type: ignore[call-overload]
        assert article.title, name
        assert line.startswith(article.title), name
        assert line not in article.text
        assert line not in {r.text for r in article.removed}


def test_seed_quality_flags(cleaned: dict[str, Article]) -> None:
    kinds = {kind for a in cleaned.values() for kind in (f.kind for f in a.flags)}
    assert {"mixed script", "spinner"} <= kinds
