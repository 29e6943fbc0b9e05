from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "lantern.web"
    label = "web"
    verbose_name = "Web shell"

    def ready(self):
        from django.db.backends.signals import connection_created

        from lantern import long_lists  # noqa: F401 (registers ``__any`` on every field)
        from lantern.model_loading import install_from_db
        from lantern.prepared import keep_long_lists_unprepared, keep_prepared_statements
        from lantern.timestamps import compiled_timestamp_loader

        connection_created.connect(keep_prepared_statements)
        connection_created.connect(keep_long_lists_unprepared)
        connection_created.connect(compiled_timestamp_loader)
        install_from_db()
