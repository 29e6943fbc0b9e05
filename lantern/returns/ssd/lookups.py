"""The dated spans the tables look things up in: who was allocated, which CIN episode,
period of care or child protection plan was open on a given day. One query each."""

from lantern.care.models import PeriodOfCare
from lantern.casework.models import ChildProtectionPlan, CINEpisode
from lantern.returns.ssd.common import Spans
from lantern.workforce.models import Allocation


class Lookups:
    def __init__(self):
        self.allocation = Spans(
            (a["child_id"], a["start"], a["end"], (str(a["team_id"]), str(a["worker_id"])))
            for a in Allocation.objects.order_by("pk").values(
                "child_id", "start", "end", "team_id", "worker_id"
            )
        )
        self.episode = Spans(
            (e["person_id"], e["referral_date"], e["close_date"], str(e["pk"]))
            for e in CINEpisode.objects.order_by("pk").values(
                "pk", "person_id", "referral_date", "close_date"
            )
        )
        self.period = Spans(
            (p["person_id"], p["start_date"], p["end_date"], str(p["pk"]))
            for p in PeriodOfCare.objects.order_by("pk").values(
                "pk", "person_id", "start_date", "end_date"
            )
        )
        self.cp_plan = Spans(
            (p["person_id"], p["start_date"], p["end_date"], str(p["pk"]))
            for p in ChildProtectionPlan.objects.order_by("pk").values(
                "pk", "person_id", "start_date", "end_date"
            )
        )

    def team_and_worker(self, person_id, day) -> tuple[str, str]:
        """The team and worker (user id, the professional id) allocated on ``day``."""
        return self.allocation.on(person_id, day) or ("", "")
