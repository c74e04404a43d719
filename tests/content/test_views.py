from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_source_list_names_every_source_with_its_fact_count(
    client, content, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        response = client.get(reverse("content:source_list"))
    shown = {source.slug: source.fact_count for source in response.context["sources"]}
    assert shown == {source.slug: source.facts.count() for source in Source.objects.all()}
    assert 'href="/sources/anglo-japanese-alliance/"' in response.content.decode()


def test_a_source_page_links_each_highlighted_quote_to_its_fact(client, content):
    fact = Fact.objects.get(slug="aja1-treaty-1902-signed-on")
    response = client.get(reverse("content:source_detail", args=["anglo-japanese-alliance"]))
    html = response.content.decode()
    linked = {
        segment.fact.slug
        for item in response.context["passages"]
        for segment in item["segments"]
        if segment.fact
    }
    source = Source.objects.get(slug="anglo-japanese-alliance")
    # Every fact is reachable from the page: highlighted, or listed under its paragraph.
    listed = {fact.slug for item in response.context["passages"] for fact in item["facts"]}
    assert listed == set(source.facts.values_list("slug", flat=True))
    assert "aja1-treaty-1902-signed-at-lansdowne-house" in linked
    assert f'href="{fact.get_absolute_url()}"' in html


def test_a_source_page_shows_its_whole_text_paragraph_by_paragraph(client, content):
    source = Source.objects.get(slug="matsumura-revival-fantasy")
    response = client.get(source.get_absolute_url())
    items = response.context["passages"]
    assert [item["passage"].index for item in items] == list(range(source.passages.count()))
    for item in items:
        assert "".join(segment.text for segment in item["segments"]) == item["passage"].text
    assert 'id="p1"' in response.content.decode()


def test_overlapping_quotes_make_one_link_per_run_and_no_empty_links(client, content):
    response = client.get(reverse("content:source_detail", args=["anglo-japanese-alliance"]))
    for item in response.context["passages"]:
        links = [segment for segment in item["segments"] if segment.fact]
        assert all(segment.text.strip() for segment in links)
        assert all(left.fact is not right.fact for left, right in itertools.pairwise(links))


def test_an_opinion_source_says_that_it_argues_a_case(client, content):
    response = client.get(reverse("content:source_detail", args=["matsumura-revival-fantasy"]))
    assert "this source argues a case" in response.content.decode()
    response = client.get(reverse("content:source_detail", args=["anglo-japanese-alliance"]))
    assert "this source argues a case" not in response.content.decode()


def test_source_pages_take_the_same_number_of_queries_whatever_their_size(
    client, content, django_assert_max_num_queries
):
    small = Source.objects.get(slug="matsumura-revival-fantasy")
    large = Source.objects.get(slug="anglo-japanese-alliance")
    assert large.facts.count() > 3 * small.facts.count()
    with django_assert_max_num_queries(3):
        client.get(large.get_absolute_url())
    assert queries_for(client, small.get_absolute_url()) == queries_for(
        client, large.get_absolute_url()
    )


def test_a_topic_page_lists_its_facts_and_its_subtopics_facts_with_quotes(client, content):
    topic = Topic.objects.get(slug="alliance-history")
    expected = Fact.objects.filter(topics__in=[topic, *topic.children.all()]).distinct()
    first = client.get(topic.get_absolute_url())
    page = first.context["page"]
    assert page.paginator.count == expected.count()
    assert len(page.object_list) == 50
    shown = []
    for number in page.paginator.page_range:
        response = client.get(topic.get_absolute_url(), {"page": number})
        shown.extend(fact.slug for fact in response.context["facts"])
    assert sorted(shown) == sorted(expected.values_list("slug", flat=True))


def test_a_topic_page_shows_each_statement_with_its_quote_in_year_order(client, content):
    topic = Topic.objects.get(slug="treaty-1902")
    response = client.get(topic.get_absolute_url())
    facts = list(response.context["facts"])
    years = [fact.year for fact in facts if fact.year is not None]
    assert years == sorted(years)
    undated = [fact.year is None for fact in facts]
    assert undated == sorted(undated)  # facts without a year come last
    html = response.content.decode()
    fact = Fact.objects.get(slug="aja1-treaty-1902-signed-on")
    assert fact in facts
    assert escape(fact.statement) in html
    assert f"“{escape(fact.quote)}”" in html
    assert f'href="{fact.get_absolute_url()}"' in html
    assert '<a aria-current="page" href="?page=1#facts">1</a>' in html


def test_the_topic_list_counts_a_parents_facts_with_its_subtopics(client, content):
    response = client.get(reverse("content:topic_list"))
    totals = {topic.slug: topic.total_count for topic in response.context["topics"]}
    parent = Topic.objects.get(slug="alliance-history")
    expected = Fact.objects.filter(topics__in=[parent, *parent.children.all()]).distinct()
    assert totals["alliance-history"] == expected.count()
    assert totals["treaty-1902"] == Fact.objects.filter(topics__slug="treaty-1902").count()


def test_topic_pages_take_the_same_number_of_queries_whatever_their_size(
    client, content, django_assert_max_num_queries
):
    small = Topic.objects.get(slug="japan-russia-1905-1917")
    large = Topic.objects.get(slug="alliance-history")
    # The topic, its children, the count for the pages and one page of facts.
    with django_assert_max_num_queries(4):
        client.get(large.get_absolute_url())
    assert queries_for(client, small.get_absolute_url()) == queries_for(
        client, large.get_absolute_url()
    )


def test_the_topic_list_takes_two_queries(client, content, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("content:topic_list"))
    assert 'href="/topics/treaty-1902/"' in response.content.decode()


def test_a_fact_page_shows_its_quote_highlighted_in_its_paragraph(
    client, content, django_assert_max_num_queries
):
    fact = Fact.objects.select_related("passage").get(slug="aja1-treaty-1902-signed-on")
    with django_assert_max_num_queries(2):
        response = client.get(fact.get_absolute_url())
    html = response.content.decode()
    assert f"<mark>{escape(fact.quote)}</mark>" in html
    assert f'href="/sources/anglo-japanese-alliance/#p{fact.passage.index + 1}"' in html
    assert 'href="/topics/treaty-1902/"' in html


def test_a_qualified_fact_shows_its_qualifier(client, content):
    fact = Fact.objects.exclude(qualifier="").first()
    response = client.get(fact.get_absolute_url())
    assert escape(fact.qualifier) in response.content.decode()


def test_a_quote_running_into_the_next_paragraphs_is_highlighted_whole(client, content):
    fact = Fact.objects.select_related("passage").get(slug="blog-kishida-visit-date")
    assert fact.end > fact.passage.end  # the headline, then the next two paragraphs
    html = client.get(fact.get_absolute_url()).content.decode()
    assert f"<mark>{escape(fact.quote)}</mark>" in html
    first = fact.passage.index + 1
    assert f"(paragraphs {first} to {first + 2})" in html
    source_page = client.get(fact.source.get_absolute_url()).content.decode()
    link = f'<a class="fact-mark" href="{fact.get_absolute_url()}">Mail Online</a>'
    assert link in source_page


def test_a_quote_running_on_is_shown_after_its_first_paragraph_where_no_source_is_read(content):
    """Review pages and admin show a quote in its paragraph without reading the source text."""
    fact = Fact.objects.select_related("passage").get(slug="blog-kishida-visit-date")
    text, start = fact.quote_context()
    assert start == fact.passage.start
    assert text.startswith(fact.passage.text)
    assert text[fact.start - start :] == fact.quote
    within = Fact.objects.select_related("passage").get(slug="aja1-treaty-1902-signed-on")
    assert within.quote_context() == (within.passage.text, within.passage.start)


def test_an_editors_note_is_on_its_facts_page_and_in_none_of_its_questions(client, bank):
    fact = Fact.objects.get(slug="jr-triple-intervention-1894")
    assert fact.note.startswith("The same article speaks of 1895")
    assert escape(fact.note) in client.get(fact.get_absolute_url()).content.decode()
    questions = Question.objects.current().filter(facts=fact)
    assert questions.exists()
    for question in questions:
        shown = f"{question.stem} {question.payload} {question.feedback}"
        assert "1895" not in shown, question.stem


@pytest.mark.parametrize(
    "url",
    ["/sources/no-such-source/", "/topics/no-such-topic/", "/facts/no-such-fact/"],
)
def test_an_unknown_slug_is_not_found(client, content, url):
    assert client.get(url).status_code == 404


def test_a_logged_in_learner_can_practise_or_study_a_topic_from_its_page(client, student, bank):
    client.force_login(student)
    html = client.get(reverse("content:topic_detail", args=["treaty-1902"])).content.decode()
    assert reverse("quizzes:practice_topic", args=["treaty-1902"]) in html
    assert 'name="topic" value="treaty-1902"' in html
    response = client.post(reverse("quizzes:practice_topic", args=["treaty-1902"]))
    assert response.status_code == 302
    assert "/attempts/" in response["Location"]
