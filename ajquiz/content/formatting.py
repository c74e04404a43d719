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
    if precision == "day_month":
        return f"{value.day} {MONTHS[value.month - 1]}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    normal = value.normalize()
    if normal == normal.to_integral():
        return f"{int(normal):,}"
    return f"{normal:f}"


# Where a unit's noun phrase ends: "terms | as Prime Minister", "lessons | from history".
UNIT_PHRASE_END = {"as", "at", "by", "causing", "for", "from", "in", "of", "on", "to", "with"}
NOT_PLURAL = {"series", "species", "news", "means"}


IRREGULAR_SINGULAR = {
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "people": "person",
    "children": "child",
}
NOT_MEN_PLURAL = frozenset({"specimen", "abdomen", "omen", "amen", "regimen", "stamen"})


def singular_noun(word: str) -> str | None:
    """The singular of a plural common noun ("treaties" → "treaty", "months'" → "month's"),
    else None."""
    if word.endswith("s'"):
        singular = singular_noun(word[:-1])
        return None if singular is None else f"{singular}'s"
    lower = word.lower()
    if lower in IRREGULAR_SINGULAR:
        return word[0] + IRREGULAR_SINGULAR[lower][1:]
    if lower.endswith("men") and word[:1].islower() and lower not in NOT_MEN_PLURAL:
        return word[:-3] + "man"  # "fishermen", "businessmen", "women"
    if lower in NOT_PLURAL or not lower.isalpha() or not lower.endswith("s"):
        return None
    if lower.endswith(("ss", "us", "is")):
        return None
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def singular_unit(unit: str) -> str:
    """A unit as it follows the number 1: "large carriers" → "large carrier", "terms as Prime
    Minister" → "term as Prime Minister". The first plural noun before a preposition turns
    singular; a unit without one is kept."""
    words = unit.split(" ")
    for index, word in enumerate(words):
        if word.lower() in UNIT_PHRASE_END:
            break
        singular = singular_noun(word)
        if singular is not None:
            return " ".join([*words[:index], singular, *words[index + 1 :]])
    return unit


def quantity(value: Decimal | int, unit: str) -> str:
    """A number with its unit, the unit singular after 1 ("1 year", "3 years")."""
    if value == 1:
        unit = singular_unit(unit)
    return f"{format_number(Decimal(value))} {unit}".strip()


def object_text_form(fact) -> str:
    object_type = fact.object_type
    if object_type == ObjectType.ENTITY:
        return fact.object_entity.name if fact.object_entity_id else ""
    if object_type == ObjectType.DATE:
        return format_date(fact.object_date, fact.date_precision)
    if object_type == ObjectType.NUMBER:
        if fact.object_number is None:
            return fact.object_unit.strip()
        return quantity(fact.object_number, fact.object_unit)
    return fact.object_text
