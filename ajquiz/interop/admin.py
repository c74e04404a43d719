from __future__ import annotations

from django.contrib import admin

from ajquiz.interop.models import ImportBatch, ImportedQuestion


class ImportedQuestionInline(admin.TabularInline):
    model = ImportedQuestion
    fields = ("line", "title", "category", "question")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Uploads are the teachers' own record of what they imported: read, never edited here."""

    list_display = ("file_name", "format", "owner", "state", "question_count", "created_at")
    list_filter = ("state", "format")
    search_fields = ("file_name", "owner__username")
    date_hierarchy = "created_at"
    list_select_related = ("owner",)
    readonly_fields = (
        "uid",
        "owner",
        "format",
        "file_name",
        "state",
        "question_count",
        "created_at",
        "imported_at",
        "text",
    )
    inlines = [ImportedQuestionInline]

    def has_add_permission(self, request):
        return False
