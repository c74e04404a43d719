"""Building a question set: its entries (fixed questions and random draws) in order, adding,
moving and removing them, and what a draw could pick.

Fixed questions and draws share one sequence of positions (quizzes/assembly.py merges them by
position, a fixed question first on a tie). Every change renumbers the entries 0..n-1 in one
transaction that first locks the set's row: two tabs moving entries at once would otherwise
both read the old order and write positions that collide.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Prefetch, Q

from ajquiz.content.models import Fact, Topic
from ajquiz.questions.draw import matching_fact_ids
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import DrawRule, QuestionSet, Quiz, SetQuestion


class AlreadyInSet(Exception):
    """The question is a fixed question of the set already."""


@dataclass
class Entry:
    position: int
    fixed: SetQuestion | None = None
    draw: DrawRule | None = None
    first: int = 0  # 1-based number of its first question in the quiz (before shuffling)

    @property
    def token(self) -> str:
        """How forms name the entry: "q-<question uid>" or "d-<draw id>" (scoped to the set)."""
        if self.fixed is not None:
            return f"q-{self.fixed.question.uid}"
        return f"d-{self.draw.pk}"

    @property
    def is_draw(self) -> bool:
        return self.draw is not None

    @property
    def question_count(self) -> int:
        return self.draw.count if self.draw is not None else 1

    @property
    def last(self) -> int:
        return self.first + self.question_count - 1

    @property
    def kind_labels(self) -> list[str]:
        return [Question.Kind(kind).label for kind in (self.draw.kinds if self.draw else [])]


def entries_of(question_set: QuestionSet) -> list[Entry]:
    """The set's entries in quiz order. Queries: fixed questions (1), draws (1), and the draws'
    topics, sources and facts (3)."""
    fixed = question_set.fixed.select_related("question__template")
    draws = question_set.draws.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("name")),
        "sources",
        Prefetch("facts", queryset=Fact.objects.only("slug", "statement")),
    )
    plan = [(entry.position, 0, entry.pk, Entry(entry.position, fixed=entry)) for entry in fixed]
    plan += [(rule.position, 1, rule.pk, Entry(rule.position, draw=rule)) for rule in draws]
    entries = [entry for *_, entry in sorted(plan, key=lambda row: row[:3])]
    number = 1
    for entry in entries:
        entry.first = number
        number += entry.question_count
    return entries


def next_position(question_set: QuestionSet) -> int:
    highest = [
        question_set.fixed.aggregate(top=Max("position"))["top"],
        question_set.draws.aggregate(top=Max("position"))["top"],
    ]
    return max((value for value in highest if value is not None), default=-1) + 1


def add_fixed(question_set: QuestionSet, question: Question) -> SetQuestion:
    with transaction.atomic():
        QuestionSet.objects.select_for_update().get(pk=question_set.pk)
        if question_set.fixed.filter(question=question).exists():
            raise AlreadyInSet(question.uid)
        return SetQuestion.objects.create(
            question_set=question_set, question=question, position=next_position(question_set)
        )


def add_draw(question_set: QuestionSet, *, count: int, kinds, topics, sources, facts) -> DrawRule:
    with transaction.atomic():
        QuestionSet.objects.select_for_update().get(pk=question_set.pk)
        rule = DrawRule.objects.create(
            question_set=question_set,
            count=count,
            kinds=sorted(kinds),
            position=next_position(question_set),
        )
        rule.topics.set(topics)
        rule.sources.set(sources)
        rule.facts.set(facts)
    return rule


def move(question_set: QuestionSet, token: str, offset: int) -> bool:
    """Move an entry `offset` places (-1 up, +1 down). False when the entry is unknown or
    already at that end."""
    with transaction.atomic():
        QuestionSet.objects.select_for_update().get(pk=question_set.pk)
        entries = entries_of(question_set)
        tokens = [entry.token for entry in entries]
        if token not in tokens:
            return False
        index = tokens.index(token)
        target = index + offset
        if not 0 <= target < len(entries):
            return False
        entries[index], entries[target] = entries[target], entries[index]
        _renumber(entries)
    return True


def remove(question_set: QuestionSet, token: str) -> bool:
    with transaction.atomic():
        QuestionSet.objects.select_for_update().get(pk=question_set.pk)
        entries = entries_of(question_set)
        found = next((entry for entry in entries if entry.token == token), None)
        if found is None:
            return False
        (found.fixed or found.draw).delete()
        _renumber([entry for entry in entries if entry is not found])
    return True


def replace_fixed(question_set: QuestionSet, old: Question, new: Question) -> None:
    """Put a new version of a question where the old one was (see authoring.save_question)."""
    question_set.fixed.filter(question=old).update(question=new)


def _renumber(entries: list[Entry]) -> None:
    fixed, draws = [], []
    for position, entry in enumerate(entries):
        row = entry.fixed or entry.draw
        row.position = position
        (fixed if entry.fixed else draws).append(row)
    SetQuestion.objects.bulk_update(fixed, ["position"])
    DrawRule.objects.bulk_update(draws, ["position"])


def matching_questions(*, topics=(), sources=(), facts=(), kinds=()):
    """Questions a draw with these filters could pick (a topic includes its subtopics)."""
    topic_ids = [topic.pk for topic in topics]
    if topic_ids:
        topics = list(Topic.objects.filter(Q(pk__in=topic_ids) | Q(parent__in=topic_ids)))
    fact_ids = matching_fact_ids(topics=topics, sources=sources, facts=facts)
    questions = Question.objects.drawable()
    if kinds:
        questions = questions.filter(kind__in=list(kinds))
    if fact_ids is not None:
        questions = questions.filter(
            pk__in=Question.facts.through.objects.filter(fact_id__in=fact_ids).values("question_id")
        )
    return questions


def set_fact_ids(question_set: QuestionSet) -> set[int]:
    """The facts a set's quiz can ask about: its fixed questions' facts and the facts of every
    question its draws could pick (for a study deck of the set)."""
    facts = set(
        Question.facts.through.objects.filter(
            question__set_entries__question_set=question_set
        ).values_list("fact_id", flat=True)
    )
    for rule in question_set.draws.prefetch_related("topics", "sources", "facts"):
        questions = matching_questions(
            topics=rule.topics.all(),
            sources=rule.sources.all(),
            facts=rule.facts.all(),
            kinds=rule.kinds,
        )
        facts.update(
            Question.facts.through.objects.filter(question__in=questions).values_list(
                "fact_id", flat=True
            )
        )
    return facts


def new_set(*, owner, title: str, description: str = "") -> tuple[QuestionSet, Quiz]:
    """A set and its first quiz (not public: only its owner and the classes it is assigned to
    may take it)."""
    with transaction.atomic():
        question_set = QuestionSet.objects.create(owner=owner, title=title, description=description)
        quiz = Quiz.objects.create(
            owner=owner, title=title, question_set=question_set, is_public=False
        )
    return question_set, quiz


def generated_questions(*, topic=None, source=None, kind: str = "", words: str = ""):
    """Current generated questions for the builder's preview, to add as fixed questions."""
    questions = Question.objects.current().generated().select_related("template")
    fact_ids = matching_fact_ids(
        topics=[topic, *topic.children.all()] if topic else [],
        sources=[source] if source else [],
    )
    if fact_ids is not None:
        questions = questions.filter(
            pk__in=Question.facts.through.objects.filter(fact_id__in=fact_ids).values("question_id")
        )
    if kind:
        questions = questions.filter(kind=kind)
    if words.strip():
        questions = questions.filter(stem__icontains=words.strip())
    return questions.order_by("template__name", "pk").prefetch_related(
        Prefetch("facts", queryset=Fact.objects.only("slug", "statement"))
    )
