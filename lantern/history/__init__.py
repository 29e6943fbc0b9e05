"""Field history: the old and new value of every field a worker changes on a child's record.

A record page shows only what is written now; when an assessment's analysis is reworded or
a date of birth corrected, the earlier wording is evidence (what was known, when, and who
changed it). Each save writes one ``Revision`` with ``{field: [old, new]}`` for the fields
it changed, in the same transaction as the change.

Why a table written by the actions, not django-simple-history: casework saves are a
``QuerySet.update`` guarded by the version (``casework.actions.base.save_versioned``), which
fires no signals, and the demo and bulk loads use ``bulk_create``; simple-history would miss
the first and copy every row of the second. Here creation writes nothing (version 1 is the
row's first state, recoverable from the first revision's old values), and only changed
fields are kept, not a copy of the whole row.
"""
