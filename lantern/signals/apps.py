from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "lantern.signals"
    label = "signals"
    verbose_name = "Safeguarding signals"

    def ready(self) -> None:
        # Registers the live path with the chronology's listeners.
        from lantern.signals import actions  # noqa: F401
