"""How fact objects read as text: dates at their precision, numbers, entity names."""

from __future__ import annotations

from decimal import Decimal

from ajquiz.content.predicates import ObjectType

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(value, precision: str) -> str:
    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    normal = value.normalize()
    if normal == normal.to_integral():
        return f"{int(normal):,}"
    return f"{normal:f}"


def object_text_form(fact) -> str:
    object_type = fact.object_type
    if object_type == ObjectType.ENTITY:
        return fact.object_entity.name if fact.object_entity_id else ""
    if object_type == ObjectType.DATE:
        return format_date(fact.object_date, fact.date_precision)
    if object_type == ObjectType.NUMBER:
        number = format_number(fact.object_number)
        return f"{number} {fact.object_unit}".strip()
    return fact.object_text
