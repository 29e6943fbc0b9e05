from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "lantern.web"
    label = "web"
    verbose_name = "Web shell"

    def ready(self):
        from lantern import long_lists  # noqa: F401 (registers ``__any`` on every field)
