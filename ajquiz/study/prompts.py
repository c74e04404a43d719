"""The fronts of a fact's card: a claim with a blank, in one of three shapes.

- question: "<subject> <predicate label> ___" -> the object ("Japan was a party to ___");
- cloze: the fact's anchored quote with the answer blanked, in the source's own words;
- reverse: "___ <predicate label> <object>" -> the subject, only for entity objects and only
  when no other fact has the same predicate and object (else the reverse has several answers).

A question is left out when another fact has the same subject and predicate: "Matsumura
argues that ___" has dozens of right answers; and when the predicate's objects are clauses
(FREE_CLAUSE). When nothing else works, the fact's statement with its object blanked is the
front.

One card per fact, its prompt varying by day (see Card's docstring for why): the first day a
fact is met shows the first variant; later days rotate through them, the same all day long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ajquiz.content.formatting import MONTHS, format_date, format_number
from ajquiz.content.models import Fact
from ajquiz.content.predicates import FREE_CLAUSE, PREDICATES, ObjectType
from ajquiz.questions.phrasing import agreeing, dated_label, noun_phrase, sentence

MIN_CONTEXT = 12  # characters left around a cloze's blank, or the gap gives nothing to go on


@dataclass(frozen=True)
class Prompt:
    kind: str  # question | cloze | reverse | statement
    instruction: str
    before: str
    after: str
    answer: str
    hint: str = ""
    accepted: tuple[str, ...] = field(default=())

    @property
    def is_quote(self) -> bool:
        return self.kind == "cloze"

    @property
    def plain(self) -> str:
        """The front as one line of text, the blank written as '___'."""
        return f"{self.before}___{self.after}"


def variants(
    fact: Fact, *, question_is_unique: bool = True, reverse_is_unique: bool = False
) -> list[Prompt]:
    """The fronts this fact supports, question first (needs subject and object_entity loaded)."""
    found = []
    # "Japan is characterised by ___" asks for a clause nobody could guess the wording of.
    if question_is_unique and fact.predicate not in FREE_CLAUSE:
        found.append(question_prompt(fact))
    cloze = cloze_prompt(fact)
    if cloze:
        found.append(cloze)
    if reverse_is_unique and fact.object_type == ObjectType.ENTITY and fact.object_entity_id:
        found.append(reverse_prompt(fact))
    if not found:
        found.append(statement_prompt(fact) or question_prompt(fact))
    return found


def prompt_for_day(fact: Fact, *, day: date, first_seen: date | None, **uniqueness) -> Prompt:
    """The front shown on `day`: the first variant on the day the fact is met, then rotating."""
    options = variants(fact, **uniqueness)
    if first_seen is None or first_seen >= day:
        return options[0]
    return options[(day.toordinal() + fact.pk) % len(options)]


def label_of(fact: Fact) -> str:
    predicate = PREDICATES.get(fact.predicate)
    return predicate.label if predicate else fact.predicate.replace("_", " ")


def hint_of(fact: Fact) -> str:
    object_type = fact.object_type
    if object_type == ObjectType.DATE:
        return {"year": "a year", "month": "a month and year", "day_month": "a day and month"}.get(
            fact.date_precision, "a date"
        )
    if object_type == ObjectType.NUMBER:
        return "a number"
    if object_type == ObjectType.ENTITY and fact.object_entity_id:
        return _with_article(fact.object_entity.get_kind_display().lower())
    return ""


def claim_lead(fact: Fact) -> str:
    """How a claim about the fact's object opens, the object left out: "The Kuril Islands were
    ceded to", "The Russo-Japanese War ended in", "The United Kingdom:" before a clause."""
    subject = sentence(noun_phrase(fact.subject))
    # A clause follows no predicate's wording ("Japan is characterised by disappointed by ..."):
    # the subject alone leads into it.
    if fact.predicate in FREE_CLAUSE:
        return f"{subject}:"
    # "marked the anniversary of ___" (50 years), not "... of (years) ___": the answer says it.
    label = re.sub(r"\s*\([^()]*\)", "", label_of(fact))
    label = dated_label(label, fact.object_type, fact.date_precision)
    return f"{subject} {agreeing(label, fact.subject)}"  # "British banks argue that"


def question_prompt(fact: Fact) -> Prompt:
    return Prompt(
        kind="question",
        instruction="Complete the claim.",
        before=f"{claim_lead(fact)} ",
        after="",
        answer=fact.object_display,
        hint=hint_of(fact),
        accepted=tuple(accepted_answers(fact)),
    )


def reverse_prompt(fact: Fact) -> Prompt:
    subject = fact.subject
    return Prompt(
        kind="reverse",
        instruction="Who or what? Complete the claim.",
        before="",
        after=f" {label_of(fact)} {noun_phrase(fact.object_entity)}",
        answer=subject.name,
        hint=_with_article(subject.get_kind_display().lower()),
        accepted=tuple(subject.all_names),
    )


def cloze_prompt(fact: Fact) -> Prompt | None:
    return _blanked(fact, fact.quote, kind="cloze", instruction="Fill the gap in the source.")


def statement_prompt(fact: Fact) -> Prompt | None:
    return _blanked(fact, fact.statement, kind="statement", instruction="Complete the claim.")


def _blanked(fact: Fact, text: str, *, kind: str, instruction: str) -> Prompt | None:
    span = find_answer(text, accepted_answers(fact))
    if span is None:
        return None
    start, end = span
    before, after = text[:start], text[end:]
    if len(before.strip()) + len(after.strip()) < MIN_CONTEXT:
        return None
    matched = text[start:end]
    accepted = tuple(dict.fromkeys([matched, *accepted_answers(fact)]))
    return Prompt(
        kind=kind,
        instruction=instruction,
        before=before,
        after=after,
        answer=matched,
        hint=hint_of(fact),
        accepted=accepted,
    )


def find_answer(text: str, candidates: list[str]) -> tuple[int, int] | None:
    """Where the longest candidate first occurs in `text` as whole words, ignoring case."""
    searchable = text.replace("’", "'")
    for candidate in sorted({c.strip() for c in candidates if c.strip()}, key=len, reverse=True):
        pattern = r"(?<!\w)" + re.escape(candidate.replace("’", "'")) + r"(?!\w)"
        match = re.search(pattern, searchable, flags=re.IGNORECASE)
        if match:
            return match.start(), match.end()
    return None


def accepted_answers(fact: Fact) -> list[str]:
    """What a learner may type for the object: names and aliases, date and number forms."""
    object_type = fact.object_type
    if object_type == ObjectType.ENTITY:
        return fact.object_entity.all_names if fact.object_entity_id else []
    if object_type == ObjectType.DATE and fact.object_date:
        return _date_forms(fact)
    if object_type == ObjectType.NUMBER and fact.object_number is not None:
        number = format_number(fact.object_number)
        forms = [number, number.replace(",", "")]
        if fact.object_unit:
            forms.insert(0, f"{number} {fact.object_unit}")
        return list(dict.fromkeys(forms))
    return [fact.object_text] if fact.object_text else []


def _date_forms(fact: Fact) -> list[str]:
    value, precision = fact.object_date, fact.date_precision
    forms = [format_date(value, precision)]
    if precision == Fact.Precision.DAY:
        forms += [f"{MONTHS[value.month - 1]} {value.day}, {value.year}", value.isoformat()]
    if precision == Fact.Precision.DAY_MONTH:
        forms.append(f"{MONTHS[value.month - 1]} {value.day}")
    return forms


def _with_article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
