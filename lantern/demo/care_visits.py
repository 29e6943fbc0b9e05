"""Reg 28 visits to the demo borough's looked-after children (issue 10 §11): each placement's
visiting rule as ``care.actions.visits.visit_regime`` decides it (a ``VisitRegime`` row and
the events it fires as the rule changes), and visits on that rule, each firing the event
``visit_event`` gives, as ``meet_visit_clock`` does for a visit recorded through casework.

The chronology already holds some visits to children in care (``visits.Visits.fill`` makes
them records of kind "cla"); they count as visits here, so they are not doubled: the
schedule waits for them, and they fire the event this module works out for their day.
Most visits are in time, a few late, and for a few children in care today the visits have
lapsed, so a worker's list of overdue visits has something true on it.
"""

import datetime as dt

from lantern.care.models import VisitRegime
from lantern.casework import models as cw
from lantern.demo.care_reviews import LAPSED_VISITS, VISITS_ON_TIME, rule_for
from lantern.demo.visits import TOO_YOUNG, visit_hour, words_for

DAY = dt.timedelta(days=1)
Rule = VisitRegime.Rule
NOT_ALONE = "The child did not want to be seen without their carer."


def a_year_on(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return dt.date(day.year + 1, 3, 1)


class CareVisits:
    """Mixed into ``casework.Story`` after ``CareReviews`` (visits read the first review)."""

    cla_visit_events: dict

    def care_visits(self, c, history) -> None:
        if not hasattr(self, "cla_visit_events"):
            self.cla_visit_events, self.care_periods = {}, {}
        period = history.period
        self.care_periods.setdefault(c.pk, []).append((period.start_date, period.end_date))
        last = self.care_last(history)
        reviews = getattr(history, "reviews", [])
        first_review = reviews[0] if reviews else None
        chronicled = self.chronicled_cla_days(c, history)
        for placement in history.placements:
            end = placement.end_date
            stop = min(end - DAY, last) if end else last
            if history.period.end_date and end == history.period.end_date:
                stop = min(end, last)  # the last placement: a visit on the day care ends
            spans = self.regimes(c, history, placement, first_review, stop)
            mine = [d for d in chronicled if placement.start_date <= d <= stop]
            for day in mine:
                self.cla_visit_events[(c.pk, day)] = self.visit_event(
                    placement, spans, first_review, day
                )
            if not end and not history.period.end_date and self.care_rng.random() < LAPSED_VISITS:
                stop = min(stop, self.today - DAY * self.care_rng.randint(50, 80))
            self.schedule(c, history, placement, spans, first_review, mine, stop)

    def chronicled_cla_days(self, c, history) -> list[dt.date]:
        """The days ``Visits.chronicled_visit`` will record a seen "cla" visit."""
        period = history.period
        days = []
        for day, kind, text, *_ in self.entries.get(c.pk, []):
            if kind != "visit" or "Not seen" in text or day < period.start_date:
                continue
            if period.end_date and day > period.end_date:
                continue
            if (c.cp_start and day >= c.cp_start) or not self.in_care(c, day):
                continue
            if c.dob is None or day < c.dob:
                continue
            days.append(day)
        return sorted(set(days))

    def regimes(self, c, history, placement, first_review, stop) -> list[tuple]:
        """The rule from the placement's start and at each change of legal status during it,
        firing what ``visit_regime`` fires; the row keeps the rule in force at the end."""
        changes = [placement.start_date] + [
            s.start_date for s in history.statuses if placement.start_date < s.start_date <= stop
        ]
        spans: list[tuple] = []
        for day in changes:
            rule = rule_for(history.status_on(day).code, placement.placement_type)
            before = spans[-1][1] if spans else None
            if rule == before:
                continue
            spans.append((day, rule))
            event = None
            reviewed = first_review is not None and first_review.held_on <= day
            if rule == Rule.WEEKLY:
                event = "four_weekly_visits_started" if reviewed else "weekly_visits_started"
            elif rule == Rule.CARE_ORDER_AT_HOME and before is not None:
                event = "care_order_made_at_home"
            elif rule == Rule.SHORT_BREAKS:
                event = "short_breaks_started"
            elif rule == Rule.STANDARD and before is not None:
                event = "standard_visits_resumed"
            if event:
                self.event(c, day, event, placement)
        # ``after_first_review``: the placement on the review day is on reg 28(4).
        reviewed = first_review and placement.start_date <= first_review.held_on <= stop
        if reviewed and self.rule_on(spans, first_review.held_on) == Rule.WEEKLY:
            self.event(c, first_review.held_on, "four_weekly_visits_started", first_review)
        self.batch.put(VisitRegime(placement=placement, rule=spans[-1][1], since=spans[-1][0]))
        return spans

    def rule_on(self, spans, day):
        return [rule for since, rule in spans if since <= day][-1]

    def visit_event(self, placement, spans, first_review, day) -> str:
        rule = self.rule_on(spans, day)
        reviewed = first_review is not None and first_review.held_on <= day
        if rule == Rule.SHORT_BREAKS:
            return "cla_visit_made_short_break"
        if rule == Rule.WEEKLY:
            return "cla_visit_made_4_weekly" if reviewed else "cla_visit_made_weekly"
        if rule == Rule.STANDARD and placement.long_term and day >= a_year_on(placement.start_date):
            return "cla_visit_made_long_term"
        return "cla_visit_made"

    def interval(self, placement, spans, first_review, day) -> int:
        """Days until the next visit is due after one on ``day``."""
        event = self.visit_event(placement, spans, first_review, day)
        return {
            "cla_visit_made_short_break": 180,
            "cla_visit_made_4_weekly": 28,
            "cla_visit_made_weekly": 7,
            "cla_visit_made_long_term": 89,
        }.get(event, 42)

    def gap(self, interval: int) -> int:
        rng = self.care_rng
        if rng.random() < VISITS_ON_TIME:
            return rng.randint(max(1, interval * 2 // 3), interval)
        return interval + rng.randint(1, 14)

    def schedule(self, c, history, placement, spans, first_review, chronicled, stop) -> None:
        prev, due_in = placement.start_date, 7
        changes = [since for since, _ in spans[1:]]
        while True:
            planned = prev + DAY * self.gap(due_in)
            for since in changes:
                if prev < since < planned:  # a new rule's clock runs from its start
                    planned = min(planned, since + DAY * self.gap(7))
            ahead = [d for d in chronicled if prev < d <= planned]
            day = ahead[0] if ahead else self.on_a_working_day(planned, prev)
            if day > stop:
                return
            if not ahead:
                self.cla_visit(c, history, placement, day, spans, first_review)
            prev, due_in = day, self.interval(placement, spans, first_review, day)

    def on_a_working_day(self, day: dt.date, prev: dt.date) -> dt.date:
        """Visits are made in working hours: the working day before, or else after."""
        cal = self.batch.calendar
        if cal.is_working_day(day):
            return day
        back = cal.subtract_working_days(day, 1)
        return back if back > prev else cal.add_working_days(day, 1)

    def cla_visit(self, c, history, placement, day, spans, first_review) -> None:
        rng = self.care_rng
        age = c.age_on(day)
        fits = words_for(age)
        alone = bool(fits) and rng.random() < 0.8
        said = rng.choice(fits) if fits and rng.random() < 0.4 else ""
        visit = self.add(
            cw.Visit,
            c,
            day,
            episode=history.period.cin_episode,
            visited_on=day,
            kind=cw.Visit.Kind.LOOKED_AFTER,
            child_seen=True,
            seen_alone=alone,
            reason_not_seen_alone="" if alone else (TOO_YOUNG if not fits else NOT_ALONE),
            bedroom_seen=rng.random() < 0.7,
            child_words=said,
        )
        self.event(c, day, self.visit_event(placement, spans, first_review, day), visit)
        worker = self.worker(c, day)
        seen = "Child seen alone." if alone else "Child seen, not alone."
        quote = f" The child said: “{said}”" if said else ""
        self.batch.chronicle(
            visit,
            day,
            visit_hour(rng),
            "visit",
            f"Looked-after child visit (reg 28). {seen}{quote}",
            author=worker.name,
            user_id=worker.user_id,
            agency_id=self.agency["csc"],
        )
