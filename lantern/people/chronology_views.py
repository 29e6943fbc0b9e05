"""The printable and downloadable chronology: refused exactly as the record page is
(``queries.access_person``), and each page or file written is one audit entry naming the
range and agencies."""

import re

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_RECORD
from lantern.access.rules import requires
from lantern.chronology.models import ChronologyEntry
from lantern.chronology.queries import by_month, chronology_between, sources_in, with_sources
from lantern.people import queries
from lantern.people.chronology_export import ChronologyRangeForm, csv_text, described


def _chosen(request, person):
    agencies, _ = sources_in(person)
    agencies = sorted(agencies, key=lambda a: a.name)
    form = ChronologyRangeForm(request.GET, agencies=agencies)
    if not form.is_valid():
        return form, None, []
    first = ChronologyEntry.objects.filter(person=person).order_by("occurred_at").first()
    choice = form.choice(first.occurred_on if first else None)
    entries = chronology_between(
        person,
        start=choice["start"],
        end=choice["end"],
        agency_ids=choice["agency_ids"],
        key_only=choice["key_only"],
    )
    return form, choice, with_sources(entries)


@requires(VIEW_RECORD)
def printable(request, person_id: int):
    person = queries.access_person(request.user, person_id)  # as the record page
    form, choice, entries = _chosen(request, person)
    if choice is not None:
        audit.record(
            request,
            AuditEntry.Action.VIEW_CHRONOLOGY,
            person=person,
            obj=person,
            detail=f"printable chronology: {described(choice)}",
            purpose=person.access_basis,
        )
    return _page(request, person, form, choice, entries)


def _page(request, person, form, choice, entries):
    return render(
        request,
        "people/chronology_print.html",
        {
            "person": person,
            "form": form,
            "choice": choice,
            "chosen": described(choice) if choice else "",
            "months": by_month(entries),
            "count": len(entries),
            "query": request.GET.urlencode(),
            "printed_at": timezone.localtime(),
        },
    )


@requires(VIEW_RECORD)
def download(request, person_id: int):
    person = queries.access_person(request.user, person_id)
    form, choice, entries = _chosen(request, person)
    if choice is None:  # the page, with the errors, instead of a file
        return _page(request, person, form, choice, entries)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        person=person,
        obj=person,
        detail=f"chronology CSV: {described(choice)}",
        purpose=person.access_basis,
    )
    ref = re.sub(r"[^A-Za-z0-9-]", "", person.council_id)
    name = f"chronology-{ref}-{choice['start']:%Y%m%d}-{choice['end']:%Y%m%d}.csv"
    response = HttpResponse(csv_text(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
