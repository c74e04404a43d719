"""Scoring: one response, one attempt, and the quiz grade across a learner's attempts.

- A response earns the fraction questions.grading.grade() gives its answer (partial credit
  rules per kind are documented there: Moodle-style several-key choice never below zero,
  matching per pair, ordering by the longest correctly ordered subsequence (L - 1) / (n - 1),
  numeric within tolerance), clamped to [0, 1].
- Every slot is worth one mark. An attempt's score is the sum of its responses' fractions;
  an unanswered slot earns 0. Its percentage is score / slots * 100, rounded to 2 places.
- The quiz grade uses the finished attempts only, by the quiz's grading method: highest,
  average (arithmetic mean of the percentages), first or last (by start time).
- A pass mark is a percentage; a grade passes when it is at least the mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ajquiz.questions.grading import Grade, grade

HIGHEST, AVERAGE, FIRST, LAST = "highest", "average", "first", "last"


def grade_answer(question, answer) -> Grade:
    result = grade(question, answer)
    result.fraction = min(1.0, max(0.0, float(result.fraction)))
    return result


def attempt_score(fractions: Iterable[float]) -> float:
    return round(sum(fractions), 6)


def percentage(score: float | None, max_score: int) -> float | None:
    if score is None or max_score <= 0:
        return None
    return round(100 * score / max_score, 2)


def quiz_grade(percentages: Sequence[float], method: str) -> float | None:
    """The grade of a learner on a quiz from their finished attempts' percentages, oldest first.

    None when there is no finished attempt yet.
    """
    if not percentages:
        return None
    if method == HIGHEST:
        return max(percentages)
    if method == AVERAGE:
        return round(sum(percentages) / len(percentages), 2)
    if method == FIRST:
        return percentages[0]
    if method == LAST:
        return percentages[-1]
    raise ValueError(f"Unknown grading method {method!r}")


def has_passed(grade_percent: float | None, pass_mark: int | None) -> bool | None:
    """True or False against the pass mark; None when there is no grade or no pass mark."""
    if grade_percent is None or pass_mark is None:
        return None
    return grade_percent >= pass_mark


def grade_for(attempts, quiz) -> float | None:
    """The quiz grade from Attempt rows (any order; only finished ones count)."""
    finished = sorted(
        (attempt for attempt in attempts if attempt.is_finished),
        key=lambda attempt: (attempt.started_at, attempt.number),
    )
    return quiz_grade(
        [
            percent
            for attempt in finished
            if (percent := percentage(attempt.score, attempt.max_score)) is not None
        ],
        quiz.grading_method,
    )
