"""One backend's measurements, run in a process of its own (`python -m bench.measure OUT`)
against the database DATABASE_URL names, which bench.database has prepared.

(a) each learner view's time as a ratio to the bare view, interleaved in one loop;
(b) queries and time per page at several sizes of synthetic data (seed_synthetic);
(c) time to assemble a 20-question quiz (draw + freeze + save the attempt);
(d) the due-card queries at the largest size.
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from ajquiz.accounts.models import User  # noqa: E402
from ajquiz.accounts.roles import make_student  # noqa: E402
from ajquiz.content.models import Fact, Topic  # noqa: E402
from ajquiz.quizzes.attempts import finish_attempt, start_attempt  # noqa: E402
from ajquiz.quizzes.models import Attempt, DrawRule, QuestionSet, Quiz  # noqa: E402
from ajquiz.study.models import Card, Deck, StudyListEntry  # noqa: E402
from ajquiz.study.queue import due_cards, due_summary, next_card, profile_for  # noqa: E402
from bench.fixtures import quiz_of_mc_questions  # noqa: E402

HX = {"HTTP_HX_REQUEST": "true"}
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
# (synthetic facts, review logs in all, learners sharing them): the measured learner is the
# first, with a tenth of the logs at the largest size (100,000: a heavy but real history).
SCALES = [(10, 100, 1), (1_000, 10_000, 1), (100_000, 1_000_000, 10)]
QUIZ_SIZE = 20


def ms(nanoseconds: float) -> float:
    return round(nanoseconds / 1e6, 3)


class Learner:
    """A learner with a 20-question quiz in progress and cards due, driven through a Client."""

    def __init__(self, username: str, *, cards: int = 400, reviews_per_day: int = 30000):
        self.user, created = User.objects.get_or_create(username=username)
        if created:
            make_student(self.user)
        self.client = Client()
        self.client.force_login(self.user)
        self.quiz = quiz_of_mc_questions()
        # A fresh attempt, so every size answers unanswered slots (not repeats, which are
        # cheaper): the same path at each size.
        for open_attempt in Attempt.objects.of(self.user, self.quiz).filter(
            state=Attempt.State.IN_PROGRESS
        ):
            finish_attempt(open_attempt, now=timezone.now())
        self.attempt = start_attempt(self.quiz, self.user, now=timezone.now(), seed=1)
        self.answered = 0
        self.give_due_cards(cards)
        profile = profile_for(self.user)
        profile.reviews_per_day = reviews_per_day  # the ratio loop rates more than a day's
        profile.save()

    def give_due_cards(self, count: int) -> None:
        now = timezone.now()
        for topic in Topic.objects.filter(parent__isnull=True):
            StudyListEntry.objects.get_or_create(user=self.user, deck=Deck.objects.for_topic(topic))
        have = set(Card.objects.filter(user=self.user).values_list("fact_id", flat=True))
        facts = Fact.objects.exclude(pk__in=have).order_by("pk").values_list("pk", flat=True)
        Card.objects.bulk_create(
            Card(
                user=self.user,
                fact_id=fact_id,
                state=2,
                stability=10.0,
                difficulty=5.0,
                due=now - timedelta(days=1, minutes=index),
                last_review=now - timedelta(days=11),
                reps=3,
                created_at=now - timedelta(days=40),
            )
            for index, fact_id in enumerate(facts[:count])
        )

    def attempt_page(self):
        page = self.answered % QUIZ_SIZE + 1
        return self.client.get(
            reverse("quizzes:attempt", args=[self.attempt.uid]) + f"?page={page}"
        )

    def next_slot(self) -> int:
        """The next unanswered slot (1-based); a finished attempt is replaced (not timed)."""
        if self.answered == QUIZ_SIZE:
            finish_attempt(self.attempt, now=timezone.now())
            self.attempt = start_attempt(self.quiz, self.user, now=timezone.now(), seed=2)
            self.answered = 0
        self.answered += 1
        return self.answered

    def answer(self, number: int):
        slot = self.attempt.slots[number - 1]
        option = slot["options"][0] if slot.get("options") else "a"
        url = reverse("quizzes:answer", args=[self.attempt.uid, number])
        return self.client.post(url, {f"s{number}": option}, **HX)

    def rating_form(self) -> dict:
        found = next_card(self.user, now=timezone.now(), profile=profile_for(self.user))
        reps = found.card.reps if found.card else 0
        return {"fact": found.fact.slug, "rating": "3", "seen_reps": str(reps)}

    def rate(self, form: dict):
        return self.client.post(reverse("study:rate"), form, **HX)


def timed(call) -> tuple[int, object]:
    start = time.perf_counter_ns()
    response = call()
    elapsed = time.perf_counter_ns() - start
    assert response.status_code in (200, 302), response.status_code
    return elapsed, response


def view_ratios(learner: Learner) -> dict:
    """Interleaved: each round times the bare view and every learner view once."""
    bare_url, layout_url = reverse("bench_bare"), reverse("bench_layout")
    times: dict[str, list[int]] = {
        name: []
        for name in (
            "bare",
            "site layout",
            "attempt page",
            "answer submit",
            "study next card",
            "rating",
            "dashboard",
        )
    }
    for round_number in range(ROUNDS + 5):
        # What each timed call needs is found before the clock starts.
        number, form = learner.next_slot(), learner.rating_form()
        rounds = {
            "bare": lambda: learner.client.get(bare_url),
            "site layout": lambda: learner.client.get(layout_url),
            "attempt page": learner.attempt_page,
            "answer submit": functools.partial(learner.answer, number),
            "study next card": lambda: learner.client.get(reverse("study:review")),
            "rating": functools.partial(learner.rate, form),
            "dashboard": lambda: learner.client.get(reverse("progress:dashboard")),
        }
        for name, call in rounds.items():
            elapsed, _ = timed(call)
            if round_number >= 5:  # warm-up rounds are not counted
                times[name].append(elapsed)
    bare = statistics.median(times["bare"])
    return {
        name: {
            "median_ms": ms(statistics.median(values)),
            "p95_ms": ms(sorted(values)[int(len(values) * 0.95) - 1]),
            "ratio": round(statistics.median(values) / bare, 2),
        }
        for name, values in times.items()
    }


def page_costs(learner: Learner) -> dict:
    """Queries and time of each learner page once warm (median of 5). Each entry makes the
    call to measure; what that call needs (the next slot, the card to rate) is found first,
    outside the count and the clock."""
    topic_url = reverse("content:topic_detail", args=["synthetic"])

    def get(url):
        return lambda: functools.partial(learner.client.get, url)

    pages = {
        "home": get("/"),
        "attempt page": lambda: learner.attempt_page,
        "answer submit": lambda: functools.partial(learner.answer, learner.next_slot()),
        "study index": get(reverse("study:index")),
        "study next card": get(reverse("study:review")),
        "rating": lambda: functools.partial(learner.rate, learner.rating_form()),
        "dashboard": get(reverse("progress:dashboard")),
        "topic page": get(topic_url),
    }
    found = {}
    for name, prepare in pages.items():
        prepare()()
        samples, queries = [], None
        for _ in range(5):
            call = prepare()
            with CaptureQueriesContext(connection) as captured:
                elapsed, _ = timed(call)
            samples.append(elapsed)
            queries = len(captured)
        found[name] = {"queries": queries, "median_ms": ms(statistics.median(samples))}
    return found


def quiz_assembly(learner: Learner) -> dict:
    """A learner starts a quiz that draws 20 questions from the whole bank."""
    question_set = QuestionSet.objects.create(title="Bench: drawn")
    DrawRule.objects.create(question_set=question_set, count=QUIZ_SIZE)
    quiz = Quiz.objects.create(
        title="Bench: drawn", question_set=question_set, is_public=True, attempts_allowed=0
    )
    samples = []
    for seed in range(25):
        start = time.perf_counter_ns()
        attempt = start_attempt(quiz, learner.user, now=timezone.now(), seed=seed)
        samples.append(time.perf_counter_ns() - start)
        assert len(attempt.slots) == QUIZ_SIZE
        finish_attempt(attempt, now=timezone.now())
    samples = samples[5:]
    return {"median_ms": ms(statistics.median(samples)), "max_ms": ms(max(samples))}


def due_queries(user) -> dict:
    """The due-card queries of the study page for a learner with a large history."""
    profile = profile_for(user)
    calls = {
        "first due card": lambda: list(due_cards(user, timezone.now())[:1]),
        "next card (queue)": lambda: next_card(user, now=timezone.now(), profile=profile),
        "due summary (counts)": lambda: due_summary(user, now=timezone.now(), profile=profile),
    }
    found = {}
    for name, call in calls.items():
        call()
        samples = []
        for _ in range(30):
            start = time.perf_counter_ns()
            call()
            samples.append(time.perf_counter_ns() - start)
        found[name] = {"median_ms": ms(statistics.median(samples)), "max_ms": ms(max(samples))}
    return found


def analyze() -> None:
    """Fresh planner statistics after bulk inserts, as autovacuum (PostgreSQL) or a DBA's
    ANALYZE (SQLite) would give them: without, PostgreSQL guessed 1,225 rows for 45 and
    started parallel workers for a 1 ms query. On PostgreSQL also the visibility map that
    autovacuum keeps, without which no index-only scan skips the table."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def main(out: str) -> None:
    results: dict = {"backend": connection.vendor, "rounds": ROUNDS}
    learner = Learner("bench-ratio")
    analyze()
    results["ratios"] = view_ratios(learner)
    results["quiz_assembly"] = quiz_assembly(learner)
    results["scales"] = {}
    for facts, logs, learners in SCALES:
        started = time.monotonic()
        call_command(
            "seed_synthetic",
            facts=facts,
            review_logs=logs,
            learners=learners,
            learner="bench-learner",
            stdout=sys.stderr,
        )
        analyze()
        seeded = round(time.monotonic() - started, 1)
        scaled = Learner("bench-learner", cards=0)
        results["scales"][str(facts)] = {
            "facts": facts,
            "all_facts": Fact.objects.count(),
            "review_logs": logs,
            "learner_logs": logs // learners,
            "seed_seconds": seeded,
            "pages": page_costs(scaled),
        }
        print(f"{connection.vendor}: {facts} facts, {logs} logs measured", file=sys.stderr)
    results["due_queries"] = due_queries(User.objects.get(username="bench-learner"))
    with open(out, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
