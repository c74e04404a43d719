"""Who is in a class: joining by code, a teacher adding or removing a student, leaving, new
codes; and the study decks a class shares (made from an assignment's question set).

Cross-app effects are explicit calls: joining puts the class's decks on the student's study
list (study.StudyListEntry); nothing listens to signals.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ajquiz.classes.builder import set_fact_ids
from ajquiz.classes.join_codes import new_join_code, normalise_code
from ajquiz.classes.models import Assignment, Classroom, Membership
from ajquiz.study.models import Deck, StudyListEntry


class CannotJoin(Exception):
    """Why a code does not let the student in, in words for them."""


def join_by_code(student, typed_code: str, *, now) -> tuple[Membership, bool]:
    """(membership, created). A wrong code and a class closed to new students read the same,
    so that codes cannot be probed for which classes exist."""
    code = normalise_code(typed_code)
    classroom = Classroom.objects.filter(join_code=code, is_joinable=True).first() if code else None
    if classroom is None:
        raise CannotJoin("No class accepts this code. Check it with your teacher.")
    if classroom.teacher_id == student.pk:
        raise CannotJoin("You teach this class; students join it with this code.")
    return enrol(classroom, student, now=now)


def enrol(classroom: Classroom, student, *, now) -> tuple[Membership, bool]:
    """Add the student (idempotent: a second join, or two at once, keeps one membership)."""
    try:
        with transaction.atomic():
            membership, created = Membership.objects.get_or_create(
                classroom=classroom, student=student, defaults={"joined_at": now}
            )
    except IntegrityError:
        # Two joins at the same moment: the unique constraint let the other one in.
        membership, created = Membership.objects.get(classroom=classroom, student=student), False
    if created:
        decks = Deck.objects.filter(assignments__classroom=classroom).distinct()
        StudyListEntry.objects.bulk_create(
            [StudyListEntry(user=student, deck=deck) for deck in decks], ignore_conflicts=True
        )
    return membership, created


def remove(membership: Membership) -> None:
    """Take a student out of a class. Their attempts stay theirs; the teacher no longer sees
    them, and the class's decks stay on their study list (their reviews are theirs too)."""
    membership.delete()


def renew_code(classroom: Classroom) -> str:
    """A fresh join code; the old one stops working at once."""
    for _ in range(5):
        classroom.join_code = new_join_code()
        try:
            with transaction.atomic():
                classroom.save(update_fields=["join_code"])
            return classroom.join_code
        except IntegrityError:  # an astronomically rare collision: draw again
            continue
    raise RuntimeError("Could not find a free join code.")


def share_deck(assignment: Assignment) -> tuple[Deck, int]:
    """A study deck of the facts the assignment's quiz asks about, on every student's study
    list. (deck, number of students it was added for). Doing it again refreshes the facts."""
    question_set = assignment.quiz.question_set
    deck = Deck.objects.for_facts(
        key=f"questionset:{question_set.uid}",
        name=question_set.title,
        facts=sorted(set_fact_ids(question_set)),
        owner=assignment.classroom.teacher,
    )
    if assignment.deck_id != deck.pk:
        assignment.deck = deck
        assignment.save(update_fields=["deck"])
    students = assignment.classroom.memberships.values_list("student_id", flat=True)
    already = set(
        StudyListEntry.objects.filter(deck=deck, user_id__in=students).values_list(
            "user_id", flat=True
        )
    )
    new = [StudyListEntry(user_id=pk, deck=deck) for pk in students if pk not in already]
    StudyListEntry.objects.bulk_create(new, ignore_conflicts=True)
    return deck, len(new)
