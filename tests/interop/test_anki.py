"""The .apkg files open in the real Anki library (`anki` from PyPI), as a learner's Anki would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import genanki
import pytest

from ajquiz.content.models import Fact, Topic
from ajquiz.interop.anki import BASIC_MODEL, CLOZE_MODEL, build_deck, card_for, cloze_text
from ajquiz.interop.exports import anki_file
from ajquiz.interop.scopes import facts_in, read_scope
from ajquiz.study.prompts import claim_lead

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def open_in_anki(tmp_path, *packages):
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    collection = Collection(str(tmp_path / "collection.anki2"))
    for index, body in enumerate(packages):
        path = tmp_path / f"deck{index}.apkg"
        path.write_bytes(body)
        collection.import_anki_package(
            ImportAnkiPackageRequest(
                package_path=str(path),
                options=ImportAnkiPackageOptions(with_scheduling=False),
            )
        )
    return collection


def notes_by_guid(collection):
    return {
        note.guid: note
        for note in (collection.get_note(note_id) for note_id in collection.find_notes(""))
    }


def topic_scope():
    topic = Topic.objects.filter(parent__isnull=True).order_by("pk").first()
    return read_scope(f"topic:{topic.slug}")


@pytest.mark.django_db
def test_the_deck_opens_in_anki_with_a_note_per_fact_and_its_fields(content, tmp_path):
    scope = topic_scope()
    facts = list(facts_in(scope).prefetch_related("topics"))
    clozes = [fact for fact in facts if cloze_text(fact, card_for(fact).answer)]
    download = anki_file(scope, now=NOW, base_url="https://ajquiz.example/")
    collection = open_in_anki(tmp_path, download.body)
    try:
        assert collection.note_count() == len(facts) + len(clozes) == download.count
        notes = notes_by_guid(collection)
        fact = facts[0]
        basic = notes[genanki.guid_for("ajquiz-fact", fact.slug)]
        card = card_for(fact)
        assert basic.note_type()["name"] == "ajquiz fact"
        assert [name for name, _ in basic.items()] == [
            "Question",
            "Answer",
            "Statement",
            "Quote",
            "Source",
        ]
        assert basic["Answer"] == _html(card.answer)
        assert basic["Statement"] == _html(fact.statement)
        assert basic["Quote"] == _html(fact.quote)
        assert basic["Source"].startswith(
            f'<a href="https://ajquiz.example{fact.source.get_absolute_url()}'
        )
        cloze = notes[genanki.guid_for("ajquiz-cloze", clozes[0].slug)]
        assert cloze.note_type()["name"] == "ajquiz quote cloze"
        assert "{{c1::" in cloze["Text"]
    finally:
        collection.close()


@pytest.mark.django_db
def test_importing_a_newer_export_updates_notes_instead_of_adding_copies(content, tmp_path):
    scope = topic_scope()
    first = anki_file(scope, now=NOW)
    fact = facts_in(scope).first()
    Fact.objects.filter(pk=fact.pk).update(statement="A corrected statement.")
    second = anki_file(scope, now=NOW + timedelta(days=1))
    collection = open_in_anki(tmp_path, first.body, second.body)
    try:
        assert collection.note_count() == first.count
        note = notes_by_guid(collection)[genanki.guid_for("ajquiz-fact", fact.slug)]
        assert note["Statement"] == "A corrected statement."
    finally:
        collection.close()


@pytest.mark.django_db
def test_two_exports_of_one_scope_use_the_same_deck_and_note_type_ids(content):
    scope = topic_scope()
    facts = list(facts_in(scope).prefetch_related("topics")[:3])
    one = build_deck(facts, deck_key=scope.value, deck_name="x")
    two = build_deck(facts, deck_key=scope.value, deck_name="x")
    assert one.deck_id == two.deck_id
    assert [n.guid for n in one.notes] == [n.guid for n in two.notes]
    assert {n.model.model_id for n in one.notes} <= {BASIC_MODEL.model_id, CLOZE_MODEL.model_id}


def test_a_cloze_blanks_the_answer_where_the_quote_says_it():
    fact = Fact(quote="Signed in London <at Lansdowne House> on 30 January 1902.")
    assert cloze_text(fact, "30 january 1902") == (
        "Signed in London &lt;at Lansdowne House&gt; on {{c1::30 January 1902}}."
    )
    assert cloze_text(fact, "Paris") is None


@pytest.mark.django_db
def test_the_front_asks_for_the_object_of_the_fact(content):
    fact = Fact.objects.with_related().filter(predicate="signed_on", qualifier="").first()
    assert card_for(fact).question == f"{claim_lead(fact)} …?"
    assert claim_lead(fact).endswith(" was signed on")
    assert card_for(fact).answer == fact.object_display


@pytest.mark.django_db
def test_the_front_of_a_clause_fact_leads_with_its_subject_alone(content):
    fact = Fact.objects.with_related().get(slug="aja1-japan-ascendancy")
    assert card_for(fact).question == f"{fact.subject.name}: …? ({fact.qualifier})"


@pytest.mark.django_db
def test_the_front_reads_as_the_study_pages_question(content):
    """ "The Russo-Japanese War ended in …?" for a year, not "Russo-Japanese War ended on"."""
    war = Fact.objects.with_related().get(slug="jr-rjw-1905")
    assert card_for(war).question == "The Russo-Japanese War ended in …?"


def _html(text):
    import html

    return html.escape(text)
