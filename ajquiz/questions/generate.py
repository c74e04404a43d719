"""Turning facts into questions with templates: one builder per kind.

A builder takes a template, the facts it asks about, the fact store and a seed, and returns a
Draft or None when the facts cannot make an honest question of that kind (too few distractors,
the key would appear in the stem, a negative stem...). The same inputs always give the same
Draft: randomness comes only from random.Random(seed material).
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from ajquiz.content.models import QuestionTemplate
from ajquiz.content.predicates import PREDICATES, ObjectType
from ajquiz.questions import distractors
from ajquiz.questions.grading import normalise
from ajquiz.questions.phrasing import event_phrase, is_negative, render_stem, sentence
from ajquiz.questions.store import YEAR, FactStore, FactView

Kind = QuestionTemplate.Kind
OPTION_IDS = "abcdefgh"
ARTICLE_BEFORE = re.compile(r"\b(a|an)\s+$", re.IGNORECASE)
MIN_CLOZE_CONTEXT = 30  # characters left around the blank, so the quote says what is missing
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_NAMES})\b|\b(?:{MONTH_NAMES}) \d{{4}}\b"
)
NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
STOPWORDS = {
    "because",
    "between",
    "however",
    "therefore",
    "through",
    "without",
    "against",
    "within",
}
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?![\w,])")
MIN_GROUP, GROUP_SIZE = 3, 4


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


def build(template, facts: list[FactView], store: FactStore, seed: int) -> Draft | None:
    builder = BUILDERS[template.kind]
    draft = builder(template, facts, store, seed)
    if draft is None:
        return None
    draft.template, draft.seed = template.slug, seed
    # Feedback pages show each fact's statement and quote; only a template's own note goes here.
    draft.feedback = template.feedback
    return draft


# --- multiple choice ----------------------------------------------------------------------


def _reverse(template) -> bool:
    """A stem naming {object} but not {subject} asks for the subject."""
    return "{object}" in template.stem and "{subject}" not in template.stem


def _choices(template, fact, store, rng, count, position):
    if fact.object_type == ObjectType.NUMBER:
        return distractors.number_choices(fact, store, rng, count, position)
    strategy = template.distractor_strategy
    if fact.object_type == ObjectType.ENTITY and strategy == template.Strategy.SAME_KIND:
        found = distractors.entity_choices(fact, store, rng, count)
        if len(found) >= count:
            return found
    return distractors.same_predicate_choices(fact, store, rng, count)


def build_multiple_choice(template, facts, store, seed) -> Draft | None:
    fact = facts[0]
    if _reverse(template):
        return build_reverse_choice(template, facts, store, seed)
    stem = _stem(template, fact, store)
    if stem is None:
        return None
    count = template.option_count - 1
    position = key_position(template, facts, seed, template.option_count)
    rng = rng_for("mc", template.slug, fact.slug, seed)
    if fact.object_type == ObjectType.DATE:
        return _date_choice(template, fact, store, rng, stem, count, position)
    wrong = _choices(template, fact, store, rng, count, position)
    key = distractors.Choice(fact.object_display, fact.object_key)
    if len(wrong) < count or _in_stem(key.text, stem):
        return None
    if fact.object_type == ObjectType.NUMBER:
        ordered = sorted([*wrong, key], key=lambda choice: _leading_number(choice.text))
    else:
        ordered = [*wrong[:position], key, *wrong[position:]]
    return _choice_draft(ordered, key, fact, store, stem, shuffle=fact.object_type != "number")


def _date_choice(template, fact, store, rng, stem, count, position) -> Draft | None:
    """Years in order; when the stem already names the year (a treaty "of 1911"), the days."""
    year_given = _in_stem(str(fact.date_year), stem)
    if year_given and fact.precision == "day":
        wrong = distractors.day_choices(fact, store, rng, count, position)
        key = distractors.Choice(fact.object_display, fact.object_key, 0)
    elif year_given:
        return None
    else:
        wrong = distractors.year_choices(fact, store, rng, count, position)
        key = distractors.Choice(str(fact.date_year), fact.object_key, fact.date_year)
    if len(wrong) < count or _in_stem(key.text, stem):
        return None
    if year_given:
        stem = stem.replace("In which year", "On which date")
    ordered = sorted([*wrong, key], key=lambda choice: choice.year)
    if not template.predicate:
        stem = stem.replace(" on …", " in …") if not year_given else stem
    return _choice_draft(ordered, key, fact, store, stem, shuffle=False)


def _choice_draft(ordered, key, fact, store, stem, *, shuffle) -> Draft:
    options = [
        _option(index, choice, choice is key, fact, store) for index, choice in enumerate(ordered)
    ]
    return Draft(Kind.MULTIPLE_CHOICE, stem, {"options": options, "shuffle": shuffle}, [fact])


def _leading_number(text: str):
    match = re.match(r"[\d,.]+", text)
    return float(match.group().replace(",", "")) if match else 0.0


def build_reverse_choice(template, facts, store, seed) -> Draft | None:
    """ "Which of these opposed the alliance?": the key is the subject; distractors are
    entities of its kind that the store does not state with this predicate and object."""
    fact = facts[0]
    if fact.object_entity is None and fact.object_type != ObjectType.TEXT:
        return None
    stem = render_stem(template.stem, obj=_object_phrase(fact), qualifier=fact.qualifier)
    stating = store.subjects_stating(fact.predicate, fact.object_key)
    if len(stating) != 1:
        return None  # several subjects would be right: a multiple-response question asks that
    count = template.option_count - 1
    rng = rng_for("rmc", template.slug, fact.slug, seed)
    pool = [
        entity
        for entity in store.entities_by_kind.get(fact.subject.kind, [])
        if entity.id not in stating
        and (fact.object_entity is None or entity.id != fact.object_entity.id)
    ]
    rng.shuffle(pool)
    if len(pool) < count or _in_stem(fact.subject.name, stem):
        return None
    position = key_position(template, facts, seed, template.option_count)
    wrong = [distractors.Choice(entity.name, f"entity:{entity.id}") for entity in pool[:count]]
    key = distractors.Choice(fact.subject.name, f"entity:{fact.subject.id}")
    ordered = [*wrong[:position], key, *wrong[position:]]
    options = [
        {"id": OPTION_IDS[index], "text": choice.text, "correct": choice is key, "feedback": ""}
        for index, choice in enumerate(ordered)
    ]
    return Draft(Kind.MULTIPLE_CHOICE, stem, {"options": options, "shuffle": True}, [fact])


def build_multiple_response(template, facts, store, seed) -> Draft | None:
    """Several keys: every object the store states for one subject and predicate."""
    first = facts[0]
    keys = _distinct_objects(facts)
    if not 2 <= len(keys) <= 4 or first.object_entity is None:
        return None
    stem = _stem(template, first, store)
    if stem is None:
        return None
    rng = rng_for("mr", template.slug, first.slug, seed)
    wanted = min(max(template.option_count - len(keys), 2), len(OPTION_IDS) - len(keys))
    wrong = distractors.entity_choices(first, store, rng, wanted)
    if len(wrong) < wanted:
        return None
    right = [distractors.Choice(fact.object_display, fact.object_key) for fact in keys]
    if any(_in_stem(choice.text, stem) for choice in right):
        return None
    ordered = sorted([*right, *wrong], key=lambda choice: rng_for(seed, choice.key).random())
    right_keys = {choice.key for choice in right}
    options = [
        _option(index, choice, choice.key in right_keys, first, store)
        for index, choice in enumerate(ordered)
    ]
    return Draft(Kind.MULTIPLE_RESPONSE, stem, {"options": options, "shuffle": True}, keys)


def _option(index, choice, correct, fact, store) -> dict:
    option = {"id": OPTION_IDS[index], "text": choice.text, "correct": correct, "feedback": ""}
    if not correct:
        feedback, other = distractors.misconception(choice, fact, store)
        if other:
            option["feedback"], option["fact"] = feedback, other
    return option


def _distinct_objects(facts):
    seen, distinct = set(), []
    for fact in facts:
        if fact.object_key not in seen:
            seen.add(fact.object_key)
            distinct.append(fact)
    return distinct


# --- true or false ------------------------------------------------------------------------


def build_true_false(template, facts, store, seed) -> Draft | None:
    """The fact's statement, or the statement with its object swapped for a distractor.

    Where the object cannot be found in the statement, both the true and the false version
    are built from the predicate's wording instead, so that the two read alike.
    """
    fact = facts[0]
    says_true = rng_for("tf", template.slug, fact.slug, seed).random() < 0.5
    wrong = _wrong_object(template, fact, store, seed)
    if wrong is None:
        return None
    shown, replacement = wrong
    if shown and fact.statement.count(shown) == 1 and not is_negative(fact.statement):
        true_claim = fact.statement
        false_claim = fact.statement.replace(shown, replacement)
    else:
        true_claim = _plain_claim(fact, fact.object_display)
        false_claim = _plain_claim(fact, replacement)
    claim = true_claim if says_true else false_claim
    if claim is None or is_negative(claim):
        return None
    payload = {"answer": says_true, "correction": "" if says_true else fact.statement}
    return Draft(Kind.TRUE_FALSE, template.stem.replace("{statement}", claim), payload, [fact])


def _wrong_object(template, fact, store, seed) -> tuple[str, str] | None:
    """The object as the statement shows it, and a distractor the store does not state."""
    rng = rng_for("tf-false", template.slug, fact.slug, seed)
    if fact.object_type == ObjectType.DATE:
        wrong = distractors.year_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        # "12 August 1905" becomes "12 August 1903": the same form, another year.
        return fact.object_display, fact.object_display.replace(str(fact.date_year), wrong[0].text)
    if fact.object_type == ObjectType.NUMBER:
        wrong = distractors.number_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        return fact.object_display.split()[0], wrong[0].text.split()[0]
    if fact.object_entity is not None:
        wrong = distractors.entity_choices(fact, store, rng, 1)
    else:
        wrong = distractors.same_predicate_choices(fact, store, rng, 4)
    wrong = [choice for choice in wrong if not is_negative(choice.text)]
    return (fact.object_display, wrong[0].text) if wrong else None


def _plain_claim(fact, object_text: str) -> str | None:
    """ "<Subject> <predicate label> <object>." from the vocabulary's wording."""
    from ajquiz.content.predicates import PREDICATES
    from ajquiz.questions.phrasing import noun_phrase

    predicate = PREDICATES.get(fact.predicate)
    if predicate is None or "(" in predicate.label:
        return None
    label = predicate.label
    if fact.object_type == ObjectType.DATE and fact.precision != "day":
        label = re.sub(r"\bon$", "in", label)
    keep_qualifier = fact.qualifier and not is_negative(fact.qualifier)
    qualifier = f" ({fact.qualifier})" if keep_qualifier else ""
    return sentence(f"{noun_phrase(fact.subject)} {label} {object_text}{qualifier}.")


