"""How long each kind of record is kept, as data with its source, and what is due for review.

A record is never deleted by Lantern on its own: when its period ends it is listed for the
data protection officer to review (destroy, or keep with a recorded reason).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q

from lantern.access.models import RestrictedRecord
from lantern.people.care_history import ever_looked_after_ids
from lantern.people.models import Person

S = Person.CareStatus


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class RetentionRule:
    code: str
    label: str
    source: str
    keep_until: Callable[[dict], dt.date | None]
    # The period in words with its number of years, read when shown: two of the periods are
    # the council's own settings, so the DPO sees the number in force, not "local policy".
    describe_period: Callable[[], str]

    @property
    def period(self) -> str:
        return self.describe_period()


def _looked_after(row: dict) -> dt.date | None:
    born, died = row["date_of_birth"], row["date_of_death"]
    if died and born and _years_after(born, 18) > died:
        return _years_after(died, 15)
    return _years_after(born, 75) if born else None


def _adoption(row: dict) -> dt.date | None:
    # The order date is recorded with adoption casework; until then, the date the record
    # was restricted as an adoption record is the earliest safe proxy.
    start = row.get("adoption_from")
    return _years_after(start, 100) if start else None


def _child_in_need(row: dict) -> dt.date | None:
    born = row["date_of_birth"]
    return _years_after(born, 18 + settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18) if born else None


def _contact_only(row: dict) -> dt.date | None:
    last = row["last_activity"]
    return _years_after(last, settings.LANTERN_RETENTION_CONTACT_YEARS) if last else None


def _years(n: int) -> str:
    return f"{n} year{'s' if n != 1 else ''}"


def _cin_period() -> str:
    years = settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18
    return f"{_years(years)} after the 18th birthday (to age {18 + years})"


RULES = {
    rule.code: rule
    for rule in [
        RetentionRule(
            "adoption",
            "Adoption record",
            "Disclosure of Adoption Information (Post-Commencement Adoptions) "
            "Regulations 2005, reg 6",
            _adoption,
            lambda: "100 years from the adoption order",
        ),
        RetentionRule(
            "looked_after",
            "Looked-after child",
            "Care Planning, Placement and Case Review Regulations 2010, reg 50",
            _looked_after,
            lambda: (
                "75 years: to the 75th birthday (15 years from death if the child died before 18)"
            ),
        ),
        RetentionRule(
            "child_in_need",
            "Child in need or child protection",
            "Local policy (no statutory period; R (C) v Northumberland CC [2015])",
            _child_in_need,
            _cin_period,
        ),
        RetentionRule(
            "contact_only",
            "Contact, or a person never open to social care",
            "Local policy (UK GDPR storage limitation)",
            _contact_only,
            lambda: _years(settings.LANTERN_RETENTION_CONTACT_YEARS) + " after the last activity",
        ),
    ]
}


def rule_for(row: dict) -> RetentionRule:
    """The rule follows the child's history: a child looked after years ago whose case is
    now closed keeps the looked-after rule (``ever_looked_after``, from
    ``people.care_history``), not the rule of today's status."""
    if row.get("adoption_from"):
        return RULES["adoption"]
    if row.get("ever_looked_after") or row["care_status"] in (S.LOOKED_AFTER, S.CARE_LEAVER):
        return RULES["looked_after"]
    if row["care_status"] in (S.NOT_OPEN, S.CONTACT):
        return RULES["contact_only"]
    return RULES["child_in_need"]


@dataclass
class Due:
    person_id: int
    council_id: str
    rule: RetentionRule
    keep_until: dt.date


# A margin on the database's first cut: a 29 February and a time of day read in another
# zone move a date by a day or two; the exact date is then worked out in Python.
MARGIN = dt.timedelta(days=3)


def _could_be_due(limit: dt.date, adopted: set[int]) -> Q:
    """Who might reach the end of a period by ``limit``, asked of the database so the review
    reads those few rows, not the whole person index: a superset, checked exactly later."""
    from lantern.chronology.models import ChronologyEntry

    from_birth = min(75, 18 + settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18)
    born_by = _years_after(limit, -from_birth) + MARGIN
    quiet_since = _years_after(limit, -settings.LANTERN_RETENTION_CONTACT_YEARS) + MARGIN
    quiet_from = dt.datetime.combine(quiet_since, dt.time.min, tzinfo=dt.UTC)
    entries = ChronologyEntry.objects.filter(person=OuterRef("pk"))
    contact_gone_quiet = (
        Q(care_status__in=(S.NOT_OPEN, S.CONTACT))
        & ~Exists(entries.filter(occurred_at__gte=quiet_from))
        & (Q(created_at__lt=quiet_from) | Exists(entries))
    )
    return (
        Q(date_of_birth__lte=born_by)
        | Q(date_of_death__isnull=False)
        | Q(pk__in=adopted)
        | contact_gone_quiet
    )


def due_for_review(
    on: dt.date, *, horizon_days: int = 90, person_id: int | None = None
) -> list[Due]:
    """Everyone whose retention period ends by ``on + horizon_days``, earliest first (or
    only ``person_id``, for a decision on one record)."""
    adoption = dict(
        RestrictedRecord.objects.filter(why=RestrictedRecord.Why.ADOPTION).values_list(
            "person_id", "created_at"
        )
    )
    limit = on + dt.timedelta(days=horizon_days)
    people = Person.objects.filter(_could_be_due(limit, set(adoption)))
    if person_id is not None:
        people = people.filter(pk=person_id)
    rows = people.annotate(last=Max("chronology__occurred_at")).values(
        "id", "council_id", "date_of_birth", "date_of_death", "care_status", "last", "created_at"
    )
    looked_after = ever_looked_after_ids()
    due = []
    for row in rows.iterator(chunk_size=5000):
        last = row["last"] or row["created_at"]
        row["last_activity"] = last.date() if last else None
        row["adoption_from"] = adoption[row["id"]].date() if row["id"] in adoption else None
        row["ever_looked_after"] = row["id"] in looked_after
        rule = rule_for(row)
        until = rule.keep_until(row)
        if until is not None and until <= limit:
            due.append(Due(row["id"], row["council_id"], rule, until))
    return sorted(due, key=lambda d: (d.keep_until, d.council_id))
