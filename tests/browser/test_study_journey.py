"""Studying in Chromium: five cards by keyboard alone, then the dashboard; every study page
passes axe; review works without JavaScript."""

from __future__ import annotations

import re

import pytest

from ajquiz.content.models import Topic
from ajquiz.study.models import Deck, MatchGame, ReviewLog, StudyListEntry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def studying(content, student):
    deck = Deck.objects.for_topic(Topic.objects.get(slug="treaty-1902"))
    StudyListEntry.objects.create(user=student, deck=deck)
    return deck


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; "
        "return (e.closest('[id]') || e).id + ':' + e.tagName; }"
    )


def wait_for_card_focus(page) -> None:
    """Focus lands on the new card once htmx's swap settles (a moment after it appears)."""
    page.wait_for_function("() => document.activeElement.id === 'study-card'")
    assert focused(page) == "study-card:SECTION"


def text_of(page, selector: str) -> str:
    return re.sub(r"\s+", " ", page.locator(selector).inner_text())


def test_a_learner_studies_five_cards_by_keyboard_then_sees_the_dashboard_change(
    page, live_server, student, studying, log_in
):
    log_in(student)
    page.goto(f"{live_server.url}/progress/")
    assert "0 facts studied" in text_of(page, "main")

    page.goto(f"{live_server.url}/study/review/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-study-reveal')"):
            break
    page.keyboard.press("Space")  # the focused Show answer button
    for number in range(1, 6):
        if number > 1:
            page.wait_for_selector("[data-study-reveal]")
            wait_for_card_focus(page)  # focus moved to the new card
            page.keyboard.press("Space")  # the card's shortcut
        page.wait_for_selector("[data-rating-key='3']")
        wait_for_card_focus(page)
        assert "Answer:" in text_of(page, "#study-card")
        page.keyboard.press("3")
        page.wait_for_function(
            "n => document.querySelectorAll('[data-rating-key]').length === 0"
            " && document.getElementById('study-status').textContent.startsWith('Rated Good')",
            arg=number,
        )
        assert ReviewLog.objects.filter(user=student).count() == number

    page.goto(f"{live_server.url}/progress/")
    main = text_of(page, "main")
    assert "5 facts studied" in main
    assert "1 day in a row" in main
    assert "Ratings given on each of the last 30 days: 5 in all, 0 of them Again" in main


def test_undo_from_the_keyboard_brings_the_card_back(page, live_server, student, studying, log_in):
    log_in(student)
    page.goto(f"{live_server.url}/study/review/")
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=re.compile("^Again")).click()
    page.wait_for_selector("text=Rated Again")
    page.get_by_role("button", name="Undo last rating").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=The card is back")
    assert not ReviewLog.objects.filter(user=student).exists()


def test_study_and_progress_pages_pass_axe(
    page, live_server, student, studying, log_in, axe_violations
):
    log_in(student)
    checked = []

    def check(name):
        checked.append(name)
        assert axe_violations() == [], name

    page.goto(f"{live_server.url}/study/")
    check("study list")
    page.goto(f"{live_server.url}/study/review/")
    check("review front")
    page.get_by_role("button", name="Show answer").click()
    page.wait_for_selector("[data-rating-key]")
    check("review back")
    page.get_by_role("button", name=re.compile("^Good")).click()
    page.goto(f"{live_server.url}/study/learn/")
    check("learn: multiple choice")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("#learn-card .feedback")
    check("learn: feedback")
    page.goto(f"{live_server.url}/study/match/")
    check("match start")
    page.get_by_role("button", name="Start a game").click()
    page.wait_for_selector("#match-game select")
    check("match game")
    game = MatchGame.objects.get(user=student)
    rights = {r["id"]: r["text"] for r in game.payload["rights"]}
    for left, right in game.payload["key"].items():
        page.locator(f"#pair-{left}").select_option(label=rights[right])
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("text=All pairs right in")
    check("match finished")
    page.goto(f"{live_server.url}/progress/")
    check("progress dashboard")
    page.goto(f"{live_server.url}/")
    check("home with due today")
    assert len(checked) == 10


def test_review_works_without_javascript(browser, live_server, student, studying):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/study/review/")
    first = page.locator("input[name=reveal]").get_attribute("value")
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=re.compile("^Easy")).click()
    assert "Rated Easy" in page.locator("#messages").inner_text()
    assert page.locator("input[name=reveal]").get_attribute("value") != first
    assert ReviewLog.objects.get(user=student).rating == 4
    context.close()
