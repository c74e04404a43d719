"""The generation engine against the real fact store."""

from __future__ import annotations

import json
import random
import re

import pytest

from ajquiz.content.formatting import singular_unit
from ajquiz.content.models import QuestionTemplate, Source
from ajquiz.content.predicates import FREE_CLAUSE, sentence_label
from ajquiz.questions.bank import drafts_for, fact_groups
from ajquiz.questions.claims import BRACKETED_END, COLLECTIVE_PREDICATES
from ajquiz.questions.distractors import same_predicate_choices, swap_choices
from ajquiz.questions.drafts import in_stem, object_phrase
from ajquiz.questions.generate import build
from ajquiz.questions.grading import grade, normalise
from ajquiz.questions.phrasing import (
    agreeing,
    echoes_a_name,
    is_plural,
    noun_phrase,
    points_to_key,
    reads_after_label,
    render_stem,
)
from ajquiz.questions.store import FactStore

pytestmark = pytest.mark.django_db
Kind = QuestionTemplate.Kind


@pytest.fixture
def store(content):
    return FactStore.load()


def template(slug):
    return QuestionTemplate.objects.get(slug=slug)


def test_a_signer_question_offers_persons_that_did_not_sign(store):
    fact = store.by_slug["aja1-treaty-1902-signed-by-lansdowne"]
    draft = build(template("mc-signed-by"), [fact], store, seed=0)
    options = draft.payload["options"]
    assert draft.stem == "Who signed the Anglo-Japanese Treaty of 1902 (for Britain)?"
    assert [option["text"] for option in options if option["correct"]] == [fact.object_display]
    signers = {f"entity:{signer.object_entity.id}" for signer in store.siblings(fact)}
    names = {entity.name: entity for entity in store.entities.values()}
    for option in options:
        entity = names[option["text"]]
        assert entity.kind == "person"
        if not option["correct"]:
            assert f"entity:{entity.id}" not in signers  # Hayashi, the other signer, never appears


def test_year_options_are_in_order_and_never_a_year_the_store_states(store):
    facts = [fact for fact in store.facts if fact.predicate == "occurred_on" and fact.date_year]
    for fact in facts:
        draft = build(template("mc-occurred-on"), [fact], store, seed=3)
        if draft is None:
            continue
        years = [int(option["text"]) for option in draft.payload["options"]]
        assert years == sorted(years)
        stated = {sibling.date_year for sibling in store.siblings(fact)}
        wrong = {int(o["text"]) for o in draft.payload["options"] if not o["correct"]}
        assert not wrong & stated


def test_a_wrong_year_that_is_another_facts_year_says_so(store):
    drafts = drafts_for(template("mc-signed-on"), store)
    notes = [
        option for draft in drafts for option in draft.payload["options"] if option.get("fact")
    ]
    assert notes, "some signing year is offered as a distractor for another treaty"
    for option in notes:
        other = store.by_slug[option["fact"]]
        assert other.statement in option["feedback"]


def test_generation_is_deterministic_for_a_seed(store):
    fact = store.by_slug["aja1-treaty-1902-signed-by-lansdowne"]
    first = build(template("mc-signed-by"), [fact], store, seed=7)
    again = build(template("mc-signed-by"), [fact], FactStore.load(), seed=7)
    other = [build(template("mc-signed-by"), [fact], store, seed=seed) for seed in range(8)]
    assert (first.stem, first.payload) == (again.stem, again.payload)
    assert len({str(draft.payload) for draft in other}) > 1


def test_short_answer_accepts_aliases_and_a_unique_surname(store):
    signers = store.siblings(store.by_slug["aja1-treaty-1902-signed-by-lansdowne"])
    assert build(template("sa-signed-by"), [signers[1]], store, seed=0) is None  # asked once
    marks = typed_marks(build(template("sa-signed-by"), [signers[0]], store, seed=0))
    assert marks("Lord Lansdowne") == marks("lansdowne") == 1.0
    assert marks("Hayashi") == 1.0  # the other signer answers it too
    assert marks("Edward Grey") == 0.0


def typed_marks(draft):
    """The mark each typed answer earns on a built short answer or cloze."""
    assert draft is not None

    class Typed:
        kind, payload = draft.kind, draft.payload

    return lambda answer: grade(Typed, answer).fraction


def test_a_short_answer_accepts_no_alias_that_names_another_place(store):
    """ "Tokyo" stands for Japan in "London and Tokyo", but was accepted as where Osaka is."""
    marks = typed_marks(
        build(template("sa-located-in"), [store.by_slug["mat-osaka-in-japan"]], store, 0)
    )
    assert marks("Japan") == marks("Imperial Japan") == 1.0
    assert marks("Tokyo") == 0.0


def test_a_short_answer_to_where_accepts_the_place_holding_the_key(store):
    """Signed "at Lansdowne House in London": "London" was marked wrong."""
    fact = store.by_slug["aja1-treaty-1902-signed-at-lansdowne-house"]
    marks = typed_marks(build(template("sa-took-place-in"), [fact], store, 0))
    assert marks("Lansdowne House") == marks("London") == 1.0
    assert marks("White City") == 0.0


