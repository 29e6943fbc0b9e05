"""The care app's writes: every change to a looked-after child's record is one of these.

Lock order, casework's (``lantern.casework.actions``), one for both apps: the child's row
first (``lock_child``, ``FOR NO KEY UPDATE``), then the records the action changes (period,
placement, episode, review...), then clocks, audit and chronology. A care action and a
casework action on the same child then take turns at that first lock instead of each holding
a row the other needs; and a page view of the child, whose audit entry only refers to the
child's row, is not made to wait for either. Actions given a record rather than the child
lock ``record.person_id`` before the record itself. Carers (``carers``) belong to no child
and take no child lock. ``visits.visit_regime`` locks the child too, though the care actions
that call it hold that lock already."""
