"""A signal in one line, from its evidence: "3 A&E attendances in 10 months: 2 Mar, 14 Jun,
30 Dec 2025". Written when the signal is raised or its evidence grows, so lists can show it
without reading the entries again."""

import datetime as dt

from lantern.signals import rules as R


def _dates(days: list[dt.date]) -> str:
    """ "2 Mar, 14 Jun, 30 Dec 2025"; each with its year when they span years."""
    if len({d.year for d in days}) > 1:
        return ", ".join(f"{d.day} {d:%b %Y}" for d in days)
    return ", ".join([f"{d.day} {d:%b}" for d in days[:-1]] + [f"{days[-1].day} {days[-1]:%b %Y}"])


def _span(first: dt.date, last: dt.date) -> str:
    days = (last - first).days
    if days == 0:
        return "on one day"
    if days < 62:
        return f"in {days + 1} days"
    months = (last.year - first.year) * 12 + last.month - first.month + (last.day > first.day)
    return f"in {months} months"


def _age(born: dt.date | None, day: dt.date) -> str:
    if born is None:
        return ""
    months = (day.year - born.year) * 12 + day.month - born.month - (day.day < born.day)
    if months < 1:
        return f" at {(day - born).days} days old"
    return f" at {months} month{'s' if months != 1 else ''} old"


def headline(rule: R.Rule, evidence: list[tuple[dt.date, str]], born: dt.date | None) -> str:
    """``evidence``: (day, event kind) of each event that formed the signal, in date order."""
    days = [day for day, kind in evidence if kind == rule.trigger]
    if not days:
        return rule.title
    one, many = rule.noun
    if rule.code == "injury_non_mobile":
        return f"{len(days) if len(days) > 1 else 'An'} {one if len(days) == 1 else many}" + (
            f"{_age(born, days[0])}: {_dates(days)}"
        )
    if rule.code == "adult_joined_on_plan":
        started = [day for day, kind in evidence if kind == R.PLAN_STARTED]
        since = f" on the plan started {_dates(started[-1:])}" if started else " during a plan"
        return f"An adult joined the household{since}: {_dates(days)}"
    count = f"{len(days)} {many if len(days) > 1 else one}"
    return f"{count} {_span(days[0], days[-1])}: {_dates(days)}"