def test_a_question_every_signer_answers_shows_no_one_signers_qualifier(store):
    """ "Who signed the Anglo-Japanese Treaty of 1902 (for Japan)?" accepted Lansdowne too."""
    fact = store.by_slug["aja1-treaty-1902-signed-by-lansdowne"]
    signers = store.siblings(fact)
    assert fact.qualifier and len(signers) == 2
    asked = [build(template("sa-signed-by"), [signers[0]], store, 0)]
    asked += [build(template("mr-signed-by"), signers, store, seed) for seed in range(3)]
    stems = [draft.stem for draft in asked if draft is not None]
    assert len(stems) == 4 and not [stem for stem in stems if "(for " in stem], stems


def test_several_keys_of_different_kinds_are_not_asked_together(store):
    """ "Which of these did Japan support?" – the Philippines and the Entente beside a river
    and two islands: the wrong options were all of the first key's kind."""
    supported = [
        fact
        for fact in store.facts
        if fact.subject.slug == "japan" and fact.predicate == "supported" and fact.object_entity
    ]
    assert len({fact.object_entity.kind for fact in supported}) > 1
    assert build(template("mr-supported"), supported, store, 0) is None


def test_a_cloze_blanks_a_piece_of_its_own_quote_shown_in_its_sentence(store):
    built = 0
    for fact in store.facts[:200]:
        draft = build(template("cloze-quote"), [fact], store, seed=0)
        if draft is None:
            continue
        built += 1
        payload = draft.payload
        assert payload["before"] + payload["answer"] + payload["after"] == fact.sentence
        blank_start = len(payload["before"])
        quote_end = fact.quote_at + len(fact.quote)
        assert fact.quote_at <= blank_start and blank_start + len(payload["answer"]) <= quote_end
        assert fact.source_title in draft.stem
    assert built > 100


def test_a_cloze_of_a_long_sentence_shows_whole_words_and_where_it_was_cut(store):
    """ "nce concluded, have been suggested …" and "… as r" were shown."""
    cut = [fact for fact in store.facts if fact.sentence.startswith("… ")]
    cut += [fact for fact in store.facts if fact.sentence.endswith(" …")]
    assert len(cut) > 20
    texts = dict(Source.objects.values_list("title", "text"))
    for fact in cut:
        text, source = fact.sentence.removeprefix("… ").removesuffix(" …"), texts[fact.source_title]
        at = source.index(text)
        if fact.sentence.startswith("… "):
            assert source[at - 1] == " ", fact.slug
        if fact.sentence.endswith(" …"):
            assert source[at + len(text)] == " ", fact.slug
        assert fact.sentence[fact.quote_at :].startswith(fact.quote), fact.slug


def test_a_cloze_may_blank_the_quotes_word_of_the_objects_root(store):
    """ "Japan was ascendant" is quoted "a time of Japan's ascendancy": "Japan" stands twice in
    the sentence, "ascendant" not at all."""
    draft = build(template("cloze-quote"), [store.by_slug["aja1-japan-ascendancy"]], store, 0)
    assert draft is not None and draft.payload["answer"] == "ascendancy"


def test_matching_pairs_each_subject_with_its_own_object(store):
    groups = fact_groups(template("match-signed-on"), store)
    drafts = [build(template("match-signed-on"), group, store, 0) for group in groups]
    drafts = [draft for draft in drafts if draft]
    assert drafts
    for draft in drafts:
        lefts = {left["id"]: left["text"] for left in draft.payload["lefts"]}
        rights = {right["id"]: right["text"] for right in draft.payload["rights"]}
        assert 3 <= len(lefts) <= 6
        for left, right in draft.payload["key"].items():
            fact = next(
                f for f in draft.facts if normalise(f.subject.name) == normalise(lefts[left])
            )
            assert rights[right] == str(fact.date_year)


def test_ordering_key_runs_from_earliest_to_latest_with_no_year_in_the_items(store):
    drafts = drafts_for(template("order-events"), store)
    assert len(drafts) >= 5
    for draft in drafts:
        years = {item["id"]: item["year"] for item in draft.payload["items"]}
        key_years = [years[item_id] for item_id in draft.payload["key"]]
        assert key_years == sorted(key_years)
        assert len(set(key_years)) == len(key_years)
        assert 3 <= len(key_years) <= 5
        assert [item["id"] for item in draft.payload["items"]] != draft.payload["key"]


def test_true_false_false_versions_carry_the_true_statement(store):
    drafts = drafts_for(template("tf-statement"), store)
    false = [draft for draft in drafts if draft.payload["answer"] is False]
    true = [draft for draft in drafts if draft.payload["answer"] is True]
    assert 0.35 < len(false) / len(drafts) < 0.65
    for draft in false:
        assert draft.payload["correction"] == draft.facts[0].statement
        assert draft.facts[0].statement not in draft.stem
    for draft in true[:50]:
        assert draft.facts[0].statement in draft.stem or draft.stem.startswith("True or false:")


