"""Every kind of casework record as data: its URL name, form, action, who may write it, which
later steps it has (authorise, close, end) and what its page shows.

The views are written once over this table, so adding a record is a row here, a model, a
form and an action, and the permission for each page is visible in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from lantern.access.roles import (
    AUTHORISE_ASSESSMENT,
    RECORD_CASEWORK,
    RECORD_OVERSIGHT,
    VIEW_CASE_NOTES,
    VIEW_RECORD,
)
from lantern.casework import actions, forms, models


@dataclass(frozen=True)
class Step:
    """A change to a saved record (authorise, close, end …), guarded by its version."""

    slug: str
    label: str
    form: type
    action: Callable
    available: Callable = lambda record: True
    permission: str = RECORD_CASEWORK
    autosave: bool = False


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    label: str  # "a visit": the thing, for "Record a visit"
    form: type | None
    create: Callable | None  # create(person, *, acting_user, request, **form data)
    shown: tuple[str, ...]  # fields on the record's page, in order
    permission: str = RECORD_CASEWORK
    read_permission: str = VIEW_RECORD
    autosave: bool = False
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def step(self, slug: str) -> Step | None:
        return next((s for s in self.steps if s.slug == slug), None)


def _with_plan(action):
    """Meetings about a plan are recorded against it; the form offers the open plan."""

    def create(person, *, plan, **data):
        return action(plan, **data)

    return create


# Who came to a conference and how the child was heard, on every conference's page.
ATTENDANCE = (
    "agencies_invited",
    "agencies",
    "attendees",
    "parents_attendance",
    "parents_absence_reason",
    "child_participation",
    "child_wishes",
    "advocate",
    "reports_shared",
    "reports_shared_on",
)


def _open(attr):
    return lambda record: getattr(record, attr) is None


KINDS = [
    Kind(
        "episode",
        models.CINEpisode,
        "a referral",
        forms.ReferralForm,
        actions.open_episode,
        ("referral_date", "referral_source", "referral_reason", "primary_need",
         "harm_suspected", "close_date", "reason_for_closure"),
        steps=(
            Step("edit", "Change the referral details", forms.EpisodeForm,
                 actions.update_episode, _open("close_date")),
            Step("close", "Close the case", forms.CloseEpisodeForm, actions.close_episode,
                 _open("close_date")),
        ),
    ),
    Kind(
        "assessment",
        models.Assessment,
        "an assessment",
        forms.AssessmentForm,
        actions.start_assessment,
        ("start_date", "analysis", "child_views", "factors", "outcome", "authorised_date",
         "authorised_by", "late_reason", "late_reason_detail"),
        autosave=True,
        steps=(
            Step("edit", "Continue the assessment", forms.AssessmentEditForm,
                 actions.update_assessment, _open("authorised_date"), autosave=True),
            Step("authorise", "Authorise the assessment", forms.AuthoriseForm,
                 actions.authorise_assessment, _open("authorised_date"),
                 permission=AUTHORISE_ASSESSMENT),
        ),
    ),
    Kind(
        "strategy-discussion",
        models.StrategyDiscussion,
        "a strategy discussion",
        forms.StrategyDiscussionForm,
        actions.record_strategy_discussion,
        ("held_on", "agencies", "why_not_police_and_health", "attendees", "decision",
         "police_protection_on", "emergency_protection_order_on", "notes"),
        autosave=True,
    ),
    Kind(
        "section-47",
        models.Section47Enquiry,
        "a section 47 enquiry",
        forms.Section47Form,
        actions.start_section47,
        ("strategy_discussion", "start_date", "outcome", "end_date", "icpc_required"),
        steps=(
            Step("outcome", "Record the outcome", forms.Section47OutcomeForm,
                 actions.conclude_section47, lambda r: not r.outcome),
        ),
    ),
    Kind(
        "icpc",
        models.Conference,
        "an initial child protection conference",
        forms.InitialConferenceForm,
        actions.record_initial_conference,
        ("kind", "section47", "held_on", "chair", "decision", "categories", *ATTENDANCE,
         "late_reason", "late_reason_detail"),
    ),
    Kind(
        "rcpc",
        models.Conference,
        "a review child protection conference",
        forms.ReviewConferenceForm,
        _with_plan(actions.record_review_conference),
        ("kind", "plan", "held_on", "chair", "decision", "categories", *ATTENDANCE,
         "late_reason", "late_reason_detail"),
    ),
    Kind(
        "transfer-in",
        models.TransferInNotice,
        "notice of a move from another council",
        forms.TransferInNoticeForm,
        actions.record_transfer_in_notice,
        ("transferring_council", "notified_on", "notes"),
    ),
    Kind(
        "transfer-conference",
        models.Conference,
        "a transfer-in child protection conference",
        forms.TransferInConferenceForm,
        actions.record_transfer_in_conference,
        ("kind", "transfer_notice", "held_on", "chair", "decision", "categories",
         *ATTENDANCE),
    ),
    Kind(
        "cp-plan",
        models.ChildProtectionPlan,
        "a child protection plan",
        None,  # only an initial conference starts one
        None,
        ("icpc", "start_date", "initial_categories", "latest_categories", "end_date",
         "end_reason", "receiving_council", "receiving_conference_on"),
        steps=(
            Step("end", "End the plan", forms.EndCPPlanForm, actions.end_cp_plan,
                 _open("end_date")),
        ),
    ),
    Kind(
        "core-group",
        models.CoreGroupMeeting,
        "a core group meeting",
        forms.CoreGroupForm,
        _with_plan(actions.record_core_group),
        ("plan", "held_on", "agencies", "attendees", "notes"),
        autosave=True,
    ),
    Kind(
        "cin-plan",
        models.CINPlan,
        "a child in need plan",
        forms.CINPlanForm,
        actions.start_cin_plan,
        ("start_date", "end_date"),
        steps=(
            Step("end", "End the plan", forms.EndPlanForm, actions.end_cin_plan,
                 _open("end_date")),
        ),
    ),
    Kind(
        "cin-plan-review",
        models.CINPlanReview,
        "a child in need plan review",
        forms.CINPlanReviewForm,
        _with_plan(actions.record_cin_plan_review),
        ("plan", "held_on", "attendees", "decision"),
    ),
    Kind(
        "visit",
        models.Visit,
        "a visit",
        forms.VisitForm,
        actions.record_visit,
        ("visited_on", "kind", "child_seen", "seen_alone", "bedroom_seen",
         "expectant_parent_seen", "reason_not_seen",
         "reason_not_seen_alone", "child_words", "observations"),
        autosave=True,
    ),
    Kind(
        "case-note",
        models.CaseNote,
        "a case note",
        forms.CaseNoteForm,
        actions.record_case_note,
        ("noted_on", "subject", "text"),
        read_permission=VIEW_CASE_NOTES,
        autosave=True,
    ),
    Kind(
        "oversight",
        models.ManagementOversight,
        "management oversight",
        forms.OversightForm,
        actions.record_oversight,
        ("recorded_on", "direction", "review_by"),
        permission=RECORD_OVERSIGHT,
        autosave=True,
    ),
]  # fmt: skip
BY_SLUG = {kind.slug: kind for kind in KINDS}


# The record that meets each clock a worker can act on, for "my work" links.
FOR_CLOCK = {
    "cp_visit": "visit",
    "cin_visit": "visit",
    "cin_plan_review": "cin-plan-review",
    "first_core_group": "core-group",
    "core_group": "core-group",
    "first_rcpc": "rcpc",
    "rcpc": "rcpc",
    "icpc": "icpc",
    "transfer_in_conference": "transfer-conference",
    "strategy_discussion": "strategy-discussion",
}


def register(*kinds: Kind, for_clock: dict[str, str] | None = None) -> None:
    """Add another app's records (care) to the table, from its ``AppConfig.ready``: the
    record pages, drafts, history and "my work" links then serve them like casework's own."""
    for kind in kinds:
        if kind.slug in BY_SLUG:
            raise ValueError(f"record kind {kind.slug!r} is registered twice")
        KINDS.append(kind)
        BY_SLUG[kind.slug] = kind
    FOR_CLOCK.update(for_clock or {})


def kind_of(record) -> Kind:
    """The kind a saved record belongs to (a conference is an ICPC or a review)."""
    return BY_SLUG[record.url_slug]
