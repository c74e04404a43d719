"""Server-rendered SVG charts: geometry and markup made here, placed in their figure (with
the words and the data table) by templates/progress/partials.

Every chart carries a title and a description that states its figures in words, and the page
shows the same data as a table, so nothing depends on seeing the bars or their colour.

The SVG is written with format_html rather than a template loop: the template engine spent
about 2 ms per chart on a hundred small elements (a third of the dashboard's time), and
numbers formatted here are never localised (an SVG coordinate needs a decimal point).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

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

    def svg(self) -> SafeString:
        grid = format_html_join(
            "",
            '<line x1="{}" x2="{}" y1="{}" y2="{}" class="chart-grid"/>'
            '<text x="{}" y="{}" class="chart-tick" text-anchor="end"'
            ' dominant-baseline="middle">{}</text>',
            (
                (self.left, self.right_edge, tick.y, tick.y, self.left - 6, tick.y, tick.label)
                for tick in self.ticks
            ),
        )
        bars = format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar">'
            "<title>{}: {}</title></rect>{}",
            (
                (
                    bar.x,
                    bar.y,
                    bar.width,
                    bar.height,
                    bar.point.name,
                    plain_number(bar.point.value),
                    format_html(
                        '<text x="{}" y="{}" class="chart-tick">{}</text>',
                        bar.x,
                        self.baseline + 16,
                        bar.point.label,
                    )
                    if bar.show_label
                    else "",
                )
                for bar in self.bars
            ),
        )
        return svg_element(self, grid + bars)


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

    def svg(self) -> SafeString:
        rows = format_html_join(
            "",
            '<text x="{}" y="{}" class="chart-tick" text-anchor="end">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="18" class="chart-track"/>'
            '<rect x="{}" y="{}" width="{}" height="18" class="chart-bar">'
            "<title>{}: {}</title></rect>"
            '<text x="{}" y="{}" class="chart-tick">{}</text>',
            (
                (
                    self.label_width,
                    row.y + 13,
                    Truncator(row.name).chars(34),
                    self.bar_left,
                    row.y,
                    self.bar_space,
                    self.bar_left,
                    row.y,
                    row.bar_width,
                    row.name,
                    row.text,
                    self.bar_left + self.bar_space + 8,
                    row.y + 13,
                    row.text,
                )
                for row in self.rows
            ),
        )
        return svg_element(self, rows)


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


def svg_element(chart: BarChart | MeterChart, body: SafeString) -> SafeString:
    """The chart's <svg>: an image named by its title and described by its words."""
    return format_html(
        '<svg class="chart-svg" viewBox="0 0 {width} {height}" role="img"'
        ' aria-labelledby="{slug}-title {slug}-desc" focusable="false">'
        '<title id="{slug}-title">{title}</title><desc id="{slug}-desc">{desc}</desc>{body}</svg>',
        width=chart.width,
        height=chart.height,
        slug=chart.slug,
        title=chart.title,
        desc=chart.desc,
        body=body,
    )


def plain_number(value: float) -> str:
    """A whole number as such, else two decimals (the bar's tooltip)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"
