"""True or false: the fact's statement, or the same claim with a wrong object."""

from __future__ import annotations

import re
from decimal import Decimal

from ajquiz.content.formatting import quantity, singular_unit
from ajquiz.content.predicates import ObjectType, sentence_label
from ajquiz.questions import distractors
from ajquiz.questions.drafts import Draft, Kind, names_only_the_subject, object_phrase, rng_for
from ajquiz.questions.grading import normalise
from ajquiz.questions.phrasing import (
    agreeing,
    dated_label,
    is_negative,
    noun_phrase,
    reads_after_label,
    sentence,
)
from ajquiz.questions.store import mentions

SWAPS_SEARCHED = 40
BRACKETED_END = re.compile(r"\s*\([^()]*\)$")
# Countries and organisations join, sign and fight in far more than the sources say, so a
# claim that swaps one in or out ("The United Kingdom took part in the Battle of Jutland") may
# be true though the store does not state it: such facts get no false version.
COLLECTIVE_PREDICATES = distractors.COLLECTIVE_PREDICATES
COLLECTIVE_KINDS = distractors.COLLECTIVE_KINDS
SPEAKING = distractors.SPEAKING
BARE_NOUN_PREDICATES = frozenset({"occupation"})
TRAILING_ARTICLE = re.compile(r"(?:^|(?<=\s))(the|a|an) $", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"(the|a|an) ", re.IGNORECASE)
# A qualifier that speaks of the object by a pronoun: "opposed its renewal".
POINTS_BACK = re.compile(r"\b(?:its|it|their|them)\b", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”|(?<!\w)'[^']*'(?!\w)")
# A name inside quotation marks or after a word that describes it ("northern Manchuria",
# "the commentary “The revival ...”") is written as it is, with no article of its own.
MODIFIED = re.compile(r"(?:[“\"'‘]|\b(?:\w+ern|north|south|east|west|central) )$", re.IGNORECASE)
# "an envoy", "an MP", "an 8-year term"; but "a UK trade envoy", "a union", "a 10-year term"
VOWEL_SOUND = re.compile(
    r"(?!U[A-Z]|uni|use|eu|one\b)[aeiouAEIOU]|[FHLMNRSX][A-Z]{0,2}\b|8|1[18](?![\d,.])"
)


def build_true_false(template, facts, store, seed) -> Draft | None:
    """The fact's statement, or the statement with its object swapped for a distractor.

    Where the object cannot be found in the statement, or no distractor fills its place there,
    both the true and the false version are built from the predicate's wording instead, so
    that the two read alike; where that wording does not read as a sentence either, the fact
    is not asked true or false.
    """
    fact = facts[0]
    says_true = rng_for("tf", template.slug, fact.slug, seed).random() < 0.5
    wrong = _wrong_object(template, fact, store, seed)
    if wrong is None:
        return None
    shown, choices = wrong
    replacement = choices[0]
    found = _standing_alone(shown, fact.statement) if shown else []
    if len(found) == 1 and fact.object_type == ObjectType.TEXT:
        # A text swapped into the statement should fill the same slot there as in its own
        # ("due to a lack of supplies", never "due to to stop the ... threat"); without one,
        # the claim is worded from the predicate where its wording reads as a sentence.
        fitting = [choice for choice in choices if _fills_slot(fact, found[0], choice, store)]
        if not fitting:
            fitting = _fitting_swaps(template, fact, found[0], store, seed)
        if fitting:
            replacement = fitting[0]
        elif sentence_label(fact.predicate) is not None:
            found = []
        else:
            # Neither reads: "Captain Simon Staley initially skeptical of Japan's economy".
            return None
    false_claim = None
    if len(found) == 1 and not is_negative(fact.statement):
        true_claim = fact.statement
        start, end = found[0].span()
        before, rest = fact.statement[:start], fact.statement[end:]
        if replacement.text == "1" and not found[0].groupdict().get("ordinal"):
            rest = _singular_unit_after(fact, rest)
        before, object_text = _with_article(before, replacement, store)
        false_claim = before + _in_place_of(found[0], object_text) + rest
        if _named_again(fact, before + rest):
            # Another name of the key stays and keeps it true: "Japan controlled Formosa
            # (the Mariana Islands) as a colony".
            false_claim = None
    if false_claim is None:
        true_claim = _plain_claim(fact, object_phrase(fact))
        false_claim = _plain_claim(
            fact, _false_object(fact, shown, replacement, store), swapped=True
        )
        if true_claim is None:
            # No wording of the predicate reads as a sentence, so no false version reads like
            # the true one: a question that is always true would teach "answer True".
            return None
    claim = true_claim if says_true else false_claim
    if claim is None or is_negative(claim):
        return None
    payload = {"answer": says_true, "correction": "" if says_true else fact.statement}
    return Draft(Kind.TRUE_FALSE, template.stem.replace("{statement}", claim), payload, [fact])


