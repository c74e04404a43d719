"""Drafts of questions and what the builders of every kind share."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from ajquiz.content.models import QuestionTemplate
from ajquiz.content.predicates import sentence_label
from ajquiz.questions import distractors
from ajquiz.questions.grading import normalise
from ajquiz.questions.phrasing import is_negative, reads_after_label, render_stem
from ajquiz.questions.store import FactView

Kind = QuestionTemplate.Kind
OPTION_IDS = "abcdefgh"
# Words that tell nothing of what a key says.
# fmt: off
FUNCTION_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "been", "its", "it", "that", "this", "these",
    "those", "their", "his", "her", "which", "who",
}
# fmt: on


# A reason, purpose, outcome or description holds only where its qualifier says: "What
# motivated Japan (at the Washington Naval Conference)?", "How do the sources describe Japan
# (at the 1921 Imperial Conference)?" – others the sources give for Japan would be right too.
ASKED_WITH_QUALIFIER = frozenset(
    {
        "reason",
        "purpose",
        "motivation",
        "outcome",
        "response_to",
        "described_as",
        "attribute",
        "visited",
    }
)


@dataclass
class Draft:
    kind: str
    stem: str
    payload: dict
    facts: list[FactView]
    feedback: str = ""
    template: str = ""
    seed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def key_text(self) -> str:
        payload = self.payload
        if self.kind in {Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE}:
            return "; ".join(option["text"] for option in payload["options"] if option["correct"])
        if self.kind == Kind.TRUE_FALSE:
            return str(payload["answer"])
        if self.kind == Kind.ORDERING:
            texts = {item["id"]: item["text"] for item in payload["items"]}
            return " > ".join(texts[item_id] for item_id in payload["key"])
        if self.kind == Kind.MATCHING:
            lefts = {left["id"]: left["text"] for left in payload["lefts"]}
            rights = {right["id"]: right["text"] for right in payload["rights"]}
            return "; ".join(f"{lefts[l_]}={rights[r_]}" for l_, r_ in payload["key"].items())
        return str(payload.get("answer", ""))


def rng_for(*parts) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def key_position(template, facts, seed, option_count) -> int:
    """Where the key goes: a hash spreads keys evenly over positions across the bank."""
    return rng_for("position", template.slug, *[fact.slug for fact in facts], seed).randrange(
        option_count
    )


def asks_for_subject(template) -> bool:
    """A stem naming {object} but not {subject} asks for the subject."""
    return "{object}" in template.stem and "{subject}" not in template.stem


def option_dict(index, choice, correct, fact, store) -> dict:
    option = {"id": OPTION_IDS[index], "text": choice.text, "correct": correct, "feedback": ""}
    if not correct:
        feedback, other = distractors.misconception(choice, fact, store)
        if other:
            option["feedback"], option["fact"] = feedback, other
    return option


def distinct_objects(facts):
    seen, distinct = set(), []
    for fact in facts:
        if fact.object_key not in seen:
            seen.add(fact.object_key)
            distinct.append(fact)
    return distinct


def accepted_names(entity, store) -> list[str]:
    """The name, its aliases, and a person's surname alone where no other person shares it;
    never an alias that names another entity: "Tokyo" stands for Japan in "London and Tokyo",
    but is no answer to where Osaka is."""
    own = normalise(entity.name)
    names = [entity.name]
    for alias in entity.aliases:
        plain = normalise(alias)
        if plain == own or plain not in store.entity_names:
            names.append(alias)
    if entity.kind == "person":
        surname = entity.name.split(",")[0].split()[-1]
        sharing = [
            other
            for other in store.entities_by_kind.get("person", [])
            if surname in other.name.split(",")[0].split()
        ]
        if len(sharing) == 1:
            names.append(surname)
    return names


def stem_for(template, fact, store) -> str | None:
    """The stem for a fact; a subject with several different objects needs its qualifier when
    the question has one answer: a number, or a date the sources give differently ("In which
    year did the Triple Intervention take place (according to the Japan–Russia relations
    article ...)?")."""
    siblings = distinct_objects(store.siblings(fact))
    qualifier = ""
    if len(siblings) > 1 and (template.kind == Kind.NUMERIC or fact.object_type == "date"):
        qualifiers = {sibling.qualifier for sibling in siblings}
        if not fact.qualifier or len(qualifiers) != len(siblings):
            return None
        qualifier = fact.qualifier
    elif _shows_qualifier(template, fact) and (
        len(siblings) == 1 or template.kind not in ANSWERED_BY_EVERY_OBJECT
    ):
        qualifier = fact.qualifier
    label = sentence_label(fact.predicate) or ""
    if "{label}" in template.stem and not (
        label and reads_after_label(fact.predicate, fact.object_display)
    ):
        return None
    if "{unit}" in template.stem and not fact.unit:
        return None
    stem = render_stem(
        template.stem, subject=fact.subject, obj=object_phrase(fact), label=label, unit=fact.unit
    )
    if qualifier:
        stem = (
            f"{stem[:-1]} ({qualifier}){stem[-1]}"
            if stem.endswith("?")
            else f"{stem} ({qualifier})"
        )
    if is_negative(stem):
        return None
    return stem


# Kinds that take every object stated for the subject as right: one object's qualifier
# ("Who signed the 1902 treaty (for Japan)?") would make the others wrong.
ANSWERED_BY_EVERY_OBJECT = frozenset({Kind.SHORT_ANSWER, Kind.MULTIPLE_RESPONSE})
# "in Gregory's view", "according to The Times", "in the view of British banks"
ATTRIBUTION = re.compile(r"^(?:in the view of |according to |in )?(?P<who>.+?)(?:['’]s view)?$")


def names_only_the_subject(fact) -> bool:
    """Whether the qualifier only says whose claim it is when the subject already has: "Stuart
    Gregory argues that … (in Gregory's view)", "The Times supported … (according to The
    Times)"."""
    who = normalise(ATTRIBUTION.match(fact.qualifier.strip())["who"])
    names = [normalise(name) for name in (fact.subject.name, *fact.subject.aliases)]
    return bool(who) and any(name == who or name.endswith(f" {who}") for name in names)


def _shows_qualifier(template, fact) -> bool:
    """Whether the stem carries the fact's qualifier: a reason, purpose or description always
    (it holds only where the qualifier says), any other claim unless the qualifier would give
    the key away ("In which year did Operation NEON take place (the date of the photograph)?")."""
    if not fact.qualifier or names_only_the_subject(fact):
        return False
    if template.kind == Kind.MULTIPLE_CHOICE and fact.predicate in ASKED_WITH_QUALIFIER:
        return True
    key = str(fact.date_year) if fact.date_year else fact.object_display
    return not in_stem(key, fact.qualifier)


def object_phrase(fact) -> str:
    from ajquiz.questions.phrasing import noun_phrase

    return noun_phrase(fact.object_entity) if fact.object_entity else fact.object_display


def in_stem(text: str, stem: str) -> bool:
    """Whether the stem gives `text` away: word for word, or every telling word of a longer
    text (a post's title that states its argument: "What does “… Charts a New Course for
    Regional Security” argue?" – "the quasi alliance charts a new course for regional
    security")."""
    key, normal_stem = normalise(text), f" {normalise(stem)} "
    if not key:
        return False
    if f" {key} " in normal_stem:
        return True
    telling = set(key.split()) - FUNCTION_WORDS
    return len(telling) >= 3 and telling <= set(normal_stem.split())
