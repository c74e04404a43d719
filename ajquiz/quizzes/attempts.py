"""The life of an attempt: start, answer, finish (or abandon), on the server's clock.

State machine: in progress -> finished | abandoned; nothing leaves finished or abandoned.

Concurrency: every change to an attempt and its responses happens in one transaction that
first locks the attempt row (select_for_update). That serialises two submits of the same slot
(which would otherwise both see "no response yet" and both insert), a submit racing the
finish (which would otherwise add a response after the score was summed), and a double
finish. The unique constraints quizzes_response_one_per_slot and
quizzes_attempt_one_open_per_quiz back the locks up (SQLite has no row locks; its writers are
serialised by BEGIN IMMEDIATE instead).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from ajquiz.questions.models import Question
from ajquiz.quizzes.assembly import assemble_slots
from ajquiz.quizzes.models import Attempt, Quiz, Response
from ajquiz.quizzes.scoring import attempt_score, grade_answer


class CannotStart(Exception):
    """Why a learner cannot start an attempt, in words for them."""


class Outcome(StrEnum):
    SAVED = "saved"  # a new or changed answer was stored
    UNCHANGED = "unchanged"  # the same answer again: nothing changes (idempotent)
    CLEARED = "cleared"  # deferred feedback: the learner emptied a given answer
    EMPTY = "empty"  # nothing answered, nothing stored
    LOCKED = "locked"  # immediate feedback: the first checked answer stands
    TIME_UP = "time_up"  # after the deadline plus grace: refused, attempt finished
    CLOSED = "closed"  # the attempt had already ended: refused


REFUSALS = {Outcome.TIME_UP, Outcome.CLOSED}
MESSAGES = {
    Outcome.TIME_UP: "Time is up: this answer arrived after the deadline and was not saved. "
    "Your attempt has been submitted with the answers saved before the deadline.",
    Outcome.CLOSED: "This attempt has already ended, so the answer was not saved.",
    Outcome.LOCKED: "You already checked this question; your first answer stands.",
}


@dataclass
class Saved:
    outcome: Outcome
    response: Response | None = None

    @property
    def refused(self) -> bool:
        return self.outcome in REFUSALS

    @property
    def message(self) -> str:
        return MESSAGES.get(self.outcome, "")


class Recorded(dict):
    """What became of each answer, by slot (0-based), and the attempt's responses by slot once
    they were stored (None when the attempt refused them)."""

    responses: dict[int, Response] | None = None


def start_attempt(quiz: Quiz, user, *, now, seed: int | None = None) -> Attempt:
    """Resume the learner's open attempt (there is at most one), or start a new one with frozen
    slots; an open attempt past its time is finished first."""
    current = _open_attempt(user, quiz)
    if current is not None:
        if not current.is_overdue(now):
            return current
        finish_attempt(current, now=now)
    if not quiz.is_open(now):
        raise CannotStart("This quiz is not open now.")
    made = Attempt.objects.of(user, quiz).aggregate(
        all=Count("pk"), used=Count("pk", filter=~Q(state=Attempt.State.ABANDONED))
    )
    if quiz.attempts_allowed and made["used"] >= quiz.attempts_allowed:
        raise CannotStart(f"You have used all {quiz.attempts_allowed} attempts at this quiz.")
    seed = new_seed() if seed is None else seed
    slots = assemble_slots(
        quiz.question_set,
        seed=seed,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
    )
    if not slots:
        raise CannotStart("There are no questions for this quiz yet.")
    number = made["all"] + 1
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=number,
                seed=seed,
                slots=slots,
                started_at=now,
                deadline=quiz.deadline_for(now),
            )
    except IntegrityError:
        # A second "Start" at the same moment: both computed the same number or both found no
        # open attempt; the constraints let one win and this one resumes it.
        current = _open_attempt(user, quiz)
        if current is None:
            raise
        return current


def _open_attempt(user, quiz: Quiz) -> Attempt | None:
    return (
        Attempt.objects.of(user, quiz)
        .filter(state=Attempt.State.IN_PROGRESS)
        .select_related("quiz")
        .first()
    )


def new_seed() -> int:
    """The seed of a new attempt's draws and shuffles (stored, so the attempt can be rebuilt)."""
    return secrets.randbelow(2**31)