# fmt: off
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)
# fmt: on


def names_its_answer(fact) -> bool:
    """Whether the subject's name holds the count or year the fact states ("the Four-Power
    Treaty was signed by four powers", "DSEI Japan 2019 began on 18 November 2019"), which any
    question of it would give away."""
    if fact.object_type == ObjectType.DATE and fact.date_year:
        return bool(re.search(rf"(?<!\d){fact.date_year}(?!\d)", fact.subject.name))
    if fact.object_type != ObjectType.NUMBER:
        return False
    number = fact.object_display.split()[0]
    written = "|".join(filter(None, (re.escape(number), _in_words(number))))
    return bool(re.search(rf"(?<!\w)(?:{written})(?!\w)", fact.subject.name, re.IGNORECASE))


def _in_words(number: str) -> str:
    """A whole number from two to twenty as a statement writes it ("two castaways"), else ""
    ("one" would want its noun in the singular: "three changes", never "one changes")."""
    return NUMBER_WORDS[int(number)] if number.isdigit() and 2 <= int(number) <= 20 else ""


def _named_again(fact, rest_of_statement: str) -> bool:
    """Whether the statement, without the object found in it, still names the object entity
    outside the subject's own name ("The Siege of Tsingtao took place in Qingdao") and any
    title it quotes ("the blog post 'Anglo-Japan Alliance: new context, old logic'")."""
    if fact.object_entity is None:
        return False
    text = QUOTED.sub(" ", rest_of_statement)
    for name in sorted((fact.subject.name, *fact.subject.aliases), key=len, reverse=True):
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE) if name else text
    # Proper names only: "the alliance" may mean another alliance in a false claim.
    return mentions(text, fact.object_entity, proper_only=True)


def _wrong_object(template, fact, store, seed) -> tuple[str, list[distractors.Choice]] | None:
    """The object as the statement shows it, and distractors the store does not state, the
    one to use first."""
    rng = rng_for("tf-false", template.slug, fact.slug, seed)
    if fact.object_type == ObjectType.DATE and fact.date_year is None:
        # A day the source gives with no year: another day, as the statement writes it.
        wrong = distractors.day_choices(fact, store, rng, 1, rng.randrange(2))
        return (fact.object_display, wrong) if wrong else None
    if fact.object_type == ObjectType.DATE:
        wrong = distractors.year_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        # "12 August 1905" becomes "12 August 1903": the same form, another year.
        shown = fact.object_display
        return shown, [
            distractors.Choice(shown.replace(str(fact.date_year), wrong[0].text), wrong[0].key)
        ]
    if fact.object_type == ObjectType.NUMBER:
        wrong = distractors.number_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        shown, swapped = fact.object_display.split()[0], wrong[0].text.split()[0]
        in_words, swapped_in_words = _in_words(shown), _in_words(swapped)
        if in_words and swapped_in_words and not _standing_alone(shown, fact.statement):
            # "two Japanese castaways" becomes "three Japanese castaways"; never the "Four" of
            # "the Four-Power Treaty", a name.
            found = re.search(rf"(?<![\w-]){in_words}(?![\w-])", fact.statement, re.IGNORECASE)
            if found:
                written = found.group()
                swapped_written = (
                    swapped_in_words.capitalize() if written[0].isupper() else swapped_in_words
                )
                return written, [distractors.Choice(swapped_written, wrong[0].key)]
        return shown, [distractors.Choice(swapped, wrong[0].key)]
    if fact.predicate in COLLECTIVE_PREDICATES and _collective(fact):
        return None
    wrong = distractors.swap_choices(fact, store, rng, 4)
    if not wrong and fact.object_entity is not None:
        # No other object of this predicate is of the key's kind: one of its kind at all.
        wrong = distractors.entity_choices(fact, store, rng, 4)
        if fact.subject.kind == "person":
            # Not "Konstantin Nikolayevich supported Perry's expedition".
            wrong = [c for c in wrong if not distractors.names_someone_else(fact, c.text)]
        wrong = wrong[:1]
    wrong = [choice for choice in wrong if not is_negative(choice.text)]
    return (fact.object_display, wrong) if wrong else None


