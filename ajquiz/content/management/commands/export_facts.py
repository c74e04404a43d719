import json
import os
import sys

from django.core.management.base import BaseCommand

from ajquiz.content.models import Fact


def fact_row(fact: Fact) -> dict:
    return {
        "id": fact.slug,
        "subject": fact.subject.name,
        "predicate": fact.predicate,
        "object": fact.object_display,
        "object_type": fact.object_type,
        "statement": fact.statement,
        "source": fact.source.file_name,
        "quote": fact.quote,
        "start": fact.start,
        "end": fact.end,
        "topics": [topic.slug for topic in fact.topics.all()],
        "qualifier": fact.qualifier,
    }


class Command(BaseCommand):
    help = "Write every fact to stdout as JSON Lines, one fact a line."

    def handle(self, *args, **options):
        facts = (
            Fact.objects.select_related("subject", "object_entity", "source")
            .prefetch_related("topics")
            .order_by("source__file_name", "start", "slug")
        )
        try:
            for fact in facts.iterator(chunk_size=500):
                self.stdout.write(json.dumps(fact_row(fact), ensure_ascii=False))
        except BrokenPipeError:
            # The reader stopped early (`export_facts | head`): not an error. Point stdout at
            # devnull so that the interpreter's final flush does not raise again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
