"""Ofsted's Annex A: the lists of children an inspection of local authority children's
services (ILACS) asks for on its first morning, as one workbook.

``build(start, end)`` gives the eleven lists for the period, each sheet headed with the
columns Ofsted's template uses, in its order and words, one row per record as the list
defines it. Only what each list asks for is written. Lantern's own gaps are said on the
sheet, never filled with guesses: early help (only the front door's decision is recorded),
adopters (not held), a placement's council area (not held).
"""

import datetime as dt

from lantern.returns.annexa import care, casework, frontdoor, leaving_care, plans, workbook
from lantern.returns.annexa.sheet import Period
from lantern.returns.exports import Document

LISTS = (
    frontdoor.contacts,
    frontdoor.early_help,
    frontdoor.referrals,
    casework.assessments,
    casework.section47s,
    plans.children_in_need,
    plans.protection_plans,
    care.looked_after,
    leaving_care.care_leavers,
    leaving_care.adoption,
    leaving_care.adopters,
)


def build(start: dt.date, end: dt.date) -> Document:
    if end < start:
        raise ValueError(f"The period ends ({end}) before it starts ({start})")
    period = Period(start, end)
    sheets = [make(period) for make in LISTS]
    children = {row[0] for sheet in sheets[:10] for row in sheet.rows}
    return Document(
        workbook.write(sheets, period),
        children=len(children),
        rows=sum(len(sheet.rows) for sheet in sheets),
    )
