"""Learn mode: a batch of new facts, each asked as multiple choice, then typed recall.

A fact answered right in both stages graduates: its card is made by a first FSRS rating
(Good, or Hard when there were mistakes on the way) and review mode takes it from there.
The batch is at most BATCH facts, filled from the study list within the new-fact limit, and
goes round them least recently answered first, so one fact is not asked twice in a row.

Multiple choice uses a generated question of the fact (kind mc) when the bank has one, graded
by questions.grading; otherwise the options are the objects of other subjects' facts of the
same predicate, never an object stated for this fact's subject and predicate.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ajquiz.content.formatting import format_date
from ajquiz.content.models import Entity, Fact
from ajquiz.content.predicates import FREE_CLAUSE
from ajquiz.questions.grading import Grade, grade, normalise
from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_answer, describe_key
from ajquiz.study.models import Deck, LearnItem, Rating, ReviewLog, StudyProfile
from ajquiz.study.prompts import Prompt, label_of, variants
from ajquiz.study.queue import (
    StudyDay,
    carry_flags,
    facts_with_prompt_data,
    new_facts,
    with_prompt_facts,
)
from ajquiz.study.reviews import rate

BATCH = 5
OPTIONS = 4
KEY_WORDS_NEEDED = 0.75


@dataclass
class ChoiceQuestion:
    """A multiple-choice question built here, shaped like questions.Question for its partials."""

    stem: str
    payload: dict
    kind: str = "mc"
    uid: str = ""
    stem_html: str = ""
    feedback: str = ""
    image: None = None


@dataclass
class Exercise:
    item: LearnItem
    fact: Fact
    question: object | None = None  # the multiple-choice stage
    prompt: Prompt | None = None  # the typed-recall stage

    @property
    def stage(self) -> str:
        return self.item.stage


@dataclass
class Outcome:
    fact: Fact
    correct: bool
    graduated: bool = False
    answer_text: str = ""
    key_text: str = ""
    grade: Grade = field(default_factory=lambda: Grade(0.0))


def batch(user, *, now: datetime, profile: StudyProfile, deck: Deck | None = None):
    """The learner's learn items, topped up with new facts when the limits leave room."""
    items = list(
        with_prompt_facts(LearnItem.objects.filter(user=user)).order_by("updated_at", "pk")
    )
    day = StudyDay(user, now, deck)
    room = min(BATCH, profile.new_per_day - day.done.new_done) - len(items)
    if room <= 0:
        return items
    taken = [item.fact for item in items]
    added = []
    fresh = new_facts(user, day.scope, buried=day.done.buried)
    for fact in facts_with_prompt_data(fresh)[: room * 4]:
        if len(added) == room:
            break
        if not any(_overlap(fact, other) for other in taken):
            taken.append(fact)
            added.append(LearnItem(user=user, fact=fact, started_at=now, updated_at=now))
    if not added:
        return items
    # ignore_conflicts: a second tab topping up at the same moment adds nothing twice.
    LearnItem.objects.bulk_create(added, ignore_conflicts=True)
    return list(with_prompt_facts(LearnItem.objects.filter(user=user)).order_by("updated_at", "pk"))


def next_exercise(user, *, now, profile, deck=None) -> Exercise | None:
    items = batch(user, now=now, profile=profile, deck=deck)
    return exercise_for(carry_flags(items[0])) if items else None


def exercise_for(item: LearnItem) -> Exercise:
    fact = item.fact
    if item.stage == LearnItem.Stage.CHOICE:
        question = choice_question(fact)
        if question is not None:
            return Exercise(item, fact, question=question)
    return Exercise(item, fact, prompt=recall_prompt(fact))


def recall_prompt(fact: Fact) -> Prompt:
    return variants(
        fact,
        question_is_unique=not getattr(fact, "question_shared", False),
        reverse_is_unique=False,
    )[0]


def choice_question(fact: Fact):
    """A current mc question of the shared bank on the fact, else one built from other facts."""
    bank = Question.objects.drawable().filter(facts=fact, kind=Question.Kind.MULTIPLE_CHOICE)
    return bank.order_by("pk").first() or built_choice(fact)


