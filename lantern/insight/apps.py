from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "lantern.insight"
    label = "insight"
    verbose_name = "Insight"

    def ready(self):
        from lantern.insight.figures import register_all

        register_all()
