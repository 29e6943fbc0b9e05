"""Court for the demo borough's looked-after children: the Public Law Outline before
proceedings, the care application and the orders its hearings made, and section 20 consent,
as ``care.actions.legal`` and ``care.actions.court`` would record them.

The legal statuses say what the court did (``care.Care.legal_statuses``): an interim care
order (C1) from the first hearing, the care order (C2) or placement order (E1) at the final
one. So a care application is issued before the C1 date: up to two weeks before for a child
removed at the first hearing, up to six for one safe under s20 until a later hearing, the
same day or the day before for one under police protection or an EPO; most after a letter
before proceedings and a meeting or two. The 26-week clock runs from the issue to the final
order. England's care cases take about 40 weeks or more on average (MoJ family court
statistics, an assumption here: not in statutory.md), so many run over, some with
extensions of up to 8 weeks (s32(5)-(8)).
Consent to s20 accommodation is recorded from a parent when a V2 status starts and reviewed
while it lasts; unaccompanied children have no one here with parental responsibility.
"""

import datetime as dt

from lantern.care.models import (
    CourtApplication,
    CourtOrder,
    PreProceedings,
    PreProceedingsMeeting,
    Section20Consent,
    TimetableExtension,
)
from lantern.clocks.models import Deadline

DAY = dt.timedelta(days=1)
PLO_FIRST = 0.7  # proceedings after a letter before proceedings (not after an emergency)
EXTENDED = 0.4  # proceedings over 26 weeks with the court's extensions
COURTS = ("East London Family Court", "Central Family Court")
JUDGES = ("HHJ Okafor", "HHJ Whitfield", "HHJ Mensah", "DJ Harrow", "HHJ Levene")
EXTENSION_REASONS = (
    "A further parenting assessment of the mother is needed to resolve the case justly.",
    "The expert psychological report was delayed; the final hearing is relisted.",
    "A connected person's special guardianship assessment is not yet complete.",
)
MEETING_OUTCOMES = (
    "Parents agreed the written plan: drug testing, attendance at the family centre.",
    "Progress reviewed: the plan is not being followed; legal planning meeting to follow.",
    "Parents attended with their solicitor; a parenting assessment was agreed.",
)


