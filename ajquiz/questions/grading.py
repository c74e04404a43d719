"""Grading one answer to one question: the fraction of the mark it earns, and its feedback.

Rules, per kind:
- mc, tf: all or nothing.
- mr: Moodle-style fractions: each right option earns 1/k (k right options), each wrong option
  chosen costs 1/(n-k); options that carry their own "fraction" (imported from GIFT or Moodle
  XML) earn that instead. The total stays between zero and one.
- sa, cloze: right when the normalised text equals an accepted variant (case, diacritics,
  punctuation, a leading article and British or American spelling are ignored).
- num: right within the template's tolerance either side.
- match: the share of left items paired with their right item.
- order: the longest run of items in correct relative order (longest increasing subsequence
  of their true positions), L out of n items, scores (L - 1) / (n - 1): the right order scores
  1, the reverse order 0.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from ajquiz.content.models import QuestionTemplate

Kind = QuestionTemplate.Kind
LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
NOT_WORD = re.compile(r"[^\w\s]")
SPACES = re.compile(r"\s+")
AMERICAN = {"is": "iz", "ys": "yz", "our": "or", "ence": "ense", "dgement": "dgment"}
BRITISH_SPELLING = re.compile(r"(?<=\w\w\w)(is|ys|our|ence|dgement)(e|es|ed|ing|ation|ations|s|)\b")


@dataclass(frozen=True)
class OptionFeedback:
    text: str
    feedback: str
    fact: str | None = None


@dataclass
class Grade:
    fraction: float
    feedback: list[OptionFeedback] = field(default_factory=list)

    @property
    def is_correct(self) -> bool:
        return self.fraction >= 1.0

    @property
    def is_partial(self) -> bool:
        return 0.0 < self.fraction < 1.0

    @property
    def verdict(self) -> str:
        if self.is_correct:
            return "Correct"
        return "Partly correct" if self.is_partial else "Incorrect"


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = NOT_WORD.sub(" ", plain.casefold().replace("’", "'").replace("'", ""))
    plain = SPACES.sub(" ", plain).strip()
    return LEADING_ARTICLE.sub("", plain)


def mentions(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words, compared as normalise() sees them."""
    key = normalise(phrase)
    return bool(key) and f" {key} " in f" {normalise(text)} "


def grade(question, answer) -> Grade:
    """Grade `answer` (as read by payload.answer_from_post) against `question`."""
    if answer is None or answer == "" or answer == [] or answer == {}:
        return Grade(0.0)
    grader = GRADERS[question.kind]
    return grader(question.payload, answer)


def _grade_single_choice(payload, answer) -> Grade:
    for option in payload["options"]:
        if option["id"] == answer:
            feedback = [_option_feedback(option)] if option.get("feedback") else []
            return Grade(1.0 if option["correct"] else 0.0, feedback)
    return Grade(0.0)


def _grade_multiple_response(payload, answer) -> Grade:
    options = payload["options"]
    chosen = set(answer if isinstance(answer, list) else [answer])
    feedback = [
        _option_feedback(option)
        for option in options
        if option["id"] in chosen and option.get("feedback")
    ]
    if any("fraction" in option for option in options):
        # Imported questions (GIFT ~%50%, Moodle XML) carry their own fractions.
        total = sum(option.get("fraction", 0.0) for option in options if option["id"] in chosen)
        return Grade(round(min(1.0, max(0.0, total)), 6), feedback)
    right = [option for option in options if option["correct"]]
    wrong = [option for option in options if not option["correct"]]
    earned = sum(1 for option in right if option["id"] in chosen) / max(len(right), 1)
    lost = sum(1 for option in wrong if option["id"] in chosen) / max(len(wrong), 1)
    return Grade(round(max(0.0, earned - lost), 6), feedback)


def _grade_true_false(payload, answer) -> Grade:
    said_true = str(answer).lower() == "true"
    return Grade(1.0 if said_true == bool(payload["answer"]) else 0.0)


def _grade_text(payload, answer) -> Grade:
    variants = [payload["answer"], *payload.get("accepted", [])]
    accepted = {spelled_alike(normalise(variant)) for variant in variants}
    return Grade(1.0 if spelled_alike(normalise(answer)) in accepted else 0.0)


def spelled_alike(text: str) -> str:
    """British and American spellings folded together ("antagonising", "antagonizing";
    "defence", "defense"; "acknowledgement", "acknowledgment"), on both sides of a
    comparison."""
    return BRITISH_SPELLING.sub(lambda found: AMERICAN[found.group(1)] + found.group(2), text)


def _grade_numeric(payload, answer) -> Grade:
    try:
        value = float(str(answer).strip().replace(",", ""))
    except ValueError:
        return Grade(0.0)
    return Grade(1.0 if abs(value - payload["answer"]) <= payload.get("tolerance", 0) else 0.0)


def _grade_matching(payload, answer) -> Grade:
    key = payload["key"]
    if not isinstance(answer, dict):
        return Grade(0.0)
    right = sum(1 for left, right_id in key.items() if answer.get(left) == right_id)
    return Grade(round(right / len(key), 6))


def _grade_ordering(payload, answer) -> Grade:
    key = payload["key"]
    if not isinstance(answer, list) or sorted(answer) != sorted(key):
        return Grade(0.0)
    true_position = {item_id: index for index, item_id in enumerate(key)}
    longest = longest_increasing_run([true_position[item_id] for item_id in answer])
    return Grade(round((longest - 1) / (len(key) - 1), 6) if len(key) > 1 else 1.0)


def longest_increasing_run(values: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for value in values:
        index = bisect.bisect_left(tails, value)
        if index == len(tails):
            tails.append(value)
        else:
            tails[index] = value
    return len(tails)


def _option_feedback(option) -> OptionFeedback:
    return OptionFeedback(option["text"], option.get("feedback", ""), option.get("fact"))


GRADERS = {
    Kind.MULTIPLE_CHOICE: _grade_single_choice,
    Kind.MULTIPLE_RESPONSE: _grade_multiple_response,
    Kind.TRUE_FALSE: _grade_true_false,
    Kind.SHORT_ANSWER: _grade_text,
    Kind.CLOZE: _grade_text,
    Kind.NUMERIC: _grade_numeric,
    Kind.MATCHING: _grade_matching,
    Kind.ORDERING: _grade_ordering,
}