def test_a_numeric_question_never_names_its_year(store):
    for draft in drafts_for(template("num-signed-on"), store):
        assert str(draft.payload["answer"]) not in draft.stem


def test_several_keys_question_lists_every_signer(store):
    fact = store.by_slug["aja1-treaty-1902-signed-by-lansdowne"]
    draft = build(template("mr-signed-by"), store.siblings(fact), store, seed=0)
    keys = {option["text"] for option in draft.payload["options"] if option["correct"]}
    assert keys == {sibling.object_display for sibling in store.siblings(fact)}
    assert len(keys) == 2


def test_a_predicate_whose_object_is_a_clause_never_makes_a_sentence_of_its_label():
    assert sentence_label("signed_by") == "was signed by"
    assert sentence_label("duration_years") is None  # "lasted (years)"
    assert sentence_label("no_such_predicate") is None
    for predicate in FREE_CLAUSE:
        assert sentence_label(predicate) is None


def test_a_free_clause_fact_with_no_false_version_is_not_asked_true_or_false(store):
    # Its object is not in its statement, and "<subject> is characterised by <object>" does
    # not read: no false claim reads like the true one, so an always-true question is not made.
    fact = next(
        fact
        for fact in store.facts
        if fact.predicate in FREE_CLAUSE and fact.object_display not in fact.statement
    )
    assert build(template("mc-complete-the-sentence"), [fact], store, seed=0) is None
    for seed in range(6):
        assert build(template("tf-statement"), [fact], store, seed=seed) is None


def test_what_a_country_joined_signed_or_fought_is_not_asked_true_or_false(store):
    """A swapped-in claim ("The United Kingdom took part in the Battle of Jutland") may be
    true though the sources do not say it: such facts get no false version, so no question."""
    collective = [
        fact
        for fact in store.facts
        if fact.predicate in COLLECTIVE_PREDICATES
        and "country" in {fact.subject.kind, getattr(fact.object_entity, "kind", None)}
    ]
    assert len(collective) > 30
    for fact in collective:
        for seed in range(3):
            assert build(template("tf-statement"), [fact], store, seed=seed) is None, fact.slug


def test_a_claim_does_not_say_twice_whose_view_it_is(store):
    """ "Stuart Gregory argues that … (in Gregory's view)" says it twice; "W. H. Auden stated
    that … (according to the blog post …)" names a different source and keeps it."""
    checked = kept = 0
    for draft in drafts_for(template("tf-statement"), store):
        fact = draft.facts[0]
        if fact.predicate not in ("argues", "stated") or not fact.qualifier:
            continue
        speaker = fact.subject.name.split()[-1]
        if fact.qualifier in (f"in {speaker}'s view", f"according to {speaker}"):
            checked += 1
            assert f"({fact.qualifier})" not in draft.stem, draft.stem
        elif f"({fact.qualifier})" in draft.stem:
            kept += 1
    assert checked > 50
    assert kept >= 1


def test_true_or_false_is_true_about_half_the_time(store):
    """Answering "true" to every question should not pass a quiz."""
    answers = [draft.payload["answer"] for draft in drafts_for(template("tf-statement"), store)]
    assert len(answers) > 500
    assert 0.45 <= answers.count(True) / len(answers) <= 0.55


def test_a_claim_worded_from_its_predicate_reads_its_object_with_the_article_and_no_repeat(store):
    drafts = drafts_for(template("tf-statement"), store)
    worded = [
        draft
        for draft in drafts
        if draft.payload["answer"] is True and draft.facts[0].statement not in draft.stem
    ]
    assert worded
    for draft in worded:
        fact = draft.facts[0]
        if fact.object_entity is not None:
            assert noun_phrase(fact.object_entity) in draft.stem
        stated = normalise(BRACKETED_END.sub("", fact.qualifier))
        if stated and stated in normalise(object_phrase(fact)):
            assert f"{object_phrase(fact)} ({fact.qualifier})" not in draft.stem


def false_claim(store, slug: str) -> str:
    """The false version of a fact's true-or-false question (the first seed that gives one)."""
    fact = store.by_slug[slug]
    for seed in range(40):
        draft = build(template("tf-statement"), [fact], store, seed)
        if draft is not None and draft.payload["answer"] is False:
            return draft.stem
    raise AssertionError(f"{slug} has no false version")


@pytest.mark.parametrize(
    ("slug", "kept"),
    [
        ("jr-laxman-castaways", "1792"),  # "two castaways": the 2 of 1792 is not the object
        ("blog-dsei-streams", "2019"),
    ],
)
def test_a_false_number_never_changes_a_number_that_only_contains_it(store, slug, kept):
    claim = false_claim(store, slug)
    assert kept in claim, claim


def test_a_false_ordinal_keeps_its_suffix(store):
    """ "its 50th anniversary" becomes "its 75th anniversary" (never "its 75 anniversary", nor
    left true)."""
    claim = false_claim(store, "blog-nc-fpda-50th")
    found = re.search(r"its (\d+)th anniversary", claim)
    assert found, claim
    assert found[1] != "50"


