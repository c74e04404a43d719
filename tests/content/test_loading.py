from __future__ import annotations

import itertools
import json

import pytest
from django.core.management import call_command

from ajquiz.content.fixtures import FIXTURE_ROOT, read_bundle
from ajquiz.content.loading import load_content
from ajquiz.content.models import Entity, Fact, Passage, Source, Topic

pytestmark = pytest.mark.django_db


def test_every_source_is_loaded_byte_exact_with_its_hash(content):
    import hashlib

    for source in Source.objects.all():
        raw = (FIXTURE_ROOT / "sources" / source.file_name).read_bytes()
        assert source.text.encode("utf-8") == raw
        assert source.sha256 == hashlib.sha256(raw).hexdigest()


def test_passages_tile_the_source_text_without_gaps_of_content(content):
    source = Source.objects.get(slug="anglo-japanese-alliance")
    passages = list(source.passages.all())
    assert passages[0].text.startswith("The Anglo-Japanese Alliance (, Nichi-Ei Domei)")
    for passage in passages:
        assert source.text[passage.start : passage.end] == passage.text
    between = "".join(
        source.text[left.end : right.start] for left, right in itertools.pairwise(passages)
    )
    assert between.strip() == ""


def test_every_fact_quote_is_exactly_its_source_text_and_sits_in_its_passage(content):
    facts = Fact.objects.select_related("source", "passage")
    assert facts.count() == len(read_bundle().facts)
    for fact in facts:
        assert fact.source.text[fact.start : fact.end] == fact.quote, fact.slug
        assert fact.passage.start <= fact.start < fact.passage.end, fact.slug


def test_loading_twice_changes_nothing(content):
    before = list(Fact.objects.order_by("slug").values_list("slug", "pk", "passage_id"))
    topics_before = Fact.topics.through.objects.count()
    report = load_content()
    assert report.removed_facts == 0
    assert list(Fact.objects.order_by("slug").values_list("slug", "pk", "passage_id")) == before
    assert Fact.topics.through.objects.count() == topics_before
    assert Passage.objects.filter(source__slug="anglo-japanese-alliance").count() > 20


def test_a_fact_removed_from_the_fixtures_is_removed_from_the_database(content):
    ghost = Fact.objects.first()
    Fact.objects.create(
        slug="ghost-fact",
        subject=ghost.subject,
        predicate="role",
        object_text="ghost",
        statement="A fact no fixture has.",
        source=ghost.source,
        quote=ghost.quote,
        start=ghost.start,
        end=ghost.end,
    )
    report = load_content()
    assert report.removed_facts == 1
    assert not Fact.objects.filter(slug="ghost-fact").exists()


def test_the_content_meets_the_volume_the_issue_asks_for(content):
    per_source = {source.file_name[:3]: source.facts.count() for source in Source.objects.all()}
    assert per_source["000"] >= 150
    assert per_source["004"] >= 60
    assert per_source["003"] >= 30
    assert per_source["001"] >= 20
    assert per_source["002"] >= 20
    assert Entity.objects.count() >= 80
    assert Topic.objects.count() >= 8


def test_the_two_ends_of_the_alliance_are_two_qualified_facts(content):
    alliance = Fact.objects.filter(subject__slug="anglo-japanese-alliance")
    defunct = alliance.get(predicate="ended_on", object_date__year=1921)
    terminated = alliance.get(predicate="terminated_on", object_date="1923-08-17")
    assert defunct.object_date.month == 12
    assert "defunct" in defunct.qualifier
    assert terminated.qualifier


def test_the_fixtures_also_load_with_loaddata_by_natural_keys(content):
    Topic.objects.filter(slug="origins").update(name="changed")
    call_command("loaddata", str(FIXTURE_ROOT / "topics.yaml"), verbosity=0)
    assert Topic.objects.get(slug="origins").name == "Origins of the alliance (1894–1902)"


def test_export_facts_writes_one_json_object_per_fact(content, capsys):
    call_command("export_facts")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == Fact.objects.count()
    row = json.loads(lines[0])
    assert set(row) == {
        "id",
        "subject",
        "predicate",
        "object",
        "object_type",
        "statement",
        "source",
        "quote",
        "start",
        "end",
        "topics",
        "qualifier",
    }
    fact = Fact.objects.get(slug=row["id"])
    assert row["source"] == fact.source.file_name
    assert fact.source.text[row["start"] : row["end"]] == row["quote"]


def test_content_stats_lists_sources_predicates_and_uncovered_paragraphs(content, capsys):
    call_command("content_stats")
    out = capsys.readouterr().out
    assert "000_24e82773d0d62f43.txt" in out
    assert "Facts per predicate:" in out
    assert "Paragraphs with no fact:" in out
