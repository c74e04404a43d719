"""The three roles as groups with permissions.

Students may use the site; teachers may also author question sets and run classes; admins are
staff who edit the content in Django admin.
"""

from __future__ import annotations


class Role:
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


# app_label -> permission codename prefixes each role gets on every model of that app.
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.STUDENT: {},
    Role.TEACHER: {
        "content": ("view",),
        "questions": ("view", "add", "change"),
        "quizzes": ("view", "add", "change", "delete"),
        "classes": ("view", "add", "change", "delete"),
    },
    Role.ADMIN: {
        "content": ("view", "add", "change", "delete"),
        "questions": ("view", "add", "change", "delete"),
        "quizzes": ("view", "add", "change", "delete"),
        "study": ("view", "change"),
        "classes": ("view", "add", "change", "delete"),
        "accounts": ("view", "change"),
    },
}


def ensure_role_groups() -> None:
    """Create the role groups and give them their permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for role, apps in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = [
            permission
            for permission in Permission.objects.filter(content_type__app_label__in=apps.keys())
            .select_related("content_type")
            .only("codename", "content_type__app_label")
            if permission.codename.split("_", 1)[0] in apps[permission.content_type.app_label]
        ]
        group.permissions.set(wanted)


def make_teacher(user) -> None:
    from django.contrib.auth.models import Group

    ensure_role_groups()
    user.groups.add(Group.objects.get(name=Role.TEACHER))
    for cached in ("_group_names", "in_teacher_group"):
        user.__dict__.pop(cached, None)


def make_admin(user) -> None:
    from django.contrib.auth.models import Group

    ensure_role_groups()
    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    user.groups.add(Group.objects.get(name=Role.ADMIN))


def make_student(user) -> None:
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=Role.STUDENT)
    user.groups.add(group)