def built_choice(fact: Fact) -> ChoiceQuestion | None:
    """Three wrong options: other subjects' objects of the predicate, else same-kind entities
    or nearby years; never an object stated for this subject and predicate. None where the
    predicate's objects are clauses, which its wording cannot introduce."""
    if fact.predicate in FREE_CLAUSE:
        return None
    stated = {
        normalise(other.object_display)
        for other in Fact.objects.filter(
            subject_id=fact.subject_id, predicate=fact.predicate
        ).select_related("object_entity")
    }
    rng = random.Random(fact.pk)
    wrong = _pick(_same_predicate_objects(fact), stated, rng)
    if len(wrong) < OPTIONS - 1:
        wrong += _pick(_fallback_objects(fact), stated | {normalise(w) for w, _ in wrong}, rng)
    wrong = wrong[: OPTIONS - 1]
    if len(wrong) < 2:
        return None
    entries = [(fact.object_display, fact.object_date, True)]
    entries += [(text, when, False) for text, when in wrong]
    if fact.object_date:
        entries.sort(key=lambda entry: entry[1] or fact.object_date)  # dates listed in order
    else:
        rng.shuffle(entries)
    options = [
        {"id": chr(97 + index), "text": text, "correct": right, "feedback": ""}
        for index, (text, _, right) in enumerate(entries)
    ]
    stem = f"Which completes the claim? {fact.subject.name} {label_of(fact)} …"
    return ChoiceQuestion(stem=stem, payload={"options": options, "shuffle": False})


def _same_predicate_objects(fact: Fact) -> list[tuple[str, date | None]]:
    # Dates of the key's precision only: "5 May" beside "12 August 1905" stands out.
    others = (
        Fact.objects.filter(predicate=fact.predicate, date_precision=fact.date_precision)
        .exclude(subject_id=fact.subject_id)
        .select_related("object_entity")
        .order_by("pk")
    )
    return [(other.object_display, other.object_date) for other in others]


def _fallback_objects(fact: Fact) -> list[tuple[str, date | None]]:
    """Entities of the key's kind, or the same date a few years either side."""
    if fact.object_entity_id:
        kind = fact.object_entity.kind
        entities = Entity.objects.filter(kind=kind).exclude(pk=fact.subject_id).order_by("pk")
        return [(entity.name, None) for entity in entities]
    if fact.object_date:
        # A day given with no year is shifted by weeks: the same day of another year reads alike.
        no_year = fact.date_precision == Fact.Precision.DAY_MONTH
        shifted = []
        for step in (-3, -2, -1, 1, 2, 3):
            when = (
                fact.object_date + timedelta(weeks=step)
                if no_year
                else _shift_years(fact.object_date, step)
            )
            shifted.append((format_date(when, fact.date_precision), when))
        return shifted
    return []


def _pick(candidates, stated: set[str], rng: random.Random) -> list[tuple[str, date | None]]:
    pool: dict[str, tuple[str, date | None]] = {}
    for text, when in candidates:
        if text and normalise(text) not in stated:
            pool.setdefault(normalise(text), (text, when))
    choices = list(pool.values())
    return rng.sample(choices, min(OPTIONS - 1, len(choices)))


def _shift_years(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def answer_choice(exercise: Exercise, answer, *, now: datetime) -> Outcome:
    item, question = exercise.item, exercise.question
    result = grade(question, answer)
    if result.is_correct:
        item.stage = LearnItem.Stage.RECALL
    else:
        item.mistakes += 1
    item.updated_at = now
    item.save(update_fields=["stage", "mistakes", "updated_at"])
    return Outcome(
        exercise.fact,
        result.is_correct,
        answer_text=describe_answer(question, answer) if answer else "",
        key_text=describe_key(question),
        grade=result,
    )


def answer_recall(
    exercise: Exercise,
    typed: str,
    *,
    user,
    now: datetime,
    profile: StudyProfile,
    accept: bool = False,
) -> Outcome:
    """Check typed recall; `accept` is the learner saying a near miss was right (a typo)."""
    item, prompt = exercise.item, exercise.prompt
    right = accept or recall_is_right(typed, prompt)
    outcome = Outcome(
        exercise.fact, right, answer_text=typed, key_text=prompt.answer, grade=Grade(float(right))
    )
    if right:
        graduate(item, user=user, now=now, profile=profile)
        outcome.graduated = True
    else:
        item.mistakes += 1
        item.updated_at = now
        item.save(update_fields=["mistakes", "updated_at"])
    return outcome


def graduate(item: LearnItem, *, user, now: datetime, profile: StudyProfile) -> ReviewLog:
    rating = Rating.GOOD if item.mistakes == 0 else Rating.HARD
    log = rate(
        user=user,
        fact=item.fact,
        rating=rating,
        now=now,
        profile=profile,
        mode=ReviewLog.Mode.LEARN,
    )
    item.delete()
    return log


def recall_is_right(typed: str, prompt: Prompt) -> bool:
    """An accepted answer, ignoring case and punctuation; for long answers, most key words."""
    said = normalise(typed or "")
    if not said:
        return False
    if said in {normalise(answer) for answer in prompt.accepted}:
        return True
    key_words = {word for word in normalise(prompt.answer).split() if len(word) > 3}
    if len(key_words) < 4:
        return False
    return len(key_words & set(said.split())) / len(key_words) >= KEY_WORDS_NEEDED


def _overlap(one: Fact, other: Fact) -> bool:
    return one.source_id == other.source_id and one.start < other.end and other.start < one.end
