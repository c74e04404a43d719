"""Objects the benchmarks and the load test share (Django must be set up)."""

from __future__ import annotations


def quiz_of_mc_questions(size: int = 20):
    """A public quiz of `size` generated multiple-choice questions, fixed order, immediate
    feedback, unlimited attempts."""
    from ajquiz.questions.models import Question
    from ajquiz.quizzes.models import QuestionSet, Quiz, SetQuestion

    title = f"Bench: {size} questions"
    quiz = Quiz.objects.filter(title=title).first()
    if quiz:
        return quiz
    question_set = QuestionSet.objects.create(title=title)
    questions = Question.objects.current().generated().filter(kind="mc").order_by("pk")
    SetQuestion.objects.bulk_create(
        SetQuestion(question_set=question_set, question=question, position=position)
        for position, question in enumerate(questions[:size])
    )
    return Quiz.objects.create(
        title=title,
        question_set=question_set,
        is_public=True,
        shuffle_questions=False,
        shuffle_options=False,
        feedback_mode=Quiz.FeedbackMode.IMMEDIATE,
        attempts_allowed=0,
    )
