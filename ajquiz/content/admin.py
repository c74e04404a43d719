from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from ajquiz.content.forms import EntityForm, FactForm, QuestionTemplateForm
from ajquiz.content.highlight import segments
from ajquiz.content.models import Entity, Fact, Passage, QuestionTemplate, Source, Topic
from ajquiz.content.validation import fact_problems


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ("index", "excerpt", "fact_count")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(fact_count=Count("facts"))

    @admin.display(description="paragraph")
    def excerpt(self, passage):
        return Truncator(passage.text).chars(160)

    @admin.display(description="facts anchored")
    def fact_count(self, passage):
        return passage.fact_count


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "author", "file_name", "fact_count")
    list_filter = ("kind",)
    search_fields = ("title", "author", "slug", "file_name")
    readonly_fields = ("sha256",)
    inlines = [PassageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(fact_count=Count("facts"))

    def get_readonly_fields(self, request, obj=None):
        # Facts point into the text by offset: once saved, it changes only with the fixtures.
        return ("sha256", "text") if obj else ("sha256",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            obj.rebuild_passages()

    @admin.display(description="facts", ordering="fact_count")
    def fact_count(self, source):
        return source.fact_count


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    """Paragraphs are cut from a source's text when it loads; here they are read, not edited."""

    list_display = ("__str__", "excerpt", "fact_count")
    list_filter = ("source",)
    search_fields = ("text", "source__title")
    list_select_related = ("source",)
    fields = ("source", "index", "start", "end", "text", "fact_count")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(fact_count=Count("facts"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="paragraph")
    def excerpt(self, passage):
        return Truncator(passage.text).chars(120)

    @admin.display(description="facts anchored", ordering="fact_count")
    def fact_count(self, passage):
        return passage.fact_count


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    form = EntityForm
    list_display = ("name", "kind", "slug", "fact_count", "has_image")
    list_filter = ("kind",)
    search_fields = ("name", "slug", "aliases", "description")
    readonly_fields = ("thumbnail_preview",)
    fields = (
        "slug",
        "name",
        "kind",
        "aliases",
        "description",
        "image",
        "image_alt",
        "thumbnail_preview",
    )

    def get_queryset(self, request):
        # GROUP BY drops the default ordering; autocomplete pages need a stable one.
        queryset = super().get_queryset(request).annotate(fact_count=Count("facts", distinct=True))
        return queryset.order_by("name", "pk")

    @admin.display(description="facts about it", ordering="fact_count")
    def fact_count(self, entity):
        return entity.fact_count

    @admin.display(boolean=True, description="image")
    def has_image(self, entity):
        return bool(entity.image)

    @admin.display(description="thumbnail")
    def thumbnail_preview(self, entity):
        if not entity.thumbnail:
            return "—"
        return format_html('<img src="{}" alt="{}">', entity.thumbnail.url, entity.image_alt)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "slug")
    list_filter = ("parent",)
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("parent",)


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    form = FactForm
    list_display = ("slug", "subject", "predicate", "object_display", "year", "source")
    list_filter = ("predicate", "source", "topics", "subject__kind")
    search_fields = ("slug", "statement", "quote", "subject__name", "object_text")
    autocomplete_fields = ("subject", "object_entity", "topics")
    list_select_related = ("subject", "object_entity", "source")
    readonly_fields = ("quote_in_passage", "passage")
    actions = ["validate_selected"]
    fieldsets = (
        (
            None,
            {"fields": ("slug", "subject", "predicate", "statement", "qualifier", "note", "year")},
        ),
        (
            "Object (fill the one the predicate's type asks for)",
            {
                "fields": (
                    "object_entity",
                    ("object_date", "date_precision"),
                    ("object_number", "object_unit"),
                    "object_text",
                )
            },
        ),
        ("Anchor", {"fields": ("source", "quote", ("start", "end"), "quote_in_passage")}),
        ("Browsing", {"fields": ("topics", "passage")}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.autocomplete_fields:
            field.widget.attrs["data-width"] = "32em"  # select2 reads its width from here
        return field

    @admin.display(description="object")
    def object_display(self, fact):
        return fact.object_display

    @admin.display(description="quote in its passage")
    def quote_in_passage(self, fact):
        if not fact.pk or not fact.passage_id:
            return "Saved facts show their quote highlighted in its paragraph here."
        parts = segments(*fact.quote_context(), [fact])
        return format_html_join(
            "",
            "{}",
            (
                (format_html("<mark>{}</mark>", part.text) if part.fact else part.text,)
                for part in parts
            ),
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.passage = obj.locate_passage()
        obj.save(update_fields=["passage"])

    @admin.action(description="Validate selected facts")
    def validate_selected(self, request, queryset):
        failures = 0
        for fact in queryset.select_related("subject", "object_entity", "source"):
            for problem in fact_problems(fact):
                failures += 1
                self.message_user(request, f"{fact.slug}: {problem}", messages.ERROR)
        if not failures:
            self.message_user(
                request, f"{queryset.count()} fact(s) checked: no problems.", messages.SUCCESS
            )


@admin.register(QuestionTemplate)
class QuestionTemplateAdmin(admin.ModelAdmin):
    form = QuestionTemplateForm
    list_display = ("name", "kind", "predicate", "subject_kind", "distractor_strategy", "active")
    list_filter = ("kind", "active", "distractor_strategy", "subject_kind")
    search_fields = ("slug", "name", "stem", "predicate")
