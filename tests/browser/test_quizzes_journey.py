"""Taking quizzes in Chromium: a practice quiz answering every kind (ordering by keyboard), a
timed quiz that autosaves and submits itself, and the same pages without JavaScript."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ajquiz.content.models import Topic
from ajquiz.questions.models import Question
from ajquiz.quizzes import attempts as attempts_module
from ajquiz.quizzes.assembly import assemble_slots
from ajquiz.quizzes.models import Attempt, Quiz, Response
from ajquiz.quizzes.practice import practice_quiz
from ajquiz.quizzes.scoring import grade_answer
from tests.factories import make_question, make_quiz

pytestmark = pytest.mark.django_db(transaction=True)

ALL_KINDS = {"mc", "mr", "tf", "sa", "num", "cloze", "match", "order"}


@pytest.fixture
def generated_bank(content):
    if not Question.objects.generated().exists():
        call_command("generate_questions")


def practice_with_every_kind():
    """A topic and a seed whose ten-question practice draw has every kind in it."""
    for topic in Topic.objects.order_by("pk"):
        quiz = practice_quiz(topic=topic)
        for seed in range(300):
            slots = assemble_slots(
                quiz.question_set, seed=seed, shuffle_questions=True, shuffle_options=True
            )
            kinds = Question.objects.filter(pk__in=[s["question"] for s in slots])
            if set(kinds.values_list("kind", flat=True)) == ALL_KINDS:
                return topic, seed
    raise AssertionError("No topic of the bank yields a practice quiz with every kind")


def answer(page, slot_number: int, kind: str) -> None:
    slot = page.locator(f"#slot-{slot_number}")
    if kind in ("mc", "tf"):
        slot.get_by_role("radio").first.check()
    elif kind == "mr":
        slot.get_by_role("checkbox").nth(0).check()
        slot.get_by_role("checkbox").nth(1).check()
    elif kind in ("sa", "cloze"):
        slot.get_by_role("textbox").fill("Hayashi")
    elif kind == "num":
        slot.get_by_role("textbox").fill("1902")
    elif kind == "match":
        for select in slot.get_by_role("combobox").all():
            select.select_option(index=1)
    elif kind == "order":
        move_first_item_down_by_keyboard(page, slot)


def move_first_item_down_by_keyboard(page, slot) -> None:
    first = slot.locator(".order-item").first.locator(".order-text").inner_text()
    total = slot.locator(".order-item").count()
    down = slot.locator(".order-item").first.get_by_role("button", name=re.compile("^Move down"))
    down.focus()
    page.keyboard.press("Enter")
    status = slot.locator("[data-order-status]")
    assert status.inner_text() == f"{first} is now at position 2 of {total}."
    assert page.evaluate("document.activeElement.dataset.move") == "down"
    page.keyboard.press("Space")
    assert status.inner_text() == f"{first} is now at position 3 of {total}."
    assert slot.locator(".order-item").nth(2).locator(".order-text").inner_text() == first


def test_a_student_takes_a_practice_quiz_answering_every_kind_and_reviews_it(
    page, live_server, log_in, student, generated_bank, axe_violations, monkeypatch
):
    topic, seed = practice_with_every_kind()
    monkeypatch.setattr(attempts_module, "new_seed", lambda: seed)
    log_in(student)
    page.get_by_role("link", name="Practice", exact=True).click()
    assert axe_violations() == []
    page.get_by_role("button", name=f"Start practice: {topic.name}").click()
    page.wait_for_url(re.compile(r"/attempts/"))
    attempt = Attempt.objects.get(user=student)
    questions = Question.objects.in_bulk([slot["question"] for slot in attempt.slots])
    kinds = [questions[slot["question"]].kind for slot in attempt.slots]
    assert set(kinds) == ALL_KINDS
    for number, kind in enumerate(kinds, start=1):
        assert page.get_by_role("heading", name=f"Question {number} of 10").is_visible()
        answer(page, number, kind)
        page.get_by_role("button", name=f"Check answer to question {number}").click()
        feedback = page.locator(f"#slot-{number} .feedback")
        feedback.wait_for()
        # Focus lands on the feedback, which names the verdict in words.
        page.wait_for_function("() => document.activeElement.classList.contains('feedback')")
        assert re.search(r"Correct|Partly correct|Incorrect", feedback.inner_text())
        if kind == "order":
            assert axe_violations() == []
        if number < 10:
            page.get_by_role("button", name="Next question").click()
    assert Response.objects.filter(attempt=attempt).count() == 10
    order_slot = kinds.index("order")
    saved = Response.objects.get(attempt=attempt, slot=order_slot).answer
    assert saved[2] == attempt.slots[order_slot]["items"][0]  # moved down twice

    page.get_by_role("button", name="Finish attempt…").click()
    assert "you answered all 10 questions" in page.locator("main").inner_text()
    assert axe_violations() == []
    page.get_by_role("button", name="Submit all and finish").click()
    page.wait_for_url(re.compile(r"/review/$"))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert f"out of 10 ({attempt.percent:g}%)" in page.locator(".result").inner_text()
    assert axe_violations() == []

    details = page.locator("details.source-passage").first
    details.locator("summary").click()
    assert details.locator("mark").first.is_visible()
    details.get_by_role("link", name=re.compile("^Open this passage")).click()
    page.wait_for_url(re.compile(r"/sources/[\w-]+/#p\d+$"))
    assert page.locator("#" + page.url.split("#")[1]).is_visible()


def test_a_timed_quiz_autosaves_each_answer_and_submits_itself_when_time_runs_out(
    page, live_server, log_in, student, content, axe_violations
):
    quiz = make_quiz(
        [make_question(kind) for kind in ("mc", "sa", "order")],
        is_public=True,
        layout=Quiz.Layout.ALL_ON_ONE,
        feedback_mode=Quiz.FeedbackMode.DEFERRED,
        time_limit=timedelta(minutes=10),
    )
    log_in(student)
    page.goto(f"{live_server.url}{quiz.get_absolute_url()}")
    assert axe_violations() == []
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempts/"))
    assert re.fullmatch(r"(9:5\d|10:00)", page.locator("[data-timer-text]").inner_text())
    page.locator("#slot-1").get_by_role("radio").nth(1).check()
    page.locator("#slot-1-status").filter(has_text="Answer saved.").wait_for()
    page.locator("#slot-2").get_by_role("textbox").fill("Hayashi")
    page.keyboard.press("Tab")
    page.locator("#slot-2-status").filter(has_text="Answer saved.").wait_for()
    move_first_item_down_by_keyboard(page, page.locator("#slot-3"))
    page.locator("#slot-3-status").filter(has_text="Answer saved.").wait_for()
    assert page.locator("#slot-nav").inner_text().count(", answered") == 3
    assert axe_violations() == []
    attempt = Attempt.objects.get(user=student)
    shown = attempt.slots[2]["items"]
    moved = [shown[1], shown[2], shown[0], *shown[3:]]
    ordering = grade_answer(Question.objects.get(pk=attempt.slots[2]["question"]), moved)
    assert list(attempt.responses.values_list("slot", "answer", "fraction")) == [
        (0, "b", 1.0),
        (1, "Hayashi", 1.0),
        (2, moved, ordering.fraction),
    ]

    # Two seconds left: the page counts down by itself and submits the attempt.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=2))
    page.reload()
    page.wait_for_url(re.compile(r"/review/$"), timeout=15_000)
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score) == (Attempt.State.FINISHED, 2 + ordering.fraction)
    assert "Time is up" in page.locator("#messages").inner_text()


def test_a_quiz_can_be_taken_without_javascript(browser, live_server, student, content):
    quiz = make_quiz(
        [make_question(kind) for kind in ("tf", "order")],
        is_public=True,
        feedback_mode=Quiz.FeedbackMode.DEFERRED,
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}{quiz.get_absolute_url()}")
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("radio", name="True").check()
    page.get_by_role("button", name="Save and next").click()
    assert page.get_by_role("heading", name="Question 2 of 2").is_visible()
    assert not page.get_by_role("button", name=re.compile("^Move")).first.is_visible()
    assert not page.get_by_role("button", name="Submit now").is_visible()
    # Without the buttons, positions are chosen in the selects: the key is i4, i2, i1, i3.
    for item, position in {"i4": "1", "i2": "2", "i1": "3", "i3": "4"}.items():
        page.locator(f"#s2-{item}").select_option(position)
    page.get_by_role("button", name="Finish attempt…").click()
    page.get_by_role("button", name="Submit all and finish").click()
    assert "Score: 2 out of 2 (100%)" in page.locator(".result").inner_text()
    context.close()
