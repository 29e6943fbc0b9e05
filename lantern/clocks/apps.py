from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClocksConfig(AppConfig):
    name = "lantern.clocks"
    label = "clocks"
    verbose_name = "Statutory clocks"

    def ready(self) -> None:
        from lantern.clocks.seed import sync_rules_after_migrate

        post_migrate.connect(sync_rules_after_migrate, dispatch_uid="lantern-sync-clock-rules")
