from __future__ import annotations

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from ajquiz.content.highlight import linked_runs, segments
from ajquiz.content.models import Fact, Passage, Source, Topic


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
    passages = [
        {
            "passage": passage,
            "segments": linked_runs(
                segments(passage.text, passage.start, by_passage.get(passage.pk, []))
            ),
            "facts": by_passage.get(passage.pk, []),
        }
        for passage in source.passages.all()
    ]
    return render(
        request,
        "content/source_detail.html",
        {"source": source, "passages": passages, "fact_count": len(facts)},
    )


def topic_list(request):
    topics = Topic.objects.annotate(fact_count=Count("facts")).select_related("parent")
    return render(request, "content/topic_list.html", {"topics": topics})


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
        .order_by("year", "source", "start")
    )
    return render(request, "content/topic_detail.html", {"topic": topic, "facts": facts})


def fact_detail(request, slug):
    fact = get_object_or_404(Fact.objects.with_related().prefetch_related("topics"), slug=slug)
    passage = fact.passage or Passage(source=fact.source, index=0, start=0, text=fact.quote)
    passage.source = fact.source  # already joined: the paragraph link needs its slug
    return render(
        request,
        "content/fact_detail.html",
        {
            "fact": fact,
            "passage": passage,
            "segments": segments(passage.text, passage.start, [fact]),
        },
    )
