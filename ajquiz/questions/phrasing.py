"""Turning entities and facts into words for stems and options."""

from __future__ import annotations

import re

from ajquiz.content.formatting import singular_noun
from ajquiz.content.models import Entity
from ajquiz.content.predicates import ObjectType
from ajquiz.content.validation import NEGATION

ARTICLE_COUNTRIES = ("United ", "Netherlands", "Soviet Union", "Philippines", "Republic of")
# A name with a common-noun head reads with "the" ("the Boxer Rebellion", "the 1905 revision");
# a bare proper name or acronym does not ("NATO", "Tempest", "Ito Hirobumi posted as ...").
HEADS = (
    "war|wars|treaty|treaties|conference|alliance|intervention|rebellion|uprising|convention|"
    "declaration|exhibition|revision|agreement|agreements|programme|program|navy|league|council|"
    "battle|siege|partition|mission|force|forces|group|demands|clause|railway|accord|partnership|"
    "statement|entente|isolation|policy|reforms|arrangement|committee|expedition|movement|"
    "government|army|academy|shogunate|empire|summit|meeting|survey|negotiations|coronation|race|"
    "cemetery|bank|university|office|ministry|system|order|relationship|protocol|"
    "memorandum|dialogue|talks|visit|occupation|invasion|annexation|drill|report|attack|sinking|"
    "orders|peninsula|islands|coast|half|strip|river|sea|ocean|straits|region|embassy|"
    "fleet|restoration|election|deployment|exercise|exercises|declaration|joint statement|posting|"
    "newspaper|memorial|front|station|stations|cordiale|cyberattack|"
    # Seas, regions and fronts: "the Indo-Pacific", "the Mediterranean", "the Eastern Front".
    "indo-pacific|pacific|mediterranean|atlantic|baltic|far east|middle east"
)
# A name whose head is a common noun reads with "the" ("the Boxer Rebellion", "the Siege of
# Tsingtao", "the 1905 revision"); a proper name or one led by a title does not ("Operation
# NEON", "NATO", "Tempest").
COMMON_HEAD = re.compile(
    rf"\b({HEADS})\b(?=\s*$|\s*\(|\s+(of|in|at|on|to|for|with|between|from|by)\b)",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"[’']s\b")
BLOG_POST = " (blog post)"
# Names that describe rather than name ("Later historians", "Former Russian ships captured
# by Japan") read in lower case inside a sentence.
DESCRIBED_KINDS = frozenset({Entity.Kind.OTHER, Entity.Kind.SHIP})
DESCRIPTION_LEADS = frozenset({"Later", "Former", "More", "Proponents", "Memorial", "Some"})
# A name that ends in a plural common noun takes a plural verb: "the Twenty-One Demands were",
# "British banks argue"; "the United States", "the League of Nations" and people do not.
PLURAL_HEAD = re.compile(
    r"\b(treaties|agreements|demands|reforms|negotiations|talks|orders|islands|straits|"
    r"exercises|relations|wars|banks|forces)\s*(\([^()]*\))?$",
    re.IGNORECASE,
)
COMPOUND_DASH = re.compile(r"(?<=[^\W\d])–(?=[^\W\d])")
NAME_WORDS = re.compile(r"[\w’'-]+|[,(–—:]")
# Words that end a name's head noun phrase: "factions | favouring ...", "Proponents | of ...".
MODIFIER_START = {
    "of", "in", "over", "from", "with", "to", "on", "at", "by", "for", "between", "against",
    "under", "during", "into", "across", "north", "south", "east", "west",
}  # fmt: skip
PARTICIPLE = re.compile(r"^[a-z]+(ing|ed)$")
PLURAL_VERBS = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "argues": "argue",
    "begins": "begin",
    "ends": "end",
    "takes": "take",
    "arrives": "arrive",
    "visits": "visit",
}
VERB_BEFORE_SUBJECT = re.compile(r"\b(is|was|has|does)(?=\s+\{subject\})")
VERB_AFTER_SUBJECT = re.compile(r"(?<=\{subject\}\s)(\w+)")
A_OR_AN = re.compile(r"\b(a|an)\s*$", re.IGNORECASE)

# How an ordering item names a dated fact, per predicate; {subject} is the noun phrase.
EVENT_PHRASES = {
    "signed_on": "{subject} is signed",
    "effective_from": "{subject} takes effect",
    "announced_on": "{subject} is announced",
    "renewed_on": "{subject} is renewed",
    "revised_on": "{subject} is revised",
    "terminated_on": "{subject} is terminated",
    "ended_on": "{subject} ends",
    "began_on": "{subject} begins",
    "occurred_on": "{subject}",
    "founded_on": "{subject} is founded",
    "published_on": "{subject} is published",
    "ratified_on": "{subject} is ratified",
    "arrived_on": "{subject} arrives",
    "visited_on": "{subject} visits",
}


