"""Where a looked-after child learns in the demo follows the school years, without a
borough to build: the settings are worked out from the child and their placements."""

import datetime as dt
from types import SimpleNamespace

from lantern.demo.care_health import CareHealth
from lantern.demo.specs import PersonSpec


class Always:
    """An rng that always takes the chance offered and the first choice."""

    def random(self):
        return 0.0

    def randint(self, a, b):
        return a

    def choice(self, seq):
        return seq[0]


class Settings(CareHealth):
    care_rng = Always()

    def __init__(self):
        self.made = []

    def setting(self, c, day, where, reason):
        made = SimpleNamespace(day=day, where=where, reason=reason, end_date=None)
        self.made.append(made)
        return made


def test_a_school_move_with_a_later_placement_keeps_the_phase_the_child_has_reached():
    """Born June 2019: nursery from September 2021, primary from September 2023. A placement
    move in March 2022 changes nursery; one in March 2024 changes primary school, and must
    not send a primary child back to nursery (the phase of an earlier move is not current)."""
    child = PersonSpec.__new__(PersonSpec)
    child.dob, child.uasc_since = dt.date(2019, 6, 1), None
    starts = [dt.date(2021, 10, 15), dt.date(2022, 3, 1), dt.date(2024, 3, 1)]
    history = SimpleNamespace(
        period=SimpleNamespace(start_date=starts[0]),
        placements=[SimpleNamespace(start_date=d) for d in starts],
    )
    story = Settings()
    story.settings(child, history, last=dt.date(2026, 11, 23))

    made = [(s.day, s.where, s.reason) for s in story.made]
    assert made == [
        (dt.date(2021, 9, 1), "early_years", ""),
        (dt.date(2022, 3, 1), "early_years", "placement"),
        (dt.date(2023, 9, 1), "primary", "transition"),
        (dt.date(2024, 3, 1), "primary", "placement"),
    ]
    ends = [s.end_date for s in story.made]
    assert ends == [s.day - dt.timedelta(days=1) for s in story.made[1:]] + [None]


def test_an_unaccompanied_child_arriving_in_september_starts_in_that_school_years_phase():
    """In care from 20 August 2025, arriving at school on 3 September aged 11 (10 on the
    September before): secondary school from then, never a primary school after the
    September that moved their year group on."""
    child = PersonSpec.__new__(PersonSpec)
    child.dob, child.uasc_since = dt.date(2014, 6, 1), dt.date(2025, 8, 20)
    start = dt.date(2025, 8, 20)
    history = SimpleNamespace(
        period=SimpleNamespace(start_date=start), placements=[SimpleNamespace(start_date=start)]
    )
    story = Settings()
    story.settings(child, history, last=dt.date(2026, 11, 23))

    # Always() takes the shortest wait: at school 14 days after coming into care.
    assert [(s.day, s.where, s.reason) for s in story.made] == [
        (dt.date(2025, 9, 3), "secondary", ""),
    ]
