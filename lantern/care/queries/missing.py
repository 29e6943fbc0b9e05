"""Missing episodes: the child's list, the repeat-missing prompt and the SSDA903 rows."""

import datetime as dt

from lantern.care.models import MissingEpisode
from lantern.prepared import prepared

# Three or more episodes starting within 90 days prompt a strategy discussion. The
# statutory guidance on children who run away or go missing (2014) and WT23 ask for one
# where repeated absence suggests risk of harm (exploitation), without fixing a number;
# this is the common local-procedure trigger. Change it here until councils have settings.
REPEAT_EPISODES = 3
REPEAT_WINDOW_DAYS = 90
PROMPT = "Consider a strategy discussion (WT23; statutory guidance 2014)"


def episodes(person) -> list[MissingEpisode]:
    return _episodes(person.pk)


@prepared
def _episodes(person_id):
    return MissingEpisode.objects.filter(person_id=person_id).order_by("-start_date", "-pk")


def repeat_missing(person, today: dt.date, rows=None) -> list[MissingEpisode] | None:
    """The episodes behind the prompt, newest first, or None: fewer than the threshold
    started in the last 90 days, or a strategy discussion was held since the latest."""
    from lantern.casework.models import StrategyDiscussion

    since = today - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    rows = episodes(person) if rows is None else rows
    recent = [e for e in rows if since <= e.start_date <= today]
    if len(recent) < REPEAT_EPISODES:
        return None
    latest = max(e.start_date for e in recent)
    if StrategyDiscussion.objects.filter(person=person, held_on__gte=latest).exists():
        return None
    return recent


def missing_rows(year_start: dt.date, year_end: dt.date) -> list[dict]:
    """SSDA903 Missing table rows: episodes that began while the child was looked after and
    touch the collection year. Dates as the return writes them (DD/MM/YYYY)."""
    from django.db.models import Q

    rows = (
        MissingEpisode.objects.filter(period__isnull=False, start_date__lte=year_end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=year_start))
        .select_related("person")
        .order_by("person__council_id", "start_date", "pk")
    )
    return [
        {
            "CHILD": e.person.council_id,
            "DOB": _date(e.person.date_of_birth),
            "MISSING": e.kind,
            "MIS_START": _date(e.start_date),
            "MIS_END": _date(e.end_date) if e.end_date and e.end_date <= year_end else "",
        }
        for e in rows
    ]


def _date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
