"""A hand-built history of one learner, with the dashboard figures it must give."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ajquiz.content.models import Topic
from ajquiz.quizzes.models import Attempt, QuestionSet, Quiz, Response
from tests.factories import make_card, make_log, make_question, make_study_facts

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def make_attempt_with(user, quiz, number, *, fractions, finished_at=None):
    """An attempt whose responses earned `fractions` ([(question, fraction)])."""
    attempt = Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=number,
        state=Attempt.State.FINISHED if finished_at else Attempt.State.IN_PROGRESS,
        started_at=(finished_at or NOW) - timedelta(minutes=10),
        finished_at=finished_at,
        score=sum(fraction for _, fraction in fractions) if finished_at else None,
        max_score=len(fractions),
    )
    for slot, (question, fraction) in enumerate(fractions):
        Response.objects.create(
            attempt=attempt,
            slot=slot,
            question=question,
            answer="a",
            fraction=fraction,
            answered_at=NOW,
            changed_at=NOW,
        )
    return attempt


@pytest.fixture
def history(student):
    """Topic T: place, date, lansdowne, hayashi, and its subtopic S: renewed.

    place      card, recall 0.9 (stability 10, reviewed 10 days ago), overdue by 2 days
    lansdowne  card, recall 1.0 (reviewed now), forgotten twice, due in 3 days
    hayashi    card, recall 0.9 (stability 3, 3 days ago), forgotten once, due in 3 days
               + quiz mark 1.0
    date       no card; quiz mark 0.5
    renewed    nothing
    ended      card (no topic), recall 1 day after a 50-day stability, due in 40 days
    """
    facts = make_study_facts()
    topic = Topic.objects.create(slug="study-topic", name="The test treaty")
    sub = Topic.objects.create(slug="study-sub", name="Its renewal", parent=topic)
    for name in ("place", "date", "lansdowne", "hayashi"):
        facts[name].topics.add(topic)
    facts["renewed"].topics.add(sub)

    cards = {
        "place": make_card(
            student, facts["place"], now=NOW - 10 * DAY, stability=10.0, due=NOW - 2 * DAY
        ),
        "lansdowne": make_card(
            student, facts["lansdowne"], now=NOW, stability=5.0, due=NOW + 3 * DAY, lapses=2
        ),
        "hayashi": make_card(
            student,
            facts["hayashi"],
            now=NOW - 3 * DAY,
            stability=3.0,
            due=NOW + 3 * DAY + timedelta(hours=1),
            lapses=1,
        ),
        "ended": make_card(
            student, facts["ended"], now=NOW - DAY, stability=50.0, due=NOW + 40 * DAY
        ),
    }
    place = cards["place"]
    # Ratings: today 2 (one Again), yesterday 1, five days ago 3 (one Again, one of a card
    # still being learned), forty days ago 2: in the review-state logs, 5 of the last 30 days
    # (3 remembered) and 7 in all (5 remembered).
    make_log(place, at=NOW - timedelta(hours=1), rating=1)
    make_log(place, at=NOW - timedelta(hours=2), rating=3)
    make_log(place, at=NOW - DAY, rating=3)
    make_log(place, at=NOW - 5 * DAY, rating=1)
    make_log(place, at=NOW - 5 * DAY, rating=3)
    make_log(place, at=NOW - 5 * DAY, rating=3, state_before=1)
    make_log(place, at=NOW - 40 * DAY, rating=4)
    make_log(place, at=NOW - 40 * DAY, rating=3)

    quiz = Quiz.objects.create(
        title="Treaty quiz", question_set=QuestionSet.objects.create(title="Treaty quiz")
    )
    on_date = make_question("mc", facts=[facts["date"]])
    on_hayashi = make_question("sa", facts=[facts["hayashi"]])
    attempts = [
        make_attempt_with(student, quiz, 1, fractions=[(on_date, 0.5)], finished_at=NOW - 2 * DAY),
        make_attempt_with(student, quiz, 2, fractions=[(on_hayashi, 1.0)], finished_at=NOW - DAY),
    ]
    return {"facts": facts, "cards": cards, "topic": topic, "sub": sub, "attempts": attempts}
