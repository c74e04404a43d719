"""Plain factory functions: each makes one row with sensible defaults."""

from __future__ import annotations

from ajquiz.accounts.models import User

PASSWORD = "correct horse battery staple"


def make_user(username: str, password: str = PASSWORD, **fields) -> User:
    return User.objects.create_user(username=username, password=password, **fields)


def make_question(kind: str = "mc", **fields):
    """A hand-made question of any kind with a small, known payload and key."""
    from ajquiz.questions.models import Question

    payload, stem = SAMPLE_QUESTIONS[kind]
    facts = fields.pop("facts", [])
    question = Question.objects.create(
        kind=kind, stem=fields.pop("stem", stem), payload=fields.pop("payload", payload), **fields
    )
    if facts:
        question.facts.set(facts)
    return question


def _options(texts, right):
    return [
        {"id": chr(97 + index), "text": text, "correct": index in right, "feedback": ""}
        for index, text in enumerate(texts)
    ]


SAMPLE_QUESTIONS = {
    "mc": (
        {"options": _options(["1900", "1902", "1905", "1911"], {1}), "shuffle": False},
        "In which year was the first Anglo-Japanese alliance treaty signed?",
    ),
    "mr": (
        {
            "options": _options(
                ["United States", "Japan", "France", "Germany", "Italy"], {0, 1, 2}
            ),
            "shuffle": True,
        },
        "Which of these signed the Four-Power Treaty?",
    ),
    "tf": (
        {"answer": True, "correction": ""},
        "True or false: the 1902 treaty was signed at Lansdowne House.",
    ),
    "sa": (
        {"answer": "Hayashi Tadasu", "accepted": ["Hayashi", "Tadasu Hayashi"]},
        "Which Japanese diplomat signed the 1902 treaty?",
    ),
    "num": (
        {"answer": 1911, "tolerance": 0, "unit": "year"},
        "In which year was the alliance revised for the second time?",
    ),
    "cloze": (
        {
            "before": "signed at Lansdowne House in ",
            "after": " on 30 January 1902",
            "answer": "London",
            "accepted": [],
        },
        "Fill in the missing word.",
    ),
    "match": (
        {
            "lefts": [
                {"id": "l1", "text": "First treaty"},
                {"id": "l2", "text": "Second treaty"},
                {"id": "l3", "text": "Third treaty"},
            ],
            "rights": [
                {"id": "r1", "text": "1902"},
                {"id": "r2", "text": "1905"},
                {"id": "r3", "text": "1911"},
            ],
            "key": {"l1": "r1", "l2": "r2", "l3": "r3"},
        },
        "Match each treaty with the year it was signed.",
    ),
    "order": (
        {
            "items": [
                {"id": "i1", "text": "The Entente Cordiale", "year": 1904},
                {"id": "i2", "text": "The first alliance treaty", "year": 1902},
                {"id": "i3", "text": "The Four-Power Treaty", "year": 1921},
                {"id": "i4", "text": "The Triple Intervention", "year": 1895},
            ],
            "key": ["i4", "i2", "i1", "i3"],
            "direction": "earliest first",
        },
        "Put these events in chronological order.",
    ),
}


def make_quiz(questions=(), *, owner=None, title="The 1902 treaty", **settings):
    """A quiz asking `questions` in this order (fixed, no shuffling unless asked)."""
    from ajquiz.quizzes.models import QuestionSet, Quiz, SetQuestion

    question_set = QuestionSet.objects.create(title=title, owner=owner)
    SetQuestion.objects.bulk_create(
        SetQuestion(question_set=question_set, question=question, position=position)
        for position, question in enumerate(questions)
    )
    settings = {"shuffle_questions": False, "shuffle_options": False, **settings}
    return Quiz.objects.create(title=title, question_set=question_set, owner=owner, **settings)


def make_attempt(quiz, user, *, now=None, seed=1):
    """Start an attempt through the domain (frozen slots, deadline) at `now`."""
    from django.utils import timezone

    from ajquiz.quizzes.attempts import start_attempt

    return start_attempt(quiz, user, now=now or timezone.now(), seed=seed)
