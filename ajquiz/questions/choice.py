"""Multiple choice: one key (from the object, or the subject), or several keys."""

from __future__ import annotations

import re

from ajquiz.content.predicates import ObjectType
from ajquiz.questions import distractors
from ajquiz.questions.drafts import (
    OPTION_IDS,
    Draft,
    Kind,
    asks_for_subject,
    distinct_objects,
    in_stem,
    key_position,
    object_phrase,
    option_dict,
    rng_for,
    stem_for,
)
from ajquiz.questions.phrasing import (
    echoed_names,
    points_to_key,
    render_stem,
    unshared_echoes,
)


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
    if asks_for_subject(template):
        return build_reverse_choice(template, facts, store, seed)
    if _open_ended(fact):
        return None
    stem = stem_for(template, fact, store)
    if stem is None:
        return None
    count = template.option_count - 1
    position = key_position(template, facts, seed, template.option_count)
    rng = rng_for("mc", template.slug, fact.slug, seed)
    if fact.object_type == ObjectType.DATE:
        return _date_choice(template, fact, store, rng, stem, count, position)
    wrong = _choices(template, fact, store, rng, count, position)
    key = distractors.Choice(fact.object_display, fact.object_key)
    if len(wrong) < count or in_stem(key.text, stem):
        return None
    if points_to_key([key.text], [choice.text for choice in wrong], stem):
        if fact.object_type == ObjectType.NUMBER:
            return None
        wrong = _echoing(
            _choices(
                template,
                fact,
                store,
                rng_for("mce", template.slug, fact.slug, seed),
                count * 20,
                position,
            ),
            stem,
            count,
            key.text,
        )
        if wrong is None:
            return None
    if fact.object_type == ObjectType.NUMBER:
        ordered = sorted([*wrong, key], key=lambda choice: _leading_number(choice.text))
    else:
        ordered = [*wrong[:position], key, *wrong[position:]]
    return _choice_draft(ordered, key, fact, store, stem, shuffle=fact.object_type != "number")


def _open_ended(fact) -> bool:
    """What a country or organisation took part in, joined or signed: the sources never list
    all of it, so no option offered as wrong can be known to be wrong (true/false questions
    leave such facts out for the same reason). Asking which country took part stays."""
    return (
        fact.predicate in distractors.COLLECTIVE_PREDICATES
        and fact.subject.kind in distractors.COLLECTIVE_KINDS
    )


def _echoing(pool, stem, count, key_text):
    """`count` of `pool` among which, for each name of the stem the key echoes, one option
    echoes it too, so that no option stands out: "What did Japan gain?" offers "Japanese
    tariff autonomy" beside another "Japanese" option. None when the pool cannot."""
    chosen = []
    for name in sorted(unshared_echoes([key_text], [], stem)):
        echo = next(
            (c for c in pool if c not in chosen and name in echoed_names(c.text, stem)), None
        )
        if echo is None:
            return None
        chosen.append(echo)
    rest = [choice for choice in pool if choice not in chosen]
    if len(chosen) > count or len(chosen) + len(rest) < count:
        return None
    return [*chosen, *rest[: count - len(chosen)]]


def _date_choice(template, fact, store, rng, stem, count, position) -> Draft | None:
    """Years in order; when the stem already names the year (a treaty "of 1911"), or the
    source gives the day with no year, the days."""
    no_year = fact.date_year is None
    # With no year, the days around it are asked as the year-given days are.
    year_given = no_year or in_stem(str(fact.date_year), stem)
    if year_given and fact.precision in ("day", "day_month"):
        wrong = distractors.day_choices(fact, store, rng, count, position)
        key = distractors.Choice(fact.object_display, fact.object_key, 0)
    elif year_given:
        return None
    else:
        wrong = distractors.year_choices(fact, store, rng, count, position)
        key = distractors.Choice(str(fact.date_year), fact.object_key, fact.date_year)
    if len(wrong) < count or in_stem(key.text, stem):
        return None
    if year_given:
        stem = stem.replace("In which year", "On which date")
    ordered = sorted([*wrong, key], key=lambda choice: choice.year)
    if not template.predicate:
        stem = stem.replace(" on …", " in …") if not year_given else stem
    return _choice_draft(ordered, key, fact, store, stem, shuffle=False)


