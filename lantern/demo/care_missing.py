"""Missing episodes and unaccompanied children's records for the demo borough, as
``care.actions.missing`` and ``care.actions.uasc`` would record them.

About one looked-after child in ten goes missing in a year in England, nearly all of them
teenagers, and many go missing again and again (DfE CLA, missing from placement; an
assumption here, not in statutory.md): so about two in five of the looked-after teenagers have
episodes, most of a day or two, some "away from placement" rather than missing. Each return
starts the 72-hour clock for a return home interview (statutory guidance 2014), offered in
time for most; about half of the children accept it. Episodes never overlap.

Unaccompanied children: some have their age assessed (most accepted at the claimed age),
and the newer arrivals were referred to the National Transfer Scheme; those here were
accepted by this council.
"""

import datetime as dt

from lantern.care.eligibility import birthday
from lantern.care.models import AgeAssessment, MissingEpisode, TransferReferral

DAY = dt.timedelta(days=1)
MISSING_TEENS = 0.42  # looked-after children 13 or over with missing episodes in their care
RHI_IN_TIME = 0.85
RHI_BY = (
    "Dani Okoro, Haringey Exploitation and Missing Team",
    "Sam Reilly, Safer London (commissioned return home interviews)",
)
FOUND = (
    "Found by police at a friend's address in Tottenham.",
    "Returned to the placement by themself in the early hours.",
    "Located by the carer at a relative's home; no injuries.",
    "Found by police in Wood Green; concerns of exploitation shared with the MACE panel.",
)
SAID = (
    "Said they went to see friends and lost track of time.",
    "Did not want to talk about where they had been; agreed to see their social worker.",
    "Said they had been with family and wanted more time with their mother.",
)
AGE_ASSESSED = 0.35  # unaccompanied children whose age was assessed
NTS_FROM = dt.date(2021, 12, 1)  # the scheme mandatory for all councils (assumption)


class Missing:
    """Mixed into ``casework.Story`` (``care_steps``: ``care_missing``, ``care_uasc``)."""

    def care_missing(self, c, history) -> None:
        rng, period = self.care_rng, history.period
        last = min(period.end_date or self.today, self.today) - DAY
        earliest = max(period.start_date, birthday(c.dob, 13) + 60 * DAY)
        earliest = max(earliest, last - 2 * 365 * DAY)
        if last - earliest < 30 * DAY or rng.random() >= MISSING_TEENS:
            return
        count = rng.choices((1, 2, 3, 5, 8), (0.35, 0.2, 0.2, 0.15, 0.1))[0]
        days = sorted(
            {earliest + rng.randint(0, (last - earliest).days) * DAY for _ in range(count)}
        )
        back = None
        for start in days:
            if back is not None and start <= back:
                continue
            back = min(start + rng.choices((0, 1, 2, 4), (0.35, 0.4, 0.15, 0.1))[0] * DAY, last)
            episode = self.add(
                MissingEpisode,
                c,
                start,
                kind="A" if rng.random() < 0.2 else "M",
                start_date=start,
                end_date=back,
                period=period,
                circumstances=rng.choice(FOUND),
            )
            self.event(c, back, "returned_from_missing", episode)
            offered = (
                back
                + (rng.randint(0, 3) if rng.random() < RHI_IN_TIME else rng.randint(4, 8)) * DAY
            )
            if offered > self.today - DAY or rng.random() < 0.04:
                continue
            episode.rhi_offered_on = offered
            self.event(c, offered, "return_interview_offered", episode)
            if rng.random() < 0.5:
                episode.rhi_response = MissingEpisode.Interview.DECLINED
                continue
            episode.rhi_response = MissingEpisode.Interview.ACCEPTED
            held = offered + rng.randint(0, 4) * DAY
            if held <= self.today - DAY:
                episode.rhi_done_on, episode.rhi_by = held, rng.choice(RHI_BY)
                episode.child_said = rng.choice(SAID)

    def care_uasc(self, c, history) -> None:
        if not c.uasc_since:
            return
        rng, period = self.care_rng, history.period
        last = min(period.end_date or self.today, self.today) - DAY
        arrived = period.start_date
        if rng.random() < AGE_ASSESSED:
            assessed = arrived + rng.randint(14, 70) * DAY
            if assessed <= last:
                claimed = rng.random() < 0.6
                self.add(
                    AgeAssessment,
                    c,
                    assessed,
                    assessed_on=assessed,
                    outcome="claimed" if claimed else "assessed",
                    date_of_birth=c.dob,
                    merton_compliant=rng.random() < 0.95,
                    disputed=not claimed and rng.random() < 0.3,
                )
        if arrived >= NTS_FROM and rng.random() < 0.5:
            referred = arrived + rng.randint(1, 10) * DAY
            if referred > last:
                return
            decided = referred + rng.randint(5, 30) * DAY
            pending = decided > last
            self.add(
                TransferReferral,
                c,
                referred,
                referred_on=referred,
                outcome="pending" if pending else "here",
                decided_on=None if pending else decided,
            )
