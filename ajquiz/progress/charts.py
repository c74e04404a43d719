"""Server-rendered SVG charts: geometry computed here, drawn by templates/progress/partials.

Every chart carries a title and a description that states its figures in words, and the page
shows the same data as a table, so nothing depends on seeing the bars or their colour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH = 640
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30


@dataclass(frozen=True)
class Point:
    label: str  # under the bar (short)
    name: str  # in the table and the bar's tooltip (full)
    value: float


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    point: Point
    show_label: bool


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass
class BarChart:
    slug: str
    title: str
    desc: str
    value_heading: str
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    left: float = LEFT
    right_edge: float = WIDTH - RIGHT

    @property
    def points(self) -> list[Point]:
        return [bar.point for bar in self.bars]


def nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... at least `value` (for the axis' top)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return int(10 * magnitude)


def bar_chart(
    *,
    slug: str,
    title: str,
    desc: str,
    value_heading: str,
    points: list[Point],
    label_every: int = 1,
) -> BarChart:
    chart = BarChart(slug=slug, title=title, desc=desc, value_heading=value_heading)
    top = nice_ceiling(max((point.value for point in points), default=0))
    plot_height = chart.baseline - TOP
    slot = (chart.right_edge - chart.left) / max(len(points), 1)
    for index, point in enumerate(points):
        height = plot_height * point.value / top
        chart.bars.append(
            Bar(
                x=round(chart.left + index * slot + slot * 0.15, 2),
                y=round(chart.baseline - height, 2),
                width=round(slot * 0.7, 2),
                height=round(height, 2),
                point=point,
                show_label=index % label_every == 0,
            )
        )
    for fraction in (0, 0.5, 1):
        value = top * fraction
        label = f"{value:g}"
        chart.ticks.append(Tick(round(chart.baseline - plot_height * fraction, 2), label))
    return chart


@dataclass(frozen=True)
class Row:
    y: float
    bar_width: float
    name: str
    value: float  # 0..1
    text: str


@dataclass
class MeterChart:
    """Horizontal bars from 0 to 100 %, one row per item, its value written beside it."""

    slug: str
    title: str
    desc: str
    rows: list[Row]
    width: int = WIDTH
    row_height: int = 26
    label_width: int = 250
    bar_space: int = 300

    @property
    def height(self) -> int:
        return self.row_height * len(self.rows) + 8

    @property
    def bar_left(self) -> int:
        return self.label_width + 10


def meter_chart(*, slug: str, title: str, desc: str, items: list[tuple[str, float]]) -> MeterChart:
    chart = MeterChart(slug=slug, title=title, desc=desc, rows=[])
    for index, (name, value) in enumerate(items):
        clamped = min(max(value, 0.0), 1.0)
        chart.rows.append(
            Row(
                y=index * chart.row_height + 4,
                bar_width=round(chart.bar_space * clamped, 2),
                name=name,
                value=clamped,
                text=f"{round(clamped * 100)} %",
            )
        )
    return chart