@pytest.mark.parametrize(
    ("entity", "plural"),
    [
        ("british-banks", True),
        ("twenty-one-demands", True),
        ("kuril-islands", True),
        ("united-states", False),
        ("league-of-nations", False),
        ("anglo-japanese-alliance", False),
        # The head noun comes before a modifier, or the name lists several things.
        ("japanese-compromise-faction", True),
        ("ww2-causation-view", True),
        ("former-russian-ships", True),
        ("later-historians", True),
        ("japanese-kimono-swords-crafts-architecture", True),
        ("anglo-german-naval-arms-race", False),
        ("japan-ministry-of-defence", False),
        ("free-and-open-indo-pacific", False),
        ("russian-exploration-of-kurils", False),  # a plural after the modifier
        ("japan-russia-imperial-relations", True),  # "Empire of Japan–Russian Empire relations"
        ("alliance-negotiations", True),  # "Alliance negotiations of 1901–1902"
        ("japanese-fishermen-captives", True),  # "Japanese fishermen captured by Russia"
    ],
)
def test_a_plural_name_takes_a_plural_verb(store, entity, plural):
    subject = next(found for found in store.entities.values() if found.slug == entity)
    assert is_plural(subject) is plural
    assert agreeing("argues that", subject) == ("argue that" if plural else "argues that")
    stem = render_stem(
        "What does {subject} argue? {subject} {label} …", subject=subject, label="was sent to"
    )
    do, was = ("do", "were") if plural else ("does", "was")
    name = noun_phrase(subject)
    assert stem == f"What {do} {name} argue? {name} {was} sent to …"


def test_a_stem_carries_the_qualifier_unless_it_gives_the_key_or_names_the_speaker(store):
    """ "In which year did Operation NEON take place?" – 2019 was the date of a photograph of
    an operation running since 2018; "What does Stuart Gregory argue (in Gregory's view)?"
    says it twice."""
    neon = store.by_slug["blog-nc-neon-oct-2019"]
    asked = build(template("num-occurred-on"), [neon], store, 0)
    assert asked is not None and asked.stem.endswith("(the date of the photograph)?")
    gregory = next(
        fact
        for fact in store.facts
        if fact.predicate == "argues" and fact.qualifier == "in Gregory's view"
    )
    argued = build(template("mc-argues"), [gregory], store, 0)
    assert argued is not None and "view" not in argued.stem
    dated = next(
        fact for fact in store.facts if fact.date_year and str(fact.date_year) in fact.qualifier
    )
    for each in QuestionTemplate.objects.filter(kind__in=[Kind.NUMERIC, Kind.MULTIPLE_CHOICE]):
        draft = build(each, [dated], store, 0)
        assert draft is None or str(dated.date_year) not in draft.stem, draft.stem


def test_questions_about_plural_subjects_read_in_the_plural(store):
    stems = {
        draft.stem
        for slug in ("mc-argues", "mc-ceded-to", "tf-statement")
        for draft in drafts_for(template(slug), store, seeds=range(4))
    }
    assert "What do British banks argue?" in stems
    assert (
        "To which of these were the Kuril Islands ceded (by the 1875 Treaty of Saint Petersburg)?"
        in stems
    )
    assert any(stem.startswith("True or false: British banks argue that") for stem in stems)
    assert not any(" British banks argues " in stem for stem in stems)


def test_a_wrong_number_one_reads_with_a_singular_unit(store):
    """ "1 years" and "1 treaties" read as "1 year" and "1 treaty", in options and claims."""
    plural_units = {
        fact.unit for fact in store.facts if fact.unit and singular_unit(fact.unit) != fact.unit
    }
    texts = [
        text
        for template_ in QuestionTemplate.objects.filter(kind__in=["mc", "tf"])
        for draft in drafts_for(template_, store, seeds=range(3))
        for text in (draft.stem, json.dumps(draft.payload, ensure_ascii=False))
    ]
    wrong = [
        found[0]
        for unit in plural_units
        for text in texts
        if (found := re.search(rf"(?<![\d,.])1 {re.escape(unit)}", text))
    ]
    assert wrong == []
    assert any(re.search(r"(?<![\d,.])1 year\b", text) for text in texts)


def test_an_object_swapped_in_after_the_statements_the_brings_its_own_article(store):
    """ "recalled Fumio Kishida's visit to London", never "recalled the Fumio Kishida's visit";
    "appealed to France", never "appealed to the France"; never "as the the ..."."""
    claims = [
        draft.stem
        for draft in drafts_for(template("tf-statement"), store, seeds=range(6))
        if draft.payload["answer"] is False
    ]
    assert len(claims) > 1000
    assert [claim for claim in claims if re.search(r"\b(the|a|an) (the|a|an) ", claim)] == []
    assert [claim for claim in claims if re.search(r"\bthe (France|Germany|London)\b", claim)] == []
    recalled = {
        draft.stem
        for seed in range(40)
        if (
            draft := build(
                template("tf-statement"),
                [store.by_slug["aja1-article-3-recalled-triple-intervention"]],
                store,
                seed,
            )
        )
        and draft.payload["answer"] is False
    }
    assert recalled
    for claim in recalled:
        swapped = re.search(r"recalled (.+) by the Russian", claim)[1]
        entity = next(e for e in store.entities.values() if swapped.endswith(e.name))
        assert swapped == noun_phrase(entity), claim


