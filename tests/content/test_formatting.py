"""How a number reads with its unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ajquiz.content.formatting import quantity, singular_unit


@pytest.mark.parametrize(
    ("unit", "singular"),
    [
        ("years", "year"),
        ("treaties", "treaty"),
        ("large carriers", "large carrier"),
        ("Japanese castaways returned", "Japanese castaway returned"),
        ("terms as Prime Minister of Japan", "term as Prime Minister of Japan"),
        ("changes causing a shift to hostility", "change causing a shift to hostility"),
        ("months' notice required", "month's notice required"),
        ("crises", "crisis"),
        ("boxes", "box"),
        ("Japanese fishermen", "Japanese fisherman"),
        ("people", "person"),
        ("Russian vessels of commerce", "Russian vessel of commerce"),
        # Already singular, or no plural noun before the phrase ends: kept as written.
        ("Russian vessel of commerce", "Russian vessel of commerce"),
        ("series of talks", "series of talks"),
        ("% of respondents", "% of respondents"),
        ("specimen", "specimen"),
        ("Yemen", "Yemen"),
        ("", ""),
    ],
)
def test_a_unit_after_one_is_singular(unit, singular):
    assert singular_unit(unit) == singular


def test_a_quantity_is_singular_only_for_one():
    assert quantity(Decimal(1), "large carriers") == "1 large carrier"
    assert quantity(Decimal(2), "large carriers") == "2 large carriers"
    assert quantity(Decimal("2000"), "troops") == "2,000 troops"
    assert quantity(Decimal(3), "") == "3"
