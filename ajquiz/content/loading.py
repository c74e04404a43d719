"""Loading the fixtures into the database, idempotently and all-or-nothing."""

from __future__ import annotations

import bisect
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from ajquiz.content.fixtures import (
    FIXTURE_ROOT,
    fixture_paths,
    read_bundle,
    read_source_meta,
    read_source_text,
)
from ajquiz.content.models import Fact, Passage, QuestionTemplate, Source
from ajquiz.content.validation import validate_fixtures


@dataclass
class LoadReport:
    sources: int
    facts: int
    removed_facts: int
    templates: int


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the fixtures; nothing was loaded.")


@transaction.atomic
def load_content(root: Path = FIXTURE_ROOT) -> LoadReport:
    """Load every fixture, or nothing when validation finds a problem."""
    problems = validate_fixtures(root)
    if problems:
        raise ContentError(problems)
    for meta in read_source_meta(root):
        load_source(meta, read_source_text(root, meta["file_name"]))
    call_command("loaddata", *map(str, fixture_paths(root)), verbosity=0, stdout=io.StringIO())
    bundle = read_bundle(root)
    removed, _ = Fact.objects.exclude(slug__in=[fact.slug for fact in bundle.facts]).delete()
    template_slugs = [template["fields"]["slug"] for template in bundle.templates]
    QuestionTemplate.objects.exclude(slug__in=template_slugs).update(active=False)
    attach_passages()
    return LoadReport(
        sources=Source.objects.count(),
        facts=Fact.objects.count(),
        removed_facts=removed,
        templates=len(template_slugs),
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


def attach_passages() -> None:
    """Point every fact at the paragraph its quote starts in (one query per source)."""
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
