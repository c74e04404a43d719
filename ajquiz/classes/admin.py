from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from ajquiz.classes.join_codes import display_code
from ajquiz.classes.models import Assignment, Classroom, Extension, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["student"]
    readonly_fields = ["uid"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["quiz", "deck"]
    show_change_link = True


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "teacher", "code", "is_joinable", "student_count", "created_at"]
    list_filter = ["is_joinable"]
    search_fields = ["name", "teacher__username", "join_code"]
    raw_id_fields = ["teacher"]
    readonly_fields = ["uid", "created_at"]
    inlines = [MembershipInline, AssignmentInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("teacher")
            .annotate(students=Count("memberships"))
        )

    @admin.display(description="Join code")
    def code(self, classroom):
        return display_code(classroom.join_code)

    @admin.display(description="Students", ordering="students")
    def student_count(self, classroom):
        return classroom.students


class ExtensionInline(admin.TabularInline):
    model = Extension
    extra = 0
    raw_id_fields = ["student"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["quiz", "classroom", "due_at", "deck"]
    list_filter = ["due_at"]
    search_fields = ["quiz__title", "classroom__name", "classroom__teacher__username"]
    list_select_related = ["quiz", "classroom", "deck"]
    raw_id_fields = ["classroom", "quiz", "deck"]
    readonly_fields = ["uid", "created_at"]
    date_hierarchy = "due_at"
    inlines = [ExtensionInline]
