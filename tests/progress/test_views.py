"""The dashboard page: the learner's own figures, charts with words and tables, flat queries."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import make_card
from tests.progress.conftest import NOW


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr("ajquiz.progress.views.timezone.now", lambda: NOW)


def test_the_dashboard_asks_a_visitor_to_log_in(client, db):
    response = client.get(reverse("progress:dashboard"))
    assert response.url.startswith(reverse("accounts:login"))


def test_the_dashboard_shows_the_figures_of_the_history(client, student, history):
    client.force_login(student)
    html = client.get(reverse("progress:dashboard")).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "2 days in a row" in text
    assert "4 facts studied" in text
    assert "60 % true retention, last 30 days (3 of 5 reviews remembered)" in text
    assert "71 % true retention, all time" in text
    assert "The test treaty 3 of 5 93 % 75 % 67 %" in text
    assert f'href="{reverse("study:review")}?fact=study-hayashi"' in html
    assert "Treaty quiz" in text and "1 / 1 (100 %)" in text


def test_every_chart_has_a_title_a_description_and_a_table(client, student, history):
    client.force_login(student)
    html = client.get(reverse("progress:dashboard")).content.decode()
    for slug in ("mastery", "forecast", "reviews"):
        assert f'aria-labelledby="{slug}-title {slug}-desc"' in html
        assert f'<title id="{slug}-title">' in html
    assert (
        '<desc id="forecast-desc">Cards due on each of the next 30 days: 3 in all, 1 today. '
        "The busiest day is Thu 13 Mar with 2.</desc>" in html
    )
    assert (
        '<desc id="reviews-desc">Ratings given on each of the last 30 days: 6 in all, '
        "2 of them Again, on 3 days.</desc>" in html
    )
    assert html.count("the data as a table</summary>") == 3
    assert "<caption>Cards due in the next 30 days</caption>" in html
    assert (
        '<desc id="mastery-desc">Mastery of each topic from 0 to 100 per cent. '
        "Highest: The test treaty at 67 per cent; lowest: "
    ) in html


def test_the_mastery_chart_names_no_highest_topic_when_all_are_level(
    client, other_student, history
):
    # The other student has met none of the facts: every topic stands at 0.
    client.force_login(other_student)
    html = client.get(reverse("progress:dashboard")).content.decode()
    assert "Every topic is at 0 per cent.</desc>" in html
    assert "Highest:" not in html


def test_the_dashboard_shows_no_one_elses_history(client, other_student, history):
    client.force_login(other_student)
    html = client.get(reverse("progress:dashboard")).content.decode()
    assert "0 facts studied" in re.sub(r"<[^>]+>", "", html)
    assert "study-hayashi" not in html and "Treaty quiz" not in html


def test_the_dashboard_takes_the_same_queries_with_more_history(
    client, student, history, django_assert_num_queries
):
    client.force_login(student)
    with django_assert_num_queries(14) as first:
        client.get(reverse("progress:dashboard"))
    from ajquiz.content.models import Fact

    for fact in Fact.objects.exclude(cards__user=student).order_by("pk")[:200]:
        make_card(student, fact, now=NOW)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(reverse("progress:dashboard"))
