"""Practice quizzes: one built-in quiz per topic and per source, made on first use.

Ten questions of mixed kinds drawn anew for every attempt, immediate feedback, one question per
page, unlimited attempts, graded by the best attempt. They use the same pages as a teacher's
quizzes.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ajquiz.questions.draw import PRACTICE_SIZE
from ajquiz.quizzes.models import DrawRule, QuestionSet, Quiz


def practice_key(*, topic=None, source=None) -> str:
    if (topic is None) == (source is None):
        raise ValueError("A practice quiz is on one topic or one source.")
    return f"topic:{topic.slug}" if topic is not None else f"source:{source.slug}"


def practice_quiz(*, topic=None, source=None) -> Quiz:
    """The practice quiz of a topic (with its subtopics) or a source, created if missing."""
    key = practice_key(topic=topic, source=source)
    quiz = Quiz.objects.filter(practice_key=key).first()
    if quiz is not None:
        return quiz
    try:
        with transaction.atomic():
            return _create(key, topic=topic, source=source)
    except IntegrityError:
        # Two learners opened the same new practice quiz at once: practice_key is unique.
        return Quiz.objects.get(practice_key=key)


def _create(key, *, topic, source) -> Quiz:
    subject = topic or source
    title = f"Practice: {subject.name if topic else subject.title}"
    question_set = QuestionSet.objects.create(
        title=title, description=f"{PRACTICE_SIZE} questions of mixed kinds, drawn afresh."
    )
    rule = DrawRule.objects.create(question_set=question_set, count=PRACTICE_SIZE)
    if topic is not None:
        rule.topics.set([topic])
    else:
        rule.sources.set([source])
    return Quiz.objects.create(
        title=title,
        question_set=question_set,
        practice_key=key,
        is_public=True,
        shuffle_questions=True,
        shuffle_options=True,
        feedback_mode=Quiz.FeedbackMode.IMMEDIATE,
        layout=Quiz.Layout.ONE_PER_PAGE,
        grading_method=Quiz.GradingMethod.HIGHEST,
        attempts_allowed=0,
    )
