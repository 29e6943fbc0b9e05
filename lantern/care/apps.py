from django.apps import AppConfig


class CareConfig(AppConfig):
    """Children in care and care leavers (DESIGN.md §2): periods of care in the SSDA903
    shape, placements, legal status, reviews, health, education, permanence and leaving care."""

    name = "lantern.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self):
        # Each care record's chronology entries are described by one function.
        from lantern.care import chronology  # noqa: F401
        from lantern.care.kinds import core
        from lantern.care.panels import care_panel
        from lantern.casework import kinds, panels

        kinds.register(*core.KINDS)
        panels.register("care/_panel.html", care_panel)
