from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "lantern.history"
    label = "history"
    verbose_name = "History of changes"
