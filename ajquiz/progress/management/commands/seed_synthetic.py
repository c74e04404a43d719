"""Synthetic data for benchmarks: N anchored facts and one learner's M review logs.

    python manage.py seed_synthetic --facts 100000 --review-logs 1000000 --learners 10

Facts go in a source and topic of their own ("synthetic"), each anchored to its own sentence
of the source's text, so they pass the same checks as real ones. The M logs are shared by L
learners ("bench-learner", "bench-learner-2", ...), who study the synthetic topic: each gets
one card per fact up to M / L / 10 cards, with its logs spread over the past year; about one
card in fifty is due now, and at least ten. Whatever the size, each learner rated something on
each of the last 40 days, so every size takes the same paths (a streak over a month, due
cards before new facts) and the benchmarks compare like with like. Facts are added up to N
(a second run with a larger N adds the rest); the learners' cards and logs are replaced.
"""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import islice

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from ajquiz.accounts.models import User
from ajquiz.accounts.roles import make_student
from ajquiz.content.models import Entity, Fact, Source, Topic
from ajquiz.study.models import Card, Deck, ReviewLog, StudyListEntry

SLUG = "synthetic"
SENTENCE = "Synthetic claim {:07d} is recorded here. "
SENTENCE_LENGTH = len(SENTENCE.format(0))
SUBJECTS = 100
BATCH = 5000
LOGS_PER_CARD = 10
DUE_AT_LEAST = 10
STREAK_DAYS = 40
DAY = timedelta(days=1)


def batched(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Command(BaseCommand):
    help = "Make N synthetic facts and a learner with M review logs, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--facts", type=int, default=1000)
        parser.add_argument("--review-logs", type=int, default=0)
        parser.add_argument("--learner", default="bench-learner", help="the first learner")
        parser.add_argument("--learners", type=int, default=1)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, facts, review_logs, learner, learners, seed, **options):
        if facts < 1 or review_logs < 0 or learners < 1:
            raise CommandError(
                "--facts and --learners must be at least 1, --review-logs at least 0."
            )
        now = timezone.now()
        rng = random.Random(seed)
        with transaction.atomic():
            topic, source = self.make_facts(facts)
        names = [learner] + [f"{learner}-{number}" for number in range(2, learners + 1)]
        share, extra = divmod(review_logs, learners)
        for index, name in enumerate(names):
            with transaction.atomic():
                user = self.make_learner(name, topic)
                logs = share + (1 if index < extra else 0)
                cards, logs = self.make_history(user, topic, logs, now=now, rng=rng)
            self.stdout.write(f"{name}: {cards} cards, {logs} review logs.")
        self.stdout.write(f"{Fact.objects.filter(source=source).count()} synthetic facts.")

    def make_facts(self, total: int) -> tuple[Topic, Source]:
        topic, _ = Topic.objects.get_or_create(slug=SLUG, defaults={"name": "Synthetic facts"})
        source, _ = Source.objects.get_or_create(
            slug=SLUG,
            defaults={
                "file_name": "zz-synthetic.md",
                "title": "Synthetic facts for benchmarks",
                "kind": Source.Kind.ENCYCLOPEDIA,
                "text": "",
            },
        )
        have = Fact.objects.filter(source=source).count()
        if have >= total:
            return topic, source
        source.text = "".join(SENTENCE.format(index) for index in range(total))
        source.save()
        subjects = [
            Entity.objects.get_or_create(
                slug=f"synthetic-{number}",
                defaults={"name": f"Synthetic person {number}", "kind": "person"},
            )[0]
            for number in range(SUBJECTS)
        ]
        rows = (
            self.fact(index, subjects[index % SUBJECTS], source) for index in range(have, total)
        )
        for chunk in batched(rows, BATCH):
            created = Fact.objects.bulk_create(chunk)
            Fact.topics.through.objects.bulk_create(
                Fact.topics.through(fact_id=fact.pk, topic_id=topic.pk) for fact in created
            )
        return topic, source

    @staticmethod
    def fact(index: int, subject: Entity, source: Source) -> Fact:
        start = index * SENTENCE_LENGTH
        quote = SENTENCE.format(index).strip()
        return Fact(
            slug=f"synthetic-{index:07d}",
            subject=subject,
            predicate="role",
            object_text=f"holder of synthetic post {index}",
            statement=f"{subject.name} was the holder of synthetic post {index}.",
            year=1900 + index % 30,
            source=source,
            quote=quote,
            start=start,
            end=start + len(quote),
        )

    @staticmethod
    def make_learner(username: str, topic: Topic) -> User:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save()
            make_student(user)
        StudyListEntry.objects.get_or_create(user=user, deck=Deck.objects.for_topic(topic))
        return user

    def make_history(self, user, topic, total_logs: int, *, now, rng) -> tuple[int, int]:
        Card.objects.filter(user=user).delete()  # cascades to the logs
        if total_logs == 0:
            return 0, 0
        facts = list(
            Fact.objects.filter(topics=topic)
            .order_by("pk")
            .values_list("pk", flat=True)[: max(1, total_logs // LOGS_PER_CARD)]
        )
        cards = []
        for index, fact_id in enumerate(facts):
            due_now = index < DUE_AT_LEAST or rng.random() < 0.02
            due = now - DAY * rng.random() if due_now else now + DAY * rng.uniform(1, 60)
            cards.append(
                Card(
                    user=user,
                    fact_id=fact_id,
                    state=2,
                    stability=rng.uniform(2, 90),
                    difficulty=rng.uniform(3, 8),
                    due=due,
                    last_review=now - DAY * rng.uniform(0, 30),
                    reps=0,
                    created_at=now - DAY * 365,
                )
            )
        for chunk in batched(cards, BATCH):
            Card.objects.bulk_create(chunk)
        share, extra = divmod(total_logs, len(cards))
        for card in cards:
            card.reps = share + (1 if extra > 0 else 0)
            extra -= 1
        Card.objects.bulk_update(cards, ["reps"], batch_size=BATCH)
        logs = (log for card in cards for log in self.logs_of(card, now=now, rng=rng))
        for chunk in batched(self.with_streak(logs, now=now), BATCH):
            ReviewLog.objects.bulk_create(chunk)
        return len(cards), total_logs

    @staticmethod
    def with_streak(logs, *, now):
        """The first STREAK_DAYS logs moved to noon of each of the days before today."""
        noon_today = timezone.localtime(now).replace(hour=12, minute=0, second=0, microsecond=0)
        for index, log in enumerate(logs):
            if index < STREAK_DAYS:
                log.reviewed_at = noon_today - DAY * (index + 1)
            yield log

    @staticmethod
    def logs_of(card: Card, *, now, rng):
        """card.reps ratings from a year ago up to its last review, the first of a new card."""
        span = card.last_review - card.created_at
        for number in range(card.reps):
            at = card.created_at + span * ((number + rng.random()) / card.reps)
            yield ReviewLog(
                user_id=card.user_id,
                card=card,
                rating=rng.choices((1, 2, 3, 4), weights=(1, 1, 6, 2))[0],
                reviewed_at=at,
                duration_ms=rng.randint(1500, 15000),
                state_before=0 if number == 0 else 2,
                state_after=1 if number == 0 else 2,
                retrievability=None if number == 0 else rng.uniform(0.6, 1.0),
                stability_after=card.stability,
                difficulty_after=card.difficulty,
                due_after=at + DAY * rng.uniform(1, 30),
            )
