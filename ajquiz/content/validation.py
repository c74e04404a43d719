"""Checks that keep the fact store honest, over fixture files and over database rows.

The same per-fact rules serve `manage.py validate_content` (fixture files, reported as
`<file>:<slug>: <reason>`), the admin form and the admin action.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ajquiz.content import fixtures as fixture_files
from ajquiz.content.predicates import PREDICATES, ObjectType, sentence_label

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENDS_IN_PREPOSITION = re.compile(r"\b(about|as|by|for|from|in|of|on|with)$")
# "to preserve ...", not "to the United States"
INFINITIVE = re.compile(r"to (?!the |a |an |its |their |his |her )[a-z]+\b")
PAST_TENSE = re.compile(r"([a-z]+ed|did|was|were|had) ")
# A negative stem or claim is a trap, so questions are never worded with one.
NEGATION = re.compile(r"\b(not|never|neither|nor|except)\b|n[’']t\b", re.IGNORECASE)
OBJECT_FIELDS = {
    ObjectType.ENTITY: "object_entity",
    ObjectType.DATE: "object_date",
    ObjectType.NUMBER: "object_number",
    ObjectType.TEXT: "object_text",
}


@dataclass
class FactRecord:
    """One fact as plain data, whether read from a fixture file or from a row."""

    slug: str
    subject: str | None
    predicate: str
    source: str | None
    quote: str
    start: object
    end: object
    statement: str = ""
    objects: dict[str, object] = field(default_factory=dict)
    date_precision: str = ""
    object_unit: str = ""
    qualifier: str = ""
    topics: list[str] = field(default_factory=list)
    origin: str = ""

    def object_key(self):
        object_type = PREDICATES[self.predicate].object_type
        value = self.objects.get(OBJECT_FIELDS[object_type])
        if isinstance(value, (int, float, Decimal)):
            value = Decimal(str(value)).normalize()
        if isinstance(value, str):
            value = value.strip().casefold()
        # Two sources may state the same claim (corroboration); one source states it once.
        return (self.source, self.subject, self.predicate, str(value), self.object_unit.casefold())


@dataclass(frozen=True)
class Problem:
    origin: str
    slug: str
    reason: str

    def __str__(self):
        return f"{self.origin}:{self.slug}: {self.reason}"


@dataclass
class Catalogue:
    """What fact references may resolve to."""

    source_texts: dict[str, str]
    entity_slugs: set[str]
    topic_slugs: set[str]


def record_problems(record: FactRecord, catalogue: Catalogue) -> list[str]:
    return [reason for _, reason in record_field_problems(record, catalogue)]


def record_field_problems(record: FactRecord, catalogue: Catalogue) -> list[tuple[str, str]]:
    """Every problem of one fact as (the field to blame, the reason)."""
    problems = []
    if not SLUG.match(record.slug or ""):
        problems.append(("slug", "slug must be lowercase words joined by hyphens"))
    if record.subject not in catalogue.entity_slugs:
        problems.append(("subject", f"subject {record.subject!r} is not an entity"))
    predicate = PREDICATES.get(record.predicate)
    if predicate is None:
        problems.append(("predicate", f"predicate {record.predicate!r} is not in the vocabulary"))
    else:
        problems.extend(_object_problems(record, predicate.object_type, catalogue))
    if not (record.statement or "").strip():
        problems.append(("statement", "statement is empty"))
    problems.extend(_length_problems(record))
    if ";" in (record.qualifier or ""):
        problems.append(
            (
                "qualifier",
                "questions show the qualifier, so it is one short phrase with no ';': an "
                "editor's reasoning goes in the note",
            )
        )
    if NEGATION.search(record.qualifier or ""):
        problems.append(
            (
                "qualifier",
                "questions leave out a negative qualifier (a stem says what is, not what is "
                "not), and with it the caveat: say it positively ('made defunct, before its "
                "official end', not 'defunct, not yet formally terminated')",
            )
        )
    problems.extend(("quote", reason) for reason in _anchor_problems(record, catalogue))
    problems.extend(
        ("topics", f"topic {topic!r} does not exist")
        for topic in record.topics
        if topic not in catalogue.topic_slugs
    )
    return problems


def _length_problems(record: FactRecord) -> list[tuple[str, str]]:
    from ajquiz.content.models import MAX_QUOTE_LENGTH, Fact

    values = {
        "slug": record.slug,
        "statement": record.statement,
        "object_text": record.objects.get("object_text"),
        "object_unit": record.object_unit,
        "qualifier": record.qualifier,
    }
    problems = []
    for name, value in values.items():
        limit = Fact._meta.get_field(name).max_length
        if isinstance(value, str) and len(value) > limit:
            problems.append((name, f"{name} is {len(value)} characters long; the limit is {limit}"))
    if len(record.quote or "") > MAX_QUOTE_LENGTH:
        problems.append(
            (
                "quote",
                f"quote is {len(record.quote)} characters long; the limit is {MAX_QUOTE_LENGTH}"
                " (quote the shortest passage that proves the fact)",
            )
        )
    return problems


def _object_problems(
    record: FactRecord, object_type: str, catalogue: Catalogue
) -> list[tuple[str, str]]:
    wanted = OBJECT_FIELDS[object_type]
    given = [name for name, value in record.objects.items() if value not in (None, "")]
    problems = []
    if given != [wanted]:
        problems.append(
            (
                wanted,
                f"predicate {record.predicate} takes a {object_type} object ({wanted}); "
                f"found {', '.join(given) or 'none'}",
            )
        )
    value = record.objects.get(wanted)
    if value in (None, ""):
        return problems
    if object_type == ObjectType.ENTITY and value not in catalogue.entity_slugs:
        problems.append((wanted, f"object_entity {value!r} is not an entity"))
    if object_type == ObjectType.DATE:
        if not _is_date(value):
            problems.append((wanted, f"object_date {value!r} does not parse as YYYY-MM-DD"))
        if record.date_precision not in {"day", "month", "year", "day_month"}:
            problems.append(
                ("date_precision", "date_precision must be day, month, year or day_month")
            )
    if object_type == ObjectType.TEXT:
        problems.extend((wanted, reason) for reason in _wording_problems(record.predicate, value))
    if object_type == ObjectType.NUMBER:
        try:
            Decimal(str(value))
        except InvalidOperation:
            problems.append((wanted, f"object_number {value!r} is not a number"))
        if not record.object_unit.strip():
            problems.append(("object_unit", "object_unit is required with a number"))
    return problems


def _wording_problems(predicate: str, text: str) -> list[str]:
    """A text object must read after its predicate's wording: after "was motivated by" a noun
    phrase ("preserving the dignity of Russia"), never an infinitive ("to preserve ..."); after
    "had the role of" never a past tense ("controlled East Asian policy")."""
    label = sentence_label(predicate)
    if label is None or not ENDS_IN_PREPOSITION.search(label):
        return []
    if INFINITIVE.match(text) or (label.endswith(" of") and PAST_TENSE.match(text)):
        return [
            f"object_text {text!r} does not read after “{label}”: write a noun phrase "
            "(“preserving …”, “controlling …”; not “to preserve …”, “controlled …”)"
        ]
    return []


def _is_date(value) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _anchor_problems(record: FactRecord, catalogue: Catalogue) -> list[str]:
    text = catalogue.source_texts.get(record.source)
    if text is None:
        return [f"source {record.source!r} does not exist"]
    if not record.quote:
        return ["quote is empty"]
    start, end = record.start, record.end
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == record.quote:
        return []
    found = text.count(record.quote)
    if found == 0:
        return ["quote is not in the source text" + _divergence(record.quote, text)]
    if found == 1:
        where = f"it is at {text.find(record.quote)}"
    else:
        where = f"it occurs {found} times; lengthen the quote until it occurs once"
    return [f"quote does not match source text at {start}..{end} ({where})"]


def _divergence(quote: str, text: str) -> str:
    """Where a quote stops matching: the longest start of it that the text contains."""
    low, high = 0, len(quote)
    while low < high:  # occurrence of a prefix is monotonic: binary search its length
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low < 8:
        return ""
    return (
        f": the text has “{quote[max(0, low - 40) : low]}” but then not “{quote[low : low + 20]}”"
    )


def duplicate_problems(records: Iterable[FactRecord]) -> list[Problem]:
    problems = []
    slugs: dict[str, FactRecord] = {}
    claims: dict[tuple, FactRecord] = {}
    for record in records:
        if record.slug in slugs:
            problems.append(
                Problem(
                    record.origin, record.slug, f"slug also used in {slugs[record.slug].origin}"
                )
            )
        slugs[record.slug] = record
        if record.predicate not in PREDICATES:
            continue
        key = record.object_key()
        if key in claims:
            problems.append(
                Problem(record.origin, record.slug, f"duplicates fact {claims[key].slug}")
            )
        claims.setdefault(key, record)
    return problems


def ambiguity_problems(records: Iterable[FactRecord]) -> list[Problem]:
    """A date or number asked of one subject must have one answer, or a qualifier per answer.

    "When was the alliance renewed?" has two answers (1905, 1911); each fact then needs its
    own qualifier ("first renewal", "second renewal") for a question to name which it means.
    """
    groups: dict[tuple, list[FactRecord]] = {}
    for record in records:
        predicate = PREDICATES.get(record.predicate)
        if predicate and predicate.object_type in (ObjectType.DATE, ObjectType.NUMBER):
            groups.setdefault((record.subject, record.predicate), []).append(record)
    problems = []
    for (subject, predicate), group in groups.items():
        if len({record.object_key()[3:] for record in group}) < 2:
            continue
        qualifiers = [record.qualifier.strip() for record in group]
        for record, qualifier in zip(group, qualifiers, strict=True):
            if not qualifier or qualifiers.count(qualifier) > 1:
                problems.append(
                    Problem(
                        record.origin,
                        record.slug,
                        f"{subject} has {len(group)} different {predicate} values; give each "
                        "fact a qualifier of its own",
                    )
                )
    return problems


def validate_fixtures(root: Path) -> list[Problem]:
    """Every problem in the fixture files under root."""
    return validate_bundle(fixture_files.read_bundle(root))


def validate_bundle(bundle) -> list[Problem]:
    problems = [Problem(origin, slug, reason) for origin, slug, reason in bundle.errors]
    catalogue = Catalogue(
        source_texts=bundle.source_texts,
        entity_slugs=set(bundle.entity_origins),
        topic_slugs=bundle.topic_slugs,
    )
    for record in bundle.facts:
        problems.extend(
            Problem(record.origin, record.slug, reason)
            for reason in record_problems(record, catalogue)
        )
    problems.extend(duplicate_problems(bundle.facts))
    problems.extend(ambiguity_problems(bundle.facts))
    for template in bundle.templates:
        predicate = template["fields"].get("predicate", "")
        if predicate and predicate not in PREDICATES:
            problems.append(
                Problem(
                    template["origin"],
                    template["fields"].get("slug", "?"),
                    f"predicate {predicate!r} is not in the vocabulary",
                )
            )
    return problems


def fact_problems(fact) -> list[str]:
    return [reason for _, reason in fact_field_problems(fact)]


def fact_field_problems(fact) -> list[tuple[str, str]]:
    """Problems of one Fact row; the admin form and the "validate selected" action use this.

    The database already guarantees that foreign keys resolve, so the catalogue holds only the
    slugs this fact refers to.
    """
    source_slug = fact.source.slug if fact.source_id else None
    subject_slug = fact.subject.slug if fact.subject_id else None
    object_entity = fact.object_entity.slug if fact.object_entity_id else None
    record = FactRecord(
        slug=fact.slug,
        subject=subject_slug,
        predicate=fact.predicate,
        source=source_slug,
        quote=fact.quote,
        start=fact.start,
        end=fact.end,
        statement=fact.statement,
        objects={
            "object_entity": object_entity,
            "object_date": fact.object_date,
            "object_number": fact.object_number,
            "object_text": fact.object_text,
        },
        date_precision=fact.date_precision,
        object_unit=fact.object_unit,
        qualifier=fact.qualifier,
    )
    catalogue = Catalogue(
        source_texts={source_slug: fact.source.text} if source_slug else {},
        entity_slugs={slug for slug in (subject_slug, object_entity) if slug},
        topic_slugs=set(),
    )
    problems = record_field_problems(record, catalogue)
    # A missing subject or source is the form's "this field is required", said once.
    missing = {name for name in ("subject", "source") if getattr(fact, f"{name}_id") is None}
    return [
        (name, reason)
        for name, reason in problems
        if name not in missing and not (name == "quote" and "source" in missing)
    ]
