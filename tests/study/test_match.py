"""The match game: pairs that match one way only, the server's clock, the personal best."""

from __future__ import annotations

from datetime import timedelta

from ajquiz.study.match import check, choose_pairs, new_game, personal_best_ms
from ajquiz.study.models import MatchGame
from tests.factories import make_card
from tests.study.conftest import NOW


def right_answer(game):
    return dict(game.payload["key"])


def test_a_game_pairs_each_claim_with_its_answer(student, facts, deck):
    game = new_game(student, now=NOW, seed=7, deck=deck)
    payload = game.payload
    assert len(payload["lefts"]) == len(payload["rights"]) == 5  # six facts, two share a claim
    claims = [left["text"] for left in payload["lefts"]]
    assert len(set(claims)) == len(claims)
    texts = {right["id"]: right["text"] for right in payload["rights"]}
    by_claim = {left["text"]: texts[payload["key"][left["id"]]] for left in payload["lefts"]}
    assert by_claim["The test treaty took place in …"] == "Lansdowne House"
    assert by_claim["The test treaty was renewed on …"] == "1905"


def test_two_facts_of_one_claim_never_share_a_game(facts):
    pairs = choose_pairs([facts["lansdowne"], facts["hayashi"], facts["place"]], 6)
    assert [fact.slug for fact, _, _ in pairs] == ["study-lansdowne", "study-place"]


def test_a_fact_whose_object_is_a_clause_makes_no_pair(facts, clause_fact):
    pairs = choose_pairs([clause_fact, facts["place"]], 6)
    assert [fact.slug for fact, _, _ in pairs] == ["study-place"]


def test_studied_facts_are_preferred(student, facts, deck):
    for name in ("place", "renewed", "ended"):
        make_card(student, facts[name], now=NOW)
    game = new_game(student, now=NOW, seed=1, deck=deck)
    slugs = list(game.payload["facts"].values())
    assert set(slugs[:3]) == {"study-place", "study-renewed", "study-ended"}


def test_too_few_facts_make_no_game(student):
    assert new_game(student, now=NOW, seed=1) is None
    assert not MatchGame.objects.exists()


def test_wrong_pairs_are_named_and_cost_five_seconds_each(student, deck):
    game = new_game(student, now=NOW, seed=3, deck=deck)
    answer = right_answer(game)
    first, second = list(answer)[:2]
    answer[first], answer[second] = answer[second], answer[first]
    result = check(game, answer, now=NOW + timedelta(seconds=10))
    assert (result.finished, sorted(result.wrong)) == (False, sorted([first, second]))
    result = check(game, right_answer(game), now=NOW + timedelta(seconds=20))
    game.refresh_from_db()
    assert (result.finished, game.mistakes, game.elapsed_ms) == (True, 2, 30_000)
    assert result.is_personal_best


def test_the_personal_best_is_the_fastest_finished_game_on_the_deck(student, deck):
    slow = new_game(student, now=NOW, seed=1, deck=deck)
    check(slow, right_answer(slow), now=NOW + timedelta(seconds=40))
    fast = new_game(student, now=NOW, seed=2, deck=deck)
    result = check(fast, right_answer(fast), now=NOW + timedelta(seconds=25))
    assert (result.is_personal_best, result.previous_best_ms) == (True, 40_000)
    slower = new_game(student, now=NOW, seed=3, deck=deck)
    result = check(slower, right_answer(slower), now=NOW + timedelta(seconds=30))
    assert (result.is_personal_best, personal_best_ms(slower)) == (False, 25_000)


def test_a_finished_game_keeps_its_time(student, deck):
    game = new_game(student, now=NOW, seed=1, deck=deck)
    check(game, right_answer(game), now=NOW + timedelta(seconds=12))
    check(game, {}, now=NOW + timedelta(minutes=5))
    game.refresh_from_db()
    assert (game.elapsed_ms, game.mistakes) == (12_000, 0)


def test_a_claim_left_blank_is_neither_wrong_nor_penalised(student, deck):
    game = new_game(student, now=NOW, seed=3, deck=deck)
    answer = right_answer(game)
    blank = next(iter(answer))
    del answer[blank]
    result = check(game, answer, now=NOW + timedelta(seconds=10))
    game.refresh_from_db()
    assert (result.finished, result.wrong, result.missing, game.mistakes) == (
        False,
        [],
        [blank],
        0,
    )
