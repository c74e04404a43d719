"""Reading the fixture files: the corpus, the YAML fixtures and their load order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings

FIXTURE_ROOT = Path(settings.BASE_DIR) / "fixtures"


def fixture_paths(root: Path = FIXTURE_ROOT) -> list[Path]:
    """The YAML fixtures, referenced rows first (they also load with `manage.py loaddata`)."""
    return [
        root / "topics.yaml",
        *sorted((root / "entities").glob("*.yaml")),
        *sorted((root / "facts").glob("*.yaml")),
        *sorted((root / "templates").glob("*.yaml")),
    ]


def read_source_text(root: Path, file_name: str) -> str:
    # newline="" keeps the bytes as they are: offsets count characters of the exact text.
    with open(root / "sources" / file_name, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_source_meta(root: Path = FIXTURE_ROOT) -> list[dict]:
    with open(root / "sources.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class _TextDateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Leaves dates as text, so that a bad date is reported against its fact."""


_TextDateLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass
class Bundle:
    source_texts: dict[str, str] = field(default_factory=dict)
    topic_slugs: set[str] = field(default_factory=set)
    entity_origins: dict[str, str] = field(default_factory=dict)
    facts: list = field(default_factory=list)
    topics: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    fact_rows: list[dict] = field(default_factory=list)
    templates: list[dict] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def templates_fields(self) -> list[dict]:
        return [template["fields"] for template in self.templates]


def _relative(path: Path, root: Path) -> str:
    return str(Path("fixtures") / path.relative_to(root))


def read_bundle(root: Path = FIXTURE_ROOT) -> Bundle:
    from ajquiz.content.validation import FactRecord

    bundle = Bundle()
    for meta in read_source_meta(root):
        bundle.source_texts[meta["slug"]] = read_source_text(root, meta["file_name"])
    for path in fixture_paths(root):
        origin = _relative(path, root)
        try:
            with open(path, encoding="utf-8") as handle:
                rows = yaml.load(handle, Loader=_TextDateLoader) or []
        except (yaml.YAMLError, ValueError) as error:
            bundle.errors.append((origin, "-", f"YAML does not parse: {error}"))
            continue
        for row in rows:
            fields = row.get("fields", {})
            slug = str(fields.get("slug", "?"))
            model = row.get("model")
            if model == "content.topic":
                bundle.topic_slugs.add(slug)
                bundle.topics.append(fields)
            elif model == "content.entity":
                if slug in bundle.entity_origins:
                    bundle.errors.append(
                        (origin, slug, f"entity also defined in {bundle.entity_origins[slug]}")
                    )
                bundle.entity_origins[slug] = origin
                bundle.entities.append(fields)
            elif model == "content.fact":
                bundle.fact_rows.append(fields)
                bundle.facts.append(
                    FactRecord(
                        slug=slug,
                        subject=_key(fields.get("subject")),
                        predicate=fields.get("predicate", ""),
                        source=_key(fields.get("source")),
                        quote=fields.get("quote") or "",
                        start=fields.get("start"),
                        end=fields.get("end"),
                        statement=fields.get("statement") or "",
                        objects={
                            "object_entity": _key(fields.get("object_entity")),
                            "object_date": fields.get("object_date"),
                            "object_number": fields.get("object_number"),
                            "object_text": fields.get("object_text"),
                        },
                        date_precision=fields.get("date_precision") or "",
                        object_unit=fields.get("object_unit") or "",
                        qualifier=fields.get("qualifier") or "",
                        topics=[_key(topic) for topic in fields.get("topics") or []],
                        origin=origin,
                    )
                )
            elif model == "content.questiontemplate":
                bundle.templates.append({"origin": origin, "fields": fields})
            else:
                bundle.errors.append((origin, slug, f"unknown model {model!r}"))
    return bundle


def _key(value):
    """A natural key as written in a fixture ([slug]) to the slug."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


START_LINE = re.compile(r"^(\s+)start:.*$")
END_LINE = re.compile(r"^(\s+)end:.*$")
SLUG_LINE = re.compile(r"^\s+slug:\s*(\S+)\s*$")


def fix_offsets(root: Path = FIXTURE_ROOT) -> list[tuple[str, str]]:
    """Rewrite start/end of facts whose quote occurs exactly once. Returns (file, slug) fixed."""
    bundle = read_bundle(root)
    wanted: dict[str, dict[str, tuple[int, int]]] = {}
    for record in bundle.facts:
        text = bundle.source_texts.get(record.source)
        if text is None or not record.quote or text.count(record.quote) != 1:
            continue
        start = text.find(record.quote)
        if (record.start, record.end) != (start, start + len(record.quote)):
            wanted.setdefault(record.origin, {})[record.slug] = (start, start + len(record.quote))
    fixed = []
    for origin, offsets in wanted.items():
        path = root / Path(origin).relative_to("fixtures")
        lines = path.read_text(encoding="utf-8").split("\n")
        current = None
        for number, line in enumerate(lines):
            if match := SLUG_LINE.match(line):
                current = match.group(1)
            if current in offsets:
                if match := START_LINE.match(line):
                    lines[number] = f"{match.group(1)}start: {offsets[current][0]}"
                elif match := END_LINE.match(line):
                    lines[number] = f"{match.group(1)}end: {offsets[current][1]}"
        path.write_text("\n".join(lines), encoding="utf-8")
        fixed.extend((origin, slug) for slug in offsets)
    return fixed
