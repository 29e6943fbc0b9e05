"""The checks' registry and the helpers they share: each check is a function of ``today``
registered with ``@check(name)``, returning the ``Violation``s it finds."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from lantern.people.models import Person

SPEAKS_FROM = 3  # years: the child's own words, and being seen alone, from this age
# What may be dated before birth: work with the expectant family (pre-birth assessment,
# conferences, visits to the mother) and what partners knew of the pregnancy and home.
PRE_BIRTH_KINDS = {
    "contact",
    "referral",
    "assessment",
    "strategy_discussion",
    "section_47",
    "conference",
    "visit",
    "case_note",
    "management_oversight",
    "allocation",
    "gp_consultation",
    "housing",
    "police_domestic_abuse",
    "household_change",
}
PRE_BIRTH_DAYS = 9 * 31


@dataclass(frozen=True)
class Violation:
    check: str
    person_id: int | None
    detail: str


CHECKS: dict[str, Callable[[dt.date], list[Violation]]] = {}


def check(name: str):
    def register(fn):
        CHECKS[name] = fn
        return fn

    return register


def run(today: dt.date, only: list[str] | None = None) -> dict[str, list[Violation]]:
    """Every check's violations, by check name (an empty list when it passes)."""
    return {name: fn(today) for name, fn in CHECKS.items() if not only or name in only}


def _births() -> dict[int, dt.date]:
    return dict(
        Person.objects.filter(date_of_birth__isnull=False).values_list("id", "date_of_birth")
    )


def _age(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _v(name: str, rows, fmt: Callable) -> list[Violation]:
    return [Violation(name, row[0], fmt(*row)) for row in rows]


def summary(results: dict[str, list[Violation]], examples: int = 3) -> list[str]:
    """One line per check, with a few examples of what failed."""
    out = []
    for name, found in results.items():
        out.append(f"{name:<40}{'pass' if not found else f'FAIL ({len(found):,})'}")
        for v in found[:examples]:
            out.append(f"    person {v.person_id}: {v.detail}")
    return out
