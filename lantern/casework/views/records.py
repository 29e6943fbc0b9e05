"""A child's casework page, and each record's page and forms: thin shells over the actions,
written once over the table of kinds (``casework.kinds``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import ALLOCATE_WORKER, RECORD_CASEWORK, VIEW_RECORD
from lantern.access.rules import requires
from lantern.casework import actions, queries
from lantern.casework.forms import AllocateForm
from lantern.casework.panels import panels_for
from lantern.casework.views.common import (
    access_person,
    errors_onto,
    kind_named,
    require,
    today,
)
from lantern.casework.views.drafts import FORM_KEY
from lantern.casework.views.editing import edit_page, what_next
from lantern.clocks import queries as clocks


@requires(VIEW_RECORD)
def overview(request, person_id: int):
    person = access_person(request.user, person_id)  # the gate answers a refusal
    work = queries.casework_for(person, request.user)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail="casework",
        purpose=person.access_basis,
    )
    return render(
        request,
        "casework/overview.html",
        {
            "person": person,
            "work": work,
            "due": clocks.due_items(clocks.open_for_child(person.pk), today()),
            "next_steps": what_next(request.user, person, work),
            "panels": panels_for(person, request.user, today()),
        },
    )


@requires(VIEW_RECORD)
def show_record(request, person_id: int, kind: str, record_id: int):
    kind = kind_named(kind)
    require(request, kind.read_permission)
    person = access_person(request.user, person_id)  # the gate answers a refusal
    record = queries.record_of(person, kind, record_id)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=record,
        detail=kind.slug,
        purpose=person.access_basis,
    )
    can_write = request.user.has_perm(RECORD_CASEWORK)
    steps = [
        s
        for s in kind.steps
        if can_write and s.available(record) and request.user.has_perm(s.permission)
    ]
    saved = request.GET.get("saved", "")
    saved = saved if FORM_KEY.match(saved) else ""
    return render(
        request,
        "casework/record.html",
        {
            "person": person,
            "kind": kind,
            "record": record,
            "rows": queries.describe(record, kind),
            "steps": steps,
            "clear_draft": reverse("casework:draft", args=[person.pk, saved]) if saved else "",
        },
    )


@requires(VIEW_RECORD, RECORD_CASEWORK)
def new_record(request, person_id: int, kind: str):
    kind = kind_named(kind)
    if kind.form is None:
        raise Http404("Recorded from another record")
    require(request, kind.permission)
    person = access_person(request.user, person_id, for_write=True)

    def save(form):
        return kind.create(
            person, acting_user=request.user, request=request, **form.action_kwargs()
        )

    return edit_page(
        request,
        person,
        form_class=kind.form,
        form_key=f"{kind.slug}-new",
        autosave=kind.autosave,
        title=f"Record {kind.label}",
        save=save,
    )


@requires(VIEW_RECORD, RECORD_CASEWORK)
def change_record(request, person_id: int, kind: str, record_id: int, step: str):
    kind = kind_named(kind)
    chosen = kind.step(step)
    if chosen is None:
        raise Http404("No such change")
    require(request, chosen.permission)
    person = access_person(request.user, person_id, for_write=True)
    record = queries.record_of(person, kind, record_id)
    if not chosen.available(record):
        messages.info(request, f"{record} can no longer be changed that way")
        return redirect(record.get_absolute_url())

    def save(form):
        return chosen.action(
            record, acting_user=request.user, request=request, **form.action_kwargs()
        )

    return edit_page(
        request,
        person,
        form_class=chosen.form,
        form_key=f"{kind.slug}-{record.pk}-{chosen.slug}",
        autosave=chosen.autosave,
        title=chosen.label,
        save=save,
        record=record,
    )


@requires(VIEW_RECORD, ALLOCATE_WORKER)
def allocate(request, person_id: int):
    person = access_person(request.user, person_id, for_write=True)
    form = AllocateForm(request.POST or None, person=person, manager=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.allocate(person, acting_user=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            worker = form.cleaned_data["worker"]
            messages.success(request, f"{person.full_name} allocated to {worker.get_full_name()}")
            return redirect("casework:overview", person_id=person.pk)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=person,
        detail="allocation",
        purpose=person.access_basis,
    )
    history = queries.allocation_history(person)
    return render(
        request, "casework/allocate.html", {"person": person, "form": form, "history": history}
    )