# --- typed answers ------------------------------------------------------------------------


def build_short_answer(template, facts, store, seed) -> Draft | None:
    fact = facts[0]
    if fact.object_entity is None or store.siblings(fact)[0] is not fact:
        return None  # one question per subject and predicate: it accepts every stated object
    stem = _stem(template, fact, store)
    if stem is None:
        return None
    accepted = []
    for sibling in _distinct_objects(store.siblings(fact)):
        accepted.extend(_names(sibling.object_entity, store))
    if any(_in_stem(name, stem) for name in accepted):
        return None
    others = [s.object_display for s in _distinct_objects(store.siblings(fact)) if s is not fact]
    answer = fact.object_display + (f" (also right: {'; '.join(others)})" if others else "")
    payload = {"answer": fact.object_display, "accepted": sorted(set(accepted)), "display": answer}
    return Draft(Kind.SHORT_ANSWER, stem, payload, [fact])


def _names(entity, store) -> list[str]:
    """The name, its aliases, and a person's surname alone where no other person shares it."""
    names = [entity.name, *entity.aliases]
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


def build_numeric(template, facts, store, seed) -> Draft | None:
    fact = facts[0]
    if fact.object_type != ObjectType.DATE or not fact.date_year:
        return None
    stem = _stem(template, fact, store)
    if stem is None or _in_stem(str(fact.date_year), stem):
        return None
    payload = {"answer": fact.date_year, "tolerance": template.tolerance, "unit": "year"}
    return Draft(Kind.NUMERIC, stem, payload, [fact])


