"""Staff accounts, for the system administrator (no case records here)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from lantern.access.roles import MANAGE_STAFF
from lantern.access.rules import requires, signed_in
from lantern.workforce import actions, staff
from lantern.workforce.forms import AddStaffForm, StaffRoleForm
from lantern.workforce.models import Notification, RoleChangeRequest


@requires(MANAGE_STAFF)
def staff_list(request):
    people = (
        User.objects.select_related("staff__team", "staff__agency")
        .prefetch_related("groups")
        .order_by("last_name", "first_name")
    )
    waiting = RoleChangeRequest.objects.filter(status=RoleChangeRequest.Status.PENDING).count()
    return render(request, "workforce/staff_list.html", {"staff": people, "waiting": waiting})


@requires(MANAGE_STAFF)
def add_staff(request):
    form = AddStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user, pending = staff.add_staff_member(
                acting_user=request.user,
                request=request,
                username=d["username"],
                first_name=d["first_name"],
                last_name=d["last_name"],
                email=d["email"],
                password=d["password"],
                role=d["role"],
                team=d["team"],
                agency=d["agency"],
                job_title=d["job_title"],
            )
        except ValidationError as error:
            form.add_error("password", error)
        else:
            messages.success(request, f"Account {user.username} created. {_waits(pending)}")
            return redirect("workforce:staff")
    return render(request, "workforce/add_staff.html", {"form": form})


def _waits(pending) -> str:
    if pending is None:
        return "The role is in place."
    return f"The {pending.role} role waits for a second administrator's approval."


@requires(MANAGE_STAFF)
@never_cache
def staff_member(request, user_id: int):
    member = get_object_or_404(User.objects.select_related("staff__team"), pk=user_id)
    staff_record = getattr(member, "staff", None)
    form = StaffRoleForm(
        request.POST if request.POST.get("action") == "role" else None,
        initial={"role": actions.current_role(member), "team": getattr(staff_record, "team", None)},
    )
    context = {"member": member, "form": form, "yourself": member.pk == request.user.pk}
    if request.method == "POST":
        try:
            done = _staff_action(request, member, form, context)
        except actions.RoleChangeRefused as refused:
            context["error"] = str(refused)
            return render(request, "workforce/staff_member.html", _with_state(context), status=403)
        if done:
            return redirect("workforce:staff-member", user_id=member.pk)
    return render(request, "workforce/staff_member.html", _with_state(context))


def _staff_action(request, member, form, context) -> bool:
    """Carry out the posted action; True to redirect, False to show the page (a form error
    or an enrolment code that must be shown once and never again)."""
    action, who = request.POST.get("action"), {"acting_user": request.user, "request": request}
    if action == "role" and form.is_valid():
        pending = actions.request_role_change(
            member, role=form.cleaned_data["role"], team=form.cleaned_data["team"], **who
        )
        messages.success(request, _waits(pending) if pending else "Role and team saved")
        return True
    if action in ("deactivate", "reactivate"):
        staff.set_active(member, active=action == "reactivate", **who)
        messages.success(request, f"Account {action}d")
        return True
    if action == "issue_enrolment_code":
        context["enrolment_code"] = staff.issue_enrolment_code(member, **who)
    elif action == "reset_two_factor":
        context["enrolment_code"] = staff.reset_two_factor(member, **who)
        context["was_reset"] = True
    return False


def _with_state(context: dict) -> dict:
    member = context["member"]
    context["role"] = actions.current_role(member)
    context["pending"] = RoleChangeRequest.objects.filter(
        subject=member, status=RoleChangeRequest.Status.PENDING
    ).first()
    context["hours"] = settings.LANTERN_ENROLMENT_CODE_HOURS
    return context


@requires(MANAGE_STAFF)
def role_changes(request):
    """Role changes waiting for a second administrator, who approves or refuses each."""
    error, status = "", 200
    if request.method == "POST":
        pending = RoleChangeRequest.objects.filter(pk=_int(request.POST.get("request_id"))).first()
        decide = {"approve": actions.approve_role_change, "refuse": actions.refuse_role_change}
        decision = decide.get(request.POST.get("decision", ""))
        if pending is None or decision is None:
            error, status = "Choose a waiting request, then approve or refuse it", 400
        else:
            try:
                decision(pending, acting_user=request.user, request=request)
            except actions.RoleChangeRefused as refused:
                error, status = str(refused), 403
            except actions.AlreadyDecided as late:
                error, status = str(late), 409
            else:
                messages.success(request, f"Request {pending.get_status_display().lower()}")
                return redirect("workforce:role-changes")
    waiting = RoleChangeRequest.objects.filter(
        status=RoleChangeRequest.Status.PENDING
    ).select_related("subject", "team", "requested_by")
    return render(
        request,
        "workforce/role_changes.html",
        {"waiting": waiting, "error": error},
        status=status,
    )


def _int(value) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


@signed_in
def open_message(request, notification_id: int):
    """Follow a message's link and mark it read; only its recipient may."""
    note = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    target = note.link or "/"
    return redirect(target if url_has_allowed_host_and_scheme(target, allowed_hosts=None) else "/")
