"""Signing in and out, both written to the audit log."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from lantern.access import actions, audit, policy, queries, refusals, retention, retention_actions
from lantern.access import retention_review as retention_review_queries
from lantern.access import subject_access as subject_access_export
from lantern.access.forms import AuditSearchForm, RestrictForm, RetentionDecisionForm
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.access.roles import (
    DECIDE_RETENTION,
    EXPORT_SAR,
    RESTRICT_RECORD,
    SEARCH,
    SEE_WHO_VIEWED,
    VIEW_AUDIT,
    VIEW_RECORD,
    VIEW_RETENTION,
)
from lantern.access.rules import public, requires, signed_in
from lantern.people.queries import ReasonRequired, access_person, allocated_worker
from lantern.web import pagination

sign_in = public(
    auth_views.LoginView.as_view(
        template_name="access/sign_in.html", redirect_authenticated_user=True
    )
)
_log_out = auth_views.LogoutView.as_view(next_page="/sign-in/")


@signed_in
def sign_out(request, *args, **kwargs):
    """Sign out, and have the browser drop what it keeps of this site: cached pages and the
    drafts autosave keeps in the tab (``lantern.js`` clears those too, for browsers that
    ignore the header). The next person at a shared PC finds nothing."""
    response = _log_out(request, *args, **kwargs)
    if request.method == "POST":
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@receiver(user_logged_in, dispatch_uid="lantern-audit-sign-in")
def _signed_in(sender, request, user, **kwargs):
    audit.record(request, AuditEntry.Action.SIGN_IN, user=user)


@receiver(user_logged_out, dispatch_uid="lantern-audit-sign-out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(request, AuditEntry.Action.SIGN_OUT, user=user)


@receiver(user_login_failed, dispatch_uid="lantern-audit-sign-in-failed")
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # The username tried is recorded; the password never is.
    audit.record(
        request,
        AuditEntry.Action.SIGN_IN_FAILED,
        detail=f"username: {credentials.get('username', '')[:150]}",
    )


def _way_back(request, person) -> str:
    """Where the worker came from (the search, a MASH contact, a list), if it is a page of
    this site other than the record itself; otherwise the search, or home. Carried through
    the form so a refused reason keeps it."""
    back = request.POST.get("back") or request.META.get("HTTP_REFERER", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(back)
        closed = {
            reverse("people:record", args=[person.pk]),
            reverse("access:state-reason", args=[person.pk]),
        }
        if parts.path.startswith("/") and parts.path not in closed:
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return reverse("people:search") if request.user.has_perm(SEARCH) else reverse("home")


@requires(VIEW_RECORD)
def state_reason(request, person_id: int):
    """Break the glass: say why you need a record outside your own work before it opens."""
    try:
        person = access_person(request.user, person_id)
        return redirect("people:record", person_id=person.pk)
    except ReasonRequired as needed:
        person = needed.person
        asked = needed
    error = ""
    if request.method == "POST":
        try:
            actions.break_the_glass(
                person,
                acting_user=request.user,
                reason=request.POST.get("reason", ""),
                request=request,
            )
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            return redirect("people:record", person_id=person.pk)
    refusals.note(request, asked)  # not open yet: a refused look until a reason is given
    return render(
        request,
        "access/state_reason.html",
        {
            "error": error,
            "reason": request.POST.get("reason", ""),
            "back": _way_back(request, person),
        },
    )


@requires(SEE_WHO_VIEWED)
def seen_by(request, person_id: int):
    """Who has seen this child: for the record's manager and the data protection officer."""
    person = queries.access_person_log(request.user, person_id)
    viewers = queries.who_has_seen(person)
    audit.record(
        request, AuditEntry.Action.VIEW_ACCESS_LOG, person=person, detail="who has seen this record"
    )
    restriction = RestrictedRecord.objects.filter(person=person).select_related("owner").first()
    return render(
        request,
        "access/seen_by.html",
        {
            "person": person,
            "viewers": viewers,
            "restriction": restriction,
            "may_restrict": policy.may_restrict(request.user, person),
        },
    )


