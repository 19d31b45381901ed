"""Geometry for the two pictures in the HTML report: the timeline and the reuse graph.

Only numbers and short labels are computed here; the template draws the SVG elements
(autoescaped), so no markup is built in Python.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 720
MARGIN = 48


@dataclass(frozen=True, slots=True)
class TimelineDot:
    number: int
    x: float
    y: float
    date: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    x0: float
    x1: float
    dots: tuple[TimelineDot, ...]
    ticks: tuple[Tick, ...]


def parse_day(value: str) -> dt.date | None:
    """The calendar day a TimeML-ish value starts on ("2024-03", "2024-03-05T10:00"), or None."""
    head = value.strip()[:10]
    for candidate in (head, head + "-01", head + "-01-01"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def timeline_chart(dates: Sequence[str]) -> TimelineChart | None:
    """Dots numbered 1..n, one column per distinct day in order (same-day items stack).

    Days are evenly spaced, not to scale, so one far-off date cannot crush the rest.
    None when nothing is dated.
    """
    days = [parse_day(d) for d in dates]
    distinct = sorted({d for d in days if d is not None})
    if not distinct:
        return None
    x0, x1 = float(MARGIN), float(WIDTH - MARGIN)
    step = (x1 - x0) / max(len(distinct) - 1, 1)
    column = {day: round(x0 + step * n, 1) for n, day in enumerate(distinct)}
    axis_y = 40.0
    stacked: dict[dt.date, int] = {}
    dots: list[TimelineDot] = []
    for number, (value, day) in enumerate(zip(dates, days, strict=True), start=1):
        if day is None:
            continue
        level = stacked.get(day, 0)
        stacked[day] = level + 1
        dots.append(TimelineDot(number, column[day], axis_y + 26.0 * (level + 1), value))
    height = int(max(d.y for d in dots) + 24)
    every = max(1, math.ceil(len(distinct) / 7))
    ticks = tuple(
        Tick(column[day], day.isoformat())
        for n, day in enumerate(distinct)
        if n % every == 0 or n == len(distinct) - 1
    )
    return TimelineChart(WIDTH, height, axis_y, x0, x1, tuple(dots), ticks)


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    directed: bool
    title: str


@dataclass(frozen=True, slots=True)
class Graph:
    width: int
    height: int
    radius: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """One reuse pair for drawing: text flows from ``source`` to ``target`` when directed."""

    source: str
    target: str
    share: float
    directed: bool
    title: str


def reuse_graph(labels: Sequence[tuple[str, str]], links: Sequence[Link]) -> Graph | None:
    """Articles (key, label) on a circle, with arrows from original to copy; None if no links."""
    if not links or len(labels) < 2:
        return None
    width, height, radius = WIDTH, 300, 18.0
    cx, cy, ring = width / 2, height / 2, height / 2 - 50
    places: dict[str, Node] = {}
    for index, (key, label) in enumerate(labels):
        angle = -math.pi / 2 + 2 * math.pi * index / len(labels)
        x, y = cx + ring * 1.6 * math.cos(angle), cy + ring * math.sin(angle)
        places[key] = Node(key, _short(label), round(x, 1), round(y, 1))
    edges = tuple(
        _edge(places[link.source], places[link.target], link, radius)
        for link in links
        if link.source in places and link.target in places and link.source != link.target
    )
    return Graph(width, height, radius, tuple(places.values()), edges)


def _edge(start: Node, end: Node, link: Link, radius: float) -> Edge:
    """A line between two node rims (shortened so an arrow head stays visible)."""
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    gap = radius + (6 if link.directed else 2)
    return Edge(
        round(start.x + ux * radius, 1),
        round(start.y + uy * radius, 1),
        round(end.x - ux * gap, 1),
        round(end.y - uy * gap, 1),
        round(1.5 + 5 * max(0.0, min(link.share, 1.0)), 1),
        link.directed,
        link.title,
    )


def _short(label: str, *, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
