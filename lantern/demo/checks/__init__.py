"""Checks every demo record against the guards a practitioner meets (issue 9 §4) and the age
rules, so no demo record is one that could not have been entered by hand.

The generator bulk-loads for speed rather than going through the actions; this package is
what keeps it honest: ``run(today)`` gives every check's violations by name. Each check is
a function registered with ``@check(name)`` that scans the database; add one for a new
field in ``ages`` (dates and ages), ``guards`` (casework guards), ``records`` (what the
app records since issue 9: entries from the record, attendance, late reasons, clocks),
``frontdoor`` (referrals, episodes, decision clocks), ``people`` (census details) or
``care`` (periods of care, legal statuses, placements, episodes) or ``care_records``
(permanence, court, s20 consent, missing, leaving care).
Where the app has the guard as a function, the check calls it.
"""

from lantern.demo.checks import (  # noqa: F401 (each module registers its checks)
    ages,
    care,
    care_records,
    care_reviews,
    frontdoor,
    guards,
    people,
    records,
)
from lantern.demo.checks.registry import CHECKS, Violation, check, run, summary

__all__ = ["CHECKS", "Violation", "check", "run", "summary"]
