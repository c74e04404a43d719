"""A quiz and a study session completed with the keyboard alone (no clicks, no mouse).

Extends the quizzes and study journeys (which check every kind with clicks, and five study
cards by keys) to the whole way through: start, answer, check, move on, finish, read the
review; and a study session from the first card to "All done for now".
"""

from __future__ import annotations

import re

import pytest

from ajquiz.quizzes.models import Attempt, Quiz
from ajquiz.study.models import ReviewLog
from tests.browser.test_quizzes_journey import move_first_item_down_by_keyboard
from tests.browser.test_study_journey import text_of
from tests.factories import make_facts_deck, make_question, make_quiz, make_study_facts

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, test: str, *, limit: int = 80, backwards: bool = False) -> None:
    """Press Tab until `test` (JS over `e`, the focused element) holds."""
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({test}); }})()"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached an element where {test}")


def button(label: str) -> str:
    return f"e.tagName === 'BUTTON' && e.textContent.trim().startsWith({label!r})"


def test_a_student_takes_a_whole_quiz_by_keyboard(page, live_server, log_in, student, content):
    quiz = make_quiz(
        [make_question(kind) for kind in ("mc", "tf", "sa", "order")],
        is_public=True,
        feedback_mode=Quiz.FeedbackMode.IMMEDIATE,
        layout=Quiz.Layout.ONE_PER_PAGE,
    )
    log_in(student)
    page.goto(f"{live_server.url}{quiz.get_absolute_url()}")
    tab_to(page, button("Start the quiz"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/attempts/"))

    # 1, multiple choice: the arrow keys move through the radio group and choose 1902 (b).
    tab_to(page, "e.type === 'radio'")
    page.keyboard.press("ArrowDown")
    check_and_go_on(page, 1)
    # 2, true or false: Space chooses the focused first radio, True.
    tab_to(page, "e.type === 'radio'")
    page.keyboard.press("Space")
    check_and_go_on(page, 2)
    # 3, short answer: typed.
    tab_to(page, "e.tagName === 'INPUT' && e.type === 'text'")
    page.keyboard.type("Hayashi")
    check_and_go_on(page, 3)
    # 4, ordering: Move down by Enter and Space (the quizzes journey's helper).
    move_first_item_down_by_keyboard(page, page.locator("#slot-4"))
    check_and_go_on(page, 4, last=True)

    tab_to(page, button("Finish attempt"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/finish/$"))
    tab_to(page, button("Submit all and finish"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/review/$"))
    attempt = Attempt.objects.get(user=student)
    assert attempt.state == Attempt.State.FINISHED
    fractions = dict(attempt.responses.values_list("slot", "fraction"))
    assert len(fractions) == 4
    assert [fractions[0], fractions[1], fractions[2]] == [1.0, 1.0, 1.0]  # mc, tf, sa right
    assert attempt.score == pytest.approx(sum(fractions.values()), abs=1e-5)
    assert "out of 4" in page.locator(".result").inner_text()


def check_and_go_on(page, number: int, *, last: bool = False) -> None:
    tab_to(page, button("Check answer"))
    page.keyboard.press("Enter")
    page.locator(f"#slot-{number} .feedback").wait_for()
    page.wait_for_function("() => document.activeElement.classList.contains('feedback')")
    if not last:
        tab_to(page, button("Next question"))
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"page={number + 1}"))


CARD_HAS_FOCUS = "() => document.activeElement.id === 'study-card'"


def test_a_learner_studies_a_deck_to_the_end_by_keyboard(page, live_server, log_in, student):
    facts = make_study_facts()
    make_facts_deck(student, [facts["place"], facts["lansdowne"], facts["renewed"]])
    log_in(student)
    page.goto(f"{live_server.url}/study/review/")
    tab_to(page, "e.hasAttribute('data-study-reveal')")
    page.keyboard.press("Space")
    for number in range(1, 4):
        if number > 1:
            page.wait_for_selector("[data-study-reveal]")
            page.wait_for_function(CARD_HAS_FOCUS)
            page.keyboard.press("Space")  # the card's shortcut: focus is on the new card
        page.wait_for_selector("[data-rating-key='4']")
        page.wait_for_function(CARD_HAS_FOCUS)  # once the swap settles
        page.keyboard.press("4")  # Easy: a new fact goes straight to review, days away
        page.wait_for_function(
            "() => document.getElementById('study-status').textContent.startsWith('Rated Easy')"
        )
        assert ReviewLog.objects.filter(user=student).count() == number
    page.wait_for_selector("#study-card-heading:has-text('All done for now')")
    assert "Nothing more is due" in text_of(page, "#study-card")
    page.wait_for_function(CARD_HAS_FOCUS)
