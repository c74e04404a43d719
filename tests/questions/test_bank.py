from __future__ import annotations

from collections import defaultdict

import pytest
from django.db.models import Count, Q

from ajquiz.content.models import Fact, QuestionTemplate
from ajquiz.questions.bank import refresh_bank
from ajquiz.questions.claims import COLLECTIVE_KINDS, COLLECTIVE_PREDICATES
from ajquiz.questions.models import Question
from ajquiz.questions.phrasing import echoes_a_name

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
    """Save what a country or organisation joined, signed or fought, which is not asked true or
    false (claims.COLLECTIVE_PREDICATES), and an object named after its subject: those need one
    kind at least."""
    kinds = defaultdict(set)
    for question_kind, fact_slug in Question.objects.current().values_list("kind", "facts__slug"):
        kinds[fact_slug].add(question_kind)
    collective = set(
        Fact.objects.filter(predicate__in=COLLECTIVE_PREDICATES)
        .filter(Q(subject__kind__in=COLLECTIVE_KINDS) | Q(object_entity__kind__in=COLLECTIVE_KINDS))
        .values_list("slug", flat=True)
    )
    # An object named after its subject (Japan, the Anglo-Japanese Alliance) is not asked by
    # choice, where the name would point to the key (phrasing.points_to_key).
    named_after_subject = {
        fact.slug
        for fact in Fact.objects.select_related("subject", "object_entity")
        if fact.object_entity
        and (
            echoes_a_name(fact.object_display, fact.subject.name)
            or echoes_a_name(fact.subject.name, fact.object_display)
        )
    }
    one_kind = collective | named_after_subject
    short = sorted(
        slug
        for slug in Fact.objects.values_list("slug", flat=True)
        if len(kinds[slug]) < (1 if slug in one_kind else 2)
    )
    assert short == []
    assert len([slug for slug in collective - named_after_subject if len(kinds[slug]) < 2]) <= 5
    assert len(named_after_subject) <= 15


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
