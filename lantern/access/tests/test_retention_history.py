"""Issue 9 §4: retention follows the child's history (ever looked after → 75th birthday),
not today's care status."""

import datetime as dt

from lantern.access.retention import due_for_review
from lantern.chronology.actions import record_entry
from lantern.people.care_history import ever_looked_after
from lantern.people.models import Person

D = dt.date
CLOSED = Person.CareStatus.CLOSED


def test_a_child_looked_after_years_ago_and_now_closed_keeps_the_75th_birthday_rule(
    make_person, settings
):
    settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18 = 6
    once_in_care = make_person("Lee", "Once", D(2001, 10, 1), care_status=CLOSED)
    record_entry(
        once_in_care, kind="looked_after", summary="Became looked after (s20).", when=D(2009, 2, 3)
    )
    never = make_person("Nia", "Never", D(2001, 10, 1), care_status=CLOSED)
    assert ever_looked_after(once_in_care) and not ever_looked_after(never)
    # 1 October 2025 is both children's 18th birthday + 6 years: only the CIN rule falls due.
    (due,) = due_for_review(D(2025, 9, 20), horizon_days=30)
    assert (due.person_id, due.rule.code) == (never.pk, "child_in_need")
    before_75 = due_for_review(D(2076, 9, 30), horizon_days=0)
    assert once_in_care.pk not in {d.person_id for d in before_75}
    due = {d.person_id: d for d in due_for_review(D(2076, 9, 20), horizon_days=30)}
    assert due[once_in_care.pk].rule.code == "looked_after"
    assert due[once_in_care.pk].keep_until == D(2076, 10, 1)  # the 75th birthday


def test_a_placement_in_the_chronology_counts_as_looked_after(make_person):
    child = make_person("Pat", "Placed", D(2010, 1, 5), care_status=CLOSED)
    assert not ever_looked_after(child)
    record_entry(child, kind="placement", summary="Placed with foster carers.", when=D(2014, 6, 2))
    assert ever_looked_after(child)


def test_a_care_leaver_today_was_looked_after(make_person):
    leaver = make_person("Cal", "Leaver", D(2006, 1, 5), care_status="care_leaver")
    assert ever_looked_after(leaver)
