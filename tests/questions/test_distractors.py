"""Wrong options never name the subject they are asked about."""

from __future__ import annotations

import random
import re

import pytest

from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.bank import drafts_for
from ajquiz.questions.distractors import (
    DESCRIBING,
    MODERN_AGE_FROM,
    NATIONALITY,
    SPEAKING,
    STATIONS,
    alike_subjects,
    entity_choices,
    names,
    nations,
    phrase_form,
    same_predicate_choices,
    swap_choices,
    year_choices,
    year_of,
)
from ajquiz.questions.generate import build
from ajquiz.questions.store import FactStore

pytestmark = pytest.mark.django_db
Kind = QuestionTemplate.Kind


@pytest.fixture
def store(content):
    return FactStore.load()


def entity(store, slug):
    return next(entity for entity in store.entities.values() if entity.slug == slug)


def stating(store, fact, choice):
    """The facts of the fact's predicate that state the option."""
    return [other for other in store.by_predicate[fact.predicate] if other.object_key == choice.key]


def entity_of(store, choice):
    """The entity an option names ("entity:<id>")."""
    return store.entities[int(choice.key.partition(":")[2])]


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("russia", "Russian occupation of the Liaodong Peninsula (1898)"),
        ("japan", "Anglo-Japanese Treaty of 1902"),
        ("japan", "Japan's offer: Manchuria for Korea"),
        ("united-kingdom", "UK carrier strike group 2021"),
        ("united-kingdom", "British Foreign Policy Group"),
    ],
)
def test_a_name_built_on_a_country_or_its_people_names_it(store, subject, text):
    assert names(text, entity(store, subject))


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("russia", "Boxer Rebellion"),
        ("japan", "Treaty of Portsmouth"),
        ("united-kingdom", "Washington Naval Conference"),
    ],
)
def test_other_names_do_not(store, subject, text):
    assert not names(text, entity(store, subject))


def test_only_countries_places_and_people_are_looked_for_in_names(store):
    group = next(e for e in store.entities.values() if e.kind == "event" and len(e.name) > 8)
    assert not names(group.name, group)


def test_no_entity_option_names_the_subject_asked_about(store):
    checked = 0
    for template in QuestionTemplate.objects.filter(
        active=True, kind__in=[Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE]
    ):
        for draft in drafts_for(template, store):
            fact = draft.facts[0]
            if fact.object_entity is None or "{subject}" not in template.stem:
                continue
            for option in draft.payload["options"]:
                if not option["correct"]:
                    checked += 1
                    assert not names(option["text"], fact.subject), (draft.stem, option["text"])
    assert checked > 1000


def test_entity_distractors_of_every_fact_leave_out_names_of_its_subject(store):
    """What true/false swaps in and multiple choice offers for an entity object."""
    offered = 0
    for fact in store.facts:
        if fact.object_entity is None:
            continue
        for choice in entity_choices(fact, store, random.Random(fact.id), 4):
            offered += 1
            assert not names(choice.text, fact.subject), (fact.slug, choice.text)
    assert offered > 1000


def test_a_true_or_false_swap_is_an_object_of_the_same_predicate_said_of_a_like_subject(store):
    """ "Liliuokalani was Prime Minister of Canada", never "The South Manchurian Railway was a
    Japanese destroyer": the swapped object is one the store states with the same predicate,
    of a subject of the same kind whenever such a subject gives one that may be swapped in."""
    swaps = from_like_subjects = 0
    for fact in store.facts:
        if fact.object_type not in ("entity", "text"):
            continue
        choices = swap_choices(fact, store, random.Random(fact.id), 4)
        stated = store.stated_object_keys(fact.subject.id, fact.predicate)
        others = [o for o in store.by_predicate[fact.predicate] if o.object_key not in stated]
        for choice in choices:
            swaps += 1
            sources = [o for o in others if o.object_key == choice.key]
            assert sources, (fact.slug, choice.text)
            if any(alike_subjects(fact, o) for o in sources):
                from_like_subjects += 1
            else:
                # Only an entity of the key's kind, where no like subject's was left to choose
                # from: a text said of another kind of subject reads as nonsense ("Japan was a
                # surprise attack").
                assert fact.object_type == "entity", (fact.slug, choice.text)
                like_keys = {o.object_key for o in others if alike_subjects(fact, o)}
                assert not like_keys & {c.key for c in choices}, (fact.slug, choice.text)
    assert swaps > 1000
    # Subjects the store links with the fact's own (the alliance and its 1902 treaty) and
    # subjects of another age are left out, and they are mostly of its kind.
    assert from_like_subjects / swaps > 0.7