def noun_phrase(entity) -> str:
    """The entity's name as it reads inside a sentence, with "the" where English wants it; a
    description's first word in lower case ("later historians", "the memorial to ...")."""
    name = entity.name
    if entity.kind == Entity.Kind.PUBLICATION:
        return _title(name)
    first, space, rest = name.partition(" ")
    if entity.kind in DESCRIBED_KINDS and first in DESCRIPTION_LEADS:
        name = first.lower() + space + rest
    if name.startswith(("The ", "the ")):
        return "the " + name[4:]
    if name.startswith(ARTICLE_COUNTRIES):
        return "the " + name
    if name.startswith("Article "):
        return name  # "Article 3 of ..." reads without an article
    if (
        entity.kind != Entity.Kind.PERSON
        and COMMON_HEAD.search(name)
        and not POSSESSIVE.search(name)
    ):
        return "the " + name
    return name


def _title(name: str) -> str:
    """A work's title as it reads inside a sentence: a blog post's in quotation marks after
    what it is ("the blog post “The case for 'JAUKUS'”"); a question's, or one that opens
    with "The", in quotation marks (its question mark would end the sentence, its "The" read
    as ours); a series or a described work as it is named ("Geostrategy360°")."""
    core, bracket, what = name.rpartition(" (")
    if not bracket:
        core, what = name, ""
    if f" ({what}" == BLOG_POST:
        return f"the blog post “{core}”"
    if core.endswith("?") or core.startswith("The "):
        return f"“{core}”" + (f" ({what}" if bracket else "")
    return name


def is_plural(entity) -> bool:
    """Whether the name takes a plural verb: it ends in a plural head ("Kuril Islands"), its
    head noun before a modifier is a plural common noun ("Japanese factions favouring
    compromise", "Proponents of the view"), or it joins several things ("Japanese kimono,
    swords, crafts and architecture"). People and titles of works are singular."""
    if entity.kind in (Entity.Kind.PERSON, Entity.Kind.PUBLICATION):
        return False
    # "Empire of Japan–Russian Empire relations": what the dash joins modifies the rest.
    name = COMPOUND_DASH.split(entity.name)[-1]
    words = NAME_WORDS.findall(name)
    for index, word in enumerate(words):
        if word == "," and _a_list_follows(words[index + 1 :]):
            return entity.kind != Entity.Kind.ORGANISATION
        modifier = word in ",(–—:" or word.lower() in MODIFIER_START
        if not modifier and index and PARTICIPLE.match(word):
            modifier = singular_noun(words[index - 1]) is not None
        if modifier:
            # The head is the word before: "the Russian exploration | of the Kuril Islands".
            head = words[index - 1] if index else ""
            return bool(head) and (
                _plural_head(head, first=index == 1) or PLURAL_HEAD.search(head) is not None
            )
    if PLURAL_HEAD.search(name):
        return True
    return len(words) > 1 and _plural_head(words[-1], first=False)


def _a_list_follows(words: list[str]) -> bool:
    """ "swords, crafts and architecture": an "and" ends the list before any modifier."""
    for word in words:
        if word.lower() == "and":
            return True
        if word in "(–—:" or word.lower() in MODIFIER_START:
            return False
    return False


def _plural_head(word: str, *, first: bool) -> bool:
    """A plural common noun: lower case, or capitalised only as the name's first word."""
    return (word.islower() or first) and singular_noun(word) is not None


def agreeing(verb_phrase: str, subject) -> str:
    """The verb phrase that follows `subject`, in the plural where the subject is plural:
    "argues that" becomes "argue that", "was described as" "were described as"."""
    if subject is None or not is_plural(subject):
        return verb_phrase
    verb, space, rest = verb_phrase.partition(" ")
    return PLURAL_VERBS.get(verb, verb) + space + rest


def _agreeing_pattern(pattern: str, subject) -> str:
    """A stem pattern whose verbs around {subject} agree with it ("What do British banks
    argue?", "the Kuril Islands were ceded")."""
    if subject is None or not is_plural(subject):
        return pattern
    pattern = VERB_BEFORE_SUBJECT.sub(lambda found: PLURAL_VERBS[found[1]], pattern)
    return VERB_AFTER_SUBJECT.sub(lambda found: PLURAL_VERBS.get(found[1], found[1]), pattern)


# A quoted title that ends in "?" or "!" ends the sentence too: “… with Japan?”, not “…?”.
TITLE_ENDS_SENTENCE = re.compile(r"([?!]”)[.?]$")


