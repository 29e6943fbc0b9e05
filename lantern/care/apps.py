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
        from lantern.access import policy
        from lantern.care import (  # noqa: F401
            chronology,
            chronology_health,
            chronology_legal,
            chronology_permanence,
            panels_legal,
            panels_permanence,
        )
        from lantern.care.actions.visits import meet_visit_clock
        from lantern.care.kinds import core, health, legal, missing, permanence, reviews, uasc
        from lantern.care.panels import care_panel
        from lantern.care.queries.iro import iro_relation, reviews_panel
        from lantern.care.views import health as health_views
        from lantern.casework import kinds, panels
        from lantern.casework.actions.recording import VISIT_RECORDED

        # The allocated IRO opens their children's records; a looked-after visit meets the
        # visit clock of the regime the child's placement is under.
        policy.RELATIONS.append(iro_relation)
        VISIT_RECORDED.append(meet_visit_clock)
        for area in (core, health, legal, missing, permanence, reviews, uasc):
            kinds.register(*area.KINDS, for_clock=getattr(area, "FOR_CLOCK", None))
        # The child's casework page: care first, then what shapes the plan, then the detail.
        panels.register("care/_panel.html", care_panel)
        panels.register("care/_stability_panel.html", panels_permanence.stability_panel)
        panels.register("care/_reviews_panel.html", reviews_panel)
        panels_legal.register_all()
        panels.register("care/_health_education.html", health_views.panel)
