"""The dated spans the tables look things up in: who was allocated, which CIN episode,
period of care or child protection plan was open on a given day; and the visits, read once
for the three visit tables. One query each."""

from collections import defaultdict

from lantern.care.models import PeriodOfCare
from lantern.casework.models import ChildProtectionPlan, CINEpisode, Visit
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

        # Visits of every kind in one read, for the CIN, CP and looked-after visit tables.
        self.visits = defaultdict(list)
        for visit in Visit.objects.order_by("pk").values_list(
            "kind", "pk", "person_id", "person__council_id", "visited_on", "child_seen",
            "seen_alone", "bedroom_seen",
        ):  # fmt: skip
            self.visits[visit[0]].append(visit[1:])

    def team_and_worker(self, person_id, day) -> tuple[str, str]:
        """The team and worker (user id, the professional id) allocated on ``day``."""
        return self.allocation.on(person_id, day) or ("", "")
