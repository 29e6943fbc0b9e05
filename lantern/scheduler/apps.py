from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    name = "lantern.scheduler"
    label = "scheduler"
    verbose_name = "Scheduler"
    default_auto_field = "django.db.models.BigAutoField"
