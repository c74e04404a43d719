from __future__ import annotations

import random
from collections import defaultdict

import pytest
from django.db.models import Count

from ajquiz.content.models import Fact, QuestionTemplate
from ajquiz.questions.bank import refresh_bank
from ajquiz.questions.claims import COLLECTIVE_KINDS, COLLECTIVE_PREDICATES, names_its_answer
from ajquiz.questions.distractors import DESCRIBING, same_predicate_choices
from ajquiz.questions.models import Question
from ajquiz.questions.phrasing import echoes_a_name
from ajquiz.questions.store import FactStore

pytestmark = pytest.mark.django_db
Kind = QuestionTemplate.Kind


def test_the_bank_has_every_kind_and_at_least_forty_templates(bank):
    assert QuestionTemplate.objects.filter(active=True).count() >= 40
    kinds = set(Question.objects.current().values_list("kind", flat=True))
    assert kinds == set(Kind.values)


def test_every_predicate_used_by_five_facts_has_a_template(bank):
    busy = {
        row["predicate"]
        for row in Fact.objects.values("predicate").annotate(n=Count("id")).filter(n__gte=5)
    }
    covered = set(
        QuestionTemplate.objects.exclude(predicate="").values_list("predicate", flat=True)
    )
    assert busy - covered == set()


def test_every_fact_appears_in_at_least_two_kinds_of_question(bank):
    """Save three sorts of fact:

    - what a country or organisation joined, signed or fought (claims.COLLECTIVE_PREDICATES):
      the sources never list all of it, so it is asked by no question with wrong options, only
      by its cloze or by that of a fact whose quote holds its own;
    - an object named after its subject (Japan, the Anglo-Japanese Alliance), which no choice
      question asks, where the name would point to the key (phrasing.points_to_key);
    - a count or year the subject's name holds ("the Four-Power Treaty": 4 powers; "DSEI Japan
      2019" began in 2019), asked by its cloze only (claims.names_its_answer);
    - a description with too few wrong options said of its subject's kind
      (distractors.DESCRIBING): "Japan was ascendant" beside "also hosted on Apple, Google and
      Spotify" was no question;
    - a few facts with no false version of their own age and subject (distractors.swap_choices),
      or no wrong options that echo the stem's names as the key does (phrasing.points_to_key).
    """
    kinds = defaultdict(set)
    for question_kind, fact_slug in Question.objects.current().values_list("kind", "facts__slug"):
        kinds[fact_slug].add(question_kind)
    facts = list(Fact.objects.select_related("subject", "object_entity"))
    collective = {
        fact.slug
        for fact in facts
        if fact.predicate in COLLECTIVE_PREDICATES
        and (
            fact.subject.kind in COLLECTIVE_KINDS
            or (fact.object_entity and fact.object_entity.kind in COLLECTIVE_KINDS)
        )
    }
    named_after_subject = {
        fact.slug
        for fact in facts
        if fact.object_entity
        and (
            echoes_a_name(fact.object_display, fact.subject.name)
            or echoes_a_name(fact.subject.name, fact.object_display)
        )
    }
    store = FactStore.load()
    counted_in_name = {view.slug for view in store.facts if names_its_answer(view)}
    undescribable = {
        view.slug
        for view in store.facts
        if view.predicate in DESCRIBING
        and len(same_predicate_choices(view, store, random.Random(0), 3)) < 3
    }
    asked = [fact for fact in facts if kinds[fact.slug]]

    def inside_an_asked_quote(fact):
        return any(
            other.source_id == fact.source_id and other.start <= fact.start < fact.end <= other.end
            for other in asked
        )

    assert [
        fact.slug for fact in facts if not kinds[fact.slug] and fact.slug not in collective
    ] == []
    # A collective fact with no cloze of its own ("Canada took part in Operation NEON") is a
    # flashcard only.
    unasked = [
        fact.slug for fact in facts if not kinds[fact.slug] and not inside_an_asked_quote(fact)
    ]
    assert len(unasked) <= 3, unasked
    in_one_kind = sorted(
        fact.slug
        for fact in facts
        if len(kinds[fact.slug]) < 2
        and fact.slug not in collective | named_after_subject | counted_in_name | undescribable
    )
    # 34 of 1,242 facts: no false version nor wrong options of their own age and kind of
    # subject ("the purpose of the Reciprocal Access Agreement" beside purposes of 1900), and
    # no options without one a name of the stem points to ("an outcome of Laxman's mission" –
    # "the Japanese suggested that Laxman leave" beside three options naming neither).
    assert len(in_one_kind) <= 35, in_one_kind
    assert len([slug for slug in named_after_subject if len(kinds[slug]) < 2]) <= 15


def test_refreshing_an_unchanged_store_changes_nothing(bank):
    before = set(Question.objects.current().values_list("pk", flat=True))
    report = refresh_bank()
    assert report.created == 0
    assert report.stale == 0
    assert set(Question.objects.current().values_list("pk", flat=True)) == before


def test_a_changed_fact_retires_its_questions_and_keeps_the_old_version(bank):
    fact = Fact.objects.get(slug="aja1-treaty-1902-signed-by-lansdowne")
    old = list(Question.objects.current().filter(facts=fact))
    assert old
    old_payloads = {question.pk: question.payload for question in old}
    Fact.objects.filter(pk=fact.pk).update(
        statement="Lansdowne signed the 1902 treaty for Britain."
    )
    report = refresh_bank()
    assert report.stale >= len(old)
    for question in old:
        question.refresh_from_db()
        assert question.is_stale
        assert question.payload == old_payloads[question.pk]  # what a past attempt saw
    fresh = Question.objects.current().filter(facts=fact)
    assert fresh.exists()
    assert not set(fresh.values_list("pk", flat=True)) & set(old_payloads)


def test_questions_store_a_content_hash_of_what_they_show(bank):
    question = Question.objects.current().first()
    assert question.content_hash == question.compute_content_hash()
    assert len(question.content_hash) == 64
