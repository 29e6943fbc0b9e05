from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "lantern.signals"
    label = "signals"
    verbose_name = "Safeguarding signals"
