from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "lantern.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self):
        # Each casework record's chronology entries are described by one function.
        from lantern.casework import chronology  # noqa: F401
