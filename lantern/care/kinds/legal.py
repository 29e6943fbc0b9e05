"""Court and legal records on casework's generic record pages."""

from lantern.care import models
from lantern.care.actions import court
from lantern.care.actions import legal as actions
from lantern.care.forms import legal as forms
from lantern.casework.kinds import Kind, Step


def _with(field, action):
    """A record about another (a meeting in pre-proceedings) is made against it."""

    def create(person, **data):
        return action(data.pop(field), **data)

    return create


def _running(application) -> bool:
    return application.concluded_on is None


KINDS = [
    Kind(
        "pre-proceedings",
        models.PreProceedings,
        "a letter before proceedings",
        forms.PLOLetterForm,
        actions.send_plo_letter,
        ("letter_sent_on", "letter_sent_to", "period", "decision", "decided_on"),
        steps=(
            Step("decide", "Record the pre-proceedings decision",
                 forms.PreProceedingsDecisionForm, actions.decide_pre_proceedings,
                 lambda r: r.decided_on is None or r.decision == "continue"),
        ),
    ),
    Kind(
        "pre-proceedings-meeting",
        models.PreProceedingsMeeting,
        "a pre-proceedings meeting",
        forms.PreProceedingsMeetingForm,
        _with("pre_proceedings", actions.record_pre_proceedings_meeting),
        ("pre_proceedings", "held_on", "attendees", "outcome"),
    ),
    Kind(
        "court-application",
        models.CourtApplication,
        "an application to court",
        forms.CourtApplicationForm,
        court.issue_application,
        ("kind", "issued_on", "court", "case_number", "period", "next_hearing_on",
         "concluded_on"),
        steps=(
            Step("hearing", "Record the next hearing", forms.NextHearingForm,
                 court.record_next_hearing, _running),
            Step("extend", "Record an extension of the 26 weeks", forms.ExtensionForm,
                 court.extend_timetable, lambda r: _running(r) and r.starts_timetable),
            Step("end", "Proceedings withdrawn or dismissed", forms.EndProceedingsForm,
                 court.end_proceedings, _running),
        ),
    ),
    Kind(
        "timetable-extension",
        models.TimetableExtension,
        "an extension of the 26 weeks",
        None,  # recorded from its application
        None,
        ("application", "granted_on", "weeks", "reason"),
    ),
    Kind(
        "court-order",
        models.CourtOrder,
        "a court order",
        forms.CourtOrderForm,
        court.record_order,
        ("kind", "made_on", "ends_on", "court", "judge", "application"),
    ),
    Kind(
        "s20-consent",
        models.Section20Consent,
        "section 20 consent",
        forms.Section20ConsentForm,
        actions.record_s20_consent,
        ("period", "given_by", "relationship", "given_on", "reviewed_on", "withdrawn_on"),
        steps=(
            Step("review", "Review the consent", forms.ReviewConsentForm,
                 actions.review_s20_consent, lambda r: r.withdrawn_on is None),
        ),
    ),
]  # fmt: skip

# A final order meets the 26 weeks.
FOR_CLOCK = {"care_proceedings": "court-order"}