def _fitting_swaps(template, fact, found: re.Match, store, seed) -> list[distractors.Choice]:
    """When none of the first distractors fills the object's place, the others that do."""
    rng = rng_for("tf-fitting", template.slug, fact.slug, seed)
    return [
        choice
        for choice in distractors.swap_choices(fact, store, rng, SWAPS_SEARCHED)
        if not is_negative(choice.text) and _fills_slot(fact, found, choice, store)
    ]


def _fills_slot(fact, found: re.Match, choice: distractors.Choice, store) -> bool:
    """Whether the word before the object in the statement is the word before the choice in
    the statement of a fact that states it; or both follow their subject's name at once
    ("The 1910 Japan–British Exhibition | featured Sumo demonstrations")."""
    before = fact.statement[: found.start()]
    slot, after_subject = _word_before(before), _ends_with_name(before, fact.subject)
    for other in store.facts_by_object_key.get(choice.key, []):
        placed = _standing_alone(choice.text, other.statement)
        if len(placed) != 1:
            continue
        other_before = other.statement[: placed[0].start()]
        if _word_before(other_before) == slot:
            return True
        if after_subject and _ends_with_name(other_before, other.subject):
            return True
    return False


def _ends_with_name(text: str, entity) -> bool:
    """Whether `text` ends with the entity's name or an alias (the statement's subject)."""
    ending = f" {normalise(text)}"
    return any(
        ending.endswith(f" {normalise(name)}") for name in (entity.name, *entity.aliases) if name
    )


