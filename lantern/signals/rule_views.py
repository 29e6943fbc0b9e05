"""The council's own signal rules, for administrators: every rule, its thresholds in force
beside the defaults, and a form per rule to change them or switch the rule off. A change is
applied to every child by a queued task moments later (``actions.change_rule``), so the
page says that it is under way."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from lantern.access.roles import MANAGE_SIGNAL_RULES
from lantern.access.rules import requires
from lantern.signals import actions, queries
from lantern.signals import rules as R
from lantern.signals.rule_forms import OFF, ON, RuleForm


def _initial(row: dict) -> dict:
    return {
        **{t["threshold"].name: t["value"] for t in row["thresholds"]},
        "enabled": ON if row["enabled"] else OFF,
    }


@requires(MANAGE_SIGNAL_RULES)
def rules(request):
    """GET: the page. POST: one rule's form (named by ``rule``); on success back to the page
    with what changed, otherwise the page again with that form's errors and nothing saved."""
    bound, problem = None, ""
    if request.method == "POST":
        rule = R.BY_CODE.get(request.POST.get("rule", ""))
        if rule is None:
            problem = "Choose the rule to change from the list below"
        else:
            bound = RuleForm(rule, request.POST)
            if bound.is_valid():
                try:
                    actions.change_rule(
                        rule.code,
                        acting_user=request.user,
                        thresholds=bound.thresholds(),
                        enabled=bound.cleaned_data["enabled"] == ON,
                        reason=bound.cleaned_data["reason"],
                        request=request,
                    )
                except ValidationError as refused:
                    bound.add_error(None, refused)
                else:
                    messages.success(
                        request,
                        f"{rule.title}: changed. Every child's chronology is being read "
                        "again with the new setting: within a few minutes signals that "
                        "no longer hold lapse and patterns that now hold are raised "
                        "(the audit log records how many).",
                    )
                    return redirect("signal-rules:rules")
    rows = queries.rules_as_set()
    for row in rows:
        code = row["rule"].code
        if bound is not None and bound.rule.code == code:
            row["form"] = bound
        else:
            row["form"] = RuleForm(row["rule"], initial=_initial(row))
    return render(
        request,
        "signals/rules.html",
        {"rows": rows, "bound": bound, "problem": problem},
        status=400 if problem else 200,
    )
