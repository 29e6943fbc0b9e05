from django.apps import AppConfig


class CareConfig(AppConfig):
    """Children in care and care leavers (DESIGN.md §2): periods of care in the SSDA903
    shape, placements, legal status, reviews, health, education, permanence and leaving care."""

    name = "lantern.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self):
        from lantern.care import chronology, panels  # noqa: F401 (chronology registers)
        from lantern.care.kinds import legal, missing, uasc
        from lantern.casework import kinds

        for area in (legal, missing, uasc):
            kinds.register(*area.KINDS, for_clock=getattr(area, "FOR_CLOCK", None))
        panels.register_all()