@pytest.mark.parametrize(
    ("entity", "phrase"),
    [
        ("later-historians", "later historians"),
        ("former-russian-ships", "former Russian ships captured by Japan"),
        ("japanese-educated-in-britain", "Japanese educated in Britain"),
    ],
)
def test_a_descriptive_name_reads_in_lower_case_inside_a_sentence(store, entity, phrase):
    found = next(e for e in store.entities.values() if e.slug == entity)
    assert noun_phrase(found) == phrase
    stem = render_stem("What do {subject} argue?", subject=found)
    assert stem == f"What do {phrase} argue?"


def test_a_false_number_takes_the_article_it_is_read_with(store):
    """ "had an 8-year term", "had a 9-year term": the statement's article follows the number
    swapped in."""
    fact = store.by_slug["aja1-revision-1911-term"]
    claims = {
        draft.stem
        for seed in range(60)
        if (draft := build(template("tf-statement"), [fact], store, seed))
        and draft.payload["answer"] is False
    }
    articles = {re.search(r"had (an?) (\d+)-year term", claim).groups() for claim in claims}
    assert len(articles) > 1
    for article, number in articles:
        assert article == ("an" if number in ("8", "11", "18") else "a"), (article, number)


def test_an_event_the_sources_date_differently_is_never_put_in_order(store):
    """The Japan–Russia article dates the Triple Intervention 1894, the alliance article 1895:
    neither year can be the key of an ordering question."""
    contested = [
        fact
        for fact in store.facts
        if fact.object_type == "date"
        and len({sibling.date_year for sibling in store.siblings(fact)}) > 1
    ]
    assert "jr-triple-intervention-1894" in {fact.slug for fact in contested}
    ordered = {
        fact.slug
        for draft in drafts_for(template("order-events"), store, seeds=range(3))
        for fact in draft.facts
    }
    assert ordered
    assert ordered.isdisjoint(fact.slug for fact in contested)


def test_a_year_the_sources_give_differently_is_asked_with_whose_year_it_is(store):
    """Without the qualifier a learner who knows 1895 would find no right option among the
    1894 question's years."""
    fact = store.by_slug["jr-triple-intervention-1894"]
    stems = [
        draft.stem
        for slug in ("mc-occurred-on", "num-occurred-on")
        if (draft := build(template(slug), [fact], store, 0)) is not None
    ]
    assert len(stems) == 2
    assert all("according to the Japan–Russia relations article" in stem for stem in stems)


def test_a_false_claim_swaps_in_only_what_fills_the_objects_place(store):
    """ "At DSEI Japan 2019 Captain Simon Staley initially skeptical of Japan's economy" was
    asked: the swap stood after "was" in its own statement. A verb phrase that follows its
    subject's name in its own statement may follow another name ("The 1910 Japan–British
    Exhibition | featured Sumo demonstrations"; Staley's fact now has no false version of its
    own age)."""
    slug = "aja2-exhibition-featured-sumo"
    claims = {false_claim(store, slug)} | {
        draft.stem
        for seed in range(20)
        if (draft := build(template("tf-statement"), [store.by_slug[slug]], store, seed))
        and draft.payload["answer"] is False
    }
    lead = "True or false: The 1910 Japan–British Exhibition "
    assert all(claim.startswith(lead) for claim in claims)
    swapped = {claim.removeprefix(lead).rstrip(".") for claim in claims}
    stated_after_a_name = {
        fact.object_display
        for fact in store.facts
        if fact.predicate == "attribute"
        and _follows_a_name(fact.statement.partition(fact.object_display)[0], fact.subject)
    }
    assert swapped <= stated_after_a_name, swapped - stated_after_a_name


def _follows_a_name(before: str, entity) -> bool:
    return any(before.endswith(f"{name} ") for name in (entity.name, *entity.aliases))


def test_a_fact_whose_swaps_fit_nowhere_is_not_asked_true_or_false(store):
    """When no distractor fills the object's place and the predicate has no wording of its
    own, no false claim reads like the true one: no question, rather than an odd one."""
    drafts = drafts_for(template("tf-statement"), store, seeds=range(3))
    odd = re.compile(r"Sakaki was faced|retains developing|were brought")
    assert [d.stem for d in drafts if not d.payload["answer"] and odd.search(d.stem)] == []
    made = {draft.facts[0].slug for draft in drafts}
    assert "aja2-exhibition-featured-sumo" in made
    # 793 of 1,242: a date the subject's name holds ("the Anglo-Japanese Treaty of 1902"),
    # like a claim with no wording of its own, is not asked true or false.
    assert len(made) > 780


