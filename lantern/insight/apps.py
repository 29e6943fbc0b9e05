from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "lantern.insight"
    label = "insight"
    verbose_name = "Insight"

    def ready(self):
        from lantern.insight.figures import register_all
        from lantern.insight.home import admin_targets, dpo_names_behind_figures, headlines
        from lantern.web.home import add_section

        register_all()
        add_section(headlines)
        add_section(dpo_names_behind_figures)
        add_section(admin_targets)
