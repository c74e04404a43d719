"""Chart geometry: bars in proportion to a rounded top, meters in proportion to 100 %."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from ajquiz.progress.charts import Point, bar_chart, meter_chart, nice_ceiling


@pytest.mark.parametrize(
    ("value", "top"), [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (49, 50), (51, 100), (130, 200)]
)
def test_the_axis_top_is_a_round_number_at_least_the_largest_value(value, top):
    assert nice_ceiling(value) == top


def test_bars_stand_in_proportion_on_the_baseline():
    points = [Point("1", "Mon 1 Mar", 5), Point("2", "Tue 2 Mar", 0), Point("3", "Wed 3 Mar", 10)]
    chart = bar_chart(slug="s", title="T", desc="D", value_heading="V", points=points)
    plot = chart.baseline - 10
    assert [bar.height for bar in chart.bars] == [round(plot / 2, 2), 0.0, round(plot, 2)]
    assert all(round(bar.y + bar.height, 2) == chart.baseline for bar in chart.bars)
    assert [tick.label for tick in chart.ticks] == ["0", "5", "10"]
    assert chart.points == points


def test_meters_are_out_of_one_hundred_per_cent_with_the_value_written():
    chart = meter_chart(slug="m", title="T", desc="D", items=[("A", 0.5), ("B", 1.2)])
    assert [(row.bar_width, row.text) for row in chart.rows] == [(150.0, "50 %"), (300.0, "100 %")]


def test_svg_coordinates_keep_a_decimal_point_in_a_locale_with_a_decimal_comma(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    points = [Point(str(day), f"Day {day}", value) for day, value in enumerate([3, 7, 1], 1)]
    chart = bar_chart(slug="s", title="T", desc="D", value_heading="V", points=points)
    assert any(bar.x != int(bar.x) for bar in chart.bars)  # fractional coordinates to write
    with translation.override("de"):
        html = render_to_string("progress/partials/_bar_chart.html", {"chart": chart})
    for bar in chart.bars:
        assert f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}"' in html


def test_names_in_the_svg_are_escaped_and_long_ones_shortened():
    bars = bar_chart(
        slug="s", title="T", desc="D", value_heading="V", points=[Point("1", "<b>Mon</b>", 2.5)]
    )
    assert "<title>&lt;b&gt;Mon&lt;/b&gt;: 2.50</title>" in bars.svg()
    long_name = "The Anglo-Japanese Alliance & the Pacific"
    meters = meter_chart(slug="m", title="T", desc="D", items=[(long_name, 0.5)])
    svg = meters.svg()
    assert ">The Anglo-Japanese Alliance &amp; the…</text>" in svg
    assert "<title>The Anglo-Japanese Alliance &amp; the Pacific: 50 %</title>" in svg
