"""The council's targets: every figure that takes one, its thresholds in force, who set
them and why, and a form per figure to change them (``actions.set_target``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from lantern.access.roles import SET_TARGETS
from lantern.access.rules import requires
from lantern.insight import actions, queries
from lantern.insight.forms import TargetForm
from lantern.insight.measures import REGISTRY, Better


@requires(SET_TARGETS)
def targets(request):
    bound = None
    if request.method == "POST":
        code = request.POST.get("figure", "")
        bound = TargetForm(request.POST, prefix=code)
        if bound.is_valid():
            data = bound.cleaned_data
            try:
                target = actions.set_target(
                    code,
                    green=data["green"],
                    amber=data["amber"],
                    reason=data["reason"],
                    acting_user=request.user,
                    request=request,
                )
            except ValidationError as refused:
                for field, errors in refused.message_dict.items():
                    bound.add_error(None if field in ("figure", "__all__") else field, errors)
            else:
                title = REGISTRY[target.figure].title
                messages.success(
                    request, f"{title}: green at {target.green}, amber at {target.amber}"
                )
                return redirect("insight:targets")
    set_ = queries.targets()
    rows = []
    for figure in REGISTRY.values():
        if figure.better == Better.NEITHER:
            continue
        target = set_.get(figure.code)
        if bound is not None and bound.prefix == figure.code:
            form = bound
        else:
            initial = {"green": target.green, "amber": target.amber} if target else {}
            form = TargetForm(initial=initial, prefix=figure.code)
        rows.append({"figure": figure, "target": target, "form": form})
    problem = ""
    if bound is not None and not any(row["form"] is bound for row in rows):
        problem = "Choose the figure to set a target for from the list below"
    status = 400 if bound is not None else 200
    return render(
        request,
        "insight/targets.html",
        {"rows": rows, "bound": bound, "error": problem},
        status=status,
    )
