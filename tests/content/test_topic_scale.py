"""The topic page's facts come from a subquery, not a join with DISTINCT (issue 10)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ajquiz.content.models import Fact, Topic


def test_facts_of_a_topic_and_its_subtopics_come_once_each_without_distinct(content):
    topic = Topic.objects.filter(children__isnull=False).distinct().first()
    child = topic.children.first()
    fact = Fact.objects.filter(topics=child).first()
    fact.topics.add(topic)  # in both: still listed once
    facts = Fact.objects.for_topic(topic)
    expected = set(
        Fact.objects.filter(topics__in=[topic, *topic.children.all()]).values_list("pk", flat=True)
    )
    with CaptureQueriesContext(connection) as captured:
        found = list(facts.values_list("pk", flat=True))
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))
    assert "DISTINCT" not in captured[0]["sql"]


def test_the_topic_page_counts_without_distinct(client, content):
    topic = Topic.objects.filter(children__isnull=False).first()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    assert not [query for query in captured if "DISTINCT" in query["sql"]]