def test_an_occupation_reads_with_its_article(store):
    """ "Aubrey Beardsley worked as businessman" was asked."""
    claims = [
        draft.stem
        for fact in store.facts
        if fact.predicate == "occupation"
        for seed in range(6)
        if (draft := build(template("tf-statement"), [fact], store, seed))
    ]
    worded = [claim for claim in claims if " worked as " in claim]
    assert worded
    assert [c for c in worded if not re.search(r" worked as (a|an) ", c)] == []
    assert any(" worked as an artist." in claim for claim in worded)


@pytest.mark.parametrize(
    ("entity", "phrase"),
    [
        # Seas, regions and fronts take "the"; a country does not.
        ("indo-pacific", "the Indo-Pacific"),
        ("eastern-front", "the Eastern Front"),
        ("free-and-open-indo-pacific", "the Free and Open Indo-Pacific"),
        ("japan", "Japan"),
        # "What does As defence industry cooperation moves … relationship? (blog post) argue?"
        # was asked: a blog post's title is quoted after "the blog post", a question's quoted.
        (
            "blog-post-intelligence-relationship",
            "the blog post “As defence industry cooperation moves to the centre of the UK-Japan"
            " quasi alliance, is it time to deepen our intelligence relationship?”",
        ),
        ("gregory-commentary-2025", "“Is the UK already in a Military Alliance with Japan?”"),
        ("geostrategy360", "Geostrategy360°"),
        # Not "the revival of the Anglo-Japanese Alliance is a historic fantasy was published"
        (
            "matsumura-commentary-2025",
            "“The revival of the Anglo-Japanese Alliance is a historic fantasy”",
        ),
    ],
)
def test_a_place_or_title_reads_inside_a_sentence_as_english_wants(store, entity, phrase):
    found = next(e for e in store.entities.values() if e.slug == entity)
    assert noun_phrase(found) == phrase


def false_claims(store, slug: str, seeds=range(40)) -> set[str]:
    fact = store.by_slug[slug]
    return {
        draft.stem
        for seed in seeds
        if (draft := build(template("tf-statement"), [fact], store, seed))
        and draft.payload["answer"] is False
    }


def test_a_year_the_subjects_name_holds_is_asked_only_in_its_quote(store):
    """ "DSEI Japan 2019 began on 18 November 2020" disproved itself."""
    assert kinds_asked(store, "blog-dsei-began") == {Kind.CLOZE}


def kinds_asked(store, slug: str) -> set:
    """The kinds of question the fact's templates (and the generic ones) make of it."""
    fact = store.by_slug[slug]
    return {
        draft.kind
        for each in QuestionTemplate.objects.filter(predicate__in=[fact.predicate, ""])
        for seed in range(4)
        if (draft := build(each, [fact], store, seed)) is not None
    }


def test_no_false_claim_about_a_person_names_whose_thing_it_was(store):
    """ "Grand Duke Konstantin Nikolayevich of Russia supported Perry's expedition to Japan",
    from the wrong options of any kind when none of the predicate's own fitted."""
    claims = false_claims(store, "jr-konstantin-supported")
    assert claims and not [claim for claim in claims if "Perry's" in claim], claims


def test_no_false_claim_borrows_a_text_that_points_back_to_its_own_sentence(store):
    """ "The Triple Intervention was one of the largest such expositions at its time"."""
    borrowed = [
        (fact.slug, choice.text)
        for fact in store.facts
        if fact.object_type == "text"
        for choice in swap_choices(fact, store, random.Random(fact.id), 4)
        + same_predicate_choices(fact, store, random.Random(fact.id), 3)
        if re.search(r"\bsuch\b", choice.text)
    ]
    assert borrowed == []


def test_a_cloze_after_a_word_of_the_name_accepts_only_what_reads_there(store):
    """ "political pressure from Great ___": "UK" and "London" were accepted."""
    draft = build(template("cloze-quote"), [store.by_slug["jr-britain-opposed-tsushima"]], store, 0)
    assert draft is not None and draft.payload["before"].endswith("Great ")
    assert (draft.payload["answer"], draft.payload["accepted"]) == ("Britain", [])


def test_a_false_claim_keeps_no_other_name_of_the_key(store):
    """ "Japan controlled Formosa (the Mariana Islands) as a colony" stayed true of Formosa."""
    claims = false_claims(store, "aja1-japan-controlled-taiwan")
    assert claims
    assert not any("Formosa" in claim for claim in claims)


def test_a_swapped_in_name_brings_its_article_unless_a_word_describes_it(store):
    """ "The Netherlands suffered …", never "Netherlands suffered"; but "cross northern
    Manchuria" keeps no article before a swapped-in name."""
    defeats = false_claims(store, "jr-russia-multiple-defeats")
    assert defeats
    assert not any(re.search(r": (Netherlands|United States|United Kingdom) ", c) for c in defeats)
    crossing = false_claims(store, "jr-cer-route")
    assert crossing
    assert not any("northern the " in claim for claim in crossing)
    written = false_claims(store, "mat-authored")
    assert written
    assert not any("““" in claim or "””" in claim for claim in written)


