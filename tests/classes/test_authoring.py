"""Writing questions by hand: every kind, rich text, images with alt text, and editing (a new
version when the old one has been answered)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from ajquiz.classes import builder
from ajquiz.questions.grading import grade
from ajquiz.questions.models import Question
from ajquiz.quizzes.attempts import record_answer
from ajquiz.quizzes.models import Quiz
from tests.factories import make_attempt

pytestmark = pytest.mark.django_db

# kind -> (form data, expected payload, a right answer as answer_from_post gives it)
WRITTEN = {
    "mc": (
        {
            "option_1": "1900",
            "option_2": "1902",
            "option_feedback_2": "Signed on 30 January 1902.",
            "option_3": "1905",
            "correct": "2",
            "shuffle": "on",
        },
        {
            "options": [
                {"id": "a", "text": "1900", "correct": False, "feedback": ""},
                {
                    "id": "b",
                    "text": "1902",
                    "correct": True,
                    "feedback": "Signed on 30 January 1902.",
                },
                {"id": "c", "text": "1905", "correct": False, "feedback": ""},
            ],
            "shuffle": True,
        },
        "b",
    ),
    "mr": (
        {
            "option_1": "Japan",
            "option_right_1": "on",
            "option_2": "Italy",
            "option_3": "France",
            "option_right_3": "on",
        },
        {
            "options": [
                {"id": "a", "text": "Japan", "correct": True, "feedback": ""},
                {"id": "b", "text": "Italy", "correct": False, "feedback": ""},
                {"id": "c", "text": "France", "correct": True, "feedback": ""},
            ],
            "shuffle": False,
        },
        ["a", "c"],
    ),
    "tf": (
        {"answer": "false", "correction": "It was signed in London."},
        {"answer": False, "correction": "It was signed in London."},
        "false",
    ),
    "sa": (
        {"answer": "Hayashi Tadasu", "accepted": "Hayashi\n\nTadasu Hayashi\nHayashi"},
        {"answer": "Hayashi Tadasu", "accepted": ["Hayashi", "Tadasu Hayashi"]},
        "hayashi",
    ),
    "num": (
        {"answer": "1902", "tolerance": "1", "unit": "year"},
        {"answer": 1902, "tolerance": 1, "unit": "year"},
        "1903",
    ),
    "cloze": (
        {
            "before": "signed at Lansdowne House in ",
            "answer": "London",
            "after": " in 1902",
            "accepted": "",
        },
        {
            "answer": "London",
            "accepted": [],
            "before": "signed at Lansdowne House in ",
            "after": " in 1902",
        },
        "london",
    ),
    "match": (
        {
            "left_1": "First treaty",
            "right_1": "1902",
            "left_2": "Second treaty",
            "right_2": "1905",
            "left_3": "Third treaty",
            "right_3": "1911",
        },
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
        {"l1": "r1", "l2": "r2", "l3": "r3"},
    ),
    "order": (
        {
            "item_1": "Triple Intervention",
            "year_1": "1895",
            "item_2": "First treaty",
            "item_3": "Four-Power Treaty",
            "year_3": "1921",
            "direction": "earliest first",
        },
        {
            "items": [
                {"id": "i1", "text": "Triple Intervention", "year": 1895},
                {"id": "i2", "text": "First treaty"},
                {"id": "i3", "text": "Four-Power Treaty", "year": 1921},
            ],
            "key": ["i1", "i2", "i3"],
            "direction": "earliest first",
        },
        ["i1", "i2", "i3"],
    ),
}


@pytest.fixture
def question_set(teacher):
    return builder.new_set(owner=teacher, title="Written")[0]


@pytest.fixture
def logged_in(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def write(client, question_set, kind, data, **files):
    url = reverse("classes:write", args=[question_set.uid, kind])
    return client.post(url, {"stem": f"A {kind} question", **data, **files})


@pytest.mark.parametrize("kind", list(WRITTEN))
def test_each_kind_is_written_into_the_set_and_grades_its_key(
    logged_in, teacher, question_set, kind
):
    data, payload, right = WRITTEN[kind]
    response = write(logged_in, question_set, kind, data)
    assert response.status_code == 302, response.context["form"].errors
    question = Question.objects.get(set_entries__question_set=question_set)
    assert (question.kind, question.template, question.author) == (kind, None, teacher)
    assert question.payload == payload
    assert grade(question, right).fraction == 1.0


@pytest.mark.parametrize("kind", list(WRITTEN))
def test_each_kinds_form_shows_its_fields_again_when_editing(logged_in, question_set, kind):
    data, _payload, _right = WRITTEN[kind]
    write(logged_in, question_set, kind, data)
    question = Question.objects.get(set_entries__question_set=question_set)
    response = logged_in.get(reverse("classes:rewrite", args=[question_set.uid, question.uid]))
    form = response.context["form"]
    for name, value in data.items():
        shown = form[name].value()
        assert str(shown if shown is not True else "on") == value or name.startswith("accepted")


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("mc", {"option_1": "1902", "correct": "1"}, "option_2", "Write at least two answers."),
        (
            "mc",
            {"option_1": "1902", "option_2": "1905", "correct": "3"},
            "correct",
            "Answer 3 is empty: choose a written answer.",
        ),
        (
            "mc",
            {"option_1": "1902", "option_2": "1902", "correct": "1"},
            "option_2",
            "This answer repeats answer 1.",
        ),
        (
            "mc",
            {"option_1": "1902", "option_2": "1905"},
            "correct",
            "Choose which answer is right.",
        ),
        (
            "mc",
            {"option_1": "1902", "option_2": "1905", "option_feedback_4": "?", "correct": "1"},
            "option_4",
            "Write the answer this feedback is about.",
        ),
        (
            "mr",
            {"option_1": "Japan", "option_2": "Italy"},
            "__all__",
            "Mark at least one answer as right.",
        ),
        ("tf", {}, "answer", "Say whether the statement is true or false."),
        (
            "num",
            {"answer": "nineteen", "tolerance": "0"},
            "answer",
            "Write a whole number, for example 1902.",
        ),
        (
            "cloze",
            {"answer": "London"},
            "before",
            "Write the text around the blank (before it, after it, or both).",
        ),
        (
            "match",
            {"left_1": "A", "right_1": "1", "left_2": "B"},
            "right_2",
            "Fill in both sides of this pair, or neither.",
        ),
        (
            "order",
            {"item_1": "A", "item_2": "B"},
            "__all__",
            "Write at least three items, in the right order.",
        ),
    ],
)
def test_a_bad_question_is_explained_on_its_field_and_nothing_is_saved(
    logged_in, question_set, kind, data, field, message
):
    response = write(logged_in, question_set, kind, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert "the question was not saved" in response.content.decode()
    assert not Question.objects.filter(author__isnull=False).exists()


def test_an_unknown_kind_is_404(logged_in, question_set):
    url = reverse("classes:write", args=[question_set.uid, "essay"])
    assert logged_in.get(url).status_code == 404


def test_rich_text_keeps_simple_formatting_and_drops_scripts(logged_in, question_set):
    stem = 'Who signed for <b>Japan</b>?<script>alert(1)</script><a href="javascript:x">link</a>'
    response = logged_in.post(
        reverse("classes:write", args=[question_set.uid, "tf"]),
        {"stem": stem, "answer": "true"},
    )
    assert response.status_code == 302
    question = Question.objects.get(author__isnull=False)
    assert question.stem_html == "Who signed for <b>Japan</b>?link"
    assert question.stem == "Who signed for Japan?link"


def test_a_stem_of_markup_only_is_refused(logged_in, question_set):
    response = write(logged_in, question_set, "tf", {"answer": "true", "stem": "<p><br></p>"})
    assert response.context["form"].errors["stem"] == [
        "Write the question: it has no text once markup is removed."
    ]


def image_file(size=(2400, 1200), fmt="PNG", name="map.png", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def test_an_image_is_validated_scaled_down_and_needs_alt_text(logged_in, question_set):
    data = {"answer": "true"}
    refused = write(logged_in, question_set, "tf", data, image=image_file())
    assert refused.context["form"].errors["image_alt"] == [
        "Describe the image, so that students who cannot see it can answer."
    ]
    response = write(
        logged_in,
        question_set,
        "tf",
        {**data, "image_alt": "A map of East Asia in 1902"},
        image=image_file(fmt="JPEG", name="photo.jpeg"),
    )
    assert response.status_code == 302
    question = Question.objects.get(author__isnull=False)
    assert question.image.name == f"questions/{question.uid}/photo.jpg"
    with Image.open(question.image.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (1200, 600))
    assert question.image_alt == "A map of East Asia in 1902"


def test_a_file_that_is_not_an_image_is_refused(logged_in, question_set):
    fake = SimpleUploadedFile("map.png", b"not an image at all", content_type="image/png")
    response = write(
        logged_in, question_set, "tf", {"answer": "true", "image_alt": "x"}, image=fake
    )
    assert "image" in response.context["form"].errors
    assert not Question.objects.filter(author__isnull=False).exists()


def test_a_transparent_png_stays_a_png(logged_in, question_set):
    upload = image_file(size=(300, 200), mode="RGBA")
    write(logged_in, question_set, "tf", {"answer": "true", "image_alt": "A seal"}, image=upload)
    question = Question.objects.get(author__isnull=False)
    with Image.open(question.image.path) as stored:
        assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (300, 200))


def rewrite(client, question_set, question, data):
    url = reverse("classes:rewrite", args=[question_set.uid, question.uid])
    return client.post(url, {"stem": question.stem, **data})


def test_editing_an_unanswered_question_changes_it_in_place(logged_in, question_set):
    write(logged_in, question_set, "tf", {"answer": "true"})
    question = Question.objects.get(author__isnull=False)
    rewrite(logged_in, question_set, question, {"answer": "false", "stem": "Changed"})
    question.refresh_from_db()
    assert (question.stem, question.payload["answer"]) == ("Changed", False)
    assert Question.objects.filter(author__isnull=False).count() == 1


def test_editing_an_answered_question_makes_a_new_version_in_its_place(
    logged_in, question_set, student
):
    write(logged_in, question_set, "tf", {"answer": "true"})
    old = Question.objects.get(author__isnull=False)
    quiz = Quiz.objects.get(question_set=question_set)
    quiz.is_public = True
    quiz.save()
    attempt = make_attempt(quiz, student)
    record_answer(attempt, 0, "true", now=attempt.started_at)
    response = rewrite(logged_in, question_set, old, {"answer": "false", "stem": "Changed"})
    assert response.status_code == 302
    old.refresh_from_db()
    assert (old.stem, old.payload["answer"]) == ("A tf question", True)
    new = question_set.fixed.get().question
    assert new.pk != old.pk
    assert (new.stem, new.payload["answer"]) == ("Changed", False)


def test_clearing_the_image_removes_it_and_its_alt_text(logged_in, question_set):
    write(
        logged_in,
        question_set,
        "tf",
        {"answer": "true", "image_alt": "A map"},
        image=image_file(size=(50, 50)),
    )
    question = Question.objects.get(author__isnull=False)
    rewrite(logged_in, question_set, question, {"answer": "true", "image-clear": "on"})
    question.refresh_from_db()
    assert (question.image.name, question.image_alt) == ("", "")


def test_generated_questions_cannot_be_edited_through_the_builder(logged_in, question_set, bank):
    generated = Question.objects.current().generated().first()
    builder.add_fixed(question_set, generated)
    url = reverse("classes:rewrite", args=[question_set.uid, generated.uid])
    assert logged_in.get(url).status_code == 404


def test_a_written_question_names_the_facts_it_tests_and_cites_their_passages(
    logged_in, question_set, content, student
):
    from ajquiz.content.models import Fact

    place, signer = Fact.objects.order_by("slug")[:2]
    address = f"http://testserver{place.get_absolute_url()}"
    response = write(
        logged_in, question_set, "tf", {"answer": "true", "facts": f"{address}\n\n{signer.slug}\n"}
    )
    assert response.status_code == 302, response.context["form"].errors
    question = Question.objects.get(author__isnull=False)
    assert set(question.facts.all()) == {place, signer}
    edit = logged_in.get(reverse("classes:rewrite", args=[question_set.uid, question.uid]))
    assert "\n".join(sorted([place.slug, signer.slug])) in edit.content.decode()
    # The student's feedback cites the source passage, as for a generated question.
    quiz = Quiz.objects.get(question_set=question_set)
    quiz.is_public, quiz.feedback_mode = True, Quiz.FeedbackMode.IMMEDIATE
    quiz.save()
    attempt = make_attempt(quiz, student)
    logged_in.force_login(student)
    checked = logged_in.post(
        reverse("quizzes:answer", args=[attempt.uid, 1]), {"s1": "true"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert escape(place.quote) in checked and escape(signer.quote) in checked


def test_an_unknown_fact_is_named_by_its_line_and_nothing_is_saved(
    logged_in, question_set, content
):
    from ajquiz.content.models import Fact

    known = Fact.objects.order_by("slug").first()
    response = write(
        logged_in, question_set, "tf", {"answer": "true", "facts": f"{known.slug}\nno-such-fact"}
    )
    assert response.status_code == 200
    assert "line 2: “no-such-fact”" in response.content.decode()
    assert not Question.objects.filter(author__isnull=False).exists()


def test_editing_can_unlink_every_fact(logged_in, question_set, content):
    from ajquiz.content.models import Fact

    fact = Fact.objects.order_by("slug").first()
    write(logged_in, question_set, "tf", {"answer": "true", "facts": fact.slug})
    question = Question.objects.get(author__isnull=False)
    assert list(question.facts.all()) == [fact]
    rewrite(logged_in, question_set, question, {"answer": "true", "facts": ""})
    assert not question.facts.exists()
