from django.apps import AppConfig


class CareConfig(AppConfig):
    """Children in care and care leavers (DESIGN.md §2): periods of care in the SSDA903
    shape, placements, legal status, reviews, health, education, permanence and leaving care."""

    name = "lantern.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self):
        from lantern.care import chronology, panels  # noqa: F401 (registers describers)
        from lantern.care.kinds import permanence
        from lantern.casework import kinds
        from lantern.casework import panels as casework_panels

        kinds.register(*permanence.KINDS, for_clock=permanence.FOR_CLOCK)
        casework_panels.register("care/_stability_panel.html", panels.stability_panel)
