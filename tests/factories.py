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


# study and progress: hand-made facts in a small source, decks and card histories.

STUDY_SOURCE_TEXT = (
    "The treaty was signed at Lansdowne House in London on 30 January 1902. "
    "It was signed by Lord Lansdowne for Britain and by Hayashi Tadasu for Japan. "
    "The alliance was renewed in 1905 and again in 1911, and it ended in 1923."
)


def make_source(slug: str = "study-test-source", text: str = STUDY_SOURCE_TEXT, **fields):
    from ajquiz.content.models import Source

    defaults = {
        "file_name": f"zz-{slug}.md",
        "title": "A study test source",
        "kind": "encyclopedia",
    }
    source, _ = Source.objects.get_or_create(
        slug=slug, defaults={**defaults, "text": text, **fields}
    )
    return source


def make_entity(slug: str, name: str | None = None, kind: str = "person", **fields):
    from ajquiz.content.models import Entity

    entity, _ = Entity.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.replace("-", " ").title(), "kind": kind, **fields}
    )
    return entity


def make_fact(slug: str, quote: str, *, source=None, subject=None, predicate="signed_by", **fields):
    """A fact anchored to the first occurrence of `quote` in the source."""
    from ajquiz.content.models import Fact

    source = source or make_source()
    start = source.text.index(quote)
    subject = subject or make_entity("study-test-treaty", "The test treaty", "treaty")
    fields.setdefault("statement", f"Statement of {slug}.")
    return Fact.objects.create(
        slug=slug,
        subject=subject,
        predicate=predicate,
        source=source,
        quote=quote,
        start=start,
        end=start + len(quote),
        **fields,
    )


def make_study_facts() -> dict:
    """Six facts of STUDY_SOURCE_TEXT; 'place' and 'date' overlap (siblings), 'lansdowne' and
    'hayashi' share subject and predicate (so their question form is ambiguous)."""
    from datetime import date

    place = make_entity("study-lansdowne-house", "Lansdowne House", "place")
    lansdowne = make_entity(
        "study-lord-lansdowne", "Lord Lansdowne", "person", aliases=["Lansdowne"]
    )
    hayashi = make_entity("study-hayashi", "Hayashi Tadasu", "person", aliases=["Hayashi"])
    return {
        "place": make_fact(
            "study-place",
            "signed at Lansdowne House in London",
            predicate="took_place_in",
            object_entity=place,
        ),
        "date": make_fact(
            "study-date",
            "signed at Lansdowne House in London on 30 January 1902",
            predicate="signed_on",
            object_date=date(1902, 1, 30),
            date_precision="day",
        ),
        "lansdowne": make_fact(
            "study-lansdowne",
            "It was signed by Lord Lansdowne for Britain",
            object_entity=lansdowne,
        ),
        "hayashi": make_fact(
            "study-hayashi", "and by Hayashi Tadasu for Japan", object_entity=hayashi
        ),
        "renewed": make_fact(
            "study-renewed",
            "The alliance was renewed in 1905",
            predicate="renewed_on",
            object_date=date(1905, 1, 1),
            date_precision="year",
        ),
        "ended": make_fact(
            "study-ended",
            "and it ended in 1923",
            predicate="ended_on",
            object_date=date(1923, 1, 1),
            date_precision="year",
        ),
    }


def make_facts_deck(user, facts, *, key: str = "test:deck", name: str = "Test deck"):
    """A deck of `facts` on `user`'s study list."""
    from ajquiz.study.models import Deck, StudyListEntry

    deck = Deck.objects.for_facts(key=key, name=name, facts=facts)
    StudyListEntry.objects.get_or_create(user=user, deck=deck)
    return deck


def make_card(user, fact, *, now, stability=10.0, difficulty=5.0, due=None, state=2, **fields):
    """A card in Review state last reviewed at `now` unless told otherwise."""
    from ajquiz.study.models import Card

    fields.setdefault("last_review", now)
    fields.setdefault("reps", 3)
    return Card.objects.create(
        user=user,
        fact=fact,
        state=state,
        step=None if state == 2 else 0,
        stability=stability,
        difficulty=difficulty,
        due=due or now,
        created_at=fields.pop("created_at", now),
        **fields,
    )


def make_log(card, *, at, rating=3, state_before=2, state_after=2, **fields):
    from ajquiz.study.models import ReviewLog

    return ReviewLog.objects.create(
        user_id=card.user_id,
        card=card,
        rating=rating,
        reviewed_at=at,
        state_before=state_before,
        state_after=state_after,
        stability_after=fields.pop("stability_after", card.stability or 1.0),
        difficulty_after=fields.pop("difficulty_after", card.difficulty or 5.0),
        due_after=fields.pop("due_after", card.due),
        **fields,
    )
