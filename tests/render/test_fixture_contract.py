from __future__ import annotations

import json

from storylens.render import render
from tests.render.fixtures import build_report
from tests.spans import assert_report_spans_valid


def test_fixture_is_a_valid_json_report_with_valid_spans() -> None:
    report = build_report()
    assert_report_spans_valid(report)
    data = json.loads(render(report, format="json"))  # render_json validates the schema
    assert len(data["articles"]) == 3
    story = data["stories"][0]
    assert story["facts"]
    assert story["conflicts"]
    assert story["reuse"]
    assert story["timeline"]
