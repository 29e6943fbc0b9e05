"""The default rules at their edges, as data, so the batch scan and the live path are held
to the same answers (one rule engine, two ways in).

Each case is one person: a date of birth (or None) and events as
(event_id, occurred_on, agency, kind); ``fires`` maps each rule that fires to the first
day it holds and the ids of the events that formed it. A rule not named must not fire.
"""

import datetime as dt
from dataclasses import dataclass, field

D = dt.date


@dataclass(frozen=True)
class Case:
    name: str
    born: dt.date | None
    events: list[tuple[str, dt.date, str, str]]
    fires: dict[str, tuple[dt.date, list[str]]] = field(default_factory=dict)


def _days(start: dt.date, *offsets: int) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in offsets]


def _series(kind: str, agency: str, days: list[dt.date], prefix: str = "e"):
    return [(f"{prefix}{i}", day, agency, kind) for i, day in enumerate(days, 1)]


OLDER = D(2010, 5, 17)  # a child too old for the age rules
START = D(2025, 3, 3)

CASES = [
    # injury_non_mobile: six calendar months after birth, clamped to the month's end.
    Case(
        "injury the day before six months (31 Aug birth, 28 Feb)",
        D(2025, 8, 31),
        [("i1", D(2026, 2, 27), "Health visiting", "injury")],
        {"injury_non_mobile": (D(2026, 2, 27), ["i1"])},
    ),
    Case(
        "injury on the six-month day is not a baby's",
        D(2025, 8, 31),
        [("i1", D(2026, 2, 28), "Health visiting", "injury")],
    ),
    Case(
        "six months from 31 August in a leap year is 29 February",
        D(2023, 8, 31),
        [
            ("i1", D(2024, 2, 29), "GP", "injury"),
            ("i0", D(2024, 2, 28), "GP", "injury"),
        ],
        {"injury_non_mobile": (D(2024, 2, 28), ["i0"])},
    ),
    Case(
        "two injuries on one day are both the evidence",
        D(2026, 6, 15),
        [
            ("a", D(2026, 10, 1), "Hospital", "injury"),
            ("b", D(2026, 10, 1), "Health visiting", "injury"),
            ("c", D(2026, 11, 1), "Hospital", "injury"),
        ],
        {"injury_non_mobile": (D(2026, 10, 1), ["a", "b"])},
    ),
    Case(
        "no date of birth: no age rule can hold",
        None,
        [("i1", D(2026, 2, 27), "Health visiting", "injury")],
    ),
    # repeat_ae: 3 in [E-365, E] and younger than five (29 Feb birthdays on 28 Feb).
    Case(
        "three A&E attendances 365 days apart, the third the day before the fifth birthday",
        D(2020, 2, 29),
        _series("ae_attendance", "Hospital", _days(D(2024, 2, 28), 0, 100, 365)),
        {"repeat_ae": (D(2025, 2, 27), ["e1", "e2", "e3"])},
    ),
    Case(
        "the third A&E attendance on the fifth birthday (28 Feb for a 29 Feb child)",
        D(2020, 2, 29),
        _series("ae_attendance", "Hospital", _days(D(2024, 3, 1), 0, 100, 364)),
    ),
    Case(
        "three A&E attendances 366 days apart",
        D(2022, 1, 1),
        _series("ae_attendance", "Hospital", _days(START, 0, 100, 366)),
    ),
    Case(
        "A&E attendances of an older child",
        OLDER,
        _series("ae_attendance", "Hospital", _days(START, 0, 1, 2)),
    ),
    # repeat_domestic_abuse: 3 in [E-365, E].
    Case(
        "three domestic abuse notifications within 365 days",
        OLDER,
        _series("domestic_abuse", "Police", _days(START, 0, 200, 365)),
        {"repeat_domestic_abuse": (START + dt.timedelta(days=365), ["e1", "e2", "e3"])},
    ),
    Case(
        "three domestic abuse notifications over 366 days",
        OLDER,
        _series("domestic_abuse", "Police", _days(START, 0, 200, 366)),
    ),
    Case(
        "four notifications: the signal fires on the first day it holds",
        OLDER,
        _series("domestic_abuse", "Police", _days(START, 0, 10, 20, 30)),
        {"repeat_domestic_abuse": (START + dt.timedelta(days=20), ["e1", "e2", "e3"])},
    ),
    # not_brought: 2 in [E-182, E].
    Case(
        "not brought twice 182 days apart",
        OLDER,
        _series("not_brought", "GP", _days(START, 0, 182)),
        {"not_brought": (START + dt.timedelta(days=182), ["e1", "e2"])},
    ),
    Case(
        "not brought twice 183 days apart",
        OLDER,
        _series("not_brought", "GP", _days(START, 0, 183)),
    ),
    # repeat_missing: 3 in [E-90, E]; several on one day each count.
    Case(
        "missing three times within 90 days",
        OLDER,
        _series("missing", "Police", _days(START, 0, 45, 90)),
        {"repeat_missing": (START + dt.timedelta(days=90), ["e1", "e2", "e3"])},
    ),
    Case(
        "missing three times over 91 days",
        OLDER,
        _series("missing", "Police", _days(START, 0, 45, 91)),
    ),
    Case(
        "missing three times on one day",
        OLDER,
        _series("missing", "Police", _days(START, 0, 0, 0)),
        {"repeat_missing": (START, ["e1", "e2", "e3"])},
    ),
    # rereferral: another referral in [E-365, E-1].
    Case(
        "re-referred 365 days later",
        OLDER,
        _series("referral", "Children's social care", _days(START, 0, 365)),
        {"rereferral": (START + dt.timedelta(days=365), ["e1", "e2"])},
    ),
    Case(
        "re-referred 366 days later",
        OLDER,
        _series("referral", "Children's social care", _days(START, 0, 366)),
    ),
    Case(
        "two referrals on one day are not a re-referral",
        OLDER,
        _series("referral", "Children's social care", _days(START, 0, 0)),
    ),
    # adult_joined_on_plan: the latest plan start on or before E, no end from it to E.
    Case(
        "an adult joins during a plan",
        OLDER,
        [
            ("p1", D(2026, 1, 10), "Children's social care", "plan_started"),
            ("a1", D(2026, 3, 1), "Housing", "adult_joined"),
        ],
        {"adult_joined_on_plan": (D(2026, 3, 1), ["p1", "a1"])},
    ),
    Case(
        "an adult joins on the day the plan ends",
        OLDER,
        [
            ("p1", D(2026, 1, 10), "Children's social care", "plan_started"),
            ("p2", D(2026, 3, 1), "Children's social care", "plan_ended"),
            ("a1", D(2026, 3, 1), "Housing", "adult_joined"),
        ],
    ),
    Case(
        "an adult joins on the day the plan starts",
        OLDER,
        [
            ("a1", D(2026, 1, 10), "Housing", "adult_joined"),
            ("p1", D(2026, 1, 10), "Children's social care", "plan_started"),
        ],
        {"adult_joined_on_plan": (D(2026, 1, 10), ["a1", "p1"])},
    ),
    Case(
        "an adult joins after the plan ended, then during the next plan",
        OLDER,
        [
            ("p1", D(2025, 1, 10), "Children's social care", "plan_started"),
            ("p2", D(2025, 6, 1), "Children's social care", "plan_ended"),
            ("a1", D(2025, 7, 1), "Housing", "adult_joined"),
            ("p3", D(2025, 9, 1), "Children's social care", "plan_started"),
            ("a2", D(2025, 10, 1), "Police", "adult_joined"),
        ],
        {"adult_joined_on_plan": (D(2025, 10, 1), ["p3", "a2"])},
    ),
    Case(
        "an adult joins before any plan",
        OLDER,
        [
            ("a1", D(2025, 7, 1), "Housing", "adult_joined"),
            ("p1", D(2025, 9, 1), "Children's social care", "plan_started"),
        ],
    ),
    # agencies_worried: 3 concerns in [E-90, E] after the latest referral, 2+ agencies.
    Case(
        "three concerns from two agencies within 90 days",
        OLDER,
        [
            ("c1", START, "School", "concern"),
            ("c2", START + dt.timedelta(days=30), "School", "concern"),
            ("c3", START + dt.timedelta(days=90), "GP", "concern"),
        ],
        {"agencies_worried": (START + dt.timedelta(days=90), ["c1", "c2", "c3"])},
    ),
    Case(
        "three concerns from one agency only",
        OLDER,
        _series("concern", "School", _days(START, 0, 1, 2)),
    ),
    Case(
        "agency names differ only in case and spacing: one agency",
        OLDER,
        [
            ("c1", START, "St Mary's School", "concern"),
            ("c2", START, "st mary's  school", "concern"),
            ("c3", START, "ST MARY'S SCHOOL ", "concern"),
        ],
    ),
    Case(
        "three concerns from two agencies over 91 days",
        OLDER,
        [
            ("c1", START, "School", "concern"),
            ("c2", START + dt.timedelta(days=30), "GP", "concern"),
            ("c3", START + dt.timedelta(days=91), "GP", "concern"),
        ],
    ),
    Case(
        "a referral between the concerns",
        OLDER,
        [
            ("c1", START, "School", "concern"),
            ("c2", START + dt.timedelta(days=10), "GP", "concern"),
            ("r1", START + dt.timedelta(days=11), "Children's social care", "referral"),
            ("c3", START + dt.timedelta(days=20), "Police", "concern"),
            ("c4", START + dt.timedelta(days=30), "School", "concern"),
            ("c5", START + dt.timedelta(days=40), "School", "concern"),
        ],
        {"agencies_worried": (START + dt.timedelta(days=40), ["c3", "c4", "c5"])},
    ),
    Case(
        "a referral on the day of the third concern",
        OLDER,
        [
            ("c1", START, "School", "concern"),
            ("c2", START + dt.timedelta(days=10), "GP", "concern"),
            ("c3", START + dt.timedelta(days=20), "Police", "concern"),
            ("r1", START + dt.timedelta(days=20), "Children's social care", "referral"),
        ],
    ),
]
