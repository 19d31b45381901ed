"""The command line: formats, exit codes, one-line reasons, help on every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storylens.cli import app
from storylens.render.json import validate_report

runner = CliRunner()


def run_cli(
    *args: str, cwd: Path | None = None, seed: str = "0"
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m storylens`` in a fresh process (as a user would)."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "storylens", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
        check=False,
    )


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("storylens ")


@pytest.mark.parametrize("command", [[], ["analyze"], ["demo"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert len(result.output) > 200


def test_the_tagger_help_names_the_extra_to_install() -> None:
    result = runner.invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"})
    assert "pip install 'storylens[tagger]'" in result.output  # not eaten as rich markup


def test_unknown_output_extension_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "-o", "out.pdf"])
    assert result.exit_code == 2


def test_no_readable_input_exits_2(tmp_path: Path) -> None:
    result = run_cli("analyze", str(tmp_path / "missing.txt"), "-o", "-")
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget on Monday, the mayor said.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 \xff\xfe broken bytes but mostly text here.")
    (tmp_path / "lines.jsonl").write_text('{"text": "ok line"}\n{oops\n')
    (tmp_path / "file.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out.json"
    result = run_cli("analyze", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(out.read_text())
    validate_report(data)
    reasons = {Path(s["source"]).name: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt", "lines.jsonl:2", "file.pdf", "missing.txt"}
    assert all(reason and "\n" not in reason for reason in reasons.values())
    ids = {a["id"] for a in data["articles"]}
    assert {"good", "bad", "lines-1"} <= ids
    for name in reasons:
        assert name.split(":")[0] in result.stderr


@pytest.mark.shared
def test_analyze_seeds_writes_schema_valid_json(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeds.json"
    result = run_cli("analyze", str(seeds_dir), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    validate_report(data)
    assert len(data["articles"]) == 5
    assert {a["id"][:3] for a in data["articles"]} == {"000", "001", "002", "003", "004"}


def outputs_across_hash_seeds(seeds_dir: Path, tmp_path: Path, *options: str) -> list[bytes]:
    """The JSON reports of two runs on the seeds under two PYTHONHASHSEED values."""
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"run-{seed}.json"
        result = run_cli("analyze", str(seeds_dir), *options, "-o", str(out), "-q", seed=seed)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    return outputs


@pytest.mark.shared
@pytest.mark.slow
def test_output_is_byte_identical_across_hash_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    first, second = outputs_across_hash_seeds(seeds_dir, tmp_path)
    assert first == second


@pytest.mark.shared
@pytest.mark.slow
def test_the_tagger_run_is_valid_and_repeatable(seeds_dir: Path, tmp_path: Path) -> None:
    first, second = outputs_across_hash_seeds(seeds_dir, tmp_path, "--tagger")
    assert first == second
    validate_report(json.loads(first))


def test_demo_writes_three_reports(tmp_path: Path) -> None:
    result = run_cli("demo", "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for suffix in ("html", "json", "md"):
        assert (tmp_path / f"storylens-demo.{suffix}").stat().st_size > 500
    validate_report(json.loads((tmp_path / "storylens-demo.json").read_text()))


def test_stdin_to_stdout_json() -> None:
    env = {**os.environ}
    result = subprocess.run(
        [sys.executable, "-m", "storylens", "analyze", "-", "-o", "-", "-q"],
        input="The minister resigned on Friday, officials said.",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"][0]["id"] == "stdin"


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops arrived on Saturday.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "-j", "-1"])
    assert result.exit_code == 2


def test_markup_in_a_skipped_path_is_printed_not_parsed(tmp_path: Path) -> None:
    (tmp_path / "x[").mkdir()
    bad = tmp_path / "x[" / "red]y.pdf"  # the path reads "…/x[/red]y.pdf"
    bad.write_bytes(b"%PDF-1.4")
    result = run_cli("analyze", str(bad), "-o", "-")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "x[/red]y.pdf" in result.stderr