def record_answers(
    attempt: Attempt, answers: dict[int, object], *, now, questions: dict | None = None
) -> Recorded:
    """Store the answers given to several slots (0-based) of one attempt, atomically.

    `questions` (by id), when the caller has read them to parse the answers, are not read
    again; `attempt` is brought up to date from the locked row. The attempt's responses as
    stored come back with the outcomes, so a page showing them need not read them again.
    """
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if not locked.is_in_progress:
            return Recorded({slot: Saved(Outcome.CLOSED) for slot in answers})
        if locked.is_overdue(now):
            _finish_locked(locked, now)
            return Recorded({slot: Saved(Outcome.TIME_UP) for slot in answers})
        responses = {response.slot: response for response in locked.responses.all()}
        slots = [slot for slot in answers if 0 <= slot < len(locked.slots)]
        wanted = {locked.slots[slot]["question"] for slot in slots}
        if questions is None or not wanted <= questions.keys():
            questions = Question.objects.in_bulk(wanted)
        results = Recorded()
        for slot in slots:
            question = questions[locked.slots[slot]["question"]]
            saved = _store(locked, slot, question, answers[slot], responses.get(slot), now=now)
            if saved.outcome == Outcome.CLEARED:
                del responses[slot]
            elif saved.response is not None:
                responses[slot] = saved.response
            results[slot] = saved
        results.responses = responses
    for field in Attempt._meta.concrete_fields:
        setattr(attempt, field.attname, getattr(locked, field.attname))
    return results


def record_answer(attempt: Attempt, slot: int, answer, *, now) -> Saved:
    """Store the answer to one slot (0-based); see Outcome for what can happen."""
    return record_answers(attempt, {slot: answer}, now=now).get(slot, Saved(Outcome.EMPTY))


def _store(attempt, slot, question, answer, existing, *, now) -> Saved:
    if existing is not None and existing.answer == answer:
        return Saved(Outcome.UNCHANGED, existing)
    if answer is None:
        if existing is None:
            return Saved(Outcome.EMPTY)
        if attempt.quiz.is_immediate:
            # A checked question's inputs are disabled, so they send nothing: keep the answer.
            return Saved(Outcome.UNCHANGED, existing)
        existing.delete()
        return Saved(Outcome.CLEARED)
    if existing is not None and attempt.quiz.is_immediate:
        return Saved(Outcome.LOCKED, existing)
    fraction = grade_answer(question, answer).fraction
    if existing is None:
        response = Response.objects.create(
            attempt=attempt,
            slot=slot,
            question=question,
            answer=answer,
            fraction=fraction,
            answered_at=now,
            changed_at=now,
        )
        return Saved(Outcome.SAVED, response)
    existing.answer, existing.fraction, existing.changed_at = answer, fraction, now
    existing.save(update_fields=["answer", "fraction", "changed_at"])
    return Saved(Outcome.SAVED, existing)


def finish_attempt(attempt: Attempt, *, now) -> Attempt:
    """Submit the attempt: sum its responses into the score. Finishing twice is harmless."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.is_in_progress:
            _finish_locked(locked, now)
    attempt.refresh_from_db()
    return attempt


def abandon_attempt(attempt: Attempt, *, now) -> Attempt:
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.is_in_progress:
            locked.abandon(now)
            locked.save(update_fields=["state", "finished_at"])
    attempt.refresh_from_db()
    return attempt


def finish_overdue(attempts, now) -> int:
    """Finish the given in-progress attempts whose time (plus grace) has run out."""
    overdue = [
        attempt
        for attempt in attempts.select_related("quiz").filter(
            state=Attempt.State.IN_PROGRESS, deadline__isnull=False, deadline__lt=now
        )
        if attempt.is_overdue(now)
    ]
    for attempt in overdue:
        finish_attempt(attempt, now=now)
    return len(overdue)


def _finish_locked(attempt: Attempt, now) -> None:
    score = attempt_score(attempt.responses.values_list("fraction", flat=True))
    attempt.finish(now, score=score)
    attempt.save(update_fields=["state", "finished_at", "ended_by_time", "score", "max_score"])
