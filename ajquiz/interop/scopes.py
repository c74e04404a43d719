"""What an export covers: a teacher's own questions, a topic, a source (or, later, a set).

A scope is written "mine", "all", "topic:<slug>" or "source:<slug>" in forms, URLs and
commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question


class UnknownScope(ValueError):
    pass


@dataclass(frozen=True)
class Scope:
    kind: str  # "mine", "topic", "source" or "all"
    key: str = ""
    label: str = ""
    topics: tuple = field(default=(), compare=False)
    source: Source | None = field(default=None, compare=False)

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.key}" if self.key else self.kind

    @property
    def file_stem(self) -> str:
        return f"ajquiz-{self.kind}-{self.key}" if self.key else f"ajquiz-{self.kind}"


@dataclass
class ExportItem:
    """A question with what an export adds: the title and category it was imported with, and
    citations of the source passages of its facts."""

    question: Question
    title: str = ""
    category: str = ""
    citations: list[str] = field(default_factory=list)


def read_scope(value: str) -> Scope:
    """The scope named by `value`, or UnknownScope with a reason."""
    kind, _, key = (value or "").partition(":")
    if kind == "mine" and not key:
        return Scope("mine", label="My hand-written questions")
    if kind == "all" and not key:
        return Scope("all", label="Everything")
    if kind == "topic":
        topic = Topic.objects.filter(slug=key).prefetch_related("children").first()
        if topic is not None:
            return Scope("topic", key, f"Topic: {topic.name}", (topic, *topic.children.all()))
    if kind == "source":
        source = Source.objects.filter(slug=key).defer("text").first()
        if source is not None:
            return Scope("source", key, f"Source: {source.title}", source=source)
    raise UnknownScope(f"“{value}” is not a topic, a source or “mine”")


def scope_choices() -> list[tuple[str, str]]:
    topics = Topic.objects.only("slug", "name")
    sources = Source.objects.only("slug", "title")
    return [
        ("mine", "My hand-written questions"),
        *((f"topic:{topic.slug}", f"Topic: {topic.name}") for topic in topics),
        *((f"source:{source.slug}", f"Source: {source.title}") for source in sources),
    ]


def facts_in(scope: Scope):
    facts = Fact.objects.select_related("subject", "object_entity", "source", "passage")
    if scope.kind == "topic":
        return facts.filter(topics__in=scope.topics).distinct().order_by("source", "start")
    if scope.kind == "source":
        return facts.filter(source=scope.source).order_by("start")
    return facts.order_by("source", "start")


def questions_in(scope: Scope, user):
    questions = Question.objects.current()
    if scope.kind == "mine":
        return questions.filter(author=user, template__isnull=True).order_by("pk")
    if scope.kind == "all":
        return questions.order_by("pk")
    fact_ids = facts_in(scope).values("pk")
    return questions.filter(facts__in=fact_ids).distinct().order_by("pk")


def export_items(questions) -> list[ExportItem]:
    """ExportItems in three queries: questions with their origin, facts, and nothing else."""
    facts = Fact.objects.select_related("source", "passage").only(
        "slug", "quote", "start", "source__title", "source__author", "passage__index"
    )
    rows = questions.select_related("import_origin").prefetch_related(
        Prefetch("facts", queryset=facts)
    )
    items = []
    for question in rows:
        origin = getattr(question, "import_origin", None)
        items.append(
            ExportItem(
                question=question,
                title=origin.title if origin else "",
                category=origin.category if origin else "",
                citations=[citation(fact) for fact in question.facts.all()],
            )
        )
    return items


def citation(fact: Fact) -> str:
    source = fact.source
    by = f" ({source.author})" if source.author else ""
    where = f", paragraph {fact.passage.index + 1}" if fact.passage_id else ""
    return f"Source: {source.title}{by}{where}: “{fact.quote}”"
