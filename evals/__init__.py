"""Quality evaluations over ../shared/data and ../shared/gold (``make eval``).

Each module scores one capability and exposes ``evaluate(shared, *, fast=False) ->
list[Metric]``; ``evals.run`` calls them all, prints one table and rewrites
docs/quality.md; ``evals/floors.json`` pins the minimum of each figure and
tests/evals/test_floors.py fails when a figure drops below its floor.
"""
