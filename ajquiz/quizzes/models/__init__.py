"""Question sets, quizzes, attempts and responses.

A QuestionSet says which questions a quiz asks: fixed questions and random draws, each at a
position. A Quiz adds the settings (times, attempts, grading, feedback, review). An Attempt
freezes, at its start, the questions it asks and the order of their options, so that the page,
the grading and the review all show what the learner saw, even if the bank changes later.
"""

from ajquiz.quizzes.models.attempts import Attempt, AttemptQuerySet, Response
from ajquiz.quizzes.models.quizzes import Quiz, QuizQuerySet
from ajquiz.quizzes.models.sets import DrawRule, QuestionSet, SetQuestion

__all__ = [
    "Attempt",
    "AttemptQuerySet",
    "DrawRule",
    "QuestionSet",
    "Quiz",
    "QuizQuerySet",
    "Response",
    "SetQuestion",
]
