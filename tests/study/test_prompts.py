"""The fronts of a fact: question, cloze of its quote, reverse, and the day's choice."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ajquiz.study.prompts import prompt_for_day, variants
from tests.factories import make_fact


def test_a_fact_offers_a_question_a_cloze_of_its_quote_and_a_reverse(facts):
    question, cloze, reverse = variants(facts["place"], reverse_is_unique=True)
    assert (question.kind, question.before, question.after) == (
        "question",
        "The test treaty took place in ",
        "",
    )
    assert (question.answer, question.hint) == ("Lansdowne House", "a place")
    assert (cloze.kind, cloze.before, cloze.answer, cloze.after) == (
        "cloze",
        "signed at ",
        "Lansdowne House",
        " in London",
    )
    assert (reverse.before, reverse.answer, reverse.after) == (
        "",
        "The test treaty",
        " took place in Lansdowne House",
    )
    assert reverse.hint == "a treaty or agreement"


def test_a_question_with_several_right_answers_is_left_out(facts):
    # Two facts say who signed the test treaty: "The test treaty was signed by ___" is ambiguous.
    [only] = variants(facts["hayashi"], question_is_unique=False)
    assert (only.kind, only.before, only.answer, only.after) == (
        "cloze",
        "and by ",
        "Hayashi Tadasu",
        " for Japan",
    )


def test_a_date_is_blanked_in_the_quote_in_the_form_the_quote_uses(facts):
    cloze = variants(facts["date"])[1]
    assert (cloze.before, cloze.answer, cloze.after) == (
        "signed at Lansdowne House in London on ",
        "30 January 1902",
        "",
    )
    assert "1902-01-30" in cloze.accepted


def test_without_question_or_cloze_the_statement_is_blanked(facts):
    fact = make_fact(
        "study-statement-only",
        "it ended in 1923",
        predicate="ended_on",
        object_date=date(1923, 1, 1),
        date_precision="year",
        statement="The alliance ended in 1923 after the Washington conference.",
    )
    # The quote leaves too little around the year for a cloze.
    [only] = variants(fact, question_is_unique=False)
    assert (only.kind, only.before, only.answer) == ("statement", "The alliance ended in ", "1923")


def test_a_fact_whose_object_is_a_clause_is_not_asked_through_the_predicates_wording(facts):
    fact = make_fact(
        "study-attribute",
        "The treaty was signed at Lansdowne House",
        predicate="attribute",
        object_text="signed at a London house",
        statement="The test treaty was signed at a London house of its negotiator.",
    )
    # Not "The test treaty is characterised by ___": the statement, blanked.
    [only] = variants(fact)
    assert (only.kind, only.before, only.answer) == (
        "statement",
        "The test treaty was ",
        "signed at a London house",
    )


def test_a_clause_with_no_blank_in_quote_or_statement_follows_the_subject_alone(facts):
    fact = make_fact(
        "study-attribute-unquoted",
        "The treaty was signed",
        predicate="attribute",
        object_text="ascendant at the time",
        statement="The test treaty came at a time of ascendancy.",
    )
    [only] = variants(fact)
    assert (only.kind, only.before, only.answer) == (
        "question",
        "The test treaty: ",
        "ascendant at the time",
    )


def test_the_first_day_shows_the_question_and_later_days_rotate_all_day_long(facts):
    fact = facts["place"]
    met = date(2025, 3, 1)
    uniqueness = {"question_is_unique": True, "reverse_is_unique": True}
    assert prompt_for_day(fact, day=met, first_seen=met, **uniqueness).kind == "question"
    assert prompt_for_day(fact, day=met, first_seen=None, **uniqueness).kind == "question"
    later = [
        prompt_for_day(fact, day=met + timedelta(days=n), first_seen=met, **uniqueness).kind
        for n in (1, 2, 3)
    ]
    assert sorted(later) == ["cloze", "question", "reverse"]


def test_a_question_front_reads_in_the_year_and_agrees_with_a_plural_subject(facts):
    """ "The alliance was renewed on ___" for a year, "The Kuril Islands was ceded to ___"."""
    from ajquiz.study.prompts import question_prompt
    from tests.factories import make_entity

    renewed = question_prompt(facts["renewed"])
    assert renewed.before == "The test treaty was renewed in "
    signed = question_prompt(facts["date"])
    assert signed.before == "The test treaty was signed on "
    islands = make_entity("study-islands", "Kuril Islands", "place")
    ceded = make_fact(
        "study-ceded",
        "signed at Lansdowne House",
        subject=islands,
        predicate="ceded_to",
        object_entity=make_entity("study-japan", "Japan", "country"),
    )
    assert question_prompt(ceded).before == "The Kuril Islands were ceded to "


def test_a_number_front_leaves_the_unit_to_the_answer(facts):
    from ajquiz.study.prompts import question_prompt

    term = make_fact(
        "study-term",
        "The alliance was renewed in 1905",
        predicate="term_years",
        object_number=Decimal(10),
    )
    assert question_prompt(term).before == "The test treaty had a term of "
