from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "lantern.returns"
    label = "returns"
    verbose_name = "Statutory returns"

    def ready(self) -> None:
        from lantern.returns.home import analyst_tasks
        from lantern.web.home import add_section

        add_section(analyst_tasks)