def test_no_swapped_entity_is_one_the_store_links_with_the_subject(store):
    swapped = 0
    for fact in store.facts:
        if fact.object_entity is None:
            continue
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swapped += 1
            other = entity_of(store, choice)
            assert not store.relates(fact.subject, other), (fact.slug, choice.text)
    assert swapped > 200


def test_nested_reads_a_subject_named_in_the_other_statements_lead(store):
    """What is said of "Article 3 of the 1902 Anglo-Japanese alliance treaty" is said of a
    part of the alliance, and what the 1910 exhibition "featured" is no claim about Japan."""
    article = store.by_slug["aja1-article-3-strengthened-japan"]
    alliance = next(f for f in store.facts if f.subject.slug == "anglo-japanese-alliance")
    assert store.nested(alliance, article)
    assert store.nested(article, alliance)
    liliuokalani = next(f for f in store.facts if f.subject.slug == "queen-liliuokalani")
    assert not store.nested(liliuokalani, article)


def test_no_wrong_option_or_swap_is_said_of_a_part_of_the_subject(store):
    """ "The Anglo-Japanese Alliance strengthened Japan's hand … against a potential European
    coalition" was offered as false: its article 3 did."""
    offered = 0
    for fact in store.facts:
        if fact.object_type != "text":
            continue
        rng = random.Random(fact.id)
        for choice in [
            *same_predicate_choices(fact, store, rng, 3),
            *swap_choices(fact, store, rng, 4),
        ]:
            offered += 1
            sources = [o for o in store.by_predicate[fact.predicate] if o.object_key == choice.key]
            assert not all(store.nested(fact, o) for o in sources), (fact.slug, choice.text)
    assert offered > 1000
    alliance = next(
        f
        for f in store.facts
        if f.subject.slug == "anglo-japanese-alliance" and f.predicate == "outcome"
    )
    offered = {
        choice.text
        for seed in range(40)
        for choice in swap_choices(alliance, store, random.Random(seed), 4)
    }
    assert not any("strengthened Japan's hand" in text for text in offered)


def test_no_wrong_option_comes_from_a_sentence_that_names_the_subject(store):
    """ "an Asian country subordinated to Western empires" was offered as wrong for Japan: its
    sentence says Japan had shared that position with China before the Meiji reforms."""
    japan = store.by_slug["jr-russian-view-undeveloped"]
    offered = {
        choice.text
        for seed in range(40)
        for choice in same_predicate_choices(japan, store, random.Random(seed), 3)
    }
    assert not any("subordinated to Western empires" in text for text in offered)
    checked = 0
    for fact in store.facts[:400]:
        rng = random.Random(fact.id)
        for choice in same_predicate_choices(fact, store, rng, 3):
            checked += 1
            sources = [o for o in store.by_predicate[fact.predicate] if o.object_key == choice.key]
            assert not all(store.said_beside(fact, o) for o in sources), (fact.slug, choice)
    assert checked > 300


def test_no_wrong_option_says_word_for_word_less_or_more_than_a_stated_object(store):
    """ "Prime Minister" was offered as wrong for Ito Hirobumi, "Prime Minister of Japan"."""
    offered = 0
    for fact in store.facts:
        if fact.object_type != "text":
            continue
        stated = {
            other.object_display.lower() for other in store.siblings(fact) if other.object_display
        }
        rng = random.Random(fact.id)
        for choice in [
            *same_predicate_choices(fact, store, rng, 3),
            *swap_choices(fact, store, rng, 4),
        ]:
            offered += 1
            text = f" {choice.text.lower()} "
            assert not any(f" {s} " in text or text in f" {s} " for s in stated), (
                fact.slug,
                choice.text,
            )
    assert offered > 1000
    ito = store.by_slug["aja1-ito-prime-minister"]
    options = {
        choice.text
        for seed in range(30)
        for choice in same_predicate_choices(ito, store, random.Random(seed), 3)
    }
    assert "Prime Minister" not in options
    assert options


@pytest.mark.parametrize(
    ("subject", "other", "linked"),
    [
        ("united-states", "aukus", True),  # named in a statement about AUKUS
        ("united-kingdom", "russia", True),
        ("canada", "aukus", False),
        ("queen-liliuokalani", "gcap", False),
    ],
)
def test_relates_reads_links_and_names_both_ways(store, subject, other, linked):
    assert store.relates(entity(store, subject), entity(store, other)) is linked
    assert store.relates(entity(store, other), entity(store, subject)) is linked


def test_multiple_choice_offers_what_is_said_of_a_like_subject_first(store):
    """Options about a person read as options about a person: 38% of them came from a subject
    of the same kind when the order was by length alone."""
    offered = from_like_subjects = 0
    for fact in store.facts:
        if fact.object_type != "text":
            continue
        others = store.by_predicate[fact.predicate]
        for choice in same_predicate_choices(fact, store, random.Random(fact.id), 3):
            offered += 1
            from_like_subjects += any(
                o.subject.kind == fact.subject.kind for o in others if o.object_key == choice.key
            )
    assert offered > 1000
    # Subjects the store links with the fact's own are left out, mostly of its kind.
    assert from_like_subjects / offered > 0.6


