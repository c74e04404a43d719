"""The load run for one backend (started by bench.load with DATABASE_URL set): make the
learners, start gunicorn, drive them, stop gunicorn, check the database; JSON on stdout."""

from __future__ import annotations

import functools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

import httpx  # noqa: E402
from django.utils import timezone  # noqa: E402

from ajquiz.accounts.models import User  # noqa: E402
from ajquiz.accounts.roles import make_student  # noqa: E402
from ajquiz.content.models import Fact, Topic  # noqa: E402
from ajquiz.quizzes.models import Attempt, Response  # noqa: E402
from ajquiz.study.models import Card, Deck, ReviewLog, StudyListEntry  # noqa: E402
from bench.database import ROOT  # noqa: E402
from bench.fixtures import quiz_of_mc_questions  # noqa: E402

PASSWORD = "load-test-password-1902"
HX = {"HX-Request": "true"}
SLUG = re.compile(r'name="reveal" value="([^"]+)"')
SEEN = re.compile(r'name="seen_reps" value="(\d+)"')
OPTION = re.compile(r'name="s(\d+)" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_learners(count: int, cards: int) -> list[User]:
    """Learners with 2 x `cards` review cards due (siblings buried today leave enough)."""
    now = timezone.now()
    decks = [Deck.objects.for_topic(topic) for topic in Topic.objects.filter(parent=None)]
    facts = list(Fact.objects.order_by("source_id", "start").values_list("pk", flat=True))
    step = max(1, len(facts) // (2 * cards))
    chosen = facts[::step][: 2 * cards]
    learners = []
    for number in range(1, count + 1):
        user = User.objects.create_user(f"load-{number}", password=PASSWORD)
        make_student(user)
        StudyListEntry.objects.bulk_create(StudyListEntry(user=user, deck=deck) for deck in decks)
        Card.objects.bulk_create(
            Card(
                user=user,
                fact_id=fact_id,
                state=2,
                stability=10.0,
                difficulty=5.0,
                due=now - timedelta(hours=index + 1),
                last_review=now - timedelta(days=11),
                reps=3,
                created_at=now - timedelta(days=40),
            )
            for index, fact_id in enumerate(chosen)
        )
        learners.append(user)
    return learners


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: list[tuple[str, int, float]] = []
        self.failures: list[str] = []

    def call(self, client: httpx.Client, kind: str, method: str, url: str, **kwargs):
        start = time.perf_counter()
        try:
            response = client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            with self.lock:
                self.failures.append(f"{kind} {url}: {error!r}")
            raise
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.samples.append((kind, response.status_code, elapsed))
        if response.status_code >= 400:
            with self.lock:
                self.failures.append(f"{kind} {url}: {response.status_code}")
        return response


def at_once(pool: ThreadPoolExecutor, call, *, copies: int) -> None:
    """Send `copies` identical requests at the same moment (a double click, a retry)."""
    for future in [pool.submit(call) for _ in range(copies)]:
        future.result()


def learner_run(base: str, username: str, quiz_uid, questions: int, cards: int, rec, deadline):
    with httpx.Client(base_url=base, timeout=60, follow_redirects=False) as client:
        rec.call(client, "log-in page", "GET", "/accounts/login/")
        token = client.cookies["csrftoken"]
        rec.call(
            client,
            "log in",
            "POST",
            "/accounts/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        headers = {"X-CSRFToken": client.cookies["csrftoken"]}
        started = rec.call(
            client, "start quiz", "POST", f"/quizzes/{quiz_uid}/start/", headers=headers
        )
        attempt_url = started.headers["location"]
        twice = ThreadPoolExecutor(max_workers=2)
        for number in range(1, questions + 1):
            if time.monotonic() > deadline:
                return
            page = rec.call(client, "question page", "GET", f"{attempt_url}?page={number}")
            option = dict(OPTION.findall(page.text))[str(number)]
            answer = functools.partial(
                rec.call,
                client,
                "answer",
                "POST",
                f"{attempt_url}slots/{number}/",
                data={f"s{number}": option},
                headers={**headers, **HX},
            )
            at_once(twice, answer, copies=2 if number % 5 == 0 else 1)
        rec.call(client, "submit quiz", "POST", f"{attempt_url}finish/", headers=headers)
        for number in range(1, cards + 1):
            if time.monotonic() > deadline:
                return
            card = rec.call(client, "next card", "GET", "/study/review/", headers=HX)
            slug = SLUG.search(card.text).group(1)
            shown = rec.call(
                client, "show answer", "GET", f"/study/review/?reveal={slug}", headers=HX
            )
            rating = functools.partial(
                rec.call,
                client,
                "rating",
                "POST",
                "/study/review/rate/",
                data={"fact": slug, "rating": "3", "seen_reps": SEEN.search(shown.text)[1]},
                headers={**headers, **HX},
            )
            at_once(twice, rating, copies=2 if number % 5 == 0 else 1)
        twice.shutdown()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def main(learners: int, questions: int, cards: int, seconds: int) -> int:
    quiz = quiz_of_mc_questions(size=questions)
    users = make_learners(learners, cards)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "ajquiz.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    rec = Recorder()
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/accounts/login/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        deadline = time.monotonic() + seconds
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=learners) as pool:
            runs = [
                pool.submit(
                    learner_run, base, user.username, quiz.uid, questions, cards, rec, deadline
                )
                for user in users
            ]
            crashes = [repr(run.exception()) for run in runs if run.exception()]
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    return summarise(rec, users, questions, cards, wall, crashes)


def summarise(rec, users, questions, cards, wall, crashes) -> int:
    latencies = [elapsed for _, _, elapsed in rec.samples]
    by_kind = defaultdict(list)
    for kind, _, elapsed in rec.samples:
        by_kind[kind].append(elapsed)
    attempts = Attempt.objects.filter(user__in=users)
    answers = Response.objects.filter(attempt__in=attempts)
    per_attempt = set(
        answers.values("attempt")
        .annotate(n=django.db.models.Count("pk"))
        .values_list("n", flat=True)
    )
    per_learner = set(
        ReviewLog.objects.filter(user__in=users)
        .values("user")
        .annotate(n=django.db.models.Count("pk"))
        .values_list("n", flat=True)
    )
    distinct_cards = ReviewLog.objects.filter(user__in=users).values("card").distinct().count()
    server_errors = sum(1 for _, status, _ in rec.samples if status >= 500)
    checks = {
        f"every learner made one attempt ({len(users)})": attempts.count() == len(users),
        "every attempt is finished": not attempts.exclude(state=Attempt.State.FINISHED).exists(),
        f"every attempt has exactly {questions} answers, one per slot": per_attempt == {questions},
        f"{len(users) * questions} answers stored in all": answers.count()
        == len(users) * questions,
        f"every learner has exactly {cards} ratings": per_learner == {cards},
        f"{len(users) * cards} ratings of {len(users) * cards} different cards": distinct_cards
        == len(users) * cards,
        "no 5xx": server_errors == 0,
        "no learner's run crashed": not crashes,
    }
    summary = {
        "learners": len(users),
        "requests": len(rec.samples),
        "seconds": wall,
        "throughput": len(rec.samples) / wall,
        "p50_ms": statistics.median(latencies) if latencies else 0,
        "p95_ms": percentile(latencies, 0.95),
        "server_errors": server_errors,
        "failures": len(rec.failures),
        "failure_examples": rec.failures[:5] + crashes[:5],
        "by_kind": {
            kind: {
                "count": len(values),
                "p50_ms": statistics.median(values),
                "p95_ms": percentile(values, 0.95),
            }
            for kind, values in by_kind.items()
        },
        "checks": checks,
        "passed": all(checks.values()),
    }
    print(json.dumps(summary))
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main(*(int(value) for value in sys.argv[1:5])))
