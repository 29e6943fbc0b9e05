from django.apps import AppConfig


class CareConfig(AppConfig):
    """Children in care and care leavers (DESIGN.md §2): periods of care in the SSDA903
    shape, placements, legal status, reviews, health, education, permanence and leaving care."""

    name = "lantern.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self):
        # Each care record's chronology entries are described by one function; importing the
        # describer modules registers them.
        from lantern.care import (  # noqa: F401
            chronology,
            chronology_health,
            chronology_legal,
            panels_legal,
        )
        from lantern.care.kinds import core, health, legal, missing, uasc
        from lantern.care.panels import care_panel
        from lantern.care.views import health as health_views
        from lantern.casework import kinds, panels

        for area in (core, health, legal, missing, uasc):
            kinds.register(*area.KINDS, for_clock=getattr(area, "FOR_CLOCK", None))
        panels.register("care/_panel.html", care_panel)
        panels_legal.register_all()
        panels.register("care/_health_education.html", health_views.panel)