def test_a_description_is_offered_only_among_descriptions_of_its_subjects_kind(store):
    """ "How do the sources describe Britain's refusal to join the Triple Intervention?" beside
    "a defence industry conference normally held in the UK"; "Japan" beside "also hosted on
    Apple, Google and Spotify"."""
    offered = 0
    for fact in store.facts:
        if fact.predicate not in DESCRIBING:
            continue
        for choice in same_predicate_choices(fact, store, random.Random(fact.id), 3):
            offered += 1
            assert any(alike_subjects(fact, o) for o in stating(store, fact, choice)), (
                fact.slug,
                choice.text,
            )
    assert offered > 300


def test_no_wrong_option_is_of_the_other_age(store):
    """ "Golovnin's captivity (1811–1813) carried U.S. Marine F-35Bs on board"; "Quad plus"
    as what Russia opposed before the Russo-Japanese War."""
    offered = 0
    for fact in store.facts:
        era = year_of(fact)
        if era is None or fact.object_type not in ("entity", "text"):
            continue
        modern = era >= MODERN_AGE_FROM
        rng = random.Random(fact.id)
        for choice in same_predicate_choices(fact, store, rng, 3):
            offered += 1
            assert any(
                year_of(o) is None or (year_of(o) >= MODERN_AGE_FROM) == modern
                for o in stating(store, fact, choice)
            ), (fact.slug, choice.text)
        if fact.object_entity is not None:
            for choice in entity_choices(fact, store, rng, 3):
                offered += 1
                option = entity_of(store, choice)
                in_age = option.era is None or (option.era >= MODERN_AGE_FROM) == modern
                assert in_age, (fact.slug, choice.text)
    assert offered > 1000


def test_who_did_it_is_never_asked_with_the_one_its_name_names_nor_one_of_another_age(store):
    """ "Which of these opposed the Russian attempt to seize Tsushima (1861)?" – "Russia",
    "South Korea" (of the store's today: 2021)."""
    fact = store.by_slug["jr-britain-opposed-tsushima"]
    reverse = QuestionTemplate.objects.get(slug="mc-reverse-opposed")
    options = {
        option["text"]
        for seed in range(12)
        if (draft := build(reverse, [fact], store, seed)) is not None
        for option in draft.payload["options"]
    }
    assert "United Kingdom" in options
    assert not options & {"Russia", "South Korea", "Vietnam"}, options


def test_no_entity_option_is_one_the_store_links_with_the_subject(store):
    """ "Which was Australia a member of?" does not offer the Five Eyes as wrong."""
    offered = 0
    for fact in store.facts:
        if fact.object_entity is None:
            continue
        for choice in entity_choices(fact, store, random.Random(fact.id), 3):
            offered += 1
            other = entity_of(store, choice)
            assert not store.relates(fact.subject, other), (fact.slug, choice.text)
    assert offered > 500


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("relied on the United States for its security", "verb"),
        ("controlled Russia's East Asian policy", "verb"),
        ("did not officially join the Russo-Japanese War", "verb"),
        ("robbed of the spoils of its decisive victory", "verb"),
        ("to preserve the dignity of Russia", "infinitive"),
        ("to the United States", "noun"),
        ("a strategic location off the China coast", "noun"),
        ("limited naval support", "noun"),
        ("controlled enterprises acting as intermediaries", "noun"),
        ("ill-fated", "noun"),
    ],
)
def test_a_text_object_is_read_as_a_verb_an_infinitive_or_a_noun_phrase(text, form):
    assert phrase_form(text) == form


def test_a_text_swap_reads_as_its_key_does(store):
    """ "Canada relied on the United States ..." is never made false as "Canada a strategic
    location ...": a swapped text is of the key's form."""
    swaps = 0
    for fact in store.facts:
        if fact.object_type != "text":
            continue
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swaps += 1
            assert phrase_form(choice.text) == phrase_form(fact.object_display), (
                fact.slug,
                choice.text,
            )
    assert swaps > 500


def test_a_false_claim_never_puts_a_clause_where_a_phrase_stood(store):
    claims = [
        draft.stem
        for draft in drafts_for(
            QuestionTemplate.objects.get(slug="tf-statement"), store, seeds=range(4)
        )
        if draft.payload["answer"] is False
    ]
    assert len(claims) > 1000
    broken = re.compile(
        r"\b(due to|motivated by|the role of|the rank of) (to|was|were|did) |Canada a "
    )
    assert [claim for claim in claims if broken.search(claim)] == []


