"""Person index pages: thin shells over ``queries``, ``search`` and ``actions``."""

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse

from lantern.access import audit, policy
from lantern.access.models import AuditEntry
from lantern.access.roles import RECORD_CASEWORK, SEARCH, VIEW_RECORD
from lantern.access.rules import requires
from lantern.chronology import kinds
from lantern.chronology.queries import by_month, chronology_page, sources_in, with_sources
from lantern.history.presenting import history_of
from lantern.ids import parse_id
from lantern.people import actions, census, queries
from lantern.people import search as person_search
from lantern.people.forms import (
    AddPersonForm,
    CensusDetailsForm,
    CorrectDetailsForm,
    RecordBirthForm,
)
from lantern.people.models import Identifier


@requires(SEARCH)
def search(request):
    text = request.GET.get("q", "").strip()[:200]
    query, matches, summaries = None, [], {}
    if text:
        query, matches = person_search.search(text, settings.LANTERN_COUNCIL_ID_PREFIX)
        summaries = queries.search_summaries(
            request.user, [m.person for m in matches], dt.date.today()
        )
        audit.record(request, AuditEntry.Action.SEARCH, detail=f"{text} → {len(matches)} result(s)")
        # A restricted record that matched is recorded against that person too: its owner and
        # the DPO see who found it, even though nothing of it was shown.
        audit.record_each(
            request,
            AuditEntry.Action.SEARCH,
            [m.person for m in matches if summaries[m.person.pk].restricted],
            detail="a search matched this restricted record (shown as restricted only)",
        )
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
    agency_id = parse_id(request.GET.get("agency"))
    kind = request.GET.get("kind") or None
    kind = kind if kind in kinds.BY_CODE else None
    key_only = request.GET.get("key") == "1"
    page = chronology_page(
        person, agency_id=agency_id, kind=kind, key_only=key_only, cursor=request.GET.get("before")
    )
    filters = {"agency": agency_id, "kind": kind, "key": "1" if key_only else None}
    current, previous, relationships = queries.household_and_relationships(
        person, today, viewer=request.user
    )
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
            "names": queries.names_of(person.pk),
            "identifiers": queries.identifiers_of(person.pk),
            "disabilities": queries.disabilities_of(person.pk),
            "address": queries.current_address(person, today),
            "household": current,
            "previous_household": previous,
            "relationships": relationships,
            "allocation": queries.allocated_worker(person),
            "page": page,
            "months": by_month(with_sources(page.entries)),
            "filter_query": urlencode({k: v for k, v in filters.items() if v}),
            "key_only": key_only,
            "agencies": agencies,
            "kinds": [kinds.BY_CODE[k] for k in kinds_present if k in kinds.BY_CODE],
            "agency_id": agency_id,
            "kind": kind,
            "restricted": person.current_restriction is not None,
            "may_see_who_viewed": policy.may_see_who_viewed(request.user, person),
        },
    )


@requires(VIEW_RECORD)
def history(request, person_id: int):
    """Corrections to the person's own details, old and new values, audited as a look at
    the record and refused exactly as the record is."""
    person = queries.access_person(request.user, person_id)  # the gate asks for a reason
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail="viewed history of person details",
        purpose=person.access_basis,
    )
    return render(
        request,
        "history/history.html",
        {
            "person": person,
            "title": f"History of changes: {person.full_name}",
            "versions": history_of(person, queries.shown_detail),
            "first_at": person.created_at,
            "back": reverse("people:record", args=[person.pk]),
            "back_label": f"Back to {person.full_name}'s record",
        },
    )


@requires(VIEW_RECORD, RECORD_CASEWORK)
def correct(request, person_id: int):
    """Correct the person's own details; refused as any write to their record is."""
    person = queries.access_person(request.user, person_id, for_write=True)
    form = CorrectDetailsForm.for_person(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.correct_details(
                person, acting_user=request.user, request=request, **form.details()
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Details corrected: the old values are kept in the history")
            return redirect("people:record", person_id=person.pk)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail="correct details form",
        purpose=person.access_basis,
    )
    return render(request, "people/correct.html", {"person": person, "form": form})


# A refused date is shown on the first box of its date input.
DATE_BOXES = {"date_of_birth": "dob_day", "uasc_since": "uasc_day", "uasc_ceased": "duc_day"}


def _write_page(request, person, form, action, template, done: str, context=None):
    """A form about one person, written through ``action``; a refusal names its field."""
    if request.method == "POST" and form.is_valid():
        try:
            action(person, acting_user=request.user, request=request, **form.details())
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                form.add_error(None, error.messages)
            for field, errors in getattr(error, "error_dict", {}).items():
                field = DATE_BOXES.get(field, field)
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, done)
            return redirect("people:record", person_id=person.pk)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail=f"{template.split('/')[-1].removesuffix('.html')} form",
        purpose=person.access_basis,
    )
    return render(request, template, {"person": person, "form": form, **(context or {})})


@requires(VIEW_RECORD, RECORD_CASEWORK)
def census_details(request, person_id: int):
    """UPN-unknown reason, former UPN, UASC status and disabilities: written as casework is."""
    person = queries.access_person(request.user, person_id, for_write=True)
    form = CensusDetailsForm.for_person(person, request.POST or None)
    upns = person.identifiers.filter(scheme=Identifier.Scheme.UPN)
    return _write_page(
        request,
        person,
        form,
        census.record_census_details,
        "people/census.html",
        "Census details saved: the old values are kept in the history",
        {"upns": upns},
    )


@requires(VIEW_RECORD, RECORD_CASEWORK)
def record_birth(request, person_id: int):
    """An unborn child is born: the same record, with the date of birth, sex and name."""
    person = queries.access_person(request.user, person_id, for_write=True)
    form = RecordBirthForm.for_person(person, request.POST or None)
    return _write_page(
        request,
        person,
        form,
        census.record_birth,
        "people/birth.html",
        "Birth recorded: the expected date and the casework are kept",
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
