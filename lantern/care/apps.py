from django.apps import AppConfig


class CareConfig(AppConfig):
    """Children in care and care leavers (DESIGN.md §2): periods of care in the SSDA903
    shape, placements, legal status, reviews, health, education, permanence and leaving care."""

    name = "lantern.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self) -> None:
        from lantern.access import policy
        from lantern.care.actions.visits import meet_visit_clock
        from lantern.care.kinds import reviews
        from lantern.care.queries.iro import iro_relation, reviews_panel
        from lantern.casework import kinds, panels
        from lantern.casework.actions.recording import VISIT_RECORDED

        kinds.register(*reviews.KINDS, for_clock=reviews.FOR_CLOCK)
        panels.register("care/_reviews_panel.html", reviews_panel)
        policy.RELATIONS.append(iro_relation)
        VISIT_RECORDED.append(meet_visit_clock)