class Court:
    """Mixed into ``casework.Story`` (``care_steps``: ``care_court``, ``care_consent``)."""

    def parents(self, c) -> list[tuple[str, str]]:
        adults = list(c.family.adults) if c.family else []
        found = [
            (f"{a.first} {a.last}", "Mother" if a.sex == "F" else "Father")
            for a in adults
            if not a.is_child
        ][:2]
        return found or [("the child's mother", "Mother")]

    def care_court(self, c, history) -> None:
        rng, period = self.care_rng, history.period
        interim = next((s for s in history.statuses if s.code == "C1"), None)
        if interim is None:
            return
        start = interim.start_date
        before = history.statuses[0].code if history.statuses else ""
        if before == "V2":  # safe under s20: the interim order came at a later hearing
            issued = max(period.start_date, start - rng.randint(0, 42) * DAY)
        elif before in ("L1", "L2"):  # issued the day the emergency order or PPO ended
            issued = start - rng.randint(0, 1) * DAY
        else:  # at home until the first hearing removed them
            issued = start - rng.randint(1, 14) * DAY
        issued = max(c.dob, issued)
        final = next((s for s in history.statuses if s.code in ("C2", "E1")), None)
        court, judge = rng.choice(COURTS), rng.choice(JUDGES)
        if before not in ("L1", "L2") and rng.random() < PLO_FIRST:
            self.pre_proceedings(c, history, issued)
        ended = final.start_date if final else None
        if ended is None and period.end_date is not None:
            ended = period.end_date
        app = self.add(
            CourtApplication,
            c,
            issued,
            period=period if issued >= period.start_date else None,
            kind=CourtApplication.Kind.CARE_ORDER,
            issued_on=issued,
            court=court,
            case_number=f"ZE{issued:%y}C{rng.randint(100, 999):05d}",
            concluded_on=ended,
            next_hearing_on=None if ended else self.today + rng.randint(7, 70) * DAY,
        )
        self.event(c, issued, "care_application_issued", app)
        self.order(
            c, app, "interim_care", start, court, judge, ends_on=ended or app.next_hearing_on
        )
        if final is not None:
            self.order(c, app, "care", final.start_date, court, judge)
            if final.code == "E1":
                asked = max(issued, final.start_date - rng.randint(30, 90) * DAY)
                placement = self.add(
                    CourtApplication,
                    c,
                    asked,
                    period=period if asked >= period.start_date else None,
                    kind=CourtApplication.Kind.PLACEMENT_ORDER,
                    issued_on=asked,
                    court=court,
                    concluded_on=final.start_date,
                )
                self.order(c, placement, "placement", final.start_date, court, judge)
        elif ended is not None and period.reason_ceased == "E4A":
            self.order(c, app, "supervision", ended, court, judge)
        self.extensions(c, app, ended)
        if ended is not None:
            self.event(c, ended, "care_proceedings_ended", app)

    def order(self, c, application, kind, made_on, court, judge, ends_on=None) -> None:
        self.add(
            CourtOrder,
            c,
            made_on,
            application=application,
            kind=kind,
            made_on=made_on,
            ends_on=ends_on,
            judge=judge,
            court=court,
        )

    def pre_proceedings(self, c, history, issued) -> None:
        rng, period = self.care_rng, history.period
        sent = issued - rng.randint(42, 140) * DAY
        if sent <= c.dob:
            return
        parents = self.parents(c)
        plo = self.add(
            PreProceedings,
            c,
            sent,
            period=period if sent >= period.start_date else None,
            letter_sent_on=sent,
            letter_sent_to=", ".join(name for name, _ in parents),
            decision=PreProceedings.Decision.ISSUE,
        )
        day = sent
        for _ in range(rng.choice((1, 1, 2))):
            day += rng.randint(7, 21) * DAY
            if day >= issued:
                break
            self.add(
                PreProceedingsMeeting,
                c,
                day,
                pre_proceedings=plo,
                held_on=day,
                attendees=f"{'; '.join(f'{n} ({r})' for n, r in parents)}; social worker; "
                "team manager; council solicitor",
                outcome=rng.choice(MEETING_OUTCOMES),
            )
        plo.decided_on = max(day, issued - rng.randint(1, 10) * DAY)

    def extensions(self, c, application, ended) -> None:
        """Extensions granted a week or two before the 26 weeks (or the last extension)
        run out, while the proceedings are still open; ``extend_timetables`` moves the
        clock's due date after the batch is saved, as ``extend_deadline`` does."""
        rng = self.care_rng
        due = application.issued_on + 26 * 7 * DAY
        until = ended or self.today
        if until <= due or rng.random() >= EXTENDED:
            return
        application.extended_days = 0
        while due < until:
            granted = due - rng.randint(3, 14) * DAY
            if granted > self.today - DAY or (ended and granted >= ended):
                break
            weeks = rng.randint(4, 8)
            self.add(
                TimetableExtension,
                c,
                granted,
                application=application,
                granted_on=granted,
                weeks=weeks,
                reason=rng.choice(EXTENSION_REASONS),
            )
            due += weeks * 7 * DAY
            application.extended_days += weeks * 7
            if rng.random() < 0.4:
                break

    def extend_timetables(self) -> dict[str, int]:
        """After the batch is saved: each extended application's 26-week clock moved on by
        its extensions (``clocks.actions.extend_deadline``)."""
        moved = 0
        for app in self.batch.rows[CourtApplication]:
            days = getattr(app, "extended_days", 0)
            if not days:
                continue
            for clock in Deadline.objects.filter(
                rule__code="care_proceedings",
                source_type=app._meta.label,
                source_ref=str(app.pk),
            ):
                clock.extended_days += days
                clock.due_on += days * DAY
                clock.save(update_fields=["extended_days", "due_on"])
                moved += 1
        return {"extended 26-week timetables": moved}

    def care_consent(self, c, history) -> None:
        """Consent from a parent as each s20 status (V2) starts, reviewed at the child's
        reviews; withdrawn by some parents before proceedings."""
        if c.uasc_since:
            return
        rng, period = self.care_rng, history.period
        last = self.today - DAY
        for status in history.statuses:
            if status.code != "V2":
                continue
            name, relationship = rng.choice(self.parents(c))
            until = min(status.end_date or last, last)
            consent = self.add(
                Section20Consent,
                c,
                status.start_date,
                period=period,
                given_by=name,
                relationship=relationship,
                given_on=status.start_date,
            )
            span = (until - status.start_date).days
            if span > 28:
                consent.reviewed_on = until - rng.randint(0, min(span, 150)) * DAY
            nxt = history.statuses[history.statuses.index(status) + 1 :]
            if nxt and nxt[0].code == "C1" and rng.random() < 0.4 and status.end_date <= last:
                consent.reviewed_on = consent.withdrawn_on = status.end_date
