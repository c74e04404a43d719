"""The match game: six claims to pair with their objects, against the clock.

Pairs come from facts the learner has studied in scope (then new facts, when too few). Two
pairs never share a claim ("Japan was a party to") or an answer, and no claim is stated in the
fact store with another pair's answer, so exactly one matching is right. The clock runs on the
server, from the game's creation to the submit that gets every pair right; each wrong pair
submitted on the way adds PENALTY (a claim left blank costs nothing).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q

from ajquiz.content.models import Fact
from ajquiz.content.predicates import FREE_CLAUSE
from ajquiz.questions.grading import grade, normalise
from ajquiz.study.models import Card, Deck, MatchGame
from ajquiz.study.prompts import label_of
from ajquiz.study.queue import study_scope

PENALTY = timedelta(seconds=5)
MIN_PAIRS = 3
MAX_ANSWER = 70
POOL = 60


@dataclass(frozen=True)
class Check:
    finished: bool
    wrong: list[str]  # pairs submitted wrong: each costs PENALTY
    elapsed_ms: int | None = None
    previous_best_ms: int | None = None
    missing: list[str] = field(default_factory=list)  # claims left without an answer

    @property
    def is_personal_best(self) -> bool:
        return self.finished and (
            self.previous_best_ms is None or self.elapsed_ms < self.previous_best_ms
        )


class GameQuestion:
    """A game's pairs seen as a matching question, for the answer partial and grading."""

    kind = "match"
    stem_html = ""
    image = None
    stem = "Match each claim with the words that complete it."

    def __init__(self, game: MatchGame):
        self.payload = game.payload

    @property
    def solution(self) -> list[tuple[str, str]]:
        rights = {right["id"]: right["text"] for right in self.payload["rights"]}
        key = self.payload["key"]
        return [(left["text"], rights[key[left["id"]]]) for left in self.payload["lefts"]]


@dataclass(frozen=True)
class Row:
    left: dict
    chosen: str
    verdict: str  # "" before a check or when left blank, else "right" or "wrong"


def rows(game: MatchGame, answer: dict | None, result: Check | None) -> list[Row]:
    """Each claim with the answer chosen for it and, after a check, whether it was right."""
    answer = answer or {}
    rows = []
    for left in game.payload["lefts"]:
        verdict = ""
        if result is not None and answer.get(left["id"]):
            verdict = "wrong" if left["id"] in result.wrong else "right"
        rows.append(Row(left, answer.get(left["id"], ""), verdict))
    return rows


def new_game(user, *, now: datetime, seed: int, deck: Deck | None = None) -> MatchGame | None:
    """A game of up to MatchGame.PAIRS pairs, or None when scope has fewer than MIN_PAIRS."""
    rng = random.Random(seed)
    scope = Fact.objects.filter(study_scope(user, deck)) if deck else None
    studied = Fact.objects.filter(pk__in=Card.objects.filter(user=user).values("fact_id"))
    if scope is not None:
        studied = studied.filter(pk__in=scope.values("pk"))
    facts = _candidates(studied, rng)
    pairs = choose_pairs(facts, MatchGame.PAIRS)
    if len(pairs) < MatchGame.PAIRS:
        fresh = scope if scope is not None else Fact.objects.filter(study_scope(user))
        facts += _candidates(fresh.exclude(pk__in=[fact.pk for fact in facts]), rng)
        pairs = choose_pairs(facts, MatchGame.PAIRS)
    if len(pairs) < MIN_PAIRS:
        return None
    return MatchGame.objects.create(
        user=user, deck=deck, payload=payload_for(pairs, rng), started_at=now
    )


def _candidates(facts, rng: random.Random) -> list[Fact]:
    ids = list(facts.values_list("pk", flat=True)[:2000])
    chosen = rng.sample(ids, min(POOL, len(ids)))
    rows = Fact.objects.filter(pk__in=chosen).select_related("subject", "object_entity")
    by_id = {fact.pk: fact for fact in rows}
    return [by_id[pk] for pk in chosen if pk in by_id]


