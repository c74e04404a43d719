from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_role_groups(sender, **kwargs):
    from ajquiz.accounts.roles import ensure_role_groups

    ensure_role_groups()


class AccountsConfig(AppConfig):
    name = "ajquiz.accounts"

    def ready(self):
        # Permissions exist only after every app has migrated, hence post_migrate.
        post_migrate.connect(_create_role_groups, dispatch_uid="ajquiz_role_groups")
