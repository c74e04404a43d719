"""An in-memory snapshot of the fact store, indexed for generating questions.

Generation asks the same things thousands of times (which objects does the store state for
this subject and predicate? which entities share this kind?), so it reads every fact once,
in three queries, and answers from dictionaries.
"""

from __future__ import annotations

import datetime
import functools
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ajquiz.content.formatting import object_text_form
from ajquiz.content.models import Entity, Fact
from ajquiz.content.predicates import ObjectType
from ajquiz.questions.grading import normalise

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class EntityView:
    id: int
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    era: int | None  # the median year of the facts that mention it


@dataclass(frozen=True)
class FactView:
    id: int
    slug: str
    subject: EntityView
    predicate: str
    object_type: str
    object_entity: EntityView | None
    object_display: str
    year: int | None
    date_year: int | None
    date: datetime.date | None
    precision: str
    number: Decimal | None
    unit: str
    statement: str
    qualifier: str
    quote: str
    sentence: str  # the source sentence(s) around the quote, for cloze context
    quote_at: int  # where the quote starts inside `sentence`
    source_title: str
    content_hash: str
    object_key: str  # what counts as "the same object" when checking a distractor is false

    @functools.cached_property
    def lead(self) -> str:
        """The normalised statement up to its object, found by its whole text or else by its
        first words (a statement may word it more fully: "both diplomatically and …"); ""
        when neither is in the statement."""
        statement, words = f" {normalise(self.statement)} ", normalise(self.object_display).split()
        for length in (len(words), 2, 1):
            at = statement.find(f" {' '.join(words[:length])} ") if words else -1
            if at > 0:
                return statement[:at].strip()
        return ""

    @functools.cached_property
    def plain_sentence(self) -> str:
        """The source sentence, normalised once for the name checks of every distractor."""
        return normalise(self.sentence)


def object_key_of(fact, display: str) -> str:
    if fact.object_entity_id is not None:
        return f"entity:{fact.object_entity_id}"
    if fact.object_type == ObjectType.DATE and fact.date_precision == Fact.Precision.DAY_MONTH:
        return f"day:{fact.object_date:%m-%d}"
    if fact.object_type == ObjectType.DATE:
        return f"year:{fact.object_date.year if fact.object_date else None}"
    return f"text:{normalise(display)}"


@dataclass
class FactStore:
    facts: list[FactView]
    entities: dict[int, EntityView]
    by_slug: dict[str, FactView] = field(default_factory=dict)
    by_subject_predicate: dict[tuple[int, str], list[FactView]] = field(default_factory=dict)
    by_predicate: dict[str, list[FactView]] = field(default_factory=dict)
    by_object_subject: dict[tuple[str, str], list[FactView]] = field(default_factory=dict)
    entities_by_kind: dict[str, list[EntityView]] = field(default_factory=dict)
    facts_by_object_key: dict[str, list[FactView]] = field(default_factory=dict)
    _related: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        index = defaultdict(list)
        predicates = defaultdict(list)
        objects = defaultdict(list)
        by_object = defaultdict(list)
        for fact in self.facts:
            self.by_slug[fact.slug] = fact
            index[(fact.subject.id, fact.predicate)].append(fact)
            predicates[fact.predicate].append(fact)
            objects[(fact.predicate, fact.object_key)].append(fact)
            by_object[fact.object_key].append(fact)
        self.by_subject_predicate = dict(index)
        self.by_predicate = dict(predicates)
        self.by_object_subject = dict(objects)
        self.facts_by_object_key = dict(by_object)
        kinds = defaultdict(list)
        for entity in sorted(self.entities.values(), key=lambda entity: entity.slug):
            kinds[entity.kind].append(entity)
        self.entities_by_kind = dict(kinds)

    @functools.cached_property
    def latest_year(self) -> int:
        """The last year any fact speaks of: the sources' present."""
        return max((fact.date_year or fact.year or 0 for fact in self.facts), default=0)

    @functools.cached_property
    def entity_names(self) -> frozenset[str]:
        """Every entity's own name, normalised."""
        return frozenset(normalise(entity.name) for entity in self.entities.values())

    @functools.cached_property
    def _links(self) -> tuple[dict[int, set[int]], dict[int, str]]:
        """For each entity: the entities a fact states with it (as subject and object, either
        way round), and every statement of those facts, normalised and joined."""
        linked: dict[int, set[int]] = defaultdict(set)
        statements: dict[int, list[str]] = defaultdict(list)
        for fact in self.facts:
            ends = [fact.subject] + ([fact.object_entity] if fact.object_entity else [])
            for end in ends:
                statements[end.id].append(normalise(fact.statement))
                linked[end.id].update(other.id for other in ends if other.id != end.id)
        return linked, {entity: " ".join(texts) for entity, texts in statements.items()}

    def relates(self, subject: EntityView, entity: EntityView) -> bool:
        """Whether the store links the two: a fact with one as subject and the other as object,
        or a statement about either that names the other. A false claim built from such a
        pair ("The United States was a member of AUKUS") may well be true."""
        pair = (subject.id, entity.id)
        if pair not in self._related:
            linked, statements = self._links
            self._related[pair] = (
                entity.id in linked.get(subject.id, ())
                or _names_in(entity, statements.get(subject.id, ""))
                or _names_in(subject, statements.get(entity.id, ""))
            )
        return self._related[pair]

    def nested(self, fact: FactView, other: FactView) -> bool:
        """Whether either statement names the other's subject where it names its own, before
        its object: "Article 3 of the 1902 Anglo-Japanese alliance treaty strengthened Japan's
        hand …" is said of a part of the alliance, so it may well be true of the alliance."""
        return _names_in(fact.subject, other.lead) or _names_in(other.subject, fact.lead)

    def said_beside(self, fact: FactView, other: FactView) -> bool:
        """Whether the source sentence of `other` names the subject of `fact`: "Japan …
        extract[ed] itself from the inferior position it had previously shared with other Asian
        countries like China, which had been subordinated to Western empires" makes what is
        said there of China true of Japan too."""
        return _names_in(fact.subject, other.plain_sentence, proper_only=True)

    def stated_object_keys(self, subject_id: int, predicate: str) -> set[str]:
        return {
            fact.object_key for fact in self.by_subject_predicate.get((subject_id, predicate), [])
        }

    def siblings(self, fact: FactView) -> list[FactView]:
        """Every fact that states something for the same subject and predicate."""
        return self.by_subject_predicate.get((fact.subject.id, fact.predicate), [])

    def subjects_stating(self, predicate: str, object_key: str) -> set[int]:
        return {fact.subject.id for fact in self.by_object_subject.get((predicate, object_key), [])}

    @classmethod
    def load(cls) -> FactStore:
        rows = list(
            Fact.objects.select_related("subject", "object_entity", "source", "passage").order_by(
                "slug"
            )
        )
        years: dict[int, list[int]] = defaultdict(list)
        for fact in rows:
            if fact.year:
                years[fact.subject_id].append(fact.year)
                if fact.object_entity_id:
                    years[fact.object_entity_id].append(fact.year)
        entities = {
            entity.pk: EntityView(
                id=entity.pk,
                slug=entity.slug,
                name=entity.name,
                kind=entity.kind,
                aliases=tuple(entity.aliases or ()),
                era=int(statistics.median(years[entity.pk])) if years.get(entity.pk) else None,
            )
            for entity in Entity.objects.all()
        }
        facts = [_view(fact, entities) for fact in rows]
        return cls(facts=facts, entities=entities)


SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s|\n")
MAX_SENTENCE = 320


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] (or a window of it), and the quote's offset in it."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    while left < start and text[left] == "\n":
        left += 1
    while right > end and text[right - 1] == "\n":
        right -= 1
    if right - left <= MAX_SENTENCE:
        return text[left:right], start - left
    # A window of a long sentence, cut between words and marked as cut: "… nce concluded"
    # read as a misprint.
    head = tail = ""
    if start - 120 > left:
        space = text.find(" ", start - 120, start)
        if space != -1:
            left, head = space + 1, "… "
    if end + 120 < right:
        space = text.rfind(" ", end, end + 120)
        if space != -1:
            right, tail = space, " …"
    return head + text[left:right] + tail, start - left + len(head)


def _view(fact, entities) -> FactView:
    display = object_text_form(fact)
    sentence, quote_at = sentence_around(fact.source.text, fact.start, fact.end)
    if sentence[quote_at : quote_at + len(fact.quote)] != fact.quote:
        sentence, quote_at = fact.quote, 0
    return FactView(
        id=fact.pk,
        slug=fact.slug,
        subject=entities[fact.subject_id],
        predicate=fact.predicate,
        object_type=fact.object_type,
        object_entity=entities.get(fact.object_entity_id),
        object_display=display,
        year=fact.year,
        # A day and month with no year claims no year to ask or swap.
        date_year=fact.object_date.year
        if fact.object_date and fact.date_precision != Fact.Precision.DAY_MONTH
        else None,
        date=fact.object_date,
        precision=fact.date_precision,
        number=fact.object_number,
        unit=fact.object_unit,
        statement=fact.statement,
        qualifier=fact.qualifier,
        quote=fact.quote,
        sentence=sentence,
        quote_at=quote_at,
        source_title=fact.source.title,
        content_hash=fact.content_hash(),
        object_key=object_key_of(fact, display),
    )


def mentions(text: str, entity: EntityView, *, proper_only: bool = False) -> bool:
    """Whether `text` names the entity by its name or an alias, as whole words; with
    `proper_only`, not by a lower-case alias ("the alliance")."""
    return _names_in(entity, normalise(text), proper_only=proper_only)


def _names_in(entity: EntityView, statements: str, *, proper_only: bool = False) -> bool:
    """Whether normalised `statements` name `entity` by its name or an alias, as whole words;
    not by a two-letter alias, which may be a word ("US")."""
    text = f" {statements} "
    names = [name for name in (entity.name, *entity.aliases) if name]
    if proper_only:
        names = [name for name in names if name != name.lower()]
    return any(len(key) > 2 and f" {key} " in text for key in map(normalise, names))
