"""Keep the ``ClockRule`` rows in step with the timescales table on every migrate.

National rules follow the table (the law changes by release): when a release changes a
national timescale, the clocks already running on children move to the new due date, and
the change is written to the audit log (which rule, old → new, how many deadlines moved), so
an inspector asking why a due date changed overnight finds the answer. A council's own
interval for a local-policy rule is never overwritten. A rule dropped from the table is
retired, not deleted, because deadlines already running point at it.
"""

from lantern.clocks.table import RULES

DESCRIPTIVE = (
    "label",
    "unit",
    "starts_on",
    "met_by",
    "cancelled_by",
    "applies_to",
    "source",
    "action",
    "local_policy",
    "for_worker",
    "counts_from_first",
    "per_source",
    "retired",
)


def sync_rules() -> list[str]:
    """Bring the rows in line with the table; returns the audit lines of timescales changed."""
    from lantern.clocks.models import ClockRule

    existing = {rule.code: rule for rule in ClockRule.objects.all()}
    moved_rules = []
    for spec in RULES:
        values = {name: getattr(spec, name) for name in DESCRIPTIVE}
        values = {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
        row = existing.pop(spec.code, None)
        if row is None:
            ClockRule.objects.create(code=spec.code, amount=spec.amount, **values)
            continue
        if not spec.local_policy:
            values["amount"] = spec.amount
        changed = [k for k, v in values.items() if getattr(row, k) != v]
        if changed:
            before = row.interval
            for k in changed:
                setattr(row, k, values[k])
            row.save(update_fields=changed)
            if {"amount", "unit"} & set(changed):
                moved_rules.append((row, before))
    for row in existing.values():
        if not row.retired:
            row.retired = True
            row.save(update_fields=["retired"])
    return [_timescale_changed(row, before) for row, before in moved_rules]


def _timescale_changed(rule, before: str) -> str:
    """Move the open deadlines of a national rule the release changed, and say so."""
    from lantern.access import audit
    from lantern.access.models import AuditEntry
    from lantern.clocks.actions import recompute_open_deadlines

    moved = recompute_open_deadlines([rule])
    detail = (
        f"national timescale {rule.code} ({rule.label}) changed by release: "
        f"{before} → {rule.interval}; {moved} open deadline(s) moved"
    )
    audit.record(None, AuditEntry.Action.UPDATE, obj=rule, detail=detail)
    return detail


def sync_rules_after_migrate(sender, **kwargs) -> None:
    if sender.label == "clocks":
        sync_rules()
