from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "lantern.api"
    label = "api"
    verbose_name = "Partner API"
