"""The streak checks each day with one index seek, whatever the size of the history (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ajquiz.study.streaks import FIRST_WINDOW, streak
from tests.factories import make_card, make_log

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def rated_on(card, days_ago: list[int]) -> None:
    for back in days_ago:
        make_log(card, at=NOW - back * DAY)


def test_a_short_streak_takes_one_query(student, facts, django_assert_num_queries):
    card = make_card(student, facts["place"], now=NOW)
    rated_on(card, [0, 1, 2, 4, 5])
    with django_assert_num_queries(1):
        assert streak(student, now=NOW).days == 3


def test_a_streak_longer_than_the_first_window_is_counted_whole_in_two_queries(
    student, facts, django_assert_num_queries
):
    card = make_card(student, facts["place"], now=NOW)
    rated_on(card, list(range(FIRST_WINDOW + 9)))
    with django_assert_num_queries(2):
        found = streak(student, now=NOW)
    assert (found.days, found.studied_today) == (FIRST_WINDOW + 9, True)


def test_a_long_streak_that_ended_yesterday_is_counted_whole(student, facts):
    """Today not studied yet: the first window holds one study day fewer, and the streak
    still goes on past it (it stopped at 30 before)."""
    card = make_card(student, facts["place"], now=NOW)
    rated_on(card, list(range(1, FIRST_WINDOW + 9)))
    found = streak(student, now=NOW)
    assert (found.days, found.studied_today) == (FIRST_WINDOW + 8, False)


def test_ratings_after_now_and_another_learners_do_not_count(student, other_student, facts):
    mine = make_card(student, facts["place"], now=NOW)
    theirs = make_card(other_student, facts["place"], now=NOW)
    make_log(mine, at=NOW + timedelta(hours=1))  # later today, after `now`
    rated_on(mine, [1])
    rated_on(theirs, [0, 2, 3])
    assert (streak(student, now=NOW).days, streak(student, now=NOW).studied_today) == (1, False)


def test_days_follow_the_current_time_zone(student, facts, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    card = make_card(student, facts["place"], now=NOW)
    # 23:30 UTC on 8 March is 08:30 on 9 March in Tokyo: yesterday there, as NOW is 10 March.
    make_log(card, at=datetime(2025, 3, 8, 23, 30, tzinfo=UTC))
    make_log(card, at=NOW)
    assert streak(student, now=NOW).days == 2


def test_a_year_long_streak_is_counted_in_two_queries(student, facts, django_assert_num_queries):
    card = make_card(student, facts["place"], now=NOW)
    rated_on(card, list(range(366)))
    with django_assert_num_queries(2):
        found = streak(student, now=NOW)
    assert (found.days, found.studied_today) == (366, True)
