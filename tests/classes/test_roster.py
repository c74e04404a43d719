"""Classes and rosters: creating a class, joining by code, the teacher's roster actions,
leaving, new codes, and the student's list of assignments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from ajquiz.classes.join_codes import ALPHABET, LENGTH, display_code, new_join_code
from ajquiz.classes.models import Classroom, Membership
from ajquiz.classes.roster import enrol, share_deck
from ajquiz.quizzes.attempts import finish_attempt
from ajquiz.study.models import StudyListEntry
from tests.factories import make_attempt, make_fact, make_question, make_quiz

pytestmark = pytest.mark.django_db


def test_join_codes_are_eight_unambiguous_characters():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert not set("01OIL") & set(ALPHABET)
    assert display_code("ABCD2345") == "ABCD-2345"


def test_a_teacher_creates_a_class_and_sees_its_code(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse("classes:classrooms"), {"name": "Year 9", "is_joinable": "on"})
    classroom = Classroom.objects.get(teacher=teacher)
    assert response["Location"] == classroom.get_absolute_url()
    page = client.get(classroom.get_absolute_url()).content.decode()
    assert display_code(classroom.join_code) in page


def test_a_class_needs_a_name(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse("classes:classrooms"), {"name": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"name": ["This field is required."]}
    assert Classroom.objects.count() == 0


def test_a_student_joins_with_the_code_typed_in_any_case_with_a_dash(
    client, student, classroom, clock, now
):
    client.force_login(student)
    response = client.post(reverse("classes:join"), {"code": " abcd-2345 "})
    assert response["Location"] == reverse("classes:mine")
    membership = Membership.objects.get(student=student)
    assert (membership.classroom, membership.joined_at) == (classroom, now)


def test_joining_twice_keeps_one_membership(client, student, classroom):
    client.force_login(student)
    client.post(reverse("classes:join"), {"code": "ABCD2345"})
    client.post(reverse("classes:join"), {"code": "ABCD2345"})
    assert Membership.objects.filter(student=student).count() == 1


@pytest.mark.parametrize("code", ["ABCD2346", "", "ZZZZ"])
def test_a_wrong_code_is_explained_and_joins_nothing(client, student, classroom, code):
    client.force_login(student)
    response = client.post(reverse("classes:join"), {"code": code})
    assert response.status_code == 200
    errors = response.context["form"].errors["code"]
    assert errors == (
        ["Type the class code your teacher gave you."]
        if not code
        else ["No class accepts this code. Check it with your teacher."]
    )
    assert not Membership.objects.exists()


def test_a_class_closed_to_new_students_refuses_its_code_like_a_wrong_one(
    client, student, classroom
):
    classroom.is_joinable = False
    classroom.save()
    client.force_login(student)
    response = client.post(reverse("classes:join"), {"code": "ABCD2345"})
    assert response.context["form"].errors["code"] == [
        "No class accepts this code. Check it with your teacher."
    ]


def test_a_new_code_stops_the_old_one(client, teacher, student, classroom):
    client.force_login(teacher)
    client.post(reverse("classes:new_code", args=[classroom.uid]))
    classroom.refresh_from_db()
    assert classroom.join_code != "ABCD2345"
    client.force_login(student)
    client.post(reverse("classes:join"), {"code": "ABCD2345"})
    assert not Membership.objects.exists()
    client.post(reverse("classes:join"), {"code": classroom.join_code})
    assert Membership.objects.filter(student=student).exists()


def test_the_teacher_adds_a_student_by_username(client, teacher, student, classroom):
    client.force_login(teacher)
    response = client.post(
        reverse("classes:add_student", args=[classroom.uid]), {"username": "SAM"}
    )
    assert response.status_code == 302
    assert Membership.objects.get().student == student


def test_adding_an_unknown_username_explains_why(client, teacher, classroom):
    client.force_login(teacher)
    response = client.post(
        reverse("classes:add_student", args=[classroom.uid]), {"username": "nobody"}
    )
    assert response.status_code == 200
    assert response.context["add_form"].errors["username"] == [
        "No account has the username “nobody”."
    ]


def test_the_teacher_removes_a_student_and_their_attempts_stay(
    client, teacher, classroom, enrolled, assignment, student
):
    attempt = make_attempt(assignment.quiz, student)
    client.force_login(teacher)
    response = client.post(reverse("classes:remove_student", args=[classroom.uid, enrolled.uid]))
    assert response["Location"] == classroom.get_absolute_url()
    assert not Membership.objects.exists()
    attempt.refresh_from_db()
    assert attempt.user == student


def test_a_student_leaves_a_class(client, student, classroom, enrolled):
    client.force_login(student)
    response = client.post(reverse("classes:leave", args=[classroom.uid]))
    assert response["Location"] == reverse("classes:mine")
    assert not Membership.objects.exists()


def test_a_teacher_cannot_join_their_own_class_as_a_student(client, teacher, classroom):
    client.force_login(teacher)
    response = client.post(reverse("classes:join"), {"code": "ABCD2345"})
    assert response.context["form"].errors["code"] == [
        "You teach this class; students join it with this code."
    ]


def test_the_class_deck_goes_on_every_students_study_list_and_on_newcomers(
    client, teacher, classroom, enrolled, student, other_student, now
):
    fact = make_fact("classes-deck-fact", "The treaty was signed at Lansdowne House")
    quiz = make_quiz([make_question("mc", facts=[fact])], owner=teacher, title="Deck quiz")
    assignment = classroom.assignments.create(quiz=quiz, due_at=now + timedelta(days=1))
    client.force_login(teacher)
    client.post(reverse("classes:make_deck", args=[assignment.uid]))
    assignment.refresh_from_db()
    assert list(assignment.deck.facts.all()) == [fact]
    assert assignment.deck.owner == teacher
    assert list(StudyListEntry.objects.values_list("user", flat=True)) == [student.pk]
    enrol(classroom, other_student, now=now)
    assert StudyListEntry.objects.filter(deck=assignment.deck).count() == 2
    # Doing it again adds nobody twice.
    assert share_deck(assignment)[1] == 0


def test_the_home_page_lists_the_students_assignments_with_their_status(
    client, student, assignment, enrolled, clock, now, django_assert_max_num_queries
):
    attempt = make_attempt(assignment.quiz, student, now=now)
    finish_attempt(attempt, now=assignment.due_at + timedelta(hours=1))
    clock.at(assignment.due_at + timedelta(days=1))
    client.force_login(student)
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert "The 1902 treaty" in page
    assert "⚠ Late" in page
    assert reverse("quizzes:quiz", args=[assignment.quiz.uid]) in page
    assert reverse("classes:join") in page
    assert [item.standing.status for item in response.context["assigned"]] == ["late"]


def test_the_students_list_does_not_grow_in_queries_with_more_classes(
    student, teacher, now, django_assert_num_queries
):
    from ajquiz.classes.assigned import assigned_to

    def queries_with(count):
        for number in range(count):
            room = Classroom.objects.create(name=f"C{number}-{count}", teacher=teacher)
            enrol(room, student, now=now)
            quiz = make_quiz([make_question("tf")], owner=teacher, title=f"Q{number}-{count}")
            room.assignments.create(quiz=quiz, due_at=now)
            make_attempt(quiz, student, now=now)
        with django_assert_num_queries(4) as captured:
            assert len(assigned_to(student, now=now)) >= count
        return len(captured)

    assert queries_with(1) == queries_with(6) == 4
