from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.db.models import F

from ajquiz.content.fixtures import FIXTURE_ROOT, fix_offsets
from ajquiz.content.formatting import format_date
from ajquiz.content.models import MAX_QUOTE_LENGTH, Fact
from ajquiz.content.validation import validate_fixtures
from tests.factories import STUDY_SOURCE_TEXT, make_fact

GOOD_FACT = """\
- model: content.fact
  fields:
    slug: treaty-1902-signed-on
    subject: [treaty-1902]
    predicate: signed_on
    object_date: 1902-01-30
    date_precision: day
    statement: The first Anglo-Japanese alliance treaty was signed on 30 January 1902.
    year: 1902
    source: [anglo-japanese-alliance]
    quote: on 30 January, effective 31 January 1902 for five years
    start: {start}
    end: {end}
    topics: [[treaty-1902]]
"""


@pytest.fixture
def fixture_root(tmp_path) -> Path:
    """A small fixture tree: the real sources, topics and core entities, and one fact file."""
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURE_ROOT / "sources", root / "sources")
    shutil.copy(FIXTURE_ROOT / "sources.yaml", root)
    shutil.copy(FIXTURE_ROOT / "topics.yaml", root)
    (root / "entities").mkdir()
    shutil.copy(FIXTURE_ROOT / "entities" / "core.yaml", root / "entities")
    (root / "facts").mkdir()
    (root / "templates").mkdir()
    return root


def source_text(name="000_24e82773d0d62f43.txt") -> str:
    return (FIXTURE_ROOT / "sources" / name).read_text(encoding="utf-8")


def write_facts(root: Path, body: str) -> Path:
    path = root / "facts" / "sample.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def good_offsets():
    quote = "on 30 January, effective 31 January 1902 for five years"
    start = source_text().index(quote)
    return start, start + len(quote)


def test_a_correct_fact_has_no_problems(fixture_root):
    start, end = good_offsets()
    write_facts(fixture_root, GOOD_FACT.format(start=start, end=end))
    assert validate_fixtures(fixture_root) == []


def test_a_shifted_offset_is_reported_with_file_and_slug(fixture_root):
    start, end = good_offsets()
    write_facts(fixture_root, GOOD_FACT.format(start=start + 1, end=end + 1))
    problems = [str(problem) for problem in validate_fixtures(fixture_root)]
    assert problems == [
        "fixtures/facts/sample.yaml:treaty-1902-signed-on: quote does not match source text "
        f"at {start + 1}..{end + 1} (it is at {start})"
    ]


def test_a_quote_that_is_not_in_the_source_is_reported(fixture_root):
    body = GOOD_FACT.format(start=0, end=0).replace("for five years", "for six years")
    write_facts(fixture_root, body)
    reasons = [problem.reason for problem in validate_fixtures(fixture_root)]
    assert reasons == [
        "quote is not in the source text: the text has “ January, effective 31 January 1902 "
        "for ” but then not “six years”"
    ]


def test_unresolved_slugs_wrong_object_type_and_bad_dates_are_reported(fixture_root):
    start, end = good_offsets()
    body = (
        GOOD_FACT.format(start=start, end=end)
        .replace("subject: [treaty-1902]", "subject: [no-such-entity]")
        .replace("object_date: 1902-01-30", "object_date: 1902-13-45")
        .replace("topics: [[treaty-1902]]", "topics: [[no-such-topic]]")
    )
    write_facts(fixture_root, body)
    reasons = {problem.reason for problem in validate_fixtures(fixture_root)}
    assert reasons == {
        "subject 'no-such-entity' is not an entity",
        "object_date '1902-13-45' does not parse as YYYY-MM-DD",
        "topic 'no-such-topic' does not exist",
    }


def test_an_object_of_the_wrong_type_for_the_predicate_is_reported(fixture_root):
    start, end = good_offsets()
    body = GOOD_FACT.format(start=start, end=end).replace(
        "object_date: 1902-01-30", "object_text: in January"
    )
    write_facts(fixture_root, body)
    reasons = [problem.reason for problem in validate_fixtures(fixture_root)]
    assert reasons == ["predicate signed_on takes a date object (object_date); found object_text"]


@pytest.mark.parametrize(
    ("predicate", "text", "reads"),
    [
        ("motivation", "to preserve the dignity of Russia", False),
        ("motivation", "preserving the dignity of Russia", True),
        ("role", "controlled Russia's East Asian policy", False),
        ("role", "controlling Russia's East Asian policy", True),
        ("office_held", "British foreign secretary", True),
        ("described_as", "robbed of the spoils of its victory", True),  # "as" takes a participle
        ("attribute", "did not officially join the war", True),  # a clause: no wording to follow
    ],
)
def test_a_text_object_must_read_after_its_predicates_wording(fixture_root, predicate, text, reads):
    """ "Arthur Meighen was motivated by to preserve …" and "Sergei Witte had the role of
    controlled …" are refused when the fixtures are checked."""
    start, end = good_offsets()
    body = (
        GOOD_FACT.format(start=start, end=end)
        .replace("predicate: signed_on", f"predicate: {predicate}")
        .replace("object_date: 1902-01-30\n    date_precision: day", f'object_text: "{text}"')
    )
    write_facts(fixture_root, body)
    reasons = [problem.reason for problem in validate_fixtures(fixture_root)]
    if reads:
        assert reasons == []
    else:
        [reason] = reasons
        assert reason.startswith(f"object_text {text!r} does not read after “")


