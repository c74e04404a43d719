"""Which questions an attempt asks and in what order, frozen at its start."""

from __future__ import annotations

import random

import pytest

from ajquiz.classes.builder import matching_questions
from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question
from ajquiz.quizzes.assembly import assemble_slots, rule_filters, scrambled
from ajquiz.quizzes.models import DrawRule, QuestionSet, SetQuestion
from ajquiz.quizzes.practice import practice_quiz
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


def test_fixed_questions_keep_the_sets_order_without_shuffling(student, now):
    questions = [make_question(kind) for kind in ("tf", "mc", "num")]
    attempt = make_attempt(make_quiz(questions), student, now=now)
    assert [slot["question"] for slot in attempt.slots] == [q.pk for q in questions]
    assert attempt.slots[1]["options"] == ["a", "b", "c", "d"]


def test_shuffled_options_are_frozen_per_attempt_and_repeatable_for_a_seed(student, now):
    quiz = make_quiz([make_question("mr")], shuffle_options=True)
    slots = assemble_slots(quiz.question_set, seed=7, shuffle_questions=False, shuffle_options=True)
    again = assemble_slots(quiz.question_set, seed=7, shuffle_questions=False, shuffle_options=True)
    assert slots == again
    assert sorted(slots[0]["options"]) == ["a", "b", "c", "d", "e"]
    orders = {
        tuple(
            assemble_slots(
                quiz.question_set, seed=seed, shuffle_questions=False, shuffle_options=True
            )[0]["options"]
        )
        for seed in range(20)
    }
    assert len(orders) > 1


def test_options_a_template_lists_in_order_are_never_shuffled():
    question = make_question("mc")  # its payload says "shuffle": false (years in order)
    quiz = make_quiz([question])
    for seed in range(10):
        slots = assemble_slots(
            quiz.question_set, seed=seed, shuffle_questions=False, shuffle_options=True
        )
        assert slots[0]["options"] == ["a", "b", "c", "d"]


def test_ordering_items_never_start_in_the_right_order():
    key = ["i4", "i2", "i1", "i3"]
    for seed in range(200):
        items = scrambled(key, random.Random(seed))
        assert sorted(items) == sorted(key)
        assert items != key
    assert scrambled(["only"], random.Random(1)) == ["only"]


def test_draws_and_fixed_questions_merge_by_position_without_repeats(own_bank):
    topic = Topic.objects.get(slug=Topic.objects.filter(facts__isnull=False).first().slug)
    facts = list(Fact.objects.for_topic(topic).order_by("pk")[:6])
    drawn = [make_question("tf", facts=[fact]) for fact in facts]
    fixed_first = make_question("mc")
    fixed_last = make_question("num")
    question_set = QuestionSet.objects.create(title="Mixed")
    SetQuestion.objects.create(question_set=question_set, question=fixed_first, position=0)
    SetQuestion.objects.create(question_set=question_set, question=drawn[0], position=5)
    SetQuestion.objects.create(question_set=question_set, question=fixed_last, position=9)
    rule = DrawRule.objects.create(question_set=question_set, position=5, count=10, kinds=["tf"])
    rule.topics.set([topic])
    slots = assemble_slots(question_set, seed=3, shuffle_questions=False, shuffle_options=False)
    ids = [slot["question"] for slot in slots]
    assert ids[0] == fixed_first.pk
    assert ids[1] == drawn[0].pk  # a fixed question before a draw at the same position
    assert ids[-1] == fixed_last.pk
    assert sorted(ids[2:-1]) == sorted(q.pk for q in drawn[1:])  # every other tf, once
    assert len(ids) == len(set(ids))


