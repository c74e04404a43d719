"""The question-set builder: sets and their quizzes, generated questions from the bank, random
draws, reordering and removing entries, the preview, and the quiz settings."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ajquiz.classes import builder
from ajquiz.content.models import Fact, Topic
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import Attempt, DrawRule, QuestionSet, Quiz, SetQuestion
from tests.factories import make_question

pytestmark = pytest.mark.django_db

KINDS = ["mc", "mr", "tf", "sa", "num", "cloze", "match", "order"]


@pytest.fixture
def question_set(teacher):
    question_set, _ = builder.new_set(owner=teacher, title="Origins")
    return question_set


@pytest.fixture
def logged_in(client, teacher):
    client.force_login(teacher)
    return client


def set_url(name, question_set, *args):
    return reverse(f"classes:{name}", args=[question_set.uid, *args])


def test_creating_a_set_makes_its_private_quiz(logged_in, teacher):
    response = logged_in.post(reverse("classes:sets"), {"title": "Renewals", "description": ""})
    question_set = QuestionSet.objects.get(owner=teacher)
    assert response["Location"] == set_url("set", question_set)
    quiz = Quiz.objects.get(question_set=question_set)
    assert (quiz.title, quiz.owner, quiz.is_public) == ("Renewals", teacher, False)


def test_renaming_the_set_renames_its_quiz(logged_in, question_set):
    logged_in.post(set_url("set_edit", question_set), {"title": "Origins, 1894–1902"})
    assert Quiz.objects.get(question_set=question_set).title == "Origins, 1894–1902"


def test_the_bank_filters_generated_questions_by_topic_and_kind(
    logged_in, question_set, bank, django_assert_max_num_queries
):
    topic = Topic.objects.get(slug="treaty-1902")
    # Session, user, roles, set, filter (2), facts, count, page, its facts, set entries,
    # and the form's topic and source choices: 13 whatever the page size.
    with django_assert_max_num_queries(13):
        response = logged_in.get(set_url("bank", question_set), {"topic": topic.slug, "kind": "tf"})
    page = response.context["page"]
    expected = builder.generated_questions(topic=topic, kind="tf")
    assert page.paginator.count == expected.count() > 0
    assert {question.kind for question, _key in response.context["rows"]} == {"tf"}
    assert all(question.template_id for question, _key in response.context["rows"])


def test_adding_a_generated_question_with_htmx_swaps_in_a_confirmation(
    logged_in, question_set, bank, htmx
):
    question = Question.objects.current().generated().first()
    url = set_url("add_question", question_set)
    response = logged_in.post(url, {"question": question.uid}, **htmx)
    body = response.content.decode()
    assert "<html" not in body
    assert "✓ Added to the set." in body and "data-focus-after-swap" in body
    assert 'id="bank-status" hx-swap-oob="innerHTML"' in body
    again = logged_in.post(url, {"question": question.uid}, **htmx)
    assert "Already in the set." in again.content.decode()
    assert list(question_set.fixed.values_list("question", "position")) == [(question.pk, 0)]


def test_adding_without_javascript_returns_to_the_same_bank_page(logged_in, question_set, bank):
    question = Question.objects.current().generated().first()
    back = set_url("bank", question_set) + "?kind=mc&page=2"
    response = logged_in.post(
        set_url("add_question", question_set), {"question": question.uid, "next": back}
    )
    assert response["Location"] == back
    evil = logged_in.post(
        set_url("add_question", question_set),
        {"question": question.uid, "next": "https://evil.example/"},
    )
    assert evil["Location"] == set_url("bank", question_set)


def test_another_teachers_own_question_cannot_be_added_by_its_id(
    logged_in, question_set, teacher, other_teacher
):
    theirs = make_question("tf", author=other_teacher)
    mine = make_question("tf", author=teacher)
    url = set_url("add_question", question_set)
    assert logged_in.post(url, {"question": theirs.uid}).status_code == 404
    assert logged_in.post(url, {"question": mine.uid}).status_code == 302
    assert list(question_set.fixed.values_list("question", flat=True)) == [mine.pk]


def test_a_random_draw_is_saved_with_its_filters(logged_in, question_set, bank):
    topic = Topic.objects.get(slug="treaty-1902")
    response = logged_in.post(
        set_url("add_draw", question_set),
        {"count": 3, "topics": [topic.slug], "kinds": ["tf", "mc"]},
    )
    assert response["Location"] == set_url("set", question_set)
    rule = DrawRule.objects.get(question_set=question_set)
    assert (rule.count, rule.kinds, list(rule.topics.all())) == (3, ["mc", "tf"], [topic])


def test_a_draw_of_more_questions_than_match_is_refused_with_the_number(
    logged_in, question_set, bank
):
    fact = Fact.objects.filter(questions__kind="tf").first()
    available = builder.matching_questions(facts=[fact], kinds=["tf"]).count()
    response = logged_in.post(
        set_url("add_draw", question_set),
        {"count": available + 1, "facts": [fact.slug], "kinds": ["tf"]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["count"] == [
        f"Only {available} question{'s' if available != 1 else ''} match these choices: "
        "draw fewer, or widen the choice."
    ]
    assert not DrawRule.objects.exists()


def test_a_draw_matching_nothing_is_refused(logged_in, question_set, own_bank_only):
    response = logged_in.post(set_url("add_draw", question_set), {"count": 1, "kinds": ["order"]})
    assert response.context["form"].non_field_errors() == [
        "No question matches these choices: tick fewer filters or other ones."
    ]


@pytest.fixture
def own_bank_only(db):
    Question.objects.update(is_stale=True)


def test_finding_facts_lists_them_to_tick_without_errors(logged_in, question_set, bank):
    response = logged_in.get(set_url("add_draw", question_set), {"fact_search": "Lansdowne House"})
    assert response.status_code == 200
    facts = response.context["facts"]
    assert facts and all("lansdowne house" in fact.statement.lower() for fact in facts)
    assert not response.context["form"].errors
    assert 'name="facts"' in response.content.decode()


def test_the_live_count_says_how_many_questions_match(logged_in, question_set, bank, htmx):
    topic = Topic.objects.get(slug="revisions")
    expected = builder.matching_questions(topics=[topic], kinds=["mc"]).count()
    response = logged_in.get(
        set_url("draw_count", question_set), {"topics": topic.slug, "kinds": "mc"}, **htmx
    )
    assert response.content.decode().strip() == f"{expected} questions match these choices."


def make_entries(question_set):
    first, second = make_question("mc", stem="First"), make_question("tf", stem="Second")
    builder.add_fixed(question_set, first)
    rule = builder.add_draw(question_set, count=2, kinds=["tf"], topics=[], sources=[], facts=[])
    builder.add_fixed(question_set, second)
    return first, rule, second


def order_of(question_set):
    return [
        entry.fixed.question.stem if entry.fixed else f"draw of {entry.draw.count}"
        for entry in builder.entries_of(question_set)
    ]


def test_entries_move_up_and_down_and_are_numbered_by_question(logged_in, question_set):
    first, rule, second = make_entries(question_set)
    assert [(e.first, e.last) for e in builder.entries_of(question_set)] == [(1, 1), (2, 3), (4, 4)]
    logged_in.post(
        set_url("move_entry", question_set), {"entry": f"q-{second.uid}", "direction": "up"}
    )
    assert order_of(question_set) == ["First", "Second", "draw of 2"]
    logged_in.post(
        set_url("move_entry", question_set), {"entry": f"q-{first.uid}", "direction": "down"}
    )
    assert order_of(question_set) == ["Second", "First", "draw of 2"]
    rule.refresh_from_db()
    assert list(SetQuestion.objects.order_by("position").values_list("question", "position")) == [
        (second.pk, 0),
        (first.pk, 1),
    ]
    assert rule.position == 2


def test_moving_with_htmx_returns_the_list_with_focus_and_an_announcement(
    logged_in, question_set, htmx
):
    first, _rule, _second = make_entries(question_set)
    response = logged_in.post(
        set_url("move_entry", question_set),
        {"entry": f"q-{first.uid}", "direction": "down"},
        **htmx,
    )
    body = response.content.decode()
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]
    assert "Moved down: now 2 of 3." in body
    focused = re.search(r"<button[^>]*data-focus-after-swap[^>]*>", body).group(0)
    assert f'id="down-q-{first.uid}"' in focused
    # At the bottom the Move down button is disabled: focus goes to Move up instead.
    logged_in.post(
        set_url("move_entry", question_set), {"entry": f"q-{first.uid}", "direction": "down"}
    )
    last = logged_in.post(
        set_url("move_entry", question_set),
        {"entry": f"q-{first.uid}", "direction": "down"},
        **htmx,
    ).content.decode()
    assert f'id="up-q-{first.uid}"' in re.search(
        r"<button[^>]*data-focus-after-swap[^>]*>", last
    ).group(0)


def test_removing_an_entry_renumbers_the_rest(logged_in, question_set):
    _first, rule, _second = make_entries(question_set)
    response = logged_in.post(set_url("remove_entry", question_set), {"entry": f"d-{rule.pk}"})
    assert response["Location"] == set_url("set", question_set)
    assert not DrawRule.objects.exists()
    assert list(question_set.fixed.values_list("question__stem", "position")) == [
        ("First", 0),
        ("Second", 1),
    ]


def test_a_draw_of_another_set_cannot_be_removed_through_this_one(logged_in, question_set, teacher):
    other_set, _ = builder.new_set(owner=teacher, title="Other")
    _first, rule, _second = make_entries(other_set)
    logged_in.post(set_url("remove_entry", question_set), {"entry": f"d-{rule.pk}"})
    assert DrawRule.objects.filter(pk=rule.pk).exists()


def test_the_preview_shows_every_kind_as_a_student_sees_it_and_saves_nothing(
    logged_in, question_set
):
    for kind in KINDS:
        builder.add_fixed(question_set, make_question(kind))
    response = logged_in.get(set_url("preview", question_set), {"seed": "7"})
    assert response.status_code == 200
    assert [slot.question.kind for slot in response.context["slots"]] == KINDS
    body = response.content.decode()
    assert body.count('class="teacher-key"') == 8
    assert 'name="s8-i1"' in body  # the ordering question's position selects
    assert not Attempt.objects.exists()


def test_quiz_settings_are_saved_with_the_time_limit_in_minutes(logged_in, question_set):
    quiz = Quiz.objects.get(question_set=question_set)
    data = {
        "title": "Origins quiz",
        "time_limit_minutes": "20",
        "attempts_allowed": "2",
        "grading_method": "first",
        "feedback_mode": "immediate",
        "layout": "all",
        "review_timing": "immediately",
        "pass_mark": "60",
    }
    response = logged_in.post(reverse("classes:quiz_settings", args=[quiz.uid]), data)
    assert response["Location"] == set_url("set", question_set)
    quiz.refresh_from_db()
    assert (quiz.title, quiz.time_limit.total_seconds(), quiz.attempts_allowed) == (
        "Origins quiz",
        1200,
        2,
    )
    assert (quiz.grading_method, quiz.shuffle_questions, quiz.pass_mark) == ("first", False, 60)


def test_quiz_settings_explain_impossible_dates(logged_in, question_set):
    quiz = Quiz.objects.get(question_set=question_set)
    data = {
        "title": "Origins",
        "opens_at": "2026-05-02T10:00",
        "closes_at": "2026-05-01T10:00",
        "attempts_allowed": "0",
        "grading_method": "highest",
        "feedback_mode": "deferred",
        "layout": "one",
        "review_timing": "after_close",
    }
    response = logged_in.post(reverse("classes:quiz_settings", args=[quiz.uid]), data)
    assert response.context["form"].errors["closes_at"] == ["The quiz must close after it opens."]
    data["closes_at"] = ""
    response = logged_in.post(reverse("classes:quiz_settings", args=[quiz.uid]), data)
    assert response.context["form"].errors["review_timing"] == [
        "Reviews after closing need a closing date."
    ]


def test_an_attempt_asks_the_set_in_the_builders_order(question_set, student, own_bank_only):
    from tests.factories import make_attempt

    make_entries(question_set)
    drawn = [make_question("tf", stem=f"Drawn {n}") for n in range(2)]
    quiz = Quiz.objects.get(question_set=question_set)
    quiz.is_public = True
    quiz.save()
    attempt = make_attempt(quiz, student)
    stems = list(
        Question.objects.filter(pk__in=[s["question"] for s in attempt.slots]).values_list(
            "pk", "stem"
        )
    )
    by_pk = dict(stems)
    order = [by_pk[slot["question"]] for slot in attempt.slots]
    assert order[0] == "First" and order[-1] == "Second"
    assert sorted(order[1:3]) == sorted(question.stem for question in drawn)


def test_the_set_page_offers_exports_that_download_its_questions(logged_in, question_set):
    from ajquiz.quizzes.models import SetQuestion

    SetQuestion.objects.create(question_set=question_set, question=make_question("mc"), position=0)
    html = logged_in.get(set_url("set", question_set)).content.decode()
    gift = f"{reverse('interop:export_questions')}?scope=set:{question_set.uid}&amp;format=gift"
    assert gift in html
    response = logged_in.get(gift.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "In which year was the first Anglo-Japanese alliance treaty signed?" in (
        response.content.decode()
    )