def test_duplicate_facts_are_reported(fixture_root):
    start, end = good_offsets()
    first = GOOD_FACT.format(start=start, end=end)
    second = first.replace("slug: treaty-1902-signed-on", "slug: treaty-1902-signed-again")
    write_facts(fixture_root, first + second)
    problems = [str(problem) for problem in validate_fixtures(fixture_root)]
    assert problems == [
        "fixtures/facts/sample.yaml:treaty-1902-signed-again: duplicates fact treaty-1902-signed-on"
    ]


def test_fix_offsets_rewrites_the_offsets_of_a_unique_quote(fixture_root):
    path = write_facts(fixture_root, GOOD_FACT.format(start=0, end=0))
    assert fix_offsets(fixture_root) == [("fixtures/facts/sample.yaml", "treaty-1902-signed-on")]
    start, end = good_offsets()
    assert f"start: {start}" in path.read_text()
    assert f"end: {end}" in path.read_text()
    assert validate_fixtures(fixture_root) == []


def test_the_command_exits_non_zero_and_prints_each_problem(fixture_root, capsys):
    write_facts(fixture_root, GOOD_FACT.format(start=1, end=2))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("validate_content", root=fixture_root)
    assert "fixtures/facts/sample.yaml:treaty-1902-signed-on: quote does not match" in (
        capsys.readouterr().out
    )


def test_the_project_fixtures_are_valid():
    assert [str(problem) for problem in validate_fixtures(FIXTURE_ROOT)] == []


def test_a_value_longer_than_its_column_is_reported_before_loading(fixture_root):
    start, end = good_offsets()
    body = GOOD_FACT.format(start=start, end=end).replace(
        "    year: 1902\n", "    year: 1902\n    qualifier: " + "x" * 101 + "\n"
    )
    write_facts(fixture_root, body)
    reasons = [problem.reason for problem in validate_fixtures(fixture_root)]
    assert reasons == ["qualifier is 101 characters long; the limit is 100"]


def test_an_editors_aside_in_a_qualifier_is_reported(fixture_root):
    start, end = good_offsets()
    body = GOOD_FACT.format(start=start, end=end).replace(
        "    year: 1902\n",
        '    year: 1902\n    qualifier: "first treaty; the article dates it 1902"\n',
    )
    write_facts(fixture_root, body)
    problems = validate_fixtures(fixture_root)
    assert [(problem.slug, problem.reason) for problem in problems] == [
        (
            "treaty-1902-signed-on",
            "questions show the qualifier, so it is one short phrase with no ';': an "
            "editor's reasoning goes in the note",
        )
    ]


def test_a_negative_qualifier_is_reported(fixture_root):
    """ "The Anglo-Japanese Alliance ended in December 1921" was asked true without its
    qualifier, "defunct, not yet formally terminated", which no question shows."""
    start, end = good_offsets()
    body = GOOD_FACT.format(start=start, end=end).replace(
        "    year: 1902\n", '    year: 1902\n    qualifier: "signed, not yet in force"\n'
    )
    write_facts(fixture_root, body)
    problems = validate_fixtures(fixture_root)
    assert [problem.slug for problem in problems] == ["treaty-1902-signed-on"]
    assert "say it positively" in problems[0].reason


def test_a_quote_longer_than_the_limit_is_reported(fixture_root):
    start, _ = good_offsets()
    quote = source_text()[start : start + MAX_QUOTE_LENGTH + 1]
    body = (
        GOOD_FACT.format(start=start, end=start + len(quote))
        .replace("    quote: on 30 January, effective 31 January 1902 for five years\n", "")
        .replace("    start:", f"    quote: {json.dumps(quote)}\n    start:")
    )
    write_facts(fixture_root, body)
    reasons = [problem.reason for problem in validate_fixtures(fixture_root)]
    assert reasons == [
        f"quote is {MAX_QUOTE_LENGTH + 1} characters long; the limit is {MAX_QUOTE_LENGTH}"
        " (quote the shortest passage that proves the fact)"
    ]


def test_two_dates_for_one_subject_and_predicate_need_a_qualifier_each(fixture_root):
    start, end = good_offsets()
    first = GOOD_FACT.format(start=start, end=end)
    second = (
        first.replace("slug: treaty-1902-signed-on", "slug: treaty-1902-signed-later")
        .replace("object_date: 1902-01-30", "object_date: 1902-01-31")
        .replace("    year: 1902\n", '    year: 1902\n    qualifier: "as some say"\n')
    )
    write_facts(fixture_root, first + second)
    problems = [str(problem) for problem in validate_fixtures(fixture_root)]
    assert problems == [
        "fixtures/facts/sample.yaml:treaty-1902-signed-on: treaty-1902 has 2 different "
        "signed_on values; give each fact a qualifier of its own"
    ]
    write_facts(
        fixture_root,
        first.replace("    year: 1902\n", '    year: 1902\n    qualifier: "as others say"\n')
        + second,
    )
    assert validate_fixtures(fixture_root) == []


@pytest.mark.django_db
def test_the_database_refuses_a_quote_longer_than_the_limit():
    fact = make_fact("long-quote", STUDY_SOURCE_TEXT[:20])
    with pytest.raises(IntegrityError), transaction.atomic():
        Fact.objects.filter(pk=fact.pk).update(end=F("start") + MAX_QUOTE_LENGTH + 1)
    Fact.objects.filter(pk=fact.pk).update(end=F("start") + MAX_QUOTE_LENGTH)


def test_a_day_with_no_year_reads_without_one():
    assert format_date(datetime.date(2022, 5, 5), "day_month") == "5 May"
    assert format_date(datetime.date(2022, 5, 5), "day") == "5 May 2022"
