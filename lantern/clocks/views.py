"""The timescales in force (anyone signed in: no personal data), and the council's own
policy (intervals, closure days) for those who manage it."""

from django.contrib import messages
from django.shortcuts import redirect, render

from lantern.access.roles import MANAGE_CLOCKS
from lantern.access.rules import requires, signed_in
from lantern.clocks import actions, queries
from lantern.clocks.forms import ClosureDayForm, IntervalForm, LookAheadForm
from lantern.clocks.models import ClosureDay


@signed_in
def timescales(request):
    return render(
        request,
        "clocks/timescales.html",
        {
            "rules": queries.rules_in_force(),
            "closures": ClosureDay.objects.all(),
            "interval_form": IntervalForm(),
            "closure_form": ClosureDayForm(),
            "look_ahead": queries.look_ahead_days(),
            "look_ahead_form": LookAheadForm(initial={"working_days": queries.look_ahead_days()}),
        },
    )


@requires(MANAGE_CLOCKS)
def set_interval(request):
    form = IntervalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rule = actions.set_interval(
            form.cleaned_data["rule"].code,
            form.cleaned_data["amount"],
            acting_user=request.user,
            request=request,
        )
        messages.success(request, f"{rule.label}: now {rule.interval}")
    return redirect("clocks:timescales")


@requires(MANAGE_CLOCKS)
def closure_day(request):
    withdraw = bool(request.POST.get("withdraw"))
    form = ClosureDayForm(request.POST or None, withdraw=withdraw)
    if request.method == "POST" and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    elif request.method == "POST":
        day = form.cleaned_data["day"]
        if withdraw:
            moved = actions.withdraw_closure_day(day, acting_user=request.user, request=request)
        else:
            moved = actions.declare_closure_day(
                day, form.cleaned_data["reason"], acting_user=request.user, request=request
            )
        messages.success(request, f"{day:%d %B %Y}: {moved} open deadline(s) moved")
    return redirect("clocks:timescales")


@requires(MANAGE_CLOCKS)
def look_ahead(request):
    form = LookAheadForm(request.POST or None)
    if request.method == "POST" and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    elif request.method == "POST":
        days = form.cleaned_data["working_days"]
        actions.set_look_ahead(days, acting_user=request.user, request=request)
        plural = "s" if days != 1 else ""
        messages.success(request, f"My work now looks {days} working day{plural} ahead")
    return redirect("clocks:timescales")
