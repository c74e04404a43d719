"""A learner's time zone: chosen at sign-up or in account settings, it is the current time
zone of every request they make, so their study day starts at their midnight."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from ajquiz.accounts.middleware import user_time_zone
from ajquiz.accounts.models import User
from tests.factories import PASSWORD, make_card, make_log, make_study_facts, make_user

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def zone_seen_by_view(user) -> str:
    """The current time zone's name inside a view run through the middleware."""
    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = user
    user_time_zone(view)(request)
    return seen[0]


def test_sign_up_stores_the_chosen_time_zone(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "kenji",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Asia/Tokyo",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="kenji").time_zone == "Asia/Tokyo"


def test_sign_up_offers_the_browser_zone_hook_and_the_default(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert "data-browser-time-zone" in page
    assert '<option value="Europe/London">Europe/London</option>' in page
    assert "UTC (the site&#x27;s default)" in page


def test_sign_up_refuses_an_unknown_time_zone_and_keeps_what_was_typed(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "kenji",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Mars/Olympus",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "“Mars/Olympus” is not a time zone name" in page
    assert 'value="kenji"' in page
    assert not User.objects.filter(username="kenji").exists()


def test_account_settings_change_the_time_zone_and_email(client):
    user = make_user("hana")
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"),
        {"email": "hana@example.org", "current_password": PASSWORD, "time_zone": "Europe/London"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.time_zone, user.email) == ("Europe/London", "hana@example.org")
    page = client.get(reverse("accounts:settings")).content.decode()
    assert "Account settings saved." in page
    assert '<option value="Europe/London" selected>' in page


def test_account_settings_refuse_an_unknown_zone_and_change_nothing(client):
    user = make_user("hana", time_zone="Asia/Tokyo", email="old@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"),
        {"email": "new@example.org", "current_password": PASSWORD, "time_zone": "Tokyo"},
    )
    assert response.status_code == 200
    assert "“Tokyo” is not a time zone name" in response.content.decode()
    user.refresh_from_db()
    assert (user.time_zone, user.email) == ("Asia/Tokyo", "old@example.org")


def test_the_model_refuses_an_unknown_zone_too():
    """Django admin edits the field through the model's validation."""
    from django.core.exceptions import ValidationError

    user = make_user("hana")
    user.time_zone = "Nowhere/Special"
    with pytest.raises(ValidationError, match="is not a time zone name"):
        user.full_clean()


def test_requests_run_in_the_users_time_zone_and_end_in_the_default():
    assert zone_seen_by_view(make_user("kenji", time_zone="Asia/Tokyo")) == "Asia/Tokyo"
    assert timezone.get_current_timezone_name() == "UTC"
    assert zone_seen_by_view(make_user("hana")) == "UTC"
    from django.contrib.auth.models import AnonymousUser

    assert zone_seen_by_view(AnonymousUser()) == "UTC"


def test_a_zone_the_tz_database_lacks_falls_back_to_the_default():
    user = make_user("kenji")
    User.objects.filter(pk=user.pk).update(time_zone="Gone/Away")
    user.refresh_from_db()
    assert zone_seen_by_view(user) == "UTC"


def test_the_study_day_starts_at_the_learners_midnight(client):
    """A rating shortly before the later of Tokyo's and UTC's last midnights is today in one
    zone and yesterday in the other: each learner's study page says so for their own zone."""
    now = timezone.now()
    tokyo_midnight = timezone.localtime(now, TOKYO).replace(hour=0, minute=0, second=0)
    utc_midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0)
    rated_at = max(tokyo_midnight, utc_midnight) - timedelta(minutes=1)
    facts = list(make_study_facts().values())
    studied_today = {}
    for username, zone in (("kenji", "Asia/Tokyo"), ("hana", "")):
        learner = make_user(username, time_zone=zone)
        make_log(make_card(learner, facts[0], now=rated_at), at=rated_at)
        client.force_login(learner)
        studied_today[username] = client.get(reverse("study:index")).context["streak"].studied_today
    assert studied_today == {"kenji": rated_at >= tokyo_midnight, "hana": rated_at >= utc_midnight}
    assert studied_today["kenji"] != studied_today["hana"]


def test_the_study_day_starts_at_the_chosen_hour():
    """As Anki's "next day starts at": at 4, 02:00 still belongs to the day before."""
    from datetime import date, datetime

    from ajquiz.accounts.days import day_start, day_starting_at, study_date

    at_two = datetime(2026, 3, 10, 2, 0, tzinfo=TOKYO)
    with timezone.override(TOKYO):
        assert study_date(at_two) == date(2026, 3, 10)
        assert day_start(at_two) == datetime(2026, 3, 10, 0, 0, tzinfo=TOKYO)
        with day_starting_at(4):
            assert study_date(at_two) == date(2026, 3, 9)
            assert day_start(at_two) == datetime(2026, 3, 9, 4, 0, tzinfo=TOKYO)
            assert study_date(at_two.replace(hour=4)) == date(2026, 3, 10)
        assert study_date(at_two) == date(2026, 3, 10)


def test_requests_run_in_the_users_study_day_and_end_in_the_default():
    from ajquiz.accounts.days import starts_at

    seen = []

    def view(request):
        seen.append(starts_at())
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = make_user("kenji", day_starts_at=4)
    user_time_zone(view)(request)
    assert seen == [4]
    assert starts_at() == 0


def test_account_settings_change_when_the_study_day_starts(client):
    user = make_user("hana")
    client.force_login(user)
    form = {"email": "", "time_zone": "", "day_starts_at": "4"}
    assert client.post(reverse("accounts:settings"), form).status_code == 302
    user.refresh_from_db()
    assert user.day_starts_at == 4
    page = client.get(reverse("accounts:settings")).content.decode()
    assert '<option value="4" selected>04:00 (as Anki does)</option>' in page
    assert (
        "Your study day starts at 04:00, UTC time"
        in client.get(reverse("study:index")).content.decode()
    )
    refused = client.post(reverse("accounts:settings"), {**form, "day_starts_at": "24"})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    client.post(reverse("accounts:settings"), {"email": "", "time_zone": "Asia/Tokyo"})
    user.refresh_from_db()
    assert (user.time_zone, user.day_starts_at) == ("Asia/Tokyo", 4)


def test_a_late_rating_counts_towards_the_study_day_before():
    """Rated at 02:00: with the day starting at 4, by 05:00 that was yesterday's study (the
    streak goes on, today is still to do); with midnight, it was today's."""
    from datetime import datetime

    from ajquiz.accounts.days import day_starting_at
    from ajquiz.study.streaks import streak

    learner = make_user("kenji")
    fact = next(iter(make_study_facts().values()))
    rated_at = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    make_log(make_card(learner, fact, now=rated_at), at=rated_at)
    at_five = rated_at.replace(hour=5)
    with timezone.override(UTC):
        midnight = streak(learner, now=at_five)
        with day_starting_at(4):
            four = streak(learner, now=at_five)
            before_four = streak(learner, now=rated_at.replace(hour=3))
    assert (midnight.days, midnight.studied_today) == (1, True)
    assert (four.days, four.studied_today) == (1, False)
    assert (before_four.days, before_four.studied_today) == (1, True)
