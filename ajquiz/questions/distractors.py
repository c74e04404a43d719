"""Choosing wrong options that are plausible and provably wrong.

Every strategy removes anything the fact store states for the same subject and predicate,
so a distractor is never a true answer to the stem; and anything whose name names the subject
or its people ("Russian occupation of Manchuria" when asking what Russia took part in), which
is likely true of it whatever the store says.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from decimal import Decimal

from ajquiz.content.predicates import ObjectType
from ajquiz.content.validation import INFINITIVE
from ajquiz.questions.grading import normalise
from ajquiz.questions.store import EntityView, FactStore, FactView

ERA_WINDOW = 30
POSSESSIVE_NAME = re.compile(r"\b[A-Z][\w-]+['’]s\b")
# A person's nationality as the sources write it: "Adam Laxman was a Japanese diplomat" is
# given away by a Russian name.
NATIONALITY = re.compile(
    r"\b(Japanese|British|English|Russian|American|French|German|Chinese|Korean|Italian|"
    r"Canadian|Australian|Dutch|Indian)\b"
)
# The sources tell of two ages, the alliance (to the 1920s) and today's partnership: a false
# claim that puts one age's thing in the other ("Clarion Events organised Laxman's mission")
# is given away by its anachronism.
MODERN_AGE_FROM = 1945
# An office or role is a nation's: a false one names the nations the true one names, so that
# "Tsar of Russia" is never "Prime Minister of Japan" nor "Queen of Hawaii" "First Sea Lord".
STATIONS = frozenset({"office_held", "role"})
NATION_WORDS = {
    "Japan": "Japan", "Japanese": "Japan",
    "Russia": "Russia", "Russian": "Russia",
    "Britain": "UK", "British": "UK", "UK": "UK", "United Kingdom": "UK", "England": "UK",
    "English": "UK", "Royal Navy": "UK",
    "United States": "US", "U.S.": "US", "US": "US", "America": "US", "American": "US",
    "Canada": "Canada", "Canadian": "Canada",
    "Hawaii": "Hawaii", "Hawaiian": "Hawaii",
    "China": "China", "Chinese": "China",
    "Korea": "Korea", "Korean": "Korea",
    "India": "India", "Indian": "India",
    "France": "France", "French": "France",
    "Germany": "Germany", "German": "Germany",
}  # fmt: skip
NATION = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(word) for word in sorted(NATION_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)
# What a person or a piece says: another voice of the same source (one blog's posts) may well
# say it too, so a false claim takes its words from another source.
SPEAKING = frozenset({"argues", "stated"})
# What a country or organisation joined, took part in, signed or fought: the sources never
# list all of it, so another treaty or event offered as false may well be true ("the United
# Kingdom took part in the coronation of Edward VII").
COLLECTIVE_PREDICATES = frozenset(
    {
        "participant_in",
        "party_to",
        "member_of",
        "allied_with",
        "rival_of",
        "fought_against",
        "signed_by",
    }
)
COLLECTIVE_KINDS = frozenset({"country", "organisation"})
MAX_YEAR_STEP = 6
# Subjects whose names live on in other names and in adjectives ("Russian", "Hayashi-Lansdowne").
NAMED_KINDS = {"country", "place", "person"}
# Words of a name that say what kind of thing or rank it is rather than which.
# fmt: off
GENERIC_WORDS = {
    "empire", "imperial", "great", "united", "kingdom", "republic", "state", "states",
    "island", "islands", "peninsula", "river", "north", "south", "southern", "eastern",
    "lord", "sir", "grand", "duke", "count", "tsar", "general", "captain", "commodore",
    "lieutenant",
}
# fmt: on
# A past tense (or "did", "was" ...) followed by what follows a verb, not a noun: "relied on",
# "controlled Russia's", "did not"; "limited naval support" is a noun phrase.
FINITE_VERB = re.compile(
    r"(?:[a-z]+ed|did|was|were|had|has|is|are|made|took|gave|became|led|won|sent|began|held|"
    r"saw|went|found|kept|left|met|paid|sought|thought|brought|fought|built|told|said|grew|"
    r"knew|drew|wrote|rose|fell|lost|set|put)"
    r" (?:(?:not|on|in|of|at|to|the|a|an|its|their|his|her|and|with|from|for|by|up|out|off|"
    r"into|as|over|against|through|down|back|away|that)\b|[A-Z])"
)


@dataclass(frozen=True)
class Choice:
    text: str
    key: str  # the object key, comparable with FactView.object_key
    year: int | None = None


def entity_choices(
    fact: FactView, store: FactStore, rng: random.Random, count: int
) -> list[Choice]:
    """Entities of the key's kind, nearest in era first, that the store does not state nor
    link with the subject in any way (a link makes the option likely true)."""
    key_entity = fact.object_entity
    stated = store.stated_object_keys(fact.subject.id, fact.predicate)
    candidates = [
        entity
        for entity in store.entities_by_kind.get(key_entity.kind, [])
        if f"entity:{entity.id}" not in stated
        and entity.id != fact.subject.id
        and normalise(entity.name) != normalise(key_entity.name)
        and not names(entity.name, fact.subject)
        and not names(fact.subject.name, entity)
        and not store.relates(fact.subject, entity)
    ]
    era = fact.year or key_entity.era
    candidates = [entity for entity in candidates if not of_another_age(entity, year_of(fact))]

    def closeness(entity):
        if era is None or entity.era is None:
            return ERA_WINDOW
        return min(abs(entity.era - era), ERA_WINDOW)

    rng.shuffle(candidates)
    candidates.sort(key=closeness)
    pool = candidates[: max(count * 3, 8)]
    rng.shuffle(pool)
    return [Choice(entity.name, f"entity:{entity.id}") for entity in pool[:count]]


def same_predicate_choices(
    fact: FactView, store: FactStore, rng: random.Random, count: int
) -> list[Choice]:
    """Objects the store states for other subjects with the same predicate, of subjects of the
    same kind first, then similar in length; of the key's age, and what describes a subject only
    from one of its kind ("a defence industry conference" never describes a refusal)."""
    stated = store.stated_object_keys(fact.subject.id, fact.predicate)
    seen = set(stated)
    candidates = []
    for other in store.by_predicate.get(fact.predicate, []):
        if other.object_key in seen or not other.object_display:
            continue
        if other.object_key == fact.object_key or within_stated(other.object_key, stated):
            continue
        if other.object_entity is not None and (
            names(other.object_entity.name, fact.subject)
            or names(fact.subject.name, other.object_entity)
        ):
            continue
        if fact.predicate in DESCRIBING and not alike_subjects(fact, other):
            continue
        if POINTS_TO_ITS_SENTENCE.search(other.object_display):
            continue
        if store.nested(fact, other) or store.said_beside(fact, other):
            continue
        if _ages_apart(fact, other) or _may_say_the_same(fact, other, store):
            continue
        seen.add(other.object_key)
        candidates.append(other)
    rng.shuffle(candidates)
    length = len(fact.object_display)
    # Said of a subject of the same kind first: what is said of a person reads as an option
    # about a person.
    candidates.sort(
        key=lambda other: (
            other.subject.kind != fact.subject.kind,
            abs(len(other.object_display) - length) // 15,
        )
    )
    pool = candidates[: max(count * 2, 6)]
    rng.shuffle(pool)
    return [Choice(other.object_display, other.object_key) for other in pool[:count]]


def swap_choices(fact: FactView, store: FactStore, rng: random.Random, count: int) -> list[Choice]:
    """Objects to swap into a false claim: what the store states with the same predicate (and,
    for an entity, of the key's kind), said of another subject of the same kind where there is
    one, so that the false claim says the kind of thing said of such a subject: "Liliuokalani
    was Prime Minister of Canada", not "The South Manchurian Railway was a Japanese destroyer"
    or "Australia was a member of Mitsubishi Electric". Never one naming the subject ("Japan
    feared Japan would attack …"), nor an entity the store links with it in any way."""
    key_kind = fact.object_entity.kind if fact.object_entity is not None else None
    key_form = phrase_form(fact.object_display)
    stated = {*store.stated_object_keys(fact.subject.id, fact.predicate), fact.object_key}
    # An object said of subjects of both kinds counts as said of a like one, whichever fact
    # comes first.
    alike: dict[str, Choice] = {}
    others: dict[str, Choice] = {}
    for other in store.by_predicate.get(fact.predicate, []):
        key = other.object_key
        if key in stated or key in alike or not other.object_display:
            continue
        if within_stated(key, stated):
            continue
        found_kind = other.object_entity.kind if other.object_entity is not None else None
        if found_kind != key_kind:
            continue
        text = other.object_entity.name if other.object_entity is not None else other.object_display
        if key_kind is None and phrase_form(text) != key_form:
            continue
        if names(text, fact.subject) or POINTS_TO_ITS_SENTENCE.search(text):
            continue
        if fact.subject.kind == "person" and names_someone_else(fact, text):
            continue
        if fact.predicate in STATIONS and nations(text) != nations(fact.object_display):
            continue
        if other.object_entity is not None and store.relates(fact.subject, other.object_entity):
            continue
        if store.nested(fact, other) or store.said_beside(fact, other):
            continue
        if _ages_apart(fact, other) or _may_say_the_same(fact, other, store):
            continue
        if alike_subjects(fact, other):
            alike[key] = Choice(text, key)
            others.pop(key, None)
        else:
            others.setdefault(key, Choice(text, key))
    # A text said of another kind of subject reads as nonsense ("Japan was a surprise attack");
    # an entity of the key's own kind may come from any subject.
    candidates = list((alike or (others if key_kind is not None else {})).values())
    rng.shuffle(candidates)
    length = len(fact.object_display)
    candidates.sort(key=lambda choice: abs(len(choice.text) - length) // 15)
    pool = candidates[: max(count * 2, 6)]
    rng.shuffle(pool)
    return pool[:count]


# A text that points back to its own sentence ("one of the largest such expositions") means
# nothing said of another subject.
POINTS_TO_ITS_SENTENCE = re.compile(r"\bsuch\b", re.IGNORECASE)
# What says what sort of thing the subject is: said of another sort, it reads as no answer.
DESCRIBING = frozenset({"described_as", "attribute", "known_as", "office_held", "role"})
# Who argues or states a claim: a person or a piece of writing.
VOICES = frozenset({"person", "publication", "organisation"})


def alike_subjects(fact: FactView, other: FactView) -> bool:
    """Whether `other`'s subject is of the fact's subject's kind, so that what is said of it
    reads as something said of such a subject; for a claim argued, any voice is alike."""
    if other.subject.kind == fact.subject.kind:
        return True
    return fact.predicate in SPEAKING and {fact.subject.kind, other.subject.kind} <= VOICES


def _may_say_the_same(fact: FactView, other: FactView, store: FactStore) -> bool:
    """Whether what `other` says of its subject may well be true of the fact's subject too:
    said of a subject the store links with it (the alliance and the 1902 treaty that made it),
    or said in the same source by another voice (two posts of one blog argue alike)."""
    if other.subject.id != fact.subject.id and store.relates(fact.subject, other.subject):
        return True
    return fact.predicate in SPEAKING and other.source_title == fact.source_title


def _ages_apart(fact: FactView, other: FactView) -> bool:
    first, second = year_of(fact), year_of(other)
    if first is None or second is None:
        return False
    return (first < MODERN_AGE_FROM) != (second < MODERN_AGE_FROM)


def of_another_age(entity: EntityView, year: int | None) -> bool:
    """Whether the entity belongs to the other age than `year`: "North Korea" as what opposed
    a Russian attempt of 1861 gives itself away."""
    if entity.era is None or year is None:
        return False
    return (entity.era < MODERN_AGE_FROM) != (year < MODERN_AGE_FROM)


def names_someone_else(fact: FactView, text: str) -> bool:
    """Whether `text`, said of a person, names whose it was ("Rezanov led Perry's expedition")
    or a nationality the fact does not give them ("Adam Laxman was a Japanese diplomat"); an
    argument may speak of any nation."""
    if POSSESSIVE_NAME.search(text):
        return True
    if fact.predicate in SPEAKING:
        return False
    said = set(NATIONALITY.findall(f"{fact.object_display} {fact.statement}"))
    return bool(set(NATIONALITY.findall(text)) - said)


def nations(text: str) -> frozenset[str]:
    """The nations a text names, by name or adjective ("UK Land Force Commander": the UK)."""
    return frozenset(NATION_WORDS[word] for word in NATION.findall(text))


def year_of(fact: FactView) -> int | None:
    """The year a fact is about, or else that of its object or subject (their median year)."""
    if fact.year:
        return fact.year
    if fact.object_entity is not None and fact.object_entity.era:
        return fact.object_entity.era
    return fact.subject.era


def within_stated(key: str, stated: set[str]) -> bool:
    """Whether a text object says less or more than one the store states, word for word:
    "Prime Minister" is true of whoever was "Prime Minister of Japan", and whoever was a
    "diplomat" may well have been a "British diplomat"."""
    if not key.startswith("text:"):
        return False
    words = f" {key[5:]} "
    return any(
        other.startswith("text:") and (f" {other[5:]} " in words or words in f" {other[5:]} ")
        for other in stated
    )


def phrase_form(text: str) -> str:
    """How a text object reads: "verb" ("relied on the United States"), "infinitive" ("to
    preserve the dignity of Russia") or "noun" ("a strategic location"). A false claim swaps
    in only an object of its key's form, so that the wording around it still reads."""
    if INFINITIVE.match(text):
        return "infinitive"
    if FINITE_VERB.match(text):
        return "verb"
    return "noun"


@functools.lru_cache(maxsize=1 << 16)  # bank generation asks the same pairs for each template
def names(text: str, entity: EntityView) -> bool:
    """Whether `text` names a country, place or person `entity` or its people: a word of it
    begins like a distinctive word of the entity's name or aliases ("Russian" for Russia,
    "British" for Britain, "Japanese" for Japan), or is one of its short aliases ("UK")."""
    if entity.kind not in NAMED_KINDS:
        return False
    stems, short = _name_parts(entity)
    for word in re.findall(r"[A-Za-z]+", text):
        if word in short:
            return True
        # At most three letters of the stem may differ: "Brit-ain", "Brit-ish".
        if any(word.lower().startswith(stem[: max(4, len(stem) - 3)]) for stem in stems):
            return True
    return False


@functools.cache
def _name_parts(entity: EntityView) -> tuple[frozenset[str], frozenset[str]]:
    """The distinctive words of an entity's name and aliases (lower case), and its short
    capitalised aliases; once per entity, as every candidate distractor is checked."""
    stems, short = set(), set()
    for name in (entity.name, *entity.aliases):
        for word in re.findall(r"[A-Za-z]+", name):
            if word.lower() in GENERIC_WORDS:
                continue
            if len(word) >= 4:
                stems.add(word.lower())
            elif word.isupper() and len(word) >= 2:
                short.add(word)
    return frozenset(stems), frozenset(short)


def year_choices(
    fact: FactView, store: FactStore, rng: random.Random, count: int, key_position: int
) -> list[Choice]:
    """Years near the key, placed so that the key sits at key_position once sorted where the
    sources' last year allows.

    A year the store states for the same subject and predicate is never offered.
    """
    key_year = fact.date_year
    stated = {
        other.date_year
        for other in store.siblings(fact)
        if other.object_type == ObjectType.DATE and other.date_year
    }
    above_wanted = count - min(key_position, count)
    # Never a year after the last the sources speak of: "visited Japan in August 2028" gives
    # itself away; the key then sits later among the options.
    above = [
        year
        for year in _years(key_year, +1, stated, above_wanted, rng)
        if year <= store.latest_year
    ]
    below_wanted = count - len(above)
    below = _years(key_year, -1, stated, below_wanted, rng)
    if len(below) < below_wanted:
        return []
    return [Choice(str(year), f"year:{year}", year) for year in sorted(below + above)]


def day_choices(
    fact: FactView, store: FactStore, rng: random.Random, count: int, key_position: int
) -> list[Choice]:
    """Other days of the key's year, before and after it, so the key sits at key_position.

    Choice.year carries the day of the year, for sorting with the key (day 0 is the key).
    """
    import datetime

    from ajquiz.content.formatting import format_date

    key = fact.date
    stated = {other.date for other in store.siblings(fact)}
    before, after = [], []
    for offset in rng.sample(range(1, 60), 20):
        for direction, bucket in ((-1, before), (1, after)):
            day = key + datetime.timedelta(days=direction * offset)
            if day.year == key.year and day not in stated:
                bucket.append((direction * offset, day))
    wanted_before = min(key_position, count)
    chosen = before[:wanted_before] + after[: count - wanted_before]
    if len(chosen) < count or len(before) < wanted_before:
        return []
    # With no year in the source, the options give none either.
    no_year = fact.precision == "day_month"
    precision, key_format = ("day_month", "%m-%d") if no_year else ("day", "%Y-%m-%d")
    return [
        Choice(format_date(day, precision), f"day:{day:{key_format}}", offset)
        for offset, day in chosen
    ]


def number_choices(
    fact: FactView, store: FactStore, rng: random.Random, count: int, key_position: int
) -> list[Choice]:
    """Numbers with the key's unit, below and above it so the key sits at key_position."""
    from ajquiz.content.formatting import quantity

    key = fact.number
    stated = {other.number for other in store.siblings(fact)}
    small = key <= 12
    below_steps = [1, 2, 3, 4] if small else [Decimal("0.5"), Decimal("0.75"), Decimal("0.25")]
    above_steps = [1, 2, 3, 5] if small else [Decimal("1.5"), Decimal("2"), Decimal("3")]
    below = [key - step if small else (key * step).quantize(1) for step in below_steps]
    above = [key + step if small else (key * step).quantize(1) for step in above_steps]
    below = [value for value in below if value > 0 and value not in stated]
    above = [value for value in above if value not in stated]
    rng.shuffle(below)
    rng.shuffle(above)
    wanted_below = min(key_position, count)
    chosen = below[:wanted_below] + above[: count - wanted_below]
    if len(chosen) < count or len(below) < wanted_below:
        return []
    texts = [quantity(value, fact.unit) for value in chosen]
    return [
        Choice(text, f"text:{normalise(text)}", None)
        for _, text in sorted(zip(chosen, texts, strict=True))
    ]


def _years(key_year: int, direction: int, stated: set, wanted: int, rng: random.Random):
    chosen = []
    step = 0
    while len(chosen) < wanted and step < 40:
        step += rng.randint(1, 3) if step else rng.randint(1, MAX_YEAR_STEP // 2)
        year = key_year + direction * step
        if year not in stated:
            chosen.append(year)
    return chosen


def misconception(choice: Choice, fact: FactView, store: FactStore) -> tuple[str, str | None]:
    """Feedback for a wrong option that is itself true of something else, and that fact."""
    same_predicate = store.by_object_subject.get((fact.predicate, choice.key), [])
    others = same_predicate or store.facts_by_object_key.get(choice.key, [])
    for other in others:
        if other.subject.id != fact.subject.id:
            return f"That belongs to another fact: {other.statement}", other.slug
    return "", None