def build_cloze(template, facts, store, seed) -> Draft | None:
    """A blank inside the fact's quote, shown within its source sentence, over an entity,
    a date, a number or (for claims with none) the claim's most telling word."""
    fact = facts[0]
    found = _cloze_key(fact, store)
    if found is None:
        return None
    start, text, accepted = found
    sentence = fact.sentence
    payload = {
        "before": sentence[:start],
        "after": sentence[start + len(text) :],
        "answer": text,
        "accepted": sorted({name for name in accepted if name != text}),
    }
    stem = render_stem(template.stem, subject=fact.subject, source=fact.source_title)
    return Draft(Kind.CLOZE, stem, payload, [fact])


def _cloze_key(fact, store):
    """(offset in the sentence, blanked text, accepted variants), or None."""
    quote, sentence = fact.quote, fact.sentence
    for text, accepted in _cloze_candidates(fact, store):
        if len(text) < 2:
            continue
        match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", quote)
        if not match or sentence.count(text) != 1 or len(sentence) - len(text) < MIN_CLOZE_CONTEXT:
            continue
        start = fact.quote_at + match.start()
        article = ARTICLE_BEFORE.search(sentence[:start])
        if article:  # blank the article too, so it cannot cue the answer
            return article.start(), sentence[article.start() : start + len(text)], [text, *accepted]
        return start, text, accepted
    return None


