"""Turning entities and facts into words for stems and options."""

from __future__ import annotations

import re

from ajquiz.content.models import Entity

ARTICLE_COUNTRIES = ("United ", "Netherlands", "Soviet Union", "Philippines", "Republic of")
# A name with a common-noun head reads with "the" ("the Boxer Rebellion", "the 1905 revision");
# a bare proper name or acronym does not ("NATO", "Tempest", "Ito Hirobumi posted as ...").
HEADS = (
    "war|treaty|treaties|conference|alliance|intervention|rebellion|uprising|convention|"
    "declaration|exhibition|revision|agreement|agreements|programme|program|navy|league|council|"
    "battle|siege|partition|mission|force|forces|group|demands|clause|railway|accord|partnership|"
    "statement|entente|isolation|policy|reforms|arrangement|committee|expedition|movement|"
    "government|army|academy|shogunate|empire|summit|meeting|survey|negotiations|coronation|race|"
    "cemetery|bank|university|office|ministry|system|order|relationship|protocol|"
    "memorandum|dialogue|talks|visit|occupation|invasion|annexation|drill|report|attack|sinking|"
    "orders|peninsula|islands|coast|half|strip|river|sea|ocean|straits|region|embassy|"
    "fleet|restoration|election|deployment|exercise|exercises|declaration|joint statement|posting"
)
# A name whose head is a common noun reads with "the" ("the Boxer Rebellion", "the Siege of
# Tsingtao", "the 1905 revision"); a proper name or one led by a title does not ("Operation
# NEON", "NATO", "Tempest").
COMMON_HEAD = re.compile(
    rf"\b({HEADS})\b(?=\s*$|\s*\(|\s+(of|in|at|on|to|for|with|between|from|by)\b)",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"[’']s\b")
NEGATION = re.compile(r"\b(not|never|neither|nor|except)\b|n[’']t\b", re.IGNORECASE)
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
    """The entity's name as it reads inside a sentence, with "the" where English wants it."""
    name = entity.name
    if name.startswith(("The ", "the ")):
        return "the " + name[4:]
    if name.startswith(ARTICLE_COUNTRIES):
        return "the " + name
    if entity.kind == Entity.Kind.PUBLICATION or name.startswith("Article "):
        return name  # a title, or "Article 3 of ...", reads without an article
    if (
        entity.kind != Entity.Kind.PERSON
        and COMMON_HEAD.search(name)
        and not POSSESSIVE.search(name)
    ):
        return "the " + name
    return name


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
) -> str:
    values = {
        "subject": noun_phrase(subject) if subject is not None else "",
        "object": obj,
        "qualifier": qualifier,
        "source": source,
        "label": label,
    }
    stem = pattern.format(**values)
    return sentence(re.sub(r"\s+", " ", stem).strip())


def is_negative(text: str) -> bool:
    return bool(NEGATION.search(text))


def event_phrase(fact) -> str | None:
    pattern = EVENT_PHRASES.get(fact.predicate)
    if pattern is None:
        return None
    return sentence(pattern.format(subject=noun_phrase(fact.subject)))
