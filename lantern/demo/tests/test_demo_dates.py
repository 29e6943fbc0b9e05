"""Dates the demo draws near a birth: never one a guard would refuse, whatever the seed."""

import datetime as dt
import random
from types import SimpleNamespace

from lantern.clocks.calendar import WorkingDayCalendar
from lantern.demo.casework import Story
from lantern.demo.specs import PersonSpec

DAY = dt.timedelta(days=1)
BACK = 100  # days from the earlier referral to the later one, as drawn


class Drawn(random.Random):
    """Draws as usual, but the earlier referral always BACK days before the later one."""

    def randint(self, a, b):
        return BACK if (a, b) == (60, 330) else super().randint(a, b)


def test_an_earlier_referral_moved_back_to_a_working_day_is_never_before_the_birth():
    """Seed 991696 drew a Sunday the day after a Saturday birth; moved back to the Friday,
    the referral and its assessment fell the day before the child was born."""
    story = Story.__new__(Story)
    story.cal, story.today, story.rng = WorkingDayCalendar(), dt.date(2026, 11, 23), Drawn(1)
    dated = []

    def add(model, child, day, **fields):
        dated.append((day, child.dob))
        return SimpleNamespace()

    story.add = add
    story.event = lambda *args: None
    story.manager = lambda child, day: None
    for born in (dt.date(2025, 1, 1) + n * DAY for n in range(366)):
        child = PersonSpec("child", "Sam", "Test", "F", born, "WBRI")
        for after in range(5):  # the draw a weekend or bank holiday just after the birth
            story.earlier_referral(child, born + (after + BACK) * DAY)
    assert dated, "no earlier referral was made at all"
    assert [(day, dob) for day, dob in dated if day <= dob] == []
