"""The figures of a learner's dashboard, each from one query whatever the history's size.

- mastery per topic: for each fact of the topic (and its subtopics), the mean of the evidence
  there is: FSRS's chance of recalling it now (its card) and the share of marks earned on
  questions about it (quiz responses); a fact without evidence counts 0. The topic's mastery
  is the mean over its facts, so it grows by learning more facts as well as by knowing them.
- due forecast: cards falling due on each of the next days (overdue ones count today).
- reviews per day: ratings given on each of the last days, with how many were Again.
- true retention: of the reviews of learned cards (state Review before the rating), the share
  not rated Again: what the learner really remembered when a card came due.
- weakest facts: studied facts fading or once forgotten, lowest chance of recall now first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from ajquiz.content.models import Fact, Topic
from ajquiz.quizzes.models import Attempt, Response
from ajquiz.study.models import Card, Rating, ReviewLog, State
from ajquiz.study.queue import day_start
from ajquiz.study.scheduler import recall_chance, scheduler_for

WEAK_BELOW = 0.95


@dataclass(frozen=True)
class TopicMastery:
    topic: Topic
    facts: int
    studied: int
    recall: float | None  # mean recall chance over studied facts
    quiz: float | None  # mean fraction over facts with responses
    mastery: float


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int
    again: int = 0


@dataclass(frozen=True)
class Retention:
    reviews: int
    remembered: int

    @property
    def rate(self) -> float | None:
        return self.remembered / self.reviews if self.reviews else None


@dataclass(frozen=True)
class WeakFact:
    fact: Fact
    recall: float
    lapses: int


@dataclass(frozen=True)
class Memory:
    recall: float
    lapses: int


def memory_by_fact(user, *, now: datetime) -> dict[int, Memory]:
    """Each studied fact's chance of recall at `now`, and how often it was forgotten.

    Retrievability does not depend on the desired retention: the scheduler is the formula.
    """
    scheduler = scheduler_for(fuzz=False)
    rows = Card.objects.filter(user=user).order_by()
    return {
        fact_id: Memory(recall_chance(stability, last_review, now=now, scheduler=scheduler), lapses)
        for fact_id, stability, last_review, lapses in rows.values_list(
            "fact_id", "stability", "last_review", "lapses"
        )
    }


def quiz_score_by_fact(user) -> dict[int, float]:
    """Mean fraction earned on the learner's responses to questions about each fact."""
    totals: dict[int, list[float]] = defaultdict(list)
    rows = Response.objects.filter(attempt__user=user, question__facts__isnull=False)
    for fact_id, fraction in rows.values_list("question__facts", "fraction"):
        totals[fact_id].append(fraction)
    return {fact_id: sum(values) / len(values) for fact_id, values in totals.items()}


def mastery_by_topic(user, memory: dict[int, Memory], quiz: dict[int, float]) -> list[TopicMastery]:
    """Every topic with facts, its subtopics' facts included, in the topic tree's order.

    Facts per topic are counted in SQL and only the topic links of the learner's facts are
    read, so the work follows the learner's history rather than the size of the fact store
    (100 ms at 100,000 facts when every link was read into Python).
    """
    recall = {fact_id: known.recall for fact_id, known in memory.items()}
    topics = list(Topic.objects.select_related("parent"))
    parent_of = {topic.pk: topic.parent_id for topic in topics}
    links = Fact.topics.through.objects.order_by()
    # A subtopic counts its own facts; a top topic its own and its subtopics', each once.
    counts = dict(
        links.values("topic_id").annotate(n=Count("fact_id")).values_list("topic_id", "n")
    )
    counts.update(
        links.annotate(root=Coalesce("topic__parent_id", "topic_id"))
        .values("root")
        .annotate(n=Count("fact_id", distinct=True))
        .values_list("root", "n")
    )
    studied = Card.objects.filter(user=user).values("fact_id")
    quizzed = Response.objects.filter(attempt__user=user).values("question__facts")
    evidenced: dict[int, set[int]] = defaultdict(set)
    for topic_id, fact_id in links.filter(
        Q(fact_id__in=studied) | Q(fact_id__in=quizzed)
    ).values_list("topic_id", "fact_id"):
        evidenced[topic_id].add(fact_id)
        if parent_of.get(topic_id):
            evidenced[parent_of[topic_id]].add(fact_id)
    result = []
    for topic in topics:
        facts = counts.get(topic.pk, 0)
        if not facts:
            continue
        known = evidenced[topic.pk]
        recalled = [recall[f] for f in known if f in recall]
        quizzed_marks = [quiz[f] for f in known if f in quiz]
        per_fact = [
            _mean([e for e in (recall.get(f), quiz.get(f)) if e is not None]) for f in known
        ]
        result.append(
            TopicMastery(
                topic=topic,
                facts=facts,
                studied=len(recalled),
                recall=_mean(recalled) if recalled else None,
                quiz=_mean(quizzed_marks) if quizzed_marks else None,
                mastery=sum(per_fact) / facts,
            )
        )
    return result


def due_forecast(user, *, now: datetime, days: int = 30) -> list[DayCount]:
    today = timezone.localtime(now).date()
    end = day_start(now) + timedelta(days=days)
    counts: dict[date, int] = defaultdict(int)
    rows = (
        Card.objects.filter(user=user, due__lt=end)
        .annotate(day=TruncDate("due"))
        .values("day")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[max(row["day"], today)] += row["n"]
    return [
        DayCount(today + timedelta(days=i), counts[today + timedelta(days=i)]) for i in range(days)
    ]


def reviews_per_day(user, *, now: datetime, days: int = 30) -> list[DayCount]:
    today = timezone.localtime(now).date()
    since = day_start(now) - timedelta(days=days - 1)
    rows = (
        ReviewLog.objects.filter(user=user, reviewed_at__gte=since, reviewed_at__lte=now)
        .annotate(day=TruncDate("reviewed_at"))
        .values("day")
        .annotate(n=Count("pk"), again=Count("pk", filter=Q(rating=Rating.AGAIN)))
    )
    found = {row["day"]: row for row in rows}
    result = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        row = found.get(day, {"n": 0, "again": 0})
        result.append(DayCount(day, row["n"], row["again"]))
    return result


def true_retention(user, *, now: datetime, days: int | None = 30) -> Retention:
    logs = ReviewLog.objects.filter(user=user, state_before=State.REVIEW, reviewed_at__lte=now)
    if days is not None:
        logs = logs.filter(reviewed_at__gte=now - timedelta(days=days))
    counts = logs.aggregate(
        reviews=Count("pk"), remembered=Count("pk", filter=Q(rating__gt=Rating.AGAIN))
    )
    return Retention(counts["reviews"], counts["remembered"])


def weakest_facts(memory: dict[int, Memory], *, limit: int = 8) -> list[WeakFact]:
    """Facts fading (recall below WEAK_BELOW) or ever forgotten: the lowest chance of recall
    first; among equals, the most often forgotten."""
    weak = [f for f, known in memory.items() if known.recall < WEAK_BELOW or known.lapses]
    chosen = sorted(weak, key=lambda f: (memory[f].recall, -memory[f].lapses, f))[:limit]
    facts = Fact.objects.in_bulk(chosen)
    return [WeakFact(facts[f], memory[f].recall, memory[f].lapses) for f in chosen if f in facts]


def recent_attempts(user, *, limit: int = 5):
    return (
        Attempt.objects.filter(user=user, state=Attempt.State.FINISHED)
        .select_related("quiz")
        .order_by("-finished_at", "-pk")[:limit]
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