def test_a_cloze_never_blanks_a_word_that_only_joins_the_sentence(store):
    """ "Articles 2 and 3 were most crucial [concerning] war and mutual defense" was asked."""
    answers = [
        draft.payload["answer"].lower()
        for fact in store.facts
        if (draft := build(template("cloze-quote"), [fact], store, seed=0))
    ]
    assert len(answers) > 1000
    joining = {"concerning", "regarding", "including", "although", "during", "whether"}
    assert joining.isdisjoint(answers)


def test_a_cloze_blanks_one_only_where_it_counts_something(store):
    """ "[One] shared motivation for the agreement …" and "it was [one] of the largest such
    expositions" were asked; "Japan only had [one] adversary" counts."""
    blanks = {
        fact.slug: (draft.payload["before"][-30:], draft.payload["answer"])
        for fact in store.facts
        if (draft := build(template("cloze-quote"), [fact], store, seed=0))
    }
    ones = [before for before, answer in blanks.values() if answer.lower() == "one"]
    assert ones and all(
        before.rstrip().endswith(("only had", "to send", "keep")) for before in ones
    )
    assert blanks["aja1-alliance-motivation-deterrence"][1] != "One"


def test_a_count_is_asked_with_its_unit_in_the_stem(store):
    """ "Which number do the sources give for the Royal Navy?" left the question to the options."""
    stems = {
        fact.slug: draft.stem
        for fact in store.facts
        if fact.predicate == "count_of"
        and (draft := build(template("mc-count-of"), [fact], store, seed=0))
    }
    assert len(stems) > 10
    assert stems["aja1-ito-four-terms"] == (
        "How many terms as Prime Minister of Japan do the sources give for Ito Hirobumi?"
    )
    for slug, stem in stems.items():
        unit = store.by_slug[slug].unit
        assert stem.startswith(f"How many {unit} do the sources give for "), stem


@pytest.mark.parametrize(
    "pattern",
    ["Complete the quotation from “{source}”.", "How do the sources describe “{source}”?"],
)
def test_a_title_ending_in_a_question_mark_ends_the_stem(pattern):
    title = "Is the UK already in a Military Alliance with Japan?"
    assert render_stem(pattern, source=title).endswith("with Japan?”")
    assert render_stem(pattern, source="Anglo-Japanese Alliance").endswith(
        f"Alliance{pattern[-2:]}"
    )


def test_a_false_object_leaves_out_a_qualifier_that_points_back_to_the_true_one(store):
    """ "Arthur Meighen opposed the Treaty of Shimonoseki (opposed its renewal)" spoke of the
    alliance's renewal; the true claim keeps it."""
    fact = store.by_slug["aja2-meighen-opposed-renewal"]
    claims = {
        draft.payload["answer"]: draft.stem
        for seed in range(40)
        if (draft := build(template("tf-statement"), [fact], store, seed))
    }
    assert "(opposed its renewal)" in claims[True]
    assert "Arthur Meighen opposed" in claims[False]
    assert "(opposed its renewal)" not in claims[False]


def test_a_key_whose_telling_words_the_stem_holds_is_given_away():
    """A post whose title states its argument: the key needs no knowledge to pick."""
    stem = (
        "What does the blog post “Much More than Symbolism: U.K.-Japan ‘Quasi Alliance’ "
        "Charts a New Course for Regional Security” argue?"
    )
    assert in_stem("the U.K.-Japan 'quasi alliance' is much more than symbolism", stem)
    assert not in_stem("the quasi alliance deters China", stem)
    assert not in_stem("a new course", "What does the post argue?")
    assert in_stem("1902", "What happened in 1902?")


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Russia", "Who founded the Russian bank in China?"),
        ("Manchuria", "Where is the South Manchurian Railway located?"),
        ("Franco-Russian declaration of 16 March 1902", "To which of these was France a party?"),
        ("Japanese tariff autonomy", "What did Japan gain?"),
        ("British interests in India", "Which of these did Britain defend?"),
        ("Chinese Eastern Railway", "What did Russia build in China?"),
        ("Adam Laxman", "Who led Laxman's mission to Japan (1792)?"),
    ],
)
def test_another_form_of_a_name_in_the_stem_echoes_it(text, stem):
    assert echoes_a_name(text, stem)


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Treaty of Shimoda", "When was the Treaty of Shimonoseki revised?"),
        ("Australia", "Which of these did Austria join?"),
        ("Treaty of Portsmouth", "Which treaty ended the war?"),  # "Treaty" names no one
        ("russian bank", "Who founded the Russia fund?"),  # a name is capitalised
    ],
)
def test_names_that_only_look_alike_do_not_echo(text, stem):
    assert not echoes_a_name(text, stem)


