"""The child's independent reviewing officer (Children Act 1989 s25A; IRO Handbook 2010).

A change of IRO ends the last allocation the day the new one starts, so the history says who
reviewed the child when, and the IRO is told."""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from lantern.access.roles import IRO
from lantern.care.models import IROAllocation, PeriodOfCare
from lantern.casework.actions.base import (
    after_commit,
    create,
    in_the_past,
    lock_child,
    long_date,
    refuse,
    who,
    written,
)
from lantern.people.models import Person


def is_iro(user) -> bool:
    return user is not None and user.is_active and user.groups.filter(name=IRO).exists()


@transaction.atomic
def allocate_iro(
    person: Person, *, acting_user, iro, start_date: dt.date, request=None
) -> IROAllocation:
    lock_child(person)
    if not is_iro(iro):
        refuse("Choose an independent reviewing officer", "iro")
    in_the_past(start_date, "The allocation date", "start_date")
    period = PeriodOfCare.objects.filter(person=person, end_date__isnull=True).first()
    if period is None:
        refuse("An IRO is allocated to a looked-after child: this child is not looked after")
    if start_date < period.start_date:
        refuse(
            f"The IRO cannot be allocated before the child became looked after "
            f"({long_date(period.start_date)})",
            "start_date",
        )
    current = (
        IROAllocation.objects.select_for_update()
        .filter(person=person, end_date__isnull=True)
        .first()
    )
    if current is not None:
        if current.iro_id == iro.pk:
            refuse(f"{who(iro)} is already this child's IRO", "iro")
        if start_date < current.start_date:
            refuse(
                f"The new IRO cannot start before the current one did "
                f"({long_date(current.start_date)})",
                "start_date",
            )
        IROAllocation.objects.filter(pk=current.pk).update(end_date=start_date)
    allocation = create(IROAllocation, person, acting_user, iro=iro, start_date=start_date)
    written(
        request,
        allocation,
        acting_user=acting_user,
        detail=f"allocated IRO {iro.get_username()}"
        + (f" in place of {current.iro.get_username()}" if current else ""),
        chronology="allocation",
        summary=f"Independent reviewing officer allocated: {who(iro)}.",
        when=start_date,
    )
    from lantern.workforce.actions import notify

    after_commit(
        notify,
        iro,
        f"You are the independent reviewing officer for {person.full_name}",
        person=person,
        link=reverse("casework:overview", args=[person.pk]),
    )
    return allocation