def test_a_draw_on_a_topic_takes_questions_on_its_subtopics(own_bank):
    parent = Topic.objects.filter(children__facts__isnull=False).first()
    child_fact = Fact.objects.filter(topics__parent=parent).exclude(topics=parent).first()
    assert child_fact is not None
    elsewhere = Fact.objects.exclude(topics__in=[parent, *parent.children.all()]).first()
    on_child = make_question("tf", facts=[child_fact])
    make_question("tf", facts=[elsewhere])
    question_set = QuestionSet.objects.create(title="Parent topic")
    DrawRule.objects.create(question_set=question_set, count=5).topics.set([parent])
    slots = assemble_slots(question_set, seed=1, shuffle_questions=False, shuffle_options=False)
    assert [slot["question"] for slot in slots] == [on_child.pk]


def test_every_rules_topics_sources_and_facts_are_read_in_one_query(
    content, django_assert_num_queries
):
    parent = Topic.objects.filter(children__isnull=False).first()
    leaf = Topic.objects.filter(children__isnull=True).first()
    source = Source.objects.first()
    facts = list(Fact.objects.order_by("pk")[:2])
    question_set = QuestionSet.objects.create(title="Three rules")
    by_topic = DrawRule.objects.create(question_set=question_set, count=1)
    by_topic.topics.set([parent, leaf])
    by_source = DrawRule.objects.create(question_set=question_set, count=1)
    by_source.sources.set([source])
    by_fact = DrawRule.objects.create(question_set=question_set, count=1)
    by_fact.facts.set(facts)
    rules = list(question_set.draws.all())
    with django_assert_num_queries(1):
        filters = rule_filters(rules)
    subtopics = list(parent.children.values_list("pk", flat=True))
    assert sorted(filters[by_topic.pk]["topics"]) == sorted([parent.pk, leaf.pk, *subtopics])
    assert filters[by_topic.pk]["sources"] == filters[by_topic.pk]["facts"] == []
    assert filters[by_source.pk] == {"topics": [], "sources": [source.pk], "facts": []}
    assert filters[by_fact.pk]["topics"] == filters[by_fact.pk]["sources"] == []
    assert sorted(filters[by_fact.pk]["facts"]) == [fact.pk for fact in facts]


def test_a_practice_quiz_draws_ten_questions_of_mixed_kinds(own_bank, student, now):
    topic = Topic.objects.filter(facts__isnull=False).first()
    facts = list(Fact.objects.for_topic(topic).order_by("pk")[:16])
    for index, fact in enumerate(facts):
        make_question(["mc", "tf", "sa", "num"][index % 4], facts=[fact])
    quiz = practice_quiz(topic=topic)
    assert practice_quiz(topic=topic) == quiz
    attempt = make_attempt(quiz, student, now=now, seed=11)
    assert len(attempt.slots) == 10
    drawn = Question.objects.filter(pk__in=[slot["question"] for slot in attempt.slots])
    assert {question.kind for question in drawn} == {"mc", "tf", "sa", "num"}
    assert {fact.pk for question in drawn for fact in question.facts.all()} <= {
        fact.pk for fact in facts
    }


def test_a_draw_never_picks_a_question_someone_wrote(own_bank, teacher, other_teacher):
    """A teacher's own (hand-written or imported) questions are theirs: another teacher's draw,
    even one with no filters, cannot put them in front of other students."""
    fact = Fact.objects.order_by("pk").first()
    shared = [make_question("tf", facts=[fact]), make_question("tf")]
    written = [
        make_question("tf", author=other_teacher),
        make_question("tf", author=other_teacher, facts=[fact]),
    ]
    question_set = QuestionSet.objects.create(title="Anything", owner=teacher)
    DrawRule.objects.create(question_set=question_set, count=4)
    on_fact = DrawRule.objects.create(question_set=question_set, count=4)
    on_fact.facts.set([fact])
    drawn = {
        slot["question"]
        for seed in range(10)
        for slot in assemble_slots(
            question_set, seed=seed, shuffle_questions=False, shuffle_options=False
        )
    }
    assert drawn == {question.pk for question in shared}
    assert not drawn & {question.pk for question in written}
    assert set(matching_questions()) == set(shared)