@requires(VIEW_AUDIT)
def audit_search(request):
    form = AuditSearchForm(request.GET or None)
    entries, older = [], None
    if form.is_valid():
        entries, older = queries.search_audit(**form.filters())
        audit.record(request, AuditEntry.Action.SEARCH, detail=f"audit search: {form.describe()}")
    return render(
        request,
        "access/audit_search.html",
        {
            "form": form,
            "entries": entries,
            "older": older,
        },
    )


def _shut_out_worker(person, owner, restriction):
    """The child's allocated worker, if a restriction would make them state a reason to open
    the record (they are neither its owner nor named on it)."""
    allocation = allocated_worker(person)
    if allocation is None or allocation.worker_id == owner.pk:
        return None
    if restriction is not None and restriction.named_users.filter(pk=allocation.worker_id).exists():
        return None
    return allocation.worker


@requires(RESTRICT_RECORD)
def restrict(request, person_id: int):
    person = queries.access_person_log(request.user, person_id, check=policy.may_restrict)
    restriction = RestrictedRecord.objects.filter(person=person).first()
    allocated = _shut_out_worker(person, request.user, restriction)
    initial = {}
    if restriction is not None:  # changing it: start from what it says today
        named = restriction.named_users.order_by("username").values_list("username", flat=True)
        initial = {"why": restriction.why, "named": ", ".join(named)}
    form = RestrictForm(request.POST or None, initial=initial, allocated=allocated)
    if request.method == "POST" and form.is_valid():
        actions.restrict_record(
            person,
            acting_user=request.user,
            why=form.cleaned_data["why"],
            named_users=form.cleaned_data["named_users"],
            request=request,
        )
        messages.success(request, "The record is now restricted to the named staff.")
        return redirect("access:seen-by", person_id=person.pk)
    return render(
        request,
        "access/restrict.html",
        {"person": person, "form": form, "allocated": allocated},
    )


@requires(EXPORT_SAR)
def subject_access(request, person_id: int):
    """Download everything held about one person, third parties redacted (a zip)."""
    person = queries.access_person_log(request.user, person_id)
    payload = subject_access_export.export_zip(person)
    audit.record(
        request, AuditEntry.Action.EXPORT, person=person, detail="subject access request export"
    )
    response = HttpResponse(payload, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="subject-access-{person.council_id}.zip"'
    )
    return response


@requires(VIEW_RETENTION)
def retention_review(request):
    """The records due for review, 50 to a page: those waiting for a decision, or those
    decided. Each council id shown is audited, as on every list naming children."""
    review = retention_review_queries.review_page(
        timezone.localdate(), show=request.GET.get("show", ""), page=request.GET.get("page")
    )
    rows = list(review.page.object_list)
    if rows:
        audit.record_each(
            request, AuditEntry.Action.LISTED, rows, detail="listed for retention review"
        )
    return render(
        request,
        "access/retention.html",
        {
            "review": review,
            "rows": rows,
            "pages": pagination.links(review.page),
            "rules": retention.RULES.values(),
            "horizon": retention_review_queries.HORIZON_DAYS,
        },
    )


@requires(VIEW_RETENTION, DECIDE_RETENTION)
def retention_decision(request, person_id: int):
    """Record the DPO's decision on one record due for review (keep, extend, approve
    destruction); the record's earlier decisions are shown with it."""
    person = queries.access_person_log(request.user, person_id)
    today = timezone.localdate()
    form = RetentionDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            retention_actions.record_retention_decision(
                person,
                acting_user=request.user,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                keep_until=form.cleaned_data["keep_until"],
                request=request,
            )
        except ValidationError as refused:
            _refusal_on_form(form, refused)
        else:
            messages.success(request, f"Decision recorded for {person.council_id}")
            return redirect("access:retention")
    audit.record(request, AuditEntry.Action.VIEW_RECORD, person=person, detail="retention review")
    return render(
        request,
        "access/retention_decision.html",
        {
            "person": person,
            "review": retention_review_queries.review_of(person.pk, today),
            "history": retention_review_queries.history_of(person.pk),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _refusal_on_form(form, refused: ValidationError) -> None:
    """The action's refusal shown where the form shows its own errors."""
    if hasattr(refused, "error_dict"):
        for field, errors in refused.error_dict.items():
            field = "until_day" if field == "keep_until" else field
            for error in errors:
                form.add_error(field if field in form.fields else None, error.message)
    else:
        form.add_error(None, refused.messages[0])
