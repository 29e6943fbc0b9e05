"""Person index pages: thin shells over ``queries``, ``search`` and ``actions``."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render

from lantern.access import audit, policy
from lantern.access.models import AuditEntry
from lantern.access.roles import SEARCH, VIEW_RECORD
from lantern.access.rules import requires
from lantern.chronology import kinds
from lantern.chronology.queries import chronology_page, sources_in
from lantern.people import actions, queries
from lantern.people import search as person_search
from lantern.people.forms import AddPersonForm


@requires(SEARCH)
def search(request):
    text = request.GET.get("q", "").strip()[:200]
    query, matches, summaries = None, [], {}
    if text:
        query, matches = person_search.search(text, settings.LANTERN_COUNCIL_ID_PREFIX)
        summaries = queries.search_summaries([m.person for m in matches], dt.date.today())
        audit.record(request, AuditEntry.Action.SEARCH, detail=f"{text} → {len(matches)} result(s)")
    return render(
        request,
        "people/search.html",
        {
            "q": text,
            "query": query,
            "results": [(m, summaries.get(m.person.pk)) for m in matches],
        },
    )


@requires(VIEW_RECORD)
def record(request, person_id: int):
    person = queries.access_person(request.user, person_id)  # the gate answers a refusal
    today = dt.date.today()
    agency_id = _int_or_none(request.GET.get("agency"))
    kind = request.GET.get("kind") or None
    kind = kind if kind in kinds.BY_CODE else None
    page = chronology_page(person, agency_id=agency_id, kind=kind, cursor=request.GET.get("before"))
    current, previous = queries.household_of(person, today)
    agencies, kinds_present = sources_in(person)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail="record and chronology",
        purpose=person.access_basis,
    )
    return render(
        request,
        "people/record.html",
        {
            "person": person,
            "names": person.names.select_related("agency"),
            "identifiers": person.identifiers.select_related("agency"),
            "disabilities": person.disabilities.all(),
            "address": queries.current_address(person, today),
            "household": current,
            "previous_household": previous,
            "relationships": queries.relationships_of(person),
            "allocation": queries.allocated_worker(person),
            "page": page,
            "agencies": agencies,
            "kinds": [kinds.BY_CODE[k] for k in kinds_present if k in kinds.BY_CODE],
            "agency_id": agency_id,
            "kind": kind,
            "restricted": person.current_restriction is not None,
            "may_see_who_viewed": policy.may_see_who_viewed(request.user, person),
        },
    )


@requires("people.add_person")
def add_person(request):
    form = AddPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = actions.register_person(
                acting_user=request.user, request=request, **form.person_details()
            )
        except IntegrityError:
            form.add_error(
                "nhs_number",
                "A person with this NHS number or UPN is already "
                "in the index: search for them instead",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{person.full_name} added ({person.council_id})")
            return redirect("people:record", person_id=person.pk)
    return render(request, "people/add.html", {"form": form})


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