def _cloze_candidates(fact, store):
    quote = fact.quote
    candidates = []
    if fact.object_entity is not None:
        names = _names(fact.object_entity, store)
        candidates += [(name, names) for name in names]
    if fact.object_type == ObjectType.NUMBER:
        candidates.append((fact.object_display.split()[0], []))
    if fact.date_year:
        candidates.append((str(fact.date_year), []))
    subject_names = _names(fact.subject, store)
    candidates += [(name, subject_names) for name in subject_names]
    candidates += [(match.group(), []) for match in DAY_MONTH.finditer(quote)]
    candidates += [(year, []) for year in YEAR.findall(quote)]
    candidates += [(match.group(), []) for match in NUMBER.finditer(quote)]
    candidates += [(match.group(), []) for match in NUMBER_WORD.finditer(quote)]
    # Last resort for claims with no name, date or number: the object's most telling word.
    words = sorted(set(WORD.findall(fact.object_display)) - STOPWORDS, key=lambda w: (-len(w), w))
    candidates += [(word, []) for word in words if len(word) >= 6]
    return candidates


# --- matching and ordering ----------------------------------------------------------------


def build_matching(template, facts, store, seed) -> Draft | None:
    if not MIN_GROUP <= len(facts) <= 6:
        return None
    rng = rng_for("match", template.slug, *[fact.slug for fact in facts], seed)
    rights_text = [_object_text(fact) for fact in facts]
    if len(set(map(normalise, rights_text))) != len(facts):
        return None
    for fact in facts:
        stated = store.stated_object_keys(fact.subject.id, fact.predicate)
        if any(other.object_key in stated for other in facts if other is not fact):
            return None  # another right item is also true of this left item
    lefts = [
        {"id": f"l{index + 1}", "text": sentence(fact.subject.name)}
        for index, fact in enumerate(facts)
    ]
    order = list(range(len(facts)))
    if facts[0].object_type == ObjectType.DATE:
        order.sort(key=lambda index: facts[index].date_year)
    else:
        rng.shuffle(order)
    rights = [
        {"id": f"r{position + 1}", "text": rights_text[index]}
        for position, index in enumerate(order)
    ]
    right_id = {index: rights[position]["id"] for position, index in enumerate(order)}
    key = {lefts[index]["id"]: right_id[index] for index in range(len(facts))}
    return Draft(
        Kind.MATCHING, template.stem, {"lefts": lefts, "rights": rights, "key": key}, list(facts)
    )