def test_a_question_whose_stem_points_to_its_key_is_not_made(store):
    """ "Who founded the Russian bank in China?" – "Russia" needs no knowledge to pick, so
    neither it nor "What did Russia found?" – "Russian bank in China" is asked."""
    fact = store.by_slug["jr-russia-bank"]
    assert build(template("mc-reverse-founded"), [fact], store, 0) is None
    assert build(template("mc-founded"), [fact], store, 0) is None
    assert points_to_key(["Russia"], ["Vietnam", "Canada"], "Who founded the Russian bank?")
    stem = "Who founded the Russian bank in China?"
    # "China" echoes the stem's "China", not its "Russian": "Russia" still stands out.
    assert points_to_key(["Russia"], ["Qing China", "Canada"], stem)
    assert not points_to_key(["Russia"], ["Russo-Japanese War", "Canada"], stem)


def test_a_reason_purpose_or_motive_is_asked_with_its_qualifier(store):
    """ "What motivated Japan?" has answers the sources give for other times; the question
    names the one meant."""
    fact = store.by_slug["aja2-japan-motivation-wc"]
    draft = build(template("mc-motivation"), [fact], store, 0)
    assert draft is not None
    assert draft.stem.endswith("(at the Washington Naval Conference (1921–22))?")


def test_a_day_the_source_gives_with_no_year_is_asked_with_no_year(store):
    """The blog says "Today, 5th May" and never the year: no question claims or asks one."""
    fact = store.by_slug["blog-kishida-visit-date"]
    assert fact.object_display == "5 May"
    assert fact.date_year is None
    drafts = [
        draft
        for template in QuestionTemplate.objects.filter(predicate__in=[fact.predicate, ""])
        for seed in range(6)
        if (draft := build(template, [fact], store, seed)) is not None
    ]
    kinds = {draft.kind for draft in drafts}
    assert {Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE} <= kinds
    assert Kind.NUMERIC not in kinds
    for draft in drafts:
        assert not re.search(r"\b20\d\d\b", json.dumps([draft.stem, draft.payload])), draft.stem
    options = next(d for d in drafts if d.kind == Kind.MULTIPLE_CHOICE).payload["options"]
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+", option["text"]) for option in options)
    falses = [d.stem for d in drafts if d.kind == Kind.TRUE_FALSE and not d.payload["answer"]]
    assert falses and all("5 May" not in stem for stem in falses)


def test_a_predicates_wording_is_followed_only_by_what_reads_after_it(store):
    """ "The US–Japan Alliance provided for each party would act …" and "the Four-Power Treaty
    numbered … 4 signatory Pacific powers" were asked."""
    assert reads_after_label("provided_for", "mutual defence")
    assert not reads_after_label("provided_for", "each party would act to meet the danger")
    assert not reads_after_label("count_of", "4 signatory Pacific powers")
    generic = [template("mc-complete-the-sentence"), template("tf-statement")]
    stems = [
        draft.stem
        for fact in store.facts
        if fact.predicate in ("provided_for", "count_of")
        for each in generic
        for seed in range(4)
        if (draft := build(each, [fact], store, seed)) is not None
    ]
    assert stems
    assert not [stem for stem in stems if " numbered " in stem]
    assert not [stem for stem in stems if re.search(r"provided for [^.?]*\b(?:would|will)\b", stem)]


def test_a_number_the_statement_writes_in_words_is_swapped_in_words(store):
    """ "returned two Japanese castaways" becomes "returned three …", not "numbered 3"."""
    claim = false_claim(store, "jr-laxman-castaways")
    assert re.search(r"1792 mission returned (?!two)[a-z]+ Japanese castaways", claim), claim


def test_a_count_in_words_is_never_made_one(store):
    """ "One changes … caused" was asked."""
    changes = false_claims(store, "jr-three-changes")
    assert changes and not [claim for claim in changes if "One changes" in claim], changes


def test_a_count_the_subjects_name_holds_is_asked_only_in_its_quote(store):
    """ "The Seven-Power Treaty was signed by four Pacific powers", then "… signed by seven
    Pacific powers: the United States, Japan, France and Britain" and "How many signatory
    Pacific powers do the sources give for the Four-Power Treaty?" were asked."""
    assert kinds_asked(store, "aja2-four-power-count") == {Kind.CLOZE}
    assert Kind.TRUE_FALSE in kinds_asked(store, "jr-three-changes")


def test_a_description_is_asked_with_the_view_or_time_it_holds_for(store):
    """ "How do the sources describe Japan?" – "an undeveloped (not industrial) non-European
    power" was the Russian view before the war, which the sources say changed; "a gentle
    warning to Russia" was Britain's view of the 1902 treaty."""
    fact = store.by_slug["aja1-treaty-1902-british-view"]
    draft = build(template("mc-described-as"), [fact], store, 0)
    assert draft is not None
    assert draft.stem.endswith(f"({fact.qualifier})?")


def test_a_visit_is_asked_within_the_tour_the_sources_give(store):
    """ "Which of these did Fumio Kishida visit?" – Kishida has visited India and Russia too."""
    fact = store.by_slug["blog-kishida-tour-italy"]
    stems = [
        draft.stem
        for slug in ("mc-visited", "mc-complete-the-sentence")
        if (draft := build(template(slug), [fact], store, 0)) is not None
    ]
    assert stems and all("(on the tour ending in London on 5 May)" in stem for stem in stems)
