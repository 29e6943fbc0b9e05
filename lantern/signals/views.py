"""The manager's decision about a signal: a thin page over ``actions.decide``.

Reached from the child's record; handed out by ``queries.signal_for`` (the record opened for
writing, and the role that decides signals), so anyone else gets the record's own 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.refusals import Refused
from lantern.access.roles import DECIDE_SIGNAL, VIEW_RECORD
from lantern.access.rules import requires
from lantern.signals import actions, queries
from lantern.signals import rules as R
from lantern.signals.forms import DecisionForm


def _on_record(person) -> str:
    return reverse("people:record", args=[person.pk]) + "#signals"


@requires(VIEW_RECORD, DECIDE_SIGNAL)
def decide(request, person_id: int, signal_id: int):
    signal = queries.signal_for(request.user, signal_id, for_write=True)
    if signal.person.pk != person_id:  # a signal of another child's: as absent
        raise Refused("No such signal", person=signal.person)
    if not signal.is_live:  # decided meanwhile, or no longer holds: the record says which
        return redirect(_on_record(signal.person))
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decided = actions.decide(
                signal, acting_user=request.user, request=request, **form.details()
            )
        except ValidationError as refusal:
            for field, errors in getattr(refusal, "error_dict", {None: refusal}).items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Decision recorded: {decided.get_status_display().lower()}")
            return redirect(_on_record(signal.person))
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=signal.person,
        obj=signal,
        detail="safeguarding signal decision form",
        purpose=signal.person.access_basis,
    )
    signal.rule_info = R.BY_CODE[signal.rule]
    return render(
        request, "signals/decide.html", {"signal": signal, "person": signal.person, "form": form}
    )
