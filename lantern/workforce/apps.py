from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "lantern.workforce"
    label = "workforce"
    verbose_name = "Workforce"

    def ready(self) -> None:
        from lantern.web.home import add_section
        from lantern.workforce.home import admin_tasks

        add_section(admin_tasks)
