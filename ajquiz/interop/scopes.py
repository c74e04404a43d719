"""What an export covers: a teacher's own questions, a topic, a source, a teacher's question
set, or everything.

A scope is written "mine", "all", "topic:<slug>", "source:<slug>" or "set:<uuid>" in forms,
URLs and commands. A set is only ever the reading user's own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.draw import matching_fact_ids
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import QuestionSet


class UnknownScope(ValueError):
    pass


@dataclass(frozen=True)
class Scope:
    kind: str  # "mine", "topic", "source", "set" or "all"
    key: str = ""
    label: str = ""
    topics: tuple = field(default=(), compare=False)
    source: Source | None = field(default=None, compare=False)
    question_set: QuestionSet | None = field(default=None, compare=False)

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


def read_scope(value: str, user=None) -> Scope:
    """The scope named by `value`, or UnknownScope with a reason."""
    kind, _, key = (value or "").partition(":")
    if kind in ("mine", "all") and not key:
        return Scope(kind, label="My hand-written questions" if kind == "mine" else "Everything")
    if kind == "topic":
        topic = Topic.objects.filter(slug=key).prefetch_related("children").first()
        if topic is not None:
            return Scope("topic", key, f"Topic: {topic.name}", (topic, *topic.children.all()))
    if kind == "source":
        source = Source.objects.filter(slug=key).defer("text").first()
        if source is not None:
            return Scope("source", key, f"Source: {source.title}", source=source)
    if kind == "set" and user is not None:
        question_set = own_set(user, key)
        if question_set is not None:
            return Scope("set", key, f"Set: {question_set.title}", question_set=question_set)
    raise UnknownScope(f"“{value}” is not a topic, a source, one of your sets or “mine”")


def own_set(user, key: str) -> QuestionSet | None:
    try:
        uid = uuid.UUID(key)
    except ValueError:
        return None
    return QuestionSet.objects.filter(uid=uid, owner=user).first()


def scope_choices(user) -> list[tuple[str, str]]:
    topics = Topic.objects.only("slug", "name")
    sources = Source.objects.only("slug", "title")
    sets = QuestionSet.objects.filter(owner=user).only("uid", "title") if user else []
    return [
        ("mine", "My hand-written questions"),
        *((f"set:{each.uid}", f"Set: {each.title}") for each in sets),
        *((f"topic:{topic.slug}", f"Topic: {topic.name}") for topic in topics),
        *((f"source:{source.slug}", f"Source: {source.title}") for source in sources),
    ]


def facts_in(scope: Scope):
    facts = Fact.objects.select_related("subject", "object_entity", "source", "passage")
    if scope.kind == "topic":
        return facts.filter(topics__in=scope.topics).distinct().order_by("source", "start")
    if scope.kind == "source":
        return facts.filter(source=scope.source).order_by("start")
    if scope.kind == "set":
        return facts.filter(pk__in=set_fact_ids(scope.question_set)).order_by("source", "start")
    return facts.order_by("source", "start")


def set_fact_ids(question_set: QuestionSet) -> set[int]:
    """Facts of a set's fixed questions, and the facts its draw rules draw from. A rule with no
    topic, source or fact filter draws from the whole bank and adds nothing here."""
    ids = set(
        Fact.objects.filter(questions__set_entries__question_set=question_set).values_list(
            "pk", flat=True
        )
    )
    for rule in question_set.draws.prefetch_related("topics", "sources", "facts"):
        topics = list(rule.topics.all())
        topics += list(Topic.objects.filter(parent__in=topics)) if topics else []
        found = matching_fact_ids(topics=topics, sources=rule.sources.all(), facts=rule.facts.all())
        ids.update(found or [])
    return ids


def questions_in(scope: Scope, user):
    """Current questions of the scope that `user` may see (another teacher's own questions are
    theirs); a set gives its fixed questions in their order (its random draws are picked anew
    for every attempt, so they are not exported)."""
    questions = Question.objects.current().visible_to(user)
    if scope.kind == "mine":
        return questions.filter(author=user, template__isnull=True).order_by("pk")
    if scope.kind == "all":
        return questions.order_by("pk")
    if scope.kind == "set":
        return Question.objects.filter(set_entries__question_set=scope.question_set).order_by(
            "set_entries__position", "set_entries__pk"
        )
    fact_ids = facts_in(scope).values("pk")
    return questions.filter(facts__in=fact_ids).distinct().order_by("pk")


def export_items(questions) -> list[ExportItem]:
    """ExportItems in two queries: questions with their origin, then their facts."""
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
