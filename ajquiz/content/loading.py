"""Loading the fixtures into the database: idempotent, all or nothing, in bulk.

The files are Django's YAML fixture format (they also load with `manage.py loaddata`); this
loader reads them once and upserts by slug, which is some 30 times faster than loaddata's
row-by-row natural-key lookups and lets every test database load the whole fact store.
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ajquiz.content.fixtures import FIXTURE_ROOT, read_bundle, read_source_meta
from ajquiz.content.models import Entity, Fact, Passage, QuestionTemplate, Source, Topic
from ajquiz.content.validation import validate_bundle

ENTITY_FIELDS = ["name", "kind", "aliases", "description"]
FACT_FIELDS = [
    "subject",
    "predicate",
    "object_entity",
    "object_date",
    "date_precision",
    "object_number",
    "object_unit",
    "object_text",
    "statement",
    "qualifier",
    "note",
    "year",
    "source",
    "quote",
    "start",
    "end",
]
TEMPLATE_FIELDS = [
    "name",
    "kind",
    "predicate",
    "subject_kind",
    "object_kind",
    "stem",
    "distractor_strategy",
    "option_count",
    "tolerance",
    "feedback",
    "active",
]


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the fixtures; nothing was loaded.")


@dataclass
class LoadReport:
    sources: int
    facts: int
    removed_facts: int
    templates: int


@transaction.atomic
def load_content(root: Path = FIXTURE_ROOT) -> LoadReport:
    """Load every fixture, or nothing when validation finds a problem."""
    bundle = read_bundle(root)
    problems = validate_bundle(bundle)
    if problems:
        raise ContentError(problems)
    sources = {
        meta["slug"]: load_source(meta, bundle.source_texts[meta["slug"]])
        for meta in read_source_meta(root)
    }
    topics = load_topics(bundle.topics)
    entities = upsert(Entity, bundle.entities, ENTITY_FIELDS, _entity)
    facts = upsert(Fact, bundle.fact_rows, FACT_FIELDS, lambda row: _fact(row, entities, sources))
    link_topics(bundle.fact_rows, facts, topics)
    removed, _ = Fact.objects.exclude(slug__in=facts.keys()).delete()
    templates = upsert(QuestionTemplate, bundle.templates_fields, TEMPLATE_FIELDS, _template)
    QuestionTemplate.objects.exclude(slug__in=templates.keys()).update(active=False)
    attach_passages()
    return LoadReport(
        sources=len(sources), facts=len(facts), removed_facts=removed, templates=len(templates)
    )


def load_source(meta: dict, text: str) -> Source:
    source = Source.objects.filter(slug=meta["slug"]).first() or Source(slug=meta["slug"])
    changed = source.text != text
    source.file_name = meta["file_name"]
    source.title = meta["title"]
    source.author = meta.get("author") or ""
    source.publisher = meta.get("publisher") or ""
    source.kind = meta["kind"]
    source.published_year = meta.get("published")
    source.language = meta.get("language", "en")
    source.text = text
    source.save()
    if changed or not source.passages.exists():
        source.rebuild_passages()
    return source


def upsert(model, rows: list[dict], fields: list[str], build) -> dict[str, int]:
    """Insert or update rows by slug; returns slug -> primary key."""
    objects = [build(row) for row in rows]
    if objects:
        model.objects.bulk_create(
            objects,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["slug"],
            update_fields=fields,
        )
    slugs = [row["slug"] for row in rows]
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def load_topics(rows: list[dict]) -> dict[str, int]:
    # Parents first: the file lists them first, and each save can then point at its parent.
    ids: dict[str, int] = {}
    for row in rows:
        parent = _key(row.get("parent"))
        topic, _ = Topic.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row.get("description") or "",
                "parent_id": ids.get(parent) if parent else None,
            },
        )
        ids[topic.slug] = topic.pk
    return ids


def link_topics(rows: list[dict], facts: dict[str, int], topics: dict[str, int]) -> None:
    through = Fact.topics.through
    through.objects.filter(fact_id__in=facts.values()).delete()
    through.objects.bulk_create(
        [
            through(fact_id=facts[row["slug"]], topic_id=topics[_key(topic)])
            for row in rows
            for topic in row.get("topics") or []
        ],
        batch_size=1000,
    )


def _entity(row: dict) -> Entity:
    return Entity(
        slug=row["slug"],
        name=row["name"],
        kind=row["kind"],
        aliases=row.get("aliases") or [],
        description=row.get("description") or "",
    )


def _fact(row: dict, entities: dict[str, int], sources: dict[str, Source]) -> Fact:
    object_entity = _key(row.get("object_entity"))
    object_date = row.get("object_date")
    number = row.get("object_number")
    return Fact(
        slug=row["slug"],
        subject_id=entities[_key(row["subject"])],
        predicate=row["predicate"],
        object_entity_id=entities[object_entity] if object_entity else None,
        object_date=datetime.date.fromisoformat(str(object_date)) if object_date else None,
        date_precision=row.get("date_precision") or "",
        object_number=Decimal(str(number)) if number is not None else None,
        object_unit=row.get("object_unit") or "",
        object_text=row.get("object_text") or "",
        statement=row["statement"],
        qualifier=row.get("qualifier") or "",
        note=row.get("note") or "",
        year=row.get("year"),
        source=sources[_key(row["source"])],
        quote=row["quote"],
        start=row["start"],
        end=row["end"],
    )


def _template(row: dict) -> QuestionTemplate:
    defaults = {field.name: field.default for field in QuestionTemplate._meta.concrete_fields}
    values = {name: row.get(name, defaults[name]) for name in TEMPLATE_FIELDS}
    for name, value in values.items():
        if value is None and name in {"predicate", "subject_kind", "object_kind", "feedback"}:
            values[name] = ""
    return QuestionTemplate(slug=row["slug"], **values)


def _key(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def attach_passages() -> None:
    """Point every fact at the paragraph its quote starts in."""
    starts: dict[int, tuple[list[int], list[Passage]]] = {}
    for passage in Passage.objects.order_by("source_id", "start"):
        keys, passages = starts.setdefault(passage.source_id, ([], []))
        keys.append(passage.start)
        passages.append(passage)
    changed = []
    for fact in Fact.objects.only("id", "source_id", "start", "passage_id"):
        keys, passages = starts.get(fact.source_id, ([], []))
        index = bisect.bisect_right(keys, fact.start) - 1
        passage_id = passages[index].pk if index >= 0 else None
        if fact.passage_id != passage_id:
            fact.passage_id = passage_id
            changed.append(fact)
    Fact.objects.bulk_update(changed, ["passage"], batch_size=500)
