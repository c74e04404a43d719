from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ajquiz.accounts.models import User


@admin.register(User)
class AjquizUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Preferences", {"fields": ("time_zone", "day_starts_at")}))