def _object_text(fact) -> str:
    if fact.object_type == ObjectType.DATE:
        return str(fact.date_year)
    return fact.object_display


def build_ordering(template, facts, store, seed) -> Draft | None:
    if not MIN_GROUP <= len(facts) <= 5:
        return None
    years = [fact.date_year for fact in facts]
    if None in years or len(set(years)) != len(years):
        return None
    texts = [event_phrase(fact) for fact in facts]
    if None in texts or len(set(texts)) != len(texts) or any(YEAR.search(text) for text in texts):
        return None
    rng = rng_for("order", template.slug, *[fact.slug for fact in facts], seed)
    items = [
        {"id": f"i{index + 1}", "text": text, "year": fact.date_year}
        for index, (fact, text) in enumerate(zip(facts, texts, strict=True))
    ]
    key = [item["id"] for item in sorted(items, key=lambda item: item["year"])]
    for _ in range(5):
        rng.shuffle(items)
        if [item["id"] for item in items] != key:
            break
    payload = {"items": items, "key": key, "direction": "earliest first"}
    return Draft(Kind.ORDERING, template.stem, payload, list(facts))


# --- shared -------------------------------------------------------------------------------


def _stem(template, fact, store) -> str | None:
    """The stem for a fact; a subject with several different objects needs its qualifier."""
    siblings = _distinct_objects(store.siblings(fact))
    qualifier = ""
    if len(siblings) > 1 and template.kind == Kind.NUMERIC:
        qualifiers = {sibling.qualifier for sibling in siblings}
        if not fact.qualifier or len(qualifiers) != len(siblings):
            return None
        qualifier = fact.qualifier
    label = PREDICATES[fact.predicate].label if fact.predicate in PREDICATES else ""
    if "{label}" in template.stem and (not label or "(" in label):
        return None
    stem = render_stem(template.stem, subject=fact.subject, obj=_object_phrase(fact), label=label)
    if qualifier:
        stem = (
            f"{stem[:-1]} ({qualifier}){stem[-1]}"
            if stem.endswith("?")
            else f"{stem} ({qualifier})"
        )
    if is_negative(stem):
        return None
    return stem


def _object_phrase(fact) -> str:
    from ajquiz.questions.phrasing import noun_phrase

    return noun_phrase(fact.object_entity) if fact.object_entity else fact.object_display


def _in_stem(text: str, stem: str) -> bool:
    key = normalise(text)
    return bool(key) and f" {key} " in f" {normalise(stem)} "


BUILDERS = {
    Kind.MULTIPLE_CHOICE: build_multiple_choice,
    Kind.MULTIPLE_RESPONSE: build_multiple_response,
    Kind.TRUE_FALSE: build_true_false,
    Kind.SHORT_ANSWER: build_short_answer,
    Kind.NUMERIC: build_numeric,
    Kind.CLOZE: build_cloze,
    Kind.MATCHING: build_matching,
    Kind.ORDERING: build_ordering,
}
