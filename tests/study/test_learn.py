"""Learn mode: multiple choice, then typed recall, then the fact joins the reviews."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ajquiz.study.learn import (
    answer_choice,
    answer_recall,
    built_choice,
    choice_question,
    exercise_for,
    next_exercise,
    recall_is_right,
)
from ajquiz.study.models import Card, LearnItem, ReviewLog, State
from ajquiz.study.prompts import Prompt
from tests.factories import make_fact, make_question
from tests.study.conftest import NOW


def key_of(question):
    return next(option["id"] for option in question.payload["options"] if option["correct"])


def wrong_of(question):
    return next(option["id"] for option in question.payload["options"] if not option["correct"])


def test_a_new_fact_is_asked_as_multiple_choice_then_typed_then_graduates(student, deck, profile):
    exercise = next_exercise(student, now=NOW, profile=profile)
    assert (exercise.fact.slug, exercise.stage) == ("study-place", "choice")
    later = NOW + timedelta(seconds=5)
    assert answer_choice(exercise, key_of(exercise.question), now=later).correct
    exercise = next_exercise(student, now=later, profile=profile)
    # Round the batch: the next fact comes before the place fact is asked again.
    assert exercise.fact.slug == "study-lansdowne"
    place = LearnItem.objects.get(user=student, fact__slug="study-place")
    assert place.stage == "recall"
    outcome = answer_recall(
        exercise_for(place), "lansdowne house", user=student, now=NOW, profile=profile
    )
    assert (outcome.correct, outcome.graduated) == (True, True)
    card = Card.objects.get(user=student, fact__slug="study-place")
    log = ReviewLog.objects.get(card=card)
    assert (log.mode, log.rating, log.state_before) == ("learn", 3, State.NEW)
    assert not LearnItem.objects.filter(user=student, fact=card.fact).exists()


def test_a_fact_learned_with_mistakes_graduates_as_hard(student, deck, profile):
    exercise = next_exercise(student, now=NOW, profile=profile)
    answer_choice(exercise, wrong_of(exercise.question), now=NOW)
    item = LearnItem.objects.get(user=student, fact=exercise.fact)
    assert (item.stage, item.mistakes) == ("choice", 1)
    answer_choice(exercise_for(item), key_of(exercise.question), now=NOW)
    item.refresh_from_db()
    answer_recall(exercise_for(item), "Lansdowne House", user=student, now=NOW, profile=profile)
    assert ReviewLog.objects.get(user=student).rating == 2


def test_the_batch_holds_five_facts_without_siblings_within_the_new_limit(student, deck, profile):
    next_exercise(student, now=NOW, profile=profile)
    slugs = list(LearnItem.objects.filter(user=student).values_list("fact__slug", flat=True))
    # "study-date" overlaps "study-place": not in the same batch.
    assert slugs == [
        "study-place",
        "study-lansdowne",
        "study-hayashi",
        "study-renewed",
        "study-ended",
    ]
    LearnItem.objects.all().delete()
    profile.new_per_day = 2
    next_exercise(student, now=NOW, profile=profile)
    assert LearnItem.objects.filter(user=student).count() == 2


def test_built_options_never_include_another_object_stated_for_the_same_claim(facts):
    # Lansdowne and Hayashi both signed the test treaty: neither is a wrong option for the other.
    question = built_choice(facts["hayashi"])
    texts = [option["text"] for option in question.payload["options"]]
    assert "Hayashi Tadasu" in texts and "Lord Lansdowne" not in texts
    assert len(texts) == 4 and len(set(texts)) == 4


def test_no_choice_is_built_for_a_fact_whose_object_is_a_clause(facts, clause_fact):
    assert built_choice(clause_fact) is None  # not "The test treaty is characterised by …"
    assert built_choice(facts["place"]) is not None


def test_dates_are_listed_in_order(facts):
    question = built_choice(facts["renewed"])
    years = [int(option["text"]) for option in question.payload["options"]]
    assert years == sorted(years) and 1905 in years


def test_a_generated_question_of_the_fact_is_used_when_the_bank_has_one(facts):
    question = make_question("mc", facts=[facts["place"]])
    assert choice_question(facts["place"]) == question


def test_typed_recall_ignores_case_and_punctuation_and_takes_most_key_words():
    prompt = Prompt(
        kind="question",
        instruction="",
        before="",
        after="",
        answer="a flexible temporary understanding between equals",
        accepted=("a flexible temporary understanding between equals",),
    )
    assert recall_is_right("Flexible, temporary understanding between equals!", prompt)
    assert recall_is_right("flexible temporary understanding between", prompt)  # 4 of 5
    assert not recall_is_right("flexible temporary understanding", prompt)  # 3 of 5
    assert not recall_is_right("temporary treaty", prompt)
    assert not recall_is_right("", prompt)


def test_a_teachers_own_question_on_the_fact_is_not_used_for_other_learners(facts, teacher):
    make_question("mc", facts=[facts["place"]], author=teacher)
    question = choice_question(facts["place"])
    assert question is not None and getattr(question, "author_id", None) is None


def test_a_day_given_with_no_year_is_offered_among_days_with_no_year(facts):
    no_year = make_fact(
        "study-no-year",
        "The treaty was signed",
        predicate="signed_on",
        object_date=date(2022, 5, 5),
        date_precision="day_month",
        statement="The test treaty was signed on 5 May.",
    )
    texts = [option["text"] for option in built_choice(no_year).payload["options"]]
    assert "5 May" in texts
    assert len(set(texts)) == len(texts) >= 3
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+", text) for text in texts), texts