def _choice_draft(ordered, key, fact, store, stem, *, shuffle) -> Draft:
    options = [
        option_dict(index, choice, choice is key, fact, store)
        for index, choice in enumerate(ordered)
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
    stem = render_stem(template.stem, obj=object_phrase(fact), qualifier=fact.qualifier)
    stating = store.subjects_stating(fact.predicate, fact.object_key)
    if len(stating) != 1:
        return None  # several subjects would be right: a multiple-response question asks that
    count = template.option_count - 1
    rng = rng_for("rmc", template.slug, fact.slug, seed)
    year = distractors.year_of(fact)
    named = fact.object_entity.name if fact.object_entity is not None else fact.object_display
    # Neither "Russia" as what opposed the Russian attempt to seize Tsushima, nor South Korea.
    pool = [
        entity
        for entity in store.entities_by_kind.get(fact.subject.kind, [])
        if entity.id not in stating
        and (fact.object_entity is None or entity.id != fact.object_entity.id)
        and not distractors.names(named, entity)
        and not distractors.of_another_age(entity, year)
    ]
    rng.shuffle(pool)
    if len(pool) < count or in_stem(fact.subject.name, stem):
        return None
    position = key_position(template, facts, seed, template.option_count)
    choices = [distractors.Choice(entity.name, f"entity:{entity.id}") for entity in pool]
    wrong = choices[:count]
    key = distractors.Choice(fact.subject.name, f"entity:{fact.subject.id}")
    if points_to_key([key.text], [choice.text for choice in wrong], stem):
        wrong = _echoing(choices, stem, count, key.text)
        if wrong is None:
            return None
    ordered = [*wrong[:position], key, *wrong[position:]]
    options = [
        {"id": OPTION_IDS[index], "text": choice.text, "correct": choice is key, "feedback": ""}
        for index, choice in enumerate(ordered)
    ]
    return Draft(Kind.MULTIPLE_CHOICE, stem, {"options": options, "shuffle": True}, [fact])


def build_multiple_response(template, facts, store, seed) -> Draft | None:
    """Several keys: every object the store states for one subject and predicate."""
    first = facts[0]
    keys = distinct_objects(facts)
    if not 2 <= len(keys) <= 4 or first.object_entity is None or _open_ended(first):
        return None
    if len({fact.object_entity.kind for fact in keys}) > 1:
        # Wrong options of one key's kind leave the key of another standing out: "Which of
        # these did Japan support?" – the Entente beside a river and two islands.
        return None
    stem = stem_for(template, first, store)
    if stem is None:
        return None
    rng = rng_for("mr", template.slug, first.slug, seed)
    wanted = min(max(template.option_count - len(keys), 2), len(OPTION_IDS) - len(keys))
    wrong = distractors.entity_choices(first, store, rng, wanted)
    if len(wrong) < wanted:
        return None
    right = [distractors.Choice(fact.object_display, fact.object_key) for fact in keys]
    if any(in_stem(choice.text, stem) for choice in right):
        return None
    if points_to_key([c.text for c in right], [c.text for c in wrong], stem):
        return None
    ordered = sorted([*right, *wrong], key=lambda choice: rng_for(seed, choice.key).random())
    right_keys = {choice.key for choice in right}
    options = [
        option_dict(index, choice, choice.key in right_keys, first, store)
        for index, choice in enumerate(ordered)
    ]
    return Draft(Kind.MULTIPLE_RESPONSE, stem, {"options": options, "shuffle": True}, keys)
