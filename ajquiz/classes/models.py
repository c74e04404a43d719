"""Classes: a teacher's classroom with a join code, its students, quizzes assigned with due
dates, and per-student extensions.

An assignment's status for a student (not started, in progress, late, finished) is read from
that student's attempts at the quiz in classes/status.py; nothing here copies attempt data.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from ajquiz.classes.join_codes import new_join_code
from ajquiz.quizzes.models import Quiz
from ajquiz.study.models import Deck


class ClassroomQuerySet(models.QuerySet):
    def taught_by(self, user):
        return self.filter(teacher=user)

    def attended_by(self, user):
        return self.filter(memberships__student=user)


class Classroom(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120, help_text='For example "Year 10 History, set 2".')
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms_taught"
    )
    join_code = models.CharField(
        max_length=12,
        unique=True,
        default=new_join_code,
        help_text="Students type it to join. A new code stops the old one from working.",
    )
    is_joinable = models.BooleanField(
        "accepting new students",
        default=True,
        help_text="Off: the join code is refused; students already in the class stay.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            # A teacher's list of classes (the classes page, the nav's home).
            models.Index(fields=["teacher", "name"], name="classes_classroom_teacher"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("classes:classroom", args=[self.uid])


class Membership(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_memberships"
    )
    joined_at = models.DateTimeField()

    class Meta:
        ordering = ["student__username", "pk"]
        constraints = [
            # Joining twice (a double click on "Join") must not list a student twice.
            models.UniqueConstraint(
                fields=["classroom", "student"], name="classes_membership_once_per_class"
            ),
        ]
        indexes = [
            # A student's classes (home page, "my classes", the quiz and attempt visibility rules).
            models.Index(fields=["student", "classroom"], name="classes_membership_student"),
        ]

    def __str__(self):
        return f"{self.student} in {self.classroom}"


class AssignmentQuerySet(models.QuerySet):
    def for_student(self, user):
        return self.filter(classroom__memberships__student=user)

    def set_by(self, user):
        return self.filter(classroom__teacher=user)


class Assignment(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="assignments")
    due_at = models.DateTimeField(
        help_text="Attempts finished after this (or after a student's extension) count as late."
    )
    deck = models.ForeignKey(
        Deck,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
        help_text="The study deck of the quiz's facts, on every student's study list.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "quiz"], name="classes_assignment_quiz_once_per_class"
            ),
        ]
        indexes = [
            # A class's assignments by due date (class page, gradebook, student home).
            models.Index(fields=["classroom", "due_at"], name="classes_assignment_due"),
        ]

    def __str__(self):
        return f"{self.quiz} for {self.classroom}"

    def get_absolute_url(self):
        return reverse("classes:assignment", args=[self.uid])

    def due_for(self, extensions: dict[int, object], student_id: int):
        """The due date of one student: their extension when they have one."""
        return extensions.get(student_id, self.due_at)


class Extension(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_extensions"
    )
    due_at = models.DateTimeField(help_text="This student's own due date for the assignment.")
    reason = models.CharField(max_length=200, blank=True)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assignment", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"], name="classes_extension_once_per_student"
            ),
        ]

    def __str__(self):
        return f"{self.student}: {self.assignment} due {self.due_at:%Y-%m-%d %H:%M}"
