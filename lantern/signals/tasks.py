"""Applying a changed rule to every child, off the request.

Re-reading every child's chronology takes seconds to minutes in a borough (20,000 children
with events), far too long to hold an administrator's request and its transaction open, so
``actions.change_rule`` saves the setting and enqueues this task in the same transaction:
it exists only if the change committed, and ``lantern scheduler`` runs it moments later.
Running it twice, or after a later change, is harmless: it brings every signal in line with
the rules in force when it runs.
"""

from django_tasks import task

from lantern.access import audit
from lantern.access.models import AuditEntry


@task()
def apply_rule_change(code: str) -> dict[str, int]:
    from lantern.signals.actions import reevaluate_everyone

    counts = reevaluate_everyone()
    raised, lapsed, moved = (counts.get(k, 0) for k in ("raised", "lapsed", "moved"))
    audit.record(
        None,
        AuditEntry.Action.UPDATE,
        detail=f"signal rule {code} applied to every child: {raised} raised, "
        f"{lapsed} no longer hold, {moved} moved",
    )
    return {"raised": raised, "lapsed": lapsed, "moved": moved}
