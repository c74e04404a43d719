"""Dashboard figures on a hand-built history (tests/progress/conftest.py)."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta

from django.utils import timezone

from ajquiz.progress.stats import (
    due_forecast,
    mastery_by_topic,
    memory_by_fact,
    quiz_score_by_fact,
    recent_attempts,
    reviews_per_day,
    true_retention,
    weakest_facts,
)
from ajquiz.study.streaks import streak
from tests.factories import make_card, make_log, make_study_facts
from tests.progress.conftest import DAY, NOW


def test_recall_is_fsrs_retrievability_now(student, history):
    memory = memory_by_fact(student, now=NOW)
    by_slug = {history["cards"][n].fact_id: n for n in history["cards"]}
    recall = {by_slug[f]: round(known.recall, 6) for f, known in memory.items()}
    # A card reviewed `stability` days ago is recalled with probability 0.9, by FSRS's definition;
    # "ended": (1 + 0.9805 * 1 / 50) ** -0.1542, with 0.9805 = 0.9 ** (1 / -0.1542) - 1.
    assert recall == {"place": 0.9, "lansdowne": 1.0, "hayashi": 0.9, "ended": 0.99701}


def test_recall_counts_whole_days_whatever_zone_now_is_given_in(student, history):
    # "lansdowne" was reviewed at NOW: 20 hours later is still day 0 (recall 1.0), however the
    # moment is written; day 1 begins 24 hours later.
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    lansdowne = history["cards"]["lansdowne"].fact_id
    recall = {
        hours: memory_by_fact(student, now=(NOW + timedelta(hours=hours)).astimezone(tokyo))[
            lansdowne
        ].recall
        for hours in (20, 25)
    }
    assert recall[20] == 1.0
    assert 0.9 < recall[25] < 1.0


def test_mastery_per_topic_mixes_recall_and_quiz_marks_over_all_its_facts(student, history):
    memory = memory_by_fact(student, now=NOW)
    rows = {
        row.topic.slug: row
        for row in mastery_by_topic(student, memory, quiz_score_by_fact(student))
    }
    topic, sub = rows["study-topic"], rows["study-sub"]
    # place 0.9, date 0.5 (quiz), lansdowne 1.0, hayashi (0.9 + 1.0) / 2, renewed 0: / 5.
    assert round(topic.mastery, 6) == 0.67
    assert (topic.facts, topic.studied) == (5, 3)
    assert round(topic.recall, 6) == round((0.9 + 1.0 + 0.9) / 3, 6)
    assert topic.quiz == 0.75
    assert (sub.facts, sub.studied, sub.mastery, sub.recall, sub.quiz) == (1, 0, 0.0, None, None)


def test_the_due_forecast_counts_overdue_cards_today(student, history):
    forecast = due_forecast(student, now=NOW)
    assert len(forecast) == 30
    assert forecast[0].day == NOW.date()
    assert [(n, day.count) for n, day in enumerate(forecast) if day.count] == [(0, 1), (3, 2)]


def test_reviews_per_day_cover_the_last_thirty_days(student, history):
    days = reviews_per_day(student, now=NOW)
    assert (len(days), days[-1].day, days[0].day) == (30, NOW.date(), (NOW - 29 * DAY).date())
    busy = {(NOW.date() - day.day).days: (day.count, day.again) for day in days if day.count}
    assert busy == {0: (2, 1), 1: (1, 0), 5: (3, 1)}


def test_true_retention_counts_only_reviews_of_learned_cards(student, history):
    month, ever = true_retention(student, now=NOW, days=30)
    assert (month.reviews, month.remembered, month.rate) == (5, 3, 0.6)
    assert (ever.reviews, ever.remembered) == (7, 5)
    two_days, _ = true_retention(student, now=NOW, days=2)
    assert 0 < two_days.reviews < month.reviews


def test_weakest_facts_are_fading_or_forgotten_ones_lowest_recall_first(student, history):
    weakest = weakest_facts(memory_by_fact(student, now=NOW))
    # "study-ended" (recall 0.997, never forgotten) is not weak.
    assert [weak.fact.slug for weak in weakest] == [
        "study-hayashi",
        "study-place",
        "study-lansdowne",
    ]
    assert (weakest[0].lapses, weakest[-1].lapses) == (1, 2)


def test_the_streak_counts_days_in_a_row_with_a_rating(student, history):
    assert (streak(student, now=NOW).days, streak(student, now=NOW).studied_today) == (2, True)
    tomorrow = streak(student, now=NOW + DAY)
    assert (tomorrow.days, tomorrow.studied_today) == (2, False)
    assert streak(student, now=NOW + 2 * DAY).days == 0


def test_recent_quiz_results_are_the_finished_attempts_newest_first(student, history):
    assert list(recent_attempts(student)) == history["attempts"][::-1]


def test_another_learners_history_is_not_counted(other_student, history):
    assert memory_by_fact(other_student, now=NOW) == {}
    assert quiz_score_by_fact(other_student) == {}
    assert sum(day.count for day in due_forecast(other_student, now=NOW)) == 0
    assert sum(day.count for day in reviews_per_day(other_student, now=NOW)) == 0
    assert [retention.reviews for retention in true_retention(other_student, now=NOW)] == [0, 0]
    assert list(recent_attempts(other_student)) == []


def test_days_are_counted_from_midnight_to_midnight_in_the_current_time_zone(student):
    facts = make_study_facts()
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    midnight = datetime(2025, 3, 11, tzinfo=tokyo)  # 15:00 UTC on the 10th
    now = midnight + timedelta(hours=2)
    last_moment = make_card(student, facts["place"], now=now, due=midnight - timedelta(seconds=1))
    make_card(student, facts["date"], now=now, due=midnight + DAY)
    make_log(last_moment, at=midnight - timedelta(seconds=1), rating=1)
    make_log(last_moment, at=midnight)
    with timezone.override(tokyo):
        forecast = due_forecast(student, now=now)
        reviews = reviews_per_day(student, now=now)
    assert forecast[0].day == midnight.date()
    assert [(n, day.count) for n, day in enumerate(forecast) if day.count] == [(0, 1), (1, 1)]
    assert [(day.day, day.count, day.again) for day in reviews[-2:]] == [
        (date(2025, 3, 10), 1, 1),
        (date(2025, 3, 11), 1, 0),
    ]
