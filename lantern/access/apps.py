from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccessConfig(AppConfig):
    name = "lantern.access"
    label = "access"
    verbose_name = "Access and audit"

    def ready(self) -> None:
        from lantern.access.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="lantern-sync-roles")

        from django.contrib.auth.signals import user_logged_in

        from lantern.access.sessions import refreshed_at_sign_in

        user_logged_in.connect(refreshed_at_sign_in, dispatch_uid="lantern-session-refreshed")

        from lantern.access.home import dpo_tasks
        from lantern.web.home import add_section

        add_section(dpo_tasks)
