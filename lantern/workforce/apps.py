from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "lantern.workforce"
    label = "workforce"
    verbose_name = "Workforce"
