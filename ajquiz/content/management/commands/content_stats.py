from django.apps import apps
from django.core.management.base import BaseCommand
from django.db.models import Count

from ajquiz.content.models import Fact, Passage, Source, Topic


class Command(BaseCommand):
    help = "Facts per source, topic and predicate; questions per kind; paragraphs with no fact."

    def handle(self, *args, **options):
        write = self.stdout.write
        write(f"Facts: {Fact.objects.count()}")
        write("\nFacts per source:")
        for source in Source.objects.annotate(n=Count("facts")).order_by("file_name"):
            write(f"  {source.n:5}  {source.file_name}  {source.title}")
        write("\nFacts per topic:")
        for topic in Topic.objects.annotate(n=Count("facts")):
            write(f"  {topic.n:5}  {topic.slug}")
        write("\nFacts per predicate:")
        for row in Fact.objects.values("predicate").annotate(n=Count("id")).order_by("-n"):
            write(f"  {row['n']:5}  {row['predicate']}")
        self._questions_per_kind()
        write("\nParagraphs with no fact:")
        empty = Passage.objects.filter(facts__isnull=True).select_related("source")
        for passage in empty:
            write(f"  {passage.source.file_name} ¶{passage.index + 1}: {passage.text[:90]!r}")

    def _questions_per_kind(self):
        # Looked up by name: the questions app sits above content and may be absent.
        try:
            question_model = apps.get_model("questions", "Question")
        except LookupError:
            return
        self.stdout.write("\nQuestions per kind:")
        rows = question_model.objects.values("kind").annotate(n=Count("id")).order_by("kind")
        for row in rows:
            self.stdout.write(f"  {row['n']:5}  {row['kind']}")
