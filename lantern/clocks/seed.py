"""Keep the ``ClockRule`` rows in step with the timescales table on every migrate.

National rules follow the table (the law changes by release); a council's own interval for
a local-policy rule is never overwritten. A rule dropped from the table is retired, not
deleted, because deadlines already running point at it.
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
    "retired",
)


def sync_rules() -> None:
    from lantern.clocks.models import ClockRule

    existing = {rule.code: rule for rule in ClockRule.objects.all()}
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
            for k in changed:
                setattr(row, k, values[k])
            row.save(update_fields=changed)
    for row in existing.values():
        if not row.retired:
            row.retired = True
            row.save(update_fields=["retired"])


def sync_rules_after_migrate(sender, **kwargs) -> None:
    if sender.label == "clocks":
        sync_rules()
