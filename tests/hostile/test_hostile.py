"""``storylens analyze`` over the hostile corpus: no crash, no hang, every skip has a reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storylens.render.json import validate_report
from tests.hostile.corpus import CASES, generate

TIME_LIMIT_S = 600
"""The whole corpus in one run; a hang in any input blows this bound."""


@pytest.mark.slow
def test_hostile_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus)
    good = corpus / "zz-good.txt"
    good.write_text("The bridge reopened on Tuesday, the transport ministry said.\n")
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "storylens", "analyze", str(corpus), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, result.stderr[-3000:]
    report = json.loads(out.read_text())
    validate_report(report)
    analysed = {Path(a["source"].split(":")[0]).name for a in report["articles"]}
    skipped = {Path(s["source"].split(":")[0]).name: s["reason"] for s in report["skipped"]}
    skipped.update({Path(s["source"]).parent.name: s["reason"] for s in report["skipped"]})
    assert "zz-good.txt" in analysed
    assert all(reason.strip() for reason in skipped.values())
    for case in CASES:
        outcome = "article" if case.name in analysed else "skip" if case.name in skipped else None
        assert outcome is not None, f"{case.name}: neither analysed nor reported"
        if case.expect != "either":
            assert outcome == case.expect, (case.name, skipped.get(case.name))
