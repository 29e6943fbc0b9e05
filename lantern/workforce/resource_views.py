"""The administrator's pages for contracts, funded posts and the budget: a form over one
action each, the action's refusal shown against the field it names."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.access.roles import MANAGE_STAFF
from lantern.access.rules import requires
from lantern.workforce import resources
from lantern.workforce.forms import BudgetForm, ContractForm, EndContractForm, EstablishmentForm
from lantern.workforce.models import BudgetLine, Contract, Establishment, Team


def _refused(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _financial_year(day) -> int:
    return day.year if day.month >= 4 else day.year - 1


@requires(MANAGE_STAFF)
def contracts(request, user_id: int):
    member = get_object_or_404(User, pk=user_id)
    action = request.POST.get("action")
    add = ContractForm(request.POST if action == "add" else None)
    end = EndContractForm(request.POST if action == "end" else None, staff_user=member)
    who = {"acting_user": request.user, "request": request}
    try:
        if action == "add" and add.is_valid():
            resources.record_contract(member, **add.cleaned_data, **who)
            messages.success(request, "Contract recorded")
            return redirect("workforce:contracts", user_id=member.pk)
        if action == "end" and end.is_valid():
            d = end.cleaned_data
            resources.end_contract(d["contract"], end=d["end"], **who)
            messages.success(request, "Contract end recorded")
            return redirect("workforce:contracts", user_id=member.pk)
    except ValidationError as error:
        _refused(add if action == "add" else end, error)
    return render(
        request,
        "workforce/contracts.html",
        {
            "member": member,
            "contracts": Contract.objects.filter(staff=member).order_by("-start"),
            "form": add,
            "end_form": end,
        },
    )


@requires(MANAGE_STAFF)
def establishment(request):
    form = EstablishmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            resources.set_establishment(
                acting_user=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, "Funded posts recorded")
            return redirect("workforce:establishment")
    today = timezone.localdate()
    current = {
        row.team_id: row
        for row in Establishment.objects.filter(effective_from__lte=today).order_by(
            "effective_from"
        )
    }
    teams = [(team, current.get(team.pk)) for team in Team.objects.order_by("name")]
    return render(request, "workforce/establishment.html", {"form": form, "teams": teams})


@requires(MANAGE_STAFF)
def budget(request):
    this_year = _financial_year(timezone.localdate())
    form = BudgetForm(request.POST or None, initial={"year": this_year})
    if request.method == "POST" and form.is_valid():
        try:
            resources.set_budget(acting_user=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, "Budget recorded")
            return redirect("workforce:budget")
    lines = BudgetLine.objects.filter(year__gte=this_year - 1).order_by("-year", "line")
    return render(request, "workforce/budget.html", {"form": form, "lines": lines})