def _word_before(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


def _collective(fact) -> bool:
    ends = [fact.subject, fact.object_entity] if fact.object_entity else [fact.subject]
    return any(end.kind in COLLECTIVE_KINDS for end in ends)


def _standing_alone(shown: str, statement: str) -> list[re.Match]:
    """Where the statement shows the object as a whole word or number: the "2" of "two
    streams" must not be found inside "DSEI Japan 2019", nor "1" inside "1792"; an ordinal
    ("its 50th anniversary") is found with its suffix."""
    if shown[:1].isdigit():  # nor inside "2,000" or "2.5"
        pattern = rf"(?<![\w.,]){re.escape(shown)}(?P<ordinal>st|nd|rd|th)?(?!\w|[.,]\d)"
    else:
        pattern = rf"(?<!\w){re.escape(shown)}(?!\w)"
    return list(re.finditer(pattern, statement))


def _in_place_of(found: re.Match, text: str) -> str:
    """The replacement as the found object is written: "75th" in place of "50th"."""
    if not found.groupdict().get("ordinal"):
        return text
    number = int(text.replace(",", ""))
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{text}{suffix}"


def _false_object(fact, shown: str, replacement: distractors.Choice, store) -> str:
    """The object of the false claim: for a number, the fact's own object with another number
    ("4 Japanese castaways returned", not a bare "4"); otherwise the distractor as it reads."""
    if fact.object_type == ObjectType.NUMBER:
        return quantity(Decimal(replacement.text.replace(",", "")), fact.unit)
    return _phrase(replacement, store)


def _with_article(before: str, replacement: distractors.Choice, store) -> tuple[str, str]:
    """The statement's article before a swapped-in object, made to fit it. An entity with no
    article before it brings its own ("attacked the United States"); one after "the" brings
    its own article or none ("recalled Fumio Kishida's visit to London", not
    "recalled the Fumio Kishida's visit"); a text with its own article keeps only that one
    (never "an the cession"); "a" and "an" follow the new text's first letter."""
    article = TRAILING_ARTICLE.search(before)
    if article is None:
        if not replacement.key.startswith("entity:") or MODIFIED.search(before):
            return before, replacement.text
        # "Japan attacked the United States"; "The Netherlands suffered ..." at the start.
        phrase = _phrase(replacement, store)
        return before, phrase[:1].upper() + phrase[1:] if not before.strip() else phrase
    word = article[1]
    is_entity = replacement.key.startswith("entity:")
    if LEADING_ARTICLE.match(replacement.text):
        phrase = replacement.text
    elif word.lower() == "the" and is_entity:
        phrase = _phrase(replacement, store)
    elif word.lower() in ("a", "an") and not is_entity:
        fitting = "an" if VOWEL_SOUND.match(replacement.text) else "a"
        fitting = fitting.capitalize() if word[0].isupper() else fitting
        return before[: article.start()] + fitting + " ", replacement.text
    else:
        return before, replacement.text
    if word[0].isupper():
        phrase = phrase[:1].upper() + phrase[1:]
    return before[: article.start()], phrase


def _singular_unit_after(fact, rest: str) -> str:
    """The statement after a false number 1: "1 large carrier", where the fact's unit follows
    the number as written ("2 large carriers")."""
    spaces = rest[: len(rest) - len(rest.lstrip())]
    if fact.unit and rest.lstrip().startswith(fact.unit):
        return spaces + singular_unit(fact.unit) + rest.lstrip()[len(fact.unit) :]
    return rest


def _phrase(choice: distractors.Choice, store) -> str:
    """A distractor as it reads inside a sentence ("the Boxer Rebellion")."""
    kind, _, entity_id = choice.key.partition(":")
    return noun_phrase(store.entities[int(entity_id)]) if kind == "entity" else choice.text


def _plain_claim(fact, object_text: str, *, swapped: bool = False) -> str | None:
    """ "<Subject> <predicate label> <object>." from the vocabulary's wording. A `swapped`
    (false) object leaves out a qualifier that points back with a pronoun: "opposed the Treaty
    of Shimonoseki (opposed its renewal)" would speak of the true object's renewal."""
    label = sentence_label(fact.predicate)
    if label is None or not reads_after_label(fact.predicate, object_text):
        return None
    label = dated_label(label, fact.object_type, fact.precision)
    # A qualifier the object already states is left out: "proposed the clause at the Paris
    # Peace Conference", not "... (at the Paris Peace Conference (1919))".
    core = normalise(BRACKETED_END.sub("", fact.qualifier))
    stated = bool(core) and core in normalise(object_text)
    keep_qualifier = (
        fact.qualifier
        and not stated
        and not is_negative(fact.qualifier)
        and not names_only_the_subject(fact)
        and not (swapped and POINTS_BACK.search(fact.qualifier))
    )
    qualifier = f" ({fact.qualifier})" if keep_qualifier else ""
    if fact.predicate in BARE_NOUN_PREDICATES and not LEADING_ARTICLE.match(object_text):
        # An occupation is stored bare ("artist"): "worked as an artist".
        object_text = f"{'an' if VOWEL_SOUND.match(object_text) else 'a'} {object_text}"
    label = agreeing(label, fact.subject)
    return sentence(f"{noun_phrase(fact.subject)} {label} {object_text}{qualifier}.")
