"""The controlled vocabulary of fact predicates.

Each predicate fixes the type of its object, so that templates can ask the
same kind of question of every fact that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass


class ObjectType:
    ENTITY = "entity"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"


@dataclass(frozen=True)
class Predicate:
    slug: str
    object_type: str
    label: str  # reads "<subject> <label> <object>"


def _vocabulary(object_type: str, labels: dict[str, str]) -> dict[str, Predicate]:
    return {slug: Predicate(slug, object_type, label) for slug, label in labels.items()}


PREDICATES: dict[str, Predicate] = {
    **_vocabulary(
        ObjectType.DATE,
        {
            "signed_on": "was signed on",
            "effective_from": "took effect on",
            "announced_on": "was announced on",
            "renewed_on": "was renewed on",
            "revised_on": "was revised on",
            "terminated_on": "was terminated on",
            "ended_on": "ended on",
            "began_on": "began on",
            "occurred_on": "took place on",
            "founded_on": "was founded on",
            "born_on": "was born in",
            "died_on": "died in",
            "published_on": "was published on",
            "expires_on": "was due to expire on",
            "arrived_on": "arrived on",
            "visited_on": "visited on",
            "ratified_on": "was ratified on",
        },
    ),
    **_vocabulary(
        ObjectType.ENTITY,
        {
            "signed_by": "was signed by",
            "negotiated_by": "was negotiated by",
            "party_to": "was a party to",
            "member_of": "was a member of",
            "located_in": "is located in",
            "took_place_in": "took place in",
            "caused": "caused",
            "led_to": "led to",
            "response_to": "was a response to",
            "opposed": "opposed",
            "supported": "supported",
            "ceded_to": "was ceded to",
            "ceded_by": "was ceded by",
            "gained": "gained",
            "leased": "leased",
            "acquired": "acquired",
            "controlled": "controlled",
            "allied_with": "allied with",
            "fought_against": "fought against",
            "defeated": "defeated",
            "attacked": "attacked",
            "mediated": "mediated",
            "represented": "represented",
            "led": "led",
            "commanded": "commanded",
            "hosted": "hosted",
            "visited": "visited",
            "sent_to": "was sent to",
            "founded": "founded",
            "authored": "wrote",
            "praised": "praised",
            "criticised": "criticised",
            "influenced": "influenced",
            "inspired_by": "was inspired by",
            "part_of": "was part of",
            "participant_in": "took part in",
            "succeeded": "succeeded",
            "preceded_by": "was preceded by",
            "ended_by": "was ended by",
            "replaced_by": "was replaced by",
            "awarded": "received",
            "won": "won",
            "appointed_to": "was appointed to",
            "rival_of": "was a rival of",
            "deterred": "deterred",
            "appealed_to": "appealed to",
            "related_to": "is related to",
            "organised_by": "was organised by",
            "published_by": "was published by",
        },
    ),
    **_vocabulary(
        ObjectType.NUMBER,
        {
            "count_of": "numbered",
            "duration_years": "lasted (years)",
            "term_years": "had a term of (years)",
            "visitor_count": "had visitors numbering",
            "percentage": "amounted to (per cent)",
            "amount": "amounted to",
            "rank": "ranked",
            "anniversary": "marked the anniversary of (years)",
        },
    ),
    **_vocabulary(
        ObjectType.TEXT,
        {
            "role": "had the role of",
            "office_held": "held the office of",
            "provided_for": "provided for",
            "purpose": "had the purpose",
            "argues": "argues that",
            "stated": "stated that",
            "described_as": "was described as",
            "known_as": "was also known as",
            "motivation": "was motivated by",
            "outcome": "resulted in",
            "reason": "happened because",
            "demanded": "demanded",
            "feared": "feared",
            "proposed": "proposed",
            "attribute": "is characterised by",
            "nationality": "had the nationality",
            "occupation": "worked as",
            "event": "saw the event",
            "declined": "declined",
            "desired": "desired",
        },
    ),
}


# Text predicates whose objects are often clauses of their own, not the end of
# "<subject> <label> ...": "Japan saw the event even Japanese papers ... distrusted Britain",
# "the Siege of Tsingtao resulted in the Germans were forced to surrender" do not read.
FREE_CLAUSE = frozenset({"attribute", "event", "outcome", "purpose", "reason"})


def sentence_label(predicate: str) -> str | None:
    """The wording that makes "<subject> <label> <object>" a sentence, or None where the
    predicate's wording cannot (a unit in brackets, or an object that is a clause)."""
    found = PREDICATES.get(predicate)
    if found is None or "(" in found.label or predicate in FREE_CLAUSE:
        return None
    return found.label


def object_type_of(predicate: str) -> str | None:
    found = PREDICATES.get(predicate)
    return found.object_type if found else None
