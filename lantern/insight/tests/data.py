"""Hand-built casework for the insight pages' tests: assessments late or on time."""

import datetime as dt

from lantern.casework.models import Assessment, CINEpisode


def assessment(child, by, *, referred: dt.date, authorised: dt.date) -> Assessment:
    episode = CINEpisode.objects.create(
        person=child,
        referral_date=referred,
        referral_source="2A",
        referral_reason="School: bruising to the arm",
        created_by=by,
        updated_by=by,
    )
    return Assessment.objects.create(
        person=child,
        episode=episode,
        start_date=referred,
        authorised_date=authorised,
        created_by=by,
        updated_by=by,
    )


def three_assessments(make_person, by):
    """Ann on time; Ben and Cal (restricted in some tests) late: 1 of 3 within 45 working
    days, 33.3 %, two children behind the figure. All authorised in October 2026."""
    ann, ben, cal = (make_person(n, "Pupil") for n in ("Ann", "Ben", "Cal"))
    assessment(ann, by, referred=dt.date(2026, 9, 1), authorised=dt.date(2026, 10, 1))
    assessment(ben, by, referred=dt.date(2026, 6, 1), authorised=dt.date(2026, 10, 5))
    assessment(cal, by, referred=dt.date(2026, 5, 1), authorised=dt.date(2026, 10, 6))
    return ann, ben, cal