def dated_label(label: str, object_type: str, precision: str) -> str:
    """A predicate's wording before its date: "ended on 30 January 1902" but "ended in 1905"
    and "in January 1902"."""
    if object_type == ObjectType.DATE and precision != "day":
        return re.sub(r"\bon$", "in", label)
    return label


def sentence(text: str) -> str:
    """Capitalise the first letter, leaving the rest alone."""
    return text[:1].upper() + text[1:] if text else text


def render_stem(
    pattern: str,
    *,
    subject=None,
    obj: str = "",
    qualifier: str = "",
    source: str = "",
    label: str = "",
    unit: str = "",
) -> str:
    values = {
        "subject": noun_phrase(subject) if subject is not None else "",
        "object": obj,
        "qualifier": qualifier,
        "source": source,
        "label": agreeing(label, subject),
        "unit": unit,
    }
    stem = _agreeing_pattern(pattern, subject).format(**values)
    return sentence(TITLE_ENDS_SENTENCE.sub(r"\1", re.sub(r"\s+", " ", stem).strip()))


def is_negative(text: str) -> bool:
    return bool(NEGATION.search(text))


def event_phrase(fact) -> str | None:
    pattern = EVENT_PHRASES.get(fact.predicate)
    if pattern is None:
        return None
    pattern = _agreeing_pattern(pattern, fact.subject)
    return sentence(pattern.format(subject=noun_phrase(fact.subject)))


# A capitalised name and the endings its other forms take: "Russia", "Russian", "Russo-";
# "Japan", "Japanese"; "Britain", "British"; "France", "Franco-"; "Manchuria", "Manchurian".
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
NAME_ENDINGS = ("ians", "ian", "ese", "ish", "ain", "ia", "an", "a", "e", "o", "y")


def _name_root(name: str) -> str:
    for ending in NAME_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 4:
            return name[: -len(ending)]
    return name


# Words of many names that point to none: "Treaty" of Shimoda and of Shimonoseki.
SHARED_NAME_WORDS = frozenset(
    {head.capitalize() for head in HEADS.split("|") if " " not in head}
    | {"Anglo", "Prime", "Minister", "King", "Emperor", "Empress", "Lord", "Admiral", "Captain"}
    | {"Article", "Great", "First", "Second", "Third", "North", "South", "East", "West", "Royal"}
    | {"Power", "Powers", "Four", "Five", "Nine", "Pacific", "Asia", "Asian", "European"}
    # The sources' own main actors, named in most options: the same name points to none
    # (another form of it still does: "Russian" to "Russia").
    | {"Japan", "Japanese", "Britain", "British", "Russia", "Russian", "China", "Chinese"}
    | {"America", "American", "United", "States", "Kingdom"}
)


def _forms_of_one_name(first: str, second: str) -> bool:
    if first == second:
        return first not in SHARED_NAME_WORDS
    first_root, second_root = _name_root(first), _name_root(second)
    return first_root in (second_root, second) or second_root == first


def echoed_names(text: str, stem: str) -> set[str]:
    """The names of the stem that `text` holds, or another form of: "Who founded the Russian
    bank in China?" – "Russia" echoes "Russian"; "Where is the South Manchurian Railway?" –
    "Manchuria" echoes "Manchurian"; "Who led Laxman's mission?" – "Adam Laxman"."""
    names = set(NAME.findall(text))
    return {
        stem_name
        for stem_name in set(NAME.findall(stem))
        if any(_forms_of_one_name(name, stem_name) for name in names)
    }


def echoes_a_name(text: str, stem: str) -> bool:
    return bool(echoed_names(text, stem))


def points_to_key(keys, distractors, stem: str) -> bool:
    """Whether a name in the stem points to a key and to no distractor: a learner picks the
    only option that echoes the stem's "Russian" without knowing the answer."""
    return bool(unshared_echoes(keys, distractors, stem))


def unshared_echoes(keys, distractors, stem: str) -> set[str]:
    """The stem's names that a key echoes and no distractor does."""
    echoed = set().union(*(echoed_names(key, stem) for key in keys))
    shared = set().union(*(echoed_names(option, stem) for option in distractors))
    return echoed - shared


# A clause of its own ("each party would act to meet the common danger") does not read after
# "provided for", which wants a noun phrase.
CLAUSE = re.compile(r"\b(?:would|will|shall|should|must)\b")
# "The Four-Power Treaty numbered … 4 signatory Pacific powers": a count reads as a question of
# its own ("How many … ?"), not after its label.
COUNTED = frozenset({"count_of"})


def reads_after_label(predicate: str, object_text: str) -> bool:
    """Whether "<subject> <label> <object>" reads as a sentence for this object."""
    if predicate in COUNTED:
        return False
    return not (predicate == "provided_for" and CLAUSE.search(object_text))