def choose_pairs(facts: list[Fact], count: int) -> list[tuple[Fact, str, str]]:
    """Up to `count` (fact, claim, answer) whose claims and answers pair up one way only."""
    stated = _stated_answers(facts)
    pairs: list[tuple[Fact, str, str]] = []
    for fact in facts:
        claim, answer = f"{fact.subject.name} {label_of(fact)} …", fact.object_display
        if not answer or len(answer) > MAX_ANSWER or fact.predicate in FREE_CLAUSE:
            continue
        known = stated[(fact.subject_id, fact.predicate)]
        clash = any(
            claim == other_claim
            or normalise(answer) == normalise(other_answer)
            or normalise(other_answer) in known
            or normalise(answer) in stated[(other.subject_id, other.predicate)]
            for other, other_claim, other_answer in pairs
        )
        if not clash:
            pairs.append((fact, claim, answer))
        if len(pairs) == count:
            break
    return pairs


def _stated_answers(facts: list[Fact]) -> dict[tuple[int, str], set[str]]:
    """Every object the store states for each (subject, predicate) of `facts`: one query."""
    keys = {(fact.subject_id, fact.predicate) for fact in facts}
    stated: dict[tuple[int, str], set[str]] = {key: set() for key in keys}
    if not keys:
        return stated
    condition = Q()
    for subject_id, predicate in keys:
        condition |= Q(subject_id=subject_id, predicate=predicate)
    for fact in Fact.objects.filter(condition).select_related("object_entity"):
        stated[(fact.subject_id, fact.predicate)].add(normalise(fact.object_display))
    return stated


def payload_for(pairs, rng: random.Random) -> dict:
    lefts = [{"id": f"l{index}", "text": claim} for index, (_, claim, _) in enumerate(pairs, 1)]
    rights = [{"id": f"r{index}", "text": answer} for index, (_, _, answer) in enumerate(pairs, 1)]
    rng.shuffle(rights)
    return {
        "lefts": lefts,
        "rights": rights,
        "key": {f"l{index}": f"r{index}" for index in range(1, len(pairs) + 1)},
        "facts": {f"l{index}": fact.slug for index, (fact, _, _) in enumerate(pairs, 1)},
    }


def check(game: MatchGame, answer: dict | None, *, now: datetime) -> Check:
    """Grade a submit; when every pair is right, stop the clock and compare with the best."""
    if game.is_finished:
        return Check(True, [], game.elapsed_ms, personal_best_ms(game, exclude_self=True))
    key = game.payload["key"]
    answer = answer or {}
    wrong = [left for left, right in key.items() if answer.get(left) not in (None, "", right)]
    missing = [left for left in key if not answer.get(left)]
    if grade(GameQuestion(game), answer).is_correct:
        previous = personal_best_ms(game, exclude_self=True)
        elapsed = now - game.started_at + PENALTY * game.mistakes
        game.finished_at = now
        game.elapsed_ms = int(elapsed.total_seconds() * 1000)
        game.save(update_fields=["finished_at", "elapsed_ms"])
        return Check(True, [], game.elapsed_ms, previous)
    game.mistakes += len(wrong)
    game.save(update_fields=["mistakes"])
    return Check(False, wrong, missing=missing)


def personal_best_ms(game: MatchGame, *, exclude_self: bool = False) -> int | None:
    """The fastest finished game of this learner on this deck (index study_match_best)."""
    games = MatchGame.objects.filter(
        user_id=game.user_id, deck_id=game.deck_id, elapsed_ms__isnull=False
    )
    if exclude_self:
        games = games.exclude(pk=game.pk)
    return games.order_by("elapsed_ms").values_list("elapsed_ms", flat=True).first()


def best_for(user, deck: Deck | None) -> int | None:
    return (
        MatchGame.objects.filter(user=user, deck=deck, elapsed_ms__isnull=False)
        .order_by("elapsed_ms")
        .values_list("elapsed_ms", flat=True)
        .first()
    )
