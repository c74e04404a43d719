from __future__ import annotations

import bisect

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch
from django.shortcuts import get_object_or_404, render

from ajquiz.content.highlight import linked_runs, segments
from ajquiz.content.models import Fact, Passage, Source, Topic

TOPIC_PAGE_SIZE = 50


def source_list(request):
    sources = Source.objects.annotate(fact_count=Count("facts")).defer("text")
    return render(request, "content/source_list.html", {"sources": sources})


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    # source_id stays loaded: the related manager sets .source on each fact from it.
    facts = list(
        source.facts.only("slug", "statement", "start", "end", "passage_id", "source_id").order_by(
            "start", "end"
        )
    )
    by_passage: dict[int, list[Fact]] = {}
    for fact in facts:
        by_passage.setdefault(fact.passage_id, []).append(fact)
    all_passages = list(source.passages.all())
    quoted = _quotes_in(all_passages, facts)
    passages = [
        {
            "passage": passage,
            "segments": linked_runs(segments(passage.text, passage.start, quoted[passage.pk])),
            "facts": by_passage.get(passage.pk, []),
        }
        for passage in all_passages
    ]
    return render(
        request,
        "content/source_detail.html",
        {"source": source, "passages": passages, "fact_count": len(facts)},
    )


def topic_list(request):
    topics = list(Topic.objects.annotate(fact_count=Count("facts")))
    totals = facts_with_subtopics(topics)
    for topic in topics:
        topic.total_count = totals[topic.pk]
    return render(request, "content/topic_list.html", {"topics": topics})


def facts_with_subtopics(topics: list[Topic]) -> dict[int, int]:
    """Distinct facts in each topic or its children, from one query over the topic links."""
    parent_of = {topic.pk: topic.parent_id for topic in topics}
    facts: dict[int, set[int]] = {topic.pk: set() for topic in topics}
    for fact_id, topic_id in Fact.topics.through.objects.values_list("fact_id", "topic_id"):
        facts[topic_id].add(fact_id)
        if parent_of.get(topic_id):
            facts[parent_of[topic_id]].add(fact_id)
    return {pk: len(ids) for pk, ids in facts.items()}


def topic_detail(request, slug):
    topic = get_object_or_404(
        Topic.objects.prefetch_related(
            Prefetch("children", queryset=Topic.objects.annotate(fact_count=Count("facts")))
        ),
        slug=slug,
    )
    facts = (
        Fact.objects.for_topic(topic)
        .select_related("source", "passage")
        .defer("source__text")
        .order_by(F("year").asc(nulls_last=True), "source__file_name", "start", "slug")
    )
    page = Paginator(facts, TOPIC_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "content/topic_detail.html",
        {"topic": topic, "facts": page.object_list, "page": page},
    )


def _quotes_in(passages: list[Passage], facts: list[Fact]) -> dict[int, list[Fact]]:
    """The facts whose quotes overlap each passage, by its pk: a quote that runs on into the
    next paragraphs is highlighted there too. Both lists in source order."""
    quoted: dict[int, list[Fact]] = {passage.pk: [] for passage in passages}
    starts = [passage.start for passage in passages]
    for fact in facts:
        for passage in passages[max(bisect.bisect_right(starts, fact.start) - 1, 0) :]:
            if passage.start >= fact.end:
                break
            if passage.end > fact.start:
                quoted[passage.pk].append(fact)
    return quoted


def fact_detail(request, slug):
    fact = get_object_or_404(Fact.objects.with_related().prefetch_related("topics"), slug=slug)
    passage = fact.passage or Passage(source=fact.source, index=0, start=0, text=fact.quote)
    passage.source = fact.source  # already joined: the paragraph link needs its slug
    text = passage.text
    if fact.passage and fact.end > passage.end:
        # The quote runs on into the next paragraphs: show them too, to the end of its last.
        last_end = fact.source.text.find("\n", fact.end)
        text = fact.source.text[passage.start : None if last_end == -1 else last_end]
    return render(
        request,
        "content/fact_detail.html",
        {
            "fact": fact,
            "passage": passage,
            "segments": segments(text, passage.start, [fact]),
            "paragraph_count": sum(1 for line in text.split("\n") if line.strip()),
        },
    )
