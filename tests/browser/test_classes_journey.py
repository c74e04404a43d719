"""The teacher's journey in Chromium: create a class, build a set (generated questions added
with htmx, a hand-written one, a reorder by keyboard), set and preview the quiz, assign it; a
student joins by code and takes it; the teacher reads the grade and the item analysis.
Every page on the way passes axe."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ajquiz.classes.models import Assignment, Classroom
from ajquiz.quizzes.models import Attempt

pytestmark = pytest.mark.django_db(transaction=True)


def checked_by_axe(page, axe_violations):
    assert axe_violations() == [], page.url


def test_a_teacher_builds_and_assigns_a_quiz_a_student_takes_it_the_teacher_reads_it(
    page, live_server, log_in, teacher, student, bank, axe_violations
):
    base = live_server.url
    log_in(teacher)

    # A class, with its join code.
    page.get_by_role("link", name="Classes", exact=True).click()
    checked_by_axe(page, axe_violations)
    page.get_by_label("Name").fill("Year 10 History")
    page.get_by_role("button", name="Create the class").click()
    code = page.locator(".join-code .code strong").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    checked_by_axe(page, axe_violations)

    # A question set: two generated true/false questions added from the bank with htmx.
    page.get_by_role("link", name="Question sets").click()
    page.get_by_label("Title").fill("The 1902 treaty")
    page.get_by_role("button", name="Create the set").click()
    checked_by_axe(page, axe_violations)
    page.get_by_role("link", name="Browse generated questions").click()
    page.get_by_label("Topic").select_option(label="The 1902 treaty and its articles")
    page.get_by_label("Kind").select_option(label="True or false")
    page.get_by_role("button", name="Show questions").click()
    checked_by_axe(page, axe_violations)
    for index in range(2):
        item = page.locator(".bank-item").nth(index)
        item.get_by_role("button", name=re.compile("^Add to the set")).click()
        confirmation = item.locator(".bank-action .status-ok")
        confirmation.wait_for()
        assert confirmation.inner_text() == "✓ Added to the set."
        # Focus moves to the confirmation once htmx's swap settles.
        page.wait_for_function("() => document.activeElement.textContent === '✓ Added to the set.'")
    assert page.locator("#bank-status").inner_text().startswith("Added to the set.")
    page.get_by_role("link", name="Back to the set").click()

    # A hand-written question: first refused without its answer, then saved.
    page.get_by_role("link", name="True or false").click()
    page.get_by_label("Question").fill("The first treaty was signed at <b>Lansdowne House</b>.")
    page.get_by_role("button", name="Add the question to the set").click()
    assert page.get_by_role("alert").first.inner_text().startswith("Error:")
    assert "Say whether the statement is true or false." in page.content()
    checked_by_axe(page, axe_violations)
    page.get_by_role("radio", name="True").check()
    page.get_by_role("button", name="Add the question to the set").click()
    entries = page.locator(".entry")
    expect(entries).to_have_count(3)
    assert "Lansdowne House" in entries.nth(2).inner_text()

    # Reorder by keyboard: focus stays on the button, the move is announced.
    move_up = entries.nth(2).get_by_role("button", name=re.compile("^Move up"))
    move_up.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#builder-status")).to_have_text("Moved up: now 2 of 3.")
    assert "Lansdowne House" in page.locator(".entry").nth(1).inner_text()
    page.wait_for_function("() => document.activeElement.id.startsWith('up-q-')")
    checked_by_axe(page, axe_violations)

    # Quiz settings: everything on one page. Then the preview.
    page.get_by_role("link", name=re.compile("^Settings")).click()
    page.get_by_label("Layout").select_option(label="All questions on one page")
    checked_by_axe(page, axe_violations)
    page.get_by_role("button", name="Save the settings").click()
    page.get_by_role("link", name="Preview as a student").click()
    expect(page.locator(".slot")).to_have_count(3)
    checked_by_axe(page, axe_violations)

    # Assign it to the class.
    page.get_by_role("link", name="Classes", exact=True).click()
    page.get_by_role("link", name="Year 10 History", exact=True).click()
    page.get_by_label("Quiz", exact=True).select_option(label="The 1902 treaty")
    due = timezone.now() + timedelta(days=7)
    page.get_by_label("Due (UTC)").fill(due.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Assign").click()
    assert "is assigned to Year 10 History" in page.locator("#messages").inner_text()
    page.get_by_role("button", name="Log out").click()

    # The student joins by code and takes the quiz.
    log_in(student)
    page.get_by_role("link", name="Join a class").click()
    checked_by_axe(page, axe_violations)
    page.get_by_label("Class code").fill(code.lower())
    page.get_by_role("button", name="Join").click()
    assert "You joined Year 10 History" in page.locator("#messages").inner_text()
    assert "Not started" in page.locator(".assigned-list").inner_text()
    checked_by_axe(page, axe_violations)
    page.locator(".assigned-list").get_by_role("link", name="The 1902 treaty").click()
    page.get_by_role("button", name="Start the quiz").click()
    for number in (1, 2, 3):
        page.locator(f"#slot-{number}").get_by_role("radio", name="True").check()
    page.get_by_role("button", name="Finish attempt…").click()
    page.get_by_role("button", name="Submit all and finish").click()
    page.wait_for_url(re.compile(r"/review/$"))
    attempt = Attempt.objects.get(user=student)
    grade = f"{attempt.percent:g}%"
    page.goto(f"{base}/")
    assert "✓ Finished" in page.locator(".assigned-list").inner_text()
    page.get_by_role("button", name="Log out").click()

    # The teacher reads the grade, the student's review and the item analysis.
    log_in(teacher)
    classroom = Classroom.objects.get()
    page.goto(f"{base}/teach/classes/{classroom.uid}/gradebook/")
    row = page.get_by_role("row").filter(has_text=student.username)
    assert grade in row.inner_text() and "✓ Finished" in row.inner_text()
    checked_by_axe(page, axe_violations)
    row.get_by_role("link").first.click()
    checked_by_axe(page, axe_violations)
    page.locator(f'a[href$="/attempts/{attempt.uid}/review/"]').click()
    page.wait_for_url(re.compile(rf"/attempts/{attempt.uid}/review/$"))
    assignment = Assignment.objects.get()
    page.goto(f"{base}{reverse('classes:assignment', args=[assignment.uid])}")
    page.get_by_role("link", name="Item analysis").first.click()
    page.wait_for_url(re.compile(r"/analysis/"))
    assert "Attempts analysed" in page.content()
    expect(page.locator(".analysis-table tbody tr")).to_have_count(3)
    checked_by_axe(page, axe_violations)
    page.get_by_role("link", name="Question templates across your quizzes").click()
    assert page.locator(".analysis-table tbody tr").count() >= 1
    checked_by_axe(page, axe_violations)


def test_the_builders_other_pages_pass_axe(
    page, live_server, log_in, teacher, bank, axe_violations
):
    from ajquiz.classes.builder import matching_questions, new_set

    question_set, _quiz = new_set(owner=teacher, title="Origins")
    log_in(teacher)
    base = f"{live_server.url}/teach/sets/{question_set.uid}"
    for path in [
        "/draws/new/?fact_search=Lansdowne",
        "/write/mc/",
        "/write/mr/",
        "/write/match/",
        "/write/order/",
        "/write/cloze/",
        "/write/num/",
        "/write/sa/",
    ]:
        page.goto(base + path)
        checked_by_axe(page, axe_violations)
    # A live count of matching questions as filters are ticked.
    page.goto(base + "/draws/new/")
    everything = matching_questions().count()
    expect(page.locator("#draw-count")).to_have_text(f"{everything} questions match these choices.")
    page.get_by_role("checkbox", name="Cloze").check()
    clozes = matching_questions(kinds=["cloze"]).count()
    expect(page.locator("#draw-count")).to_have_text(f"{clozes} questions match these choices.")
    page.get_by_role("checkbox", name="Numeric (year)").check()
    both = matching_questions(kinds=["cloze", "num"]).count()
    expect(page.locator("#draw-count")).to_have_text(f"{both} questions match these choices.")
    page.get_by_label("How many questions").fill("2")
    page.get_by_role("button", name="Add the draw").click()
    assert "Random draw" in page.locator(".entry").first.inner_text()
    page.goto(f"{live_server.url}/teach/sets/")
    checked_by_axe(page, axe_violations)
