from __future__ import annotations

from django.contrib import admin

from ajquiz.quizzes.models import Attempt, DrawRule, QuestionSet, Quiz, Response, SetQuestion


class SetQuestionInline(admin.TabularInline):
    model = SetQuestion
    extra = 0
    raw_id_fields = ["question"]


class DrawRuleInline(admin.StackedInline):
    model = DrawRule
    extra = 0
    filter_horizontal = ["topics", "sources"]
    raw_id_fields = ["facts"]


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "updated_at"]
    search_fields = ["title", "description", "owner__username"]
    inlines = [SetQuestionInline, DrawRuleInline]
    raw_id_fields = ["owner"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "is_public", "feedback_mode", "layout", "opens_at"]
    list_filter = ["is_public", "feedback_mode", "layout", "grading_method"]
    search_fields = ["title", "practice_key", "owner__username"]
    raw_id_fields = ["owner", "question_set"]
    readonly_fields = ["uid"]


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    can_delete = False
    fields = ["slot", "question", "answer", "fraction", "answered_at", "changed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["quiz", "user", "number", "state", "started_at", "finished_at", "score"]
    list_filter = ["state", "ended_by_time"]
    search_fields = ["user__username", "quiz__title"]
    list_select_related = ["quiz", "user"]
    readonly_fields = ["uid", "seed", "slots", "started_at", "deadline", "finished_at", "score"]
    raw_id_fields = ["quiz", "user"]
    inlines = [ResponseInline]
