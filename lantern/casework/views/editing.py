"""The one form page every casework record uses: the child's known facts shown (never
retyped), the draft restored, the action's refusals on their fields, and a stale save told
to reload instead of overwriting someone else's work."""

import contextlib
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import ALLOCATE_WORKER, RECORD_CASEWORK, RECORD_OVERSIGHT
from lantern.casework import actions, queries
from lantern.casework.chronology import referral_text
from lantern.casework.models import CINEpisode
from lantern.casework.views.common import errors_onto, today
from lantern.people import queries as people


def edit_page(request, person, *, form_class, form_key, autosave, title, save, record=None):
    draft = queries.draft_for(request.user, person, form_key) if autosave else None
    conflict = None
    stale = False
    if request.method == "POST":
        form = form_class(request.POST, person=person, record=record)
        if not form.is_valid() and autosave:
            forget_refused(request, person, form_key, form)
        if form.is_valid():
            try:
                saved = save(form)
            except actions.StaleRecord as error:
                form.add_error(None, str(error))
                stale = True
            except ValidationError as error:
                errors_onto(form, error)
                if autosave:
                    forget_refused(request, person, form_key, form)
            else:
                actions.discard_draft(request.user, person, form_key, request=request)
                messages.success(request, f"{saved} saved")
                query = urlencode({"saved": form_key}) if autosave else ""
                return redirect(saved.get_absolute_url() + (f"?{query}" if query else ""))
    else:
        initial = restorable(form_class, draft.data, person, record) if draft else {}
        if draft and record is not None and str(draft.data.get("version")) != str(record.version):
            # The draft was started before someone else saved: show their record and the
            # draft beside it, rather than quietly reviving an old version.
            conflict, initial = draft, {}
        form = form_class(initial=initial or None, person=person, record=record)
    # Every page that shows the child's details is a look, a failed save's page included.
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=record if record is not None else person,
        detail=f"form {form_key}",
        purpose=person.access_basis,
    )
    return render(
        request,
        "casework/form.html",
        {
            "person": person,
            "facts": known_facts(person, viewer=request.user),
            "form": form,
            "title": title,
            "record": record,
            "stale": stale,
            "draft": draft if draft and not conflict else None,
            "conflict": conflict,
            "autosave_url": reverse("casework:draft", args=[person.pk, form_key])
            if autosave
            else "",
        },
    )


def restorable(form_class, data: dict, person, record) -> dict:
    """The draft as the form's initial values, less any value the form refuses (a date that
    is not real, a choice no longer offered): never quietly put back without its error."""
    store = draft_data(data)
    form = form_class(store, person=person, record=record)
    form.is_valid()
    refused = {name for name, errors in form.errors.as_data().items() if not _only_missing(errors)}
    return {
        name: field.widget.value_from_datadict(store, {}, name)
        for name, field in form.fields.items()
        if name not in refused and not field.widget.value_omitted_from_data(store, {}, name)
    }


def _only_missing(errors) -> bool:
    return all(e.code == "required" for e in errors)


def draft_data(data: dict) -> MultiValueDict:
    return MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()})


def _field_of(name: str, form) -> str:
    """The field a posted name belongs to: itself, or the date whose box it is."""
    if name in form.fields:
        return name
    base, _, box = name.rpartition("_")
    return base if box in ("day", "month", "year") and base in form.fields else name


def forget_refused(request, person, form_key: str, form) -> None:
    """A refused save keeps the draft, less the values refused, so coming back to the form
    later never brings back what it would not take."""
    refused = {name for name, errors in form.errors.as_data().items() if not _only_missing(errors)}
    refused.discard(NON_FIELD_ERRORS)
    if not refused:
        return
    kept = {}
    for name, values in form.data.lists():
        if name == "csrfmiddlewaretoken" or _field_of(name, form) in refused:
            continue
        kept[name] = values if len(values) > 1 else values[0]
    # Too long to keep: the draft the autosave kept stays as it was.
    with contextlib.suppress(ValidationError):
        actions.save_draft(request.user, person, form_key, kept, request=request)


def known_facts(person, *, viewer) -> dict:
    """What Lantern already knows about the child, shown on every form so it is never typed
    again: who they are, where and with whom they live, the open episode."""
    day = today()
    household, _ = people.household_of(person, day, viewer=viewer)
    episode = CINEpisode.objects.filter(person=person, close_date=None).first()
    return {
        "address": people.current_address(person, day),
        "household": household,
        "allocation": people.allocated_worker(person),
        "episode": episode,
        "referral": referral_text(episode) if episode else "",
        "now": timezone.localtime(),
    }


def what_next(user, person, work) -> list[tuple[str, str]]:
    """The records that can be added now, in the order the journey needs them."""
    if not user.has_perm(RECORD_CASEWORK):
        return []

    def new(slug):
        return reverse("casework:new", args=[person.pk, slug])

    episode, cp_plan = work.open_episode, work.open_cp_plan
    offers = [("Record a visit", new("visit")), ("Write a case note", new("case-note"))]
    if episode is None:
        offers.insert(0, ("Record a referral", new("episode")))
    else:
        if not any(a.episode_id == episode.pk for a in work.assessments):
            offers.append(("Start the assessment", new("assessment")))
        offers.append(("Record a strategy discussion", new("strategy-discussion")))
        decided = [
            s
            for s in work.strategy_discussions
            if s.episode_id == episode.pk and s.decision == "s47"
        ]
        if decided and len(decided) > len(
            [e for e in work.enquiries if e.episode_id == episode.pk]
        ):
            offers.append(("Start the section 47 enquiry", new("section-47")))
        held = {c.section47_id for c in work.conferences}
        if any(
            e.episode_id == episode.pk and e.icpc_required is not False and e.pk not in held
            for e in work.enquiries
        ):
            offers.append(("Record the initial conference", new("icpc")))
        awaiting = {n.pk for n in work.transfer_notices if n.episode_id == episode.pk}
        awaiting -= {c.transfer_notice_id for c in work.conferences}
        if awaiting:
            offers.append(("Record the transfer-in conference", new("transfer-conference")))
        elif cp_plan is None:
            offers.append(("Record notice of a move from another council", new("transfer-in")))
        if cp_plan is not None:
            offers.append(("Record a core group meeting", new("core-group")))
            offers.append(("Record a review conference", new("rcpc")))
        elif work.open_cin_plan is None:
            offers.append(("Start a child in need plan", new("cin-plan")))
        else:
            offers.append(("Record a child in need plan review", new("cin-plan-review")))
    if user.has_perm(RECORD_OVERSIGHT):
        offers.append(("Record management oversight", new("oversight")))
    if user.has_perm(ALLOCATE_WORKER):
        offers.append(("Allocate a worker", reverse("casework:allocate", args=[person.pk])))
    return offers
