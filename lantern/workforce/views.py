"""Staff accounts, for the system administrator (no case records here)."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from lantern.access.roles import MANAGE_STAFF
from lantern.access.rules import requires, signed_in
from lantern.workforce import staff
from lantern.workforce.forms import AddStaffForm, StaffRoleForm
from lantern.workforce.models import Notification


@requires(MANAGE_STAFF)
def staff_list(request):
    people = (
        User.objects.select_related("staff__team", "staff__agency")
        .prefetch_related("groups")
        .order_by("last_name", "first_name")
    )
    return render(request, "workforce/staff_list.html", {"staff": people})


@requires(MANAGE_STAFF)
def add_staff(request):
    form = AddStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user = staff.add_staff_member(
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
            messages.success(request, f"Account {user.username} created")
            return redirect("workforce:staff")
    return render(request, "workforce/add_staff.html", {"form": form})


@requires(MANAGE_STAFF)
def staff_member(request, user_id: int):
    member = get_object_or_404(User.objects.select_related("staff"), pk=user_id)
    current = member.groups.first()
    form = StaffRoleForm(
        request.POST or None,
        initial={
            "role": current.name if current else "",
            "team": getattr(member.staff, "team", None) if hasattr(member, "staff") else None,
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "role" and form.is_valid():
            staff.change_role(
                member,
                acting_user=request.user,
                request=request,
                role=form.cleaned_data["role"],
                team=form.cleaned_data["team"],
            )
            messages.success(request, "Role and team saved")
        elif action in ("deactivate", "reactivate"):
            staff.set_active(
                member, acting_user=request.user, request=request, active=action == "reactivate"
            )
            messages.success(request, f"Account {action}d")
        elif action == "reset_two_factor":
            staff.reset_two_factor(member, acting_user=request.user, request=request)
            messages.success(request, "Authenticator reset")
        else:
            return render(request, "workforce/staff_member.html", {"member": member, "form": form})
        return redirect("workforce:staff-member", user_id=member.pk)
    return render(request, "workforce/staff_member.html", {"member": member, "form": form})


@signed_in
def open_message(request, notification_id: int):
    """Follow a message's link and mark it read; only its recipient may."""
    note = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    target = note.link or "/"
    return redirect(target if url_has_allowed_host_and_scheme(target, allowed_hosts=None) else "/")
