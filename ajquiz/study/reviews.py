"""Recording a rating and undoing the last one: a card row and a log row, changed together."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction

from ajquiz.accounts.days import day_start
from ajquiz.study.models import Card, ReviewLog, StudyProfile
from ajquiz.study.scheduler import CardState, retrievability, review, scheduler_for

MAX_DURATION_MS = 10 * 60 * 1000


class AlreadyRated(Exception):
    """The card changed since the learner saw it: a repeated or stale submit."""


def rate(
    *,
    user,
    fact,
    rating: int,
    now: datetime,
    profile: StudyProfile,
    duration_ms: int | None = None,
    seen_reps: int | None = None,
    mode: str = ReviewLog.Mode.REVIEW,
) -> ReviewLog:
    """Apply `rating` to the learner's card of `fact` (made on the first rating) and log it.

    `seen_reps` is the number of ratings the card had when it was shown; a submit whose card
    has moved on since (a double click, a second tab) raises AlreadyRated and changes nothing.
    """
    scheduler = scheduler_for(profile.desired_retention)
    with transaction.atomic():
        # The row lock serialises two requests rating one card, so the second sees the first's
        # result (and its reps) instead of overwriting it with a rating of the old state.
        card = Card.objects.select_for_update().filter(user=user, fact=fact).first()
        if seen_reps is not None and (card.reps if card else 0) != seen_reps:
            raise AlreadyRated
        before = CardState.of(card)
        after = review(before, rating, now=now, scheduler=scheduler, card_id=card.pk if card else 0)
        snapshot = card.snapshot() if card else None
        if card is None:
            card = Card(user=user, fact=fact, created_at=now)
        _apply(card, after)
        if card.pk is None:
            try:
                with transaction.atomic():
                    card.save()
            except IntegrityError as error:
                # Two first ratings of one fact at once: study_card_one_per_learner_fact keeps
                # one. (Updating a locked card cannot collide, so it needs no savepoint.)
                raise AlreadyRated from error
        else:
            card.save()
        return ReviewLog.objects.create(
            user=user,
            card=card,
            rating=rating,
            reviewed_at=now,
            duration_ms=_clamp_duration(duration_ms),
            mode=mode,
            state_before=before.state,
            state_after=after.state,
            retrievability=None
            if before.is_new
            else retrievability(before, now=now, scheduler=scheduler),
            stability_after=after.stability,
            difficulty_after=after.difficulty,
            due_after=after.due,
            card_before=snapshot,
        )


def undo_last(user, *, now: datetime) -> ReviewLog | None:
    """Take back the learner's latest rating of today: the card returns to its state before.

    A fact rated for the first time becomes new again (its card is deleted with the log).
    Returns the removed log (with its card and fact loaded), or None when there is none.
    """
    with transaction.atomic():
        log = (
            ReviewLog.objects.select_for_update()
            .filter(user=user, reviewed_at__gte=day_start(now))
            .select_related("card__fact")
            .order_by("-reviewed_at", "-pk")
            .first()
        )
        if log is None:
            return None
        card = log.card
        if log.card_before is None:
            card.delete()
        else:
            card.restore(log.card_before)
            card.save()
            log.delete()
    return log


def _apply(card: Card, state: CardState) -> None:
    card.state = state.state
    card.step = state.step
    card.stability = state.stability
    card.difficulty = state.difficulty
    card.due = state.due
    card.last_review = state.last_review
    card.reps = state.reps
    card.lapses = state.lapses


def _clamp_duration(duration_ms: int | None) -> int | None:
    if duration_ms is None or duration_ms < 0:
        return None
    return min(duration_ms, MAX_DURATION_MS)
