from __future__ import annotations

import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from ajquiz.content.formatting import object_text_form
from ajquiz.content.images import make_thumbnail, validate_image_size
from ajquiz.content.predicates import PREDICATES, ObjectType, object_type_of

PARAGRAPH_BREAK = re.compile(r"\n+")
# The shortest quote that proves a fact is a sentence or two. The bound also lets the study
# queue find every quote overlapping a given one by an index range (study/queue.py).
MAX_QUOTE_LENGTH = 1000


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Source(models.Model):
    class Kind(models.TextChoices):
        ENCYCLOPEDIA = "encyclopedia", "Encyclopedia article"
        COMMENTARY = "commentary", "Commentary"
        BLOG = "blog", "Blog"
        PODCAST_NOTES = "podcast_notes", "Podcast notes"

    slug = models.SlugField(unique=True, max_length=80)
    file_name = models.CharField(
        max_length=120, help_text="The document's file name in the corpus."
    )
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    published_year = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    text = models.TextField(help_text="The document, byte-exact. Facts point into it by offset.")
    sha256 = models.CharField(max_length=64, editable=False)

    objects = SlugManager()

    class Meta:
        ordering = ["file_name"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("content:source_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def is_opinion(self) -> bool:
        return self.kind in {self.Kind.COMMENTARY, self.Kind.BLOG}

    def rebuild_passages(self) -> None:
        """Split the text into paragraphs (runs of non-blank lines) with their offsets."""
        self.passages.all().delete()
        passages = []
        position = 0
        for chunk in PARAGRAPH_BREAK.split(self.text):
            start = self.text.index(chunk, position) if chunk else position
            position = start + len(chunk)
            if chunk.strip():
                passages.append(
                    Passage(source=self, index=len(passages), start=start, end=position, text=chunk)
                )
        Passage.objects.bulk_create(passages)

    def passage_at(self, offset: int) -> Passage | None:
        return self.passages.filter(start__lte=offset, end__gt=offset).first()


class Passage(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["source", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "index"], name="content_passage_unique_index"
            ),
        ]

    def __str__(self):
        return f"{self.source.slug} ¶{self.index + 1}"

    def get_absolute_url(self):
        return f"{self.source.get_absolute_url()}#p{self.index + 1}"

    @property
    def anchor(self) -> str:
        return f"p{self.index + 1}"


def entity_image_path(entity, filename):
    return f"entities/{entity.slug}/{filename}"


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        COUNTRY = "country", "Country"
        PLACE = "place", "Place"
        ORGANISATION = "organisation", "Organisation"
        TREATY = "treaty", "Treaty or agreement"
        EVENT = "event", "Event"
        SHIP = "ship", "Ship"
        PROGRAMME = "programme", "Programme"
        PUBLICATION = "publication", "Publication"
        POLICY = "policy", "Policy or idea"
        OTHER = "other", "Other"

    slug = models.SlugField(unique=True, max_length=100)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names a learner may type, e.g. a surname."
    )
    description = models.CharField(max_length=300, blank=True)
    image = models.ImageField(
        upload_to=entity_image_path,
        blank=True,
        validators=[validate_image_size],
        help_text="Optional. A JPEG, PNG, GIF or WebP image of at most 2 MB; a thumbnail is made.",
    )
    image_alt = models.CharField(
        "image alternative text",
        max_length=250,
        blank=True,
        help_text="Required with an image: what the image shows, for screen readers.",
    )
    thumbnail = models.ImageField(upload_to=entity_image_path, blank=True, editable=False)

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A new upload is not yet committed to storage: its thumbnail is (re)made from it.
        if self.image and (not self.thumbnail or not self.image._committed):
            self.thumbnail.save(f"thumb-{self.slug}.png", make_thumbnail(self.image), save=False)
        elif not self.image:
            self.thumbnail = ""
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": "Aliases must be a list of names."})

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


