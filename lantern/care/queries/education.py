"""Reads of a looked-after child's education: the last PEP and when the next is due, where
the child learns now, and how many times they have moved school."""

import datetime as dt

from lantern.care.models import EducationSetting, PersonalEducationPlan
from lantern.care.queries.health import next_due

PEP_CLOCKS = ("pep", "pep_review")


def school_moves(person, since: dt.date, until: dt.date) -> int:
    """Moves into a new setting between ``since`` and ``until``. The normal step from
    nursery to school or primary to secondary is not counted: the measure is of the
    disruption that care itself causes, as DfE school stability statistics intend."""
    return (
        EducationSetting.objects.filter(person=person, start_date__gte=since, start_date__lte=until)
        .exclude(move_reason="")
        .exclude(move_reason=EducationSetting.MoveReason.TRANSITION)
        .count()
    )


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + dt.timedelta(days=1)


def education_summary(person, today: dt.date) -> dict:
    return {
        "pep": PersonalEducationPlan.objects.filter(person=person).first(),
        "pep_due": next_due(person, PEP_CLOCKS),
        "setting": EducationSetting.objects.filter(person=person, end_date__isnull=True).first(),
        "moves": school_moves(person, year_before(today), today),
    }
