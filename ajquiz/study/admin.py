"""Study in Django admin: decks are edited here; cards and logs are read (a learner's history
changes only by studying), with enough filters to answer a learner's question about them."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from ajquiz.study.models import (
    Card,
    Deck,
    LearnItem,
    MatchGame,
    ReviewLog,
    StudyListEntry,
    StudyProfile,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Deck)
class DeckAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "topic", "source", "owner", "key", "learner_count")
    list_filter = ("kind",)
    search_fields = ("name", "key", "topic__name", "source__title", "owner__username")
    autocomplete_fields = ("facts",)
    raw_id_fields = ("owner",)
    list_select_related = ("topic", "source", "owner")
    readonly_fields = ("uid", "created_at")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(learners=Count("study_list"))

    @admin.display(description="learners", ordering="learners")
    def learner_count(self, deck):
        return deck.learners


@admin.register(StudyProfile)
class StudyProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "desired_retention", "new_per_day", "reviews_per_day")
    search_fields = ("user__username",)
    raw_id_fields = ("user",)


@admin.register(StudyListEntry)
class StudyListEntryAdmin(admin.ModelAdmin):
    list_display = ("user", "deck", "added_at")
    list_filter = ("deck__kind",)
    search_fields = ("user__username", "deck__name")
    raw_id_fields = ("user", "deck")
    list_select_related = ("user", "deck")


class ReviewLogInline(admin.TabularInline):
    model = ReviewLog
    fields = ("reviewed_at", "rating", "mode", "state_before", "state_after", "duration_ms")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-reviewed_at",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Card)
class CardAdmin(ReadOnlyAdmin):
    list_display = ("user", "fact", "state", "due", "stability", "difficulty", "reps", "lapses")
    list_filter = ("state",)
    search_fields = ("user__username", "fact__slug", "fact__statement")
    list_select_related = ("user", "fact")
    date_hierarchy = "due"
    inlines = [ReviewLogInline]


@admin.register(ReviewLog)
class ReviewLogAdmin(ReadOnlyAdmin):
    list_display = ("user", "card", "rating", "mode", "state_before", "state_after", "reviewed_at")
    list_filter = ("rating", "mode", "state_before")
    search_fields = ("user__username", "card__fact__slug")
    list_select_related = ("user", "card")
    date_hierarchy = "reviewed_at"


@admin.register(LearnItem)
class LearnItemAdmin(ReadOnlyAdmin):
    list_display = ("user", "fact", "stage", "mistakes", "updated_at")
    list_filter = ("stage",)
    search_fields = ("user__username", "fact__slug")
    list_select_related = ("user", "fact")


@admin.register(MatchGame)
class MatchGameAdmin(ReadOnlyAdmin):
    list_display = ("user", "deck", "started_at", "elapsed_ms", "mistakes")
    search_fields = ("user__username",)
    list_select_related = ("user", "deck")
    date_hierarchy = "started_at"