class Topic(models.Model):
    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.CharField(max_length=300, blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:topic_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class FactQuerySet(models.QuerySet):
    def for_topic(self, topic: Topic):
        """Facts of the topic or its subtopics, each once: a subquery rather than a join and
        DISTINCT, which made the topic page count and sort whole rows (0.5 s at 100,000 facts
        on SQLite)."""
        tagged = Fact.topics.through.objects.filter(topic__in=[topic, *topic.children.all()])
        return self.filter(pk__in=tagged.values("fact_id"))

    def with_related(self):
        return self.select_related("subject", "object_entity", "source", "passage")


class FactManager(SlugManager.from_queryset(FactQuerySet)):
    pass


class Fact(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"
        # A day the source gives without its year ("on 25th December"): no year is claimed.
        DAY_MONTH = "day_month", "Day and month (no year given)"

    slug = models.SlugField(unique=True, max_length=120)
    subject = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="facts")
    predicate = models.CharField(
        max_length=40, db_index=True, help_text="From the vocabulary in content/predicates.py."
    )
    object_entity = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.PROTECT, related_name="object_of"
    )
    object_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=9, choices=Precision.choices, blank=True)
    object_number = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    object_unit = models.CharField(max_length=80, blank=True)
    object_text = models.CharField(max_length=400, blank=True)
    statement = models.CharField(
        max_length=400, help_text="One plain sentence: the back of a flashcard."
    )
    qualifier = models.CharField(
        max_length=100,
        blank=True,
        help_text="For contested or conditional claims, e.g. 'defunct, not yet terminated'. "
        "Questions show it, so it is short and speaks to the learner.",
    )
    note = models.TextField(
        blank=True,
        help_text="An editor's note on how the source supports the fact, e.g. a year the "
        "source leaves out and its context gives. Shown on the fact's page, never in questions.",
    )
    year = models.SmallIntegerField(
        null=True, blank=True, help_text="The year the fact is about, for chronology."
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="facts")
    quote = models.TextField(help_text="Exact text of the source that proves the fact.")
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    passage = models.ForeignKey(
        Passage, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    topics = models.ManyToManyField(Topic, related_name="facts", blank=True)

    objects = FactManager()

    class Meta:
        ordering = ["source", "start"]
        indexes = [
            # Distractor and ambiguity checks look up every fact of one subject and predicate.
            models.Index(fields=["subject", "predicate"], name="content_fact_subject_pred"),
            # Quotes overlapping a rated fact's: the sibling burying of the study queue.
            models.Index(fields=["source", "start"], name="content_fact_source_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__lte=models.F("start") + MAX_QUOTE_LENGTH),
                name="content_fact_quote_length",
                violation_error_message=f"A quote is at most {MAX_QUOTE_LENGTH} characters long.",
            ),
        ]

    def __str__(self):
        return self.slug

    def get_absolute_url(self):
        return reverse("content:fact_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def source_url(self) -> str:
        """The source page at this fact's paragraph (select_related source and passage)."""
        url = self.source.get_absolute_url()
        return f"{url}#p{self.passage.index + 1}" if self.passage_id else url

    @property
    def object_type(self) -> str | None:
        return object_type_of(self.predicate)

    @property
    def predicate_label(self) -> str:
        predicate = PREDICATES.get(self.predicate)
        return predicate.label if predicate else self.predicate

    @property
    def object_value(self):
        return {
            ObjectType.ENTITY: self.object_entity_id,
            ObjectType.DATE: self.object_date,
            ObjectType.NUMBER: self.object_number,
            ObjectType.TEXT: self.object_text,
        }.get(self.object_type)

    @property
    def object_display(self) -> str:
        return object_text_form(self)

    def clean(self):
        from ajquiz.content.validation import fact_field_problems

        errors: dict[str, list[str]] = {}
        for name, reason in fact_field_problems(self):
            errors.setdefault(name, []).append(reason[0].upper() + reason[1:] + ".")
        if errors:
            raise ValidationError(errors)

    def quote_context(self) -> tuple[str, int]:
        """The text to show the quote in, and its source offset: the quote's paragraph (select
        the passage with the fact), continued by the rest of a quote that runs on into the next
        paragraphs; the quote alone when it has no paragraph."""
        passage = self.passage
        if passage is None:
            return self.quote, self.start
        run_on = self.quote[passage.end - self.start :]  # empty when it ends in its paragraph
        return passage.text + run_on, passage.start

    def locate_passage(self) -> Passage | None:
        return self.source.passage_at(self.start)

    def content_hash(self) -> str:
        """Everything a question shows of this fact; a change makes its questions stale."""
        parts = [
            self.slug,
            self.subject.name,
            self.predicate,
            self.object_display,
            self.statement,
            self.qualifier,
            self.quote,
            str(self.start),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class QuestionTemplate(models.Model):
    """Turns facts of one predicate into questions of one kind (see questions/generate.py)."""

    class Kind(models.TextChoices):
        MULTIPLE_CHOICE = "mc", "Multiple choice (one key)"
        MULTIPLE_RESPONSE = "mr", "Multiple choice (several keys)"
        TRUE_FALSE = "tf", "True or false"
        SHORT_ANSWER = "sa", "Short answer"
        NUMERIC = "num", "Numeric (year)"
        CLOZE = "cloze", "Cloze"
        MATCHING = "match", "Matching"
        ORDERING = "order", "Chronological ordering"

    class Strategy(models.TextChoices):
        SAME_KIND = "same_kind", "Entities of the same kind and era"
        NEARBY_YEARS = "nearby_years", "Nearby years"
        SAME_PREDICATE = "same_predicate", "Objects of the same predicate for other subjects"

    slug = models.SlugField(unique=True, max_length=100)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices, db_index=True)
    predicate = models.CharField(max_length=40, blank=True, help_text="Blank: any predicate.")
    subject_kind = models.CharField(
        max_length=20, choices=Entity.Kind.choices, blank=True, help_text="Blank: any kind."
    )
    object_kind = models.CharField(
        max_length=20,
        choices=Entity.Kind.choices,
        blank=True,
        help_text="For entity objects only. Blank: any kind.",
    )
    stem = models.CharField(
        max_length=300,
        help_text="Pattern with {subject}, {object}, {qualifier}, e.g. "
        "'Who signed the {subject} on behalf of Japan?'",
    )
    distractor_strategy = models.CharField(
        max_length=20, choices=Strategy.choices, default=Strategy.SAME_PREDICATE
    )
    option_count = models.PositiveSmallIntegerField(default=4)
    tolerance = models.PositiveSmallIntegerField(
        default=0, help_text="Numeric questions: years either side still counted right."
    )
    feedback = models.CharField(
        max_length=300, blank=True, help_text="Shown after answering; {statement} is the fact."
    )
    active = models.BooleanField(default=True)

    objects = SlugManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