def test_a_swap_never_brings_a_thing_of_the_other_age(store):
    """ "Clarion Events organised Laxman's mission (1792)": what is said of today's partnership
    is never swapped into a claim about the alliance's age, nor the other way."""
    swaps = 0
    for fact in store.facts:
        if fact.object_type not in ("entity", "text") or year_of(fact) is None:
            continue
        modern = year_of(fact) >= MODERN_AGE_FROM
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swaps += 1
            assert any(
                year_of(o) is None or (year_of(o) >= MODERN_AGE_FROM) == modern
                for o in stating(store, fact, choice)
            ), (fact.slug, choice.text)
    assert swaps > 1000


def test_no_option_is_said_of_a_linked_subject_or_by_another_voice_of_the_same_source(store):
    """What is said of the 1902 treaty may well be true of the alliance it made, and one post
    of a blog argues what another does in other words: neither gives wrong options."""
    offered = 0
    for fact in store.facts:
        if fact.object_type != "text":
            continue
        for choice in same_predicate_choices(fact, store, random.Random(fact.id), 3):
            offered += 1
            assert any(
                (o.subject.id == fact.subject.id or not store.relates(fact.subject, o.subject))
                and not (fact.predicate in SPEAKING and o.source_title == fact.source_title)
                for o in stating(store, fact, choice)
            ), (fact.slug, choice.text)
    assert offered > 1000


@pytest.mark.parametrize("slug", ["mat-uk-tempest", "jr-portsmouth-japan-party"])
def test_what_a_country_took_part_in_is_asked_with_no_wrong_options(store, slug):
    """ "The United Kingdom took part in …" offered the coronation of Edward VII as wrong."""
    fact = store.by_slug[slug]
    for template in QuestionTemplate.objects.filter(
        predicate=fact.predicate, kind__in=[Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE]
    ):
        if "{subject}" in template.stem:
            assert build(template, store.siblings(fact), store, 0) is None, template.slug
    generic = QuestionTemplate.objects.get(slug="mc-complete-the-sentence")
    assert build(generic, [fact], store, 0) is None


def test_no_thing_named_after_someone_is_swapped_into_a_claim_about_a_person(store):
    """ "Rezanov led Perry's expedition to Japan": the possessive says it was Perry's."""
    swaps = 0
    for fact in store.facts:
        if fact.subject.kind != "person" or fact.object_type not in ("entity", "text"):
            continue
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swaps += 1
            assert not re.search(r"\b[A-Z][\w-]+['’]s\b", choice.text), (fact.slug, choice.text)
    assert swaps > 100


def test_no_swap_gives_a_person_a_nationality_the_fact_does_not(store):
    """ "Adam Laxman was a Japanese diplomat" and "the Japanese diplomat Mike Gilday" gave
    themselves away by the name."""
    swaps = 0
    for fact in store.facts:
        if fact.subject.kind != "person" or fact.predicate in SPEAKING:
            continue
        said = set(NATIONALITY.findall(f"{fact.object_display} {fact.statement}"))
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swaps += 1
            assert set(NATIONALITY.findall(choice.text)) <= said, (fact.slug, choice.text)
    assert swaps > 100


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tsar of Russia", {"Russia"}),
        ("UK Land Force Commander", {"UK"}),
        ("Mass Communication Specialist 1st Class, U.S. Navy", {"US"}),
        ("Japanese Ambassador to London", {"Japan"}),
        ("First Sea Lord", set()),
        ("a focus on us", set()),
    ],
)
def test_the_nations_an_office_names(text, found):
    assert nations(text) == found


def test_a_false_office_is_of_the_true_ones_nation(store):
    """ "Liliuokalani was First Sea Lord", "Nicholas II was Prime Minister of Japan": an office
    of another nation (or of none, for a nation's) gives the false claim away."""
    swaps = 0
    for fact in store.facts:
        if fact.predicate not in STATIONS:
            continue
        for choice in swap_choices(fact, store, random.Random(fact.id), 4):
            swaps += 1
            assert nations(choice.text) == nations(fact.object_display), (fact.slug, choice.text)
    assert swaps > 20


def test_no_year_is_offered_after_the_last_the_sources_speak_of(store):
    """ "The UK carrier strike group led by HMS Prince of Wales visited Japan in August 2028"."""
    offered = 0
    for fact in store.facts:
        if not fact.date_year or fact.date_year < store.latest_year - 5:
            continue
        for position in range(4):
            for choice in year_choices(fact, store, random.Random(position), 3, position):
                offered += 1
                assert choice.year <= store.latest_year, (fact.slug, choice.text)
    assert offered > 50
