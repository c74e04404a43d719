"""One small, complete world for the URL x role matrix and the page crawler.

Six personas (anonymous, student A, student B, A's teacher, another teacher, admin) and one
real object behind every URL parameter: A's class with A in it, a quiz of A's teacher assigned
to it, an attempt of A in progress and one finished, A's cards, deck and match game, the
teacher's question set with a hand-written question, an import of the teacher's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ajquiz.accounts.roles import make_admin, make_student, make_teacher
from tests.factories import make_question, make_user

ROLES = ("anonymous", "student_a", "student_b", "teacher", "other_teacher", "admin")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    kwargs: dict = field(default_factory=dict)  # URL name -> kwargs for reverse()
    objects: dict = field(default_factory=dict)


def build_world(*, now=None, practice: bool = True) -> World:
    """Needs the content (sources, topics, facts, templates) loaded, and the generated question
    bank too unless `practice` is off (no practice attempt then: abandon has nothing to name)."""
    from ajquiz.classes.models import Assignment, Classroom, Extension, Membership
    from ajquiz.content.models import Fact, QuestionTemplate, Source, Topic
    from ajquiz.interop.models import ImportBatch
    from ajquiz.quizzes.attempts import finish_attempt, start_attempt
    from ajquiz.quizzes.models import QuestionSet, Quiz, SetQuestion
    from ajquiz.quizzes.practice import practice_quiz
    from ajquiz.study.match import new_game
    from ajquiz.study.models import Deck, StudyListEntry

    now = now or timezone.now()
    world = World()
    users = world.users
    users["student_a"] = make_user("amy")
    make_student(users["student_a"])
    users["student_b"] = make_user("ben")
    make_student(users["student_b"])
    users["teacher"] = make_user("tess")
    make_teacher(users["teacher"])
    users["other_teacher"] = make_user("otto")
    make_teacher(users["other_teacher"])
    users["admin"] = make_user("adele")
    make_admin(users["admin"])
    amy, tess = users["student_a"], users["teacher"]

    classroom = Classroom.objects.create(name="History 10B", teacher=tess, join_code="WXYZ2345")
    membership = Membership.objects.create(classroom=classroom, student=amy, joined_at=now)
    question_set = QuestionSet.objects.create(title="The 1902 treaty", owner=tess)
    fact = Fact.objects.order_by("pk").first()
    questions = [make_question(kind, facts=[fact], author=tess) for kind in ("mc", "tf", "sa")]
    SetQuestion.objects.bulk_create(
        SetQuestion(question_set=question_set, question=question, position=position)
        for position, question in enumerate(questions)
    )
    quiz = Quiz.objects.create(
        title="The 1902 treaty",
        question_set=question_set,
        owner=tess,
        shuffle_questions=False,
        shuffle_options=False,
    )
    assignment = Assignment.objects.create(
        classroom=classroom, quiz=quiz, due_at=now + timedelta(days=7)
    )
    Extension.objects.create(assignment=assignment, student=amy, due_at=now + timedelta(days=9))
    finished = start_attempt(quiz, amy, now=now - timedelta(hours=1), seed=1)
    finish_attempt(finished, now=now - timedelta(minutes=50))
    attempt = start_attempt(quiz, amy, now=now, seed=2)

    topic = Topic.objects.get(slug="treaty-1902")
    practice = start_attempt(practice_quiz(topic=topic), amy, now=now, seed=3) if practice else None
    deck = Deck.objects.for_topic(topic)
    StudyListEntry.objects.create(user=amy, deck=deck)
    game = new_game(amy, now=now, seed=1, deck=deck)
    batch = ImportBatch.objects.create(
        owner=tess,
        format=ImportBatch.Format.GIFT,
        file_name="treaty.gift",
        text="::Q1:: The 1902 treaty was signed in London. {T}",
        created_at=now,
    )
    world.objects.update(
        classroom=classroom,
        membership=membership,
        question_set=question_set,
        questions=questions,
        quiz=quiz,
        assignment=assignment,
        attempt=attempt,
        finished_attempt=finished,
        practice_attempt=practice,
        deck=deck,
        game=game,
        batch=batch,
        fact=fact,
    )

    source = Source.objects.order_by("pk").first()
    template = QuestionTemplate.objects.order_by("pk").first()
    handwritten = questions[0]
    world.kwargs.update(
        {
            "content:source_detail": {"slug": source.slug},
            "content:topic_detail": {"slug": topic.slug},
            "content:fact_detail": {"slug": fact.slug},
            "questions:detail": {"uid": handwritten.uid},
            "questions:template_preview": {"slug": template.slug},
            "quizzes:practice_topic": {"slug": topic.slug},
            "quizzes:practice_source": {"slug": source.slug},
            "quizzes:quiz": {"uid": quiz.uid},
            "quizzes:start": {"uid": quiz.uid},
            "quizzes:attempt": {"uid": attempt.uid},
            "quizzes:save": {"uid": attempt.uid},
            "quizzes:answer": {"uid": attempt.uid, "number": 1},
            "quizzes:timer": {"uid": attempt.uid},
            "quizzes:finish": {"uid": attempt.uid},
            "quizzes:abandon": {"uid": (practice or attempt).uid},
            "quizzes:review": {"uid": finished.uid},
            "study:remove_deck": {"uid": deck.uid},
            "study:match_game": {"uid": game.uid},
            "progress:student": {"username": amy.username},
            "classes:leave": {"uid": classroom.uid},
            "interop:preview": {"uid": batch.uid},
            "interop:confirm": {"uid": batch.uid},
            # A link that is not valid (any log-in changes the token): the page says so.
            "accounts:password_reset_confirm": {
                "uidb64": urlsafe_base64_encode(force_bytes(amy.pk)),
                "token": "0-0",
            },
        }
    )
    for name in (
        "classroom",
        "classroom_edit",
        "new_code",
        "add_student",
        "assign",
        "gradebook",
        "gradebook_csv",
    ):
        world.kwargs[f"classes:{name}"] = {"uid": classroom.uid}
    world.kwargs["classes:remove_student"] = {
        "uid": classroom.uid,
        "membership_uid": membership.uid,
    }
    for name in ("assignment", "unassign", "make_deck"):
        world.kwargs[f"classes:{name}"] = {"uid": assignment.uid}
    for name in ("student_work", "remove_extension"):
        world.kwargs[f"classes:{name}"] = {"uid": assignment.uid, "membership_uid": membership.uid}
    for name in (
        "set",
        "set_edit",
        "move_entry",
        "remove_entry",
        "add_draw",
        "draw_count",
        "new_quiz",
        "bank",
        "add_question",
        "preview",
    ):
        world.kwargs[f"classes:{name}"] = {"uid": question_set.uid}
    world.kwargs["classes:write"] = {"uid": question_set.uid, "kind": "mc"}
    world.kwargs["classes:rewrite"] = {"uid": question_set.uid, "question_uid": handwritten.uid}
    for name in ("quiz_settings", "analysis", "analysis_csv"):
        world.kwargs[f"classes:{name}"] = {"uid": quiz.uid}
    return world
