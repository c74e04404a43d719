from __future__ import annotations

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from ajquiz.content.admin import QuestionTemplateAdmin as ContentTemplateAdmin
from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_key


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("stem", "kind", "template", "is_stale", "key", "created_at")
    list_filter = ("kind", "is_stale", "template")
    search_fields = ("stem", "uid", "facts__slug")
    list_select_related = ("template",)
    readonly_fields = ("uid", "generation_key", "content_hash", "facts_hash", "created_at", "key")
    autocomplete_fields = ("facts",)
    raw_id_fields = ("author",)

    @admin.display(description="key")
    def key(self, question):
        return describe_key(question)


admin.site.unregister(QuestionTemplate)


@admin.register(QuestionTemplate)
class QuestionTemplateAdmin(ContentTemplateAdmin):
    actions = [*(ContentTemplateAdmin.actions or []), "preview_questions"]

    @admin.action(description="Preview generated questions")
    def preview_questions(self, request, queryset):
        template = queryset.order_by("slug").first()
        return HttpResponseRedirect(reverse("questions:template_preview", args=[template.slug]))
