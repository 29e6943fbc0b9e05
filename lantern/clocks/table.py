"""The statutory timescales as data: one row per rule (DESIGN.md §3).

Each rule says what starts its clock (an event), how the due date is counted, which events
meet it and which make it no longer apply, to whom it applies, and where the rule comes
from. Casework and care actions only announce what happened ("an ICPC was held"); the
engine reads this table to decide which clocks stop and start. A change of policy is an
edit here (or, for a council's own policy, to the ``ClockRule`` row), never new code.

The rows are seeded into the database (``ClockRule``) on every migrate, creating missing
rules and never overwriting a council's edits; codes are retired, never deleted.
"""

from dataclasses import dataclass

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
WEEKS = "weeks"
MONTHS = "months"
UNITS = {
    WORKING_DAYS: "working days",
    CALENDAR_DAYS: "calendar days",
    WEEKS: "weeks",
    MONTHS: "months",
}

WT23 = "Working Together to Safeguard Children 2023"
CPR = "Care Planning, Placement and Case Review (England) Regulations 2010"

# Every event that can start or stop a clock, and what records it. The engine refuses an
# event not listed here, so a typo in an action fails loudly instead of leaving a clock open.
EVENTS: dict[str, str] = {
    "contact_received": "a contact is received (front door)",
    "referral_decided": "the referral decision is made (front door)",
    "referral": "a referral is accepted: CIN episode opened",
    "harm_suspected": "reasonable cause to suspect significant harm",
    "strategy_discussion_held": "a strategy discussion is held",
    "s47_initiated": "a strategy discussion decides to start a section 47 enquiry",
    "s47_started": "a section 47 enquiry starts",
    "icpc_not_required": "the section 47 enquiry concludes no ICPC is needed",
    "icpc_held": "an initial child protection conference is held",
    "transfer_in_notified": "notice that a child on another council's CP plan has moved here",
    "transfer_in_conference_held": "a transfer-in child protection conference is held",
    "assessment_authorised": "the child and family assessment is authorised",
    "cp_plan_started": "a child protection plan starts (ICPC decision)",
    "core_group_held": "a core group meeting is held",
    "rcpc_held": "a review child protection conference is held",
    "rcpc_plan_continues": "a review conference decides the plan continues",
    "cp_visit_child_seen": "a visit during a CP plan where the child is seen",
    "cp_visit_expectant_parent_seen": "a pre-birth visit during a CP plan: expectant parent seen",
    "cp_plan_ended": "the child protection plan ends",
    "episode_closed": "the CIN episode is closed",
    "cin_plan_started": "a child in need plan starts",
    "cin_plan_review_held": "a child in need plan review is held",
    "cin_visit_child_seen": "a visit during a CIN plan where the child is seen",
    "cin_plan_ended": "the child in need plan ends (or becomes a CP plan)",
    "became_looked_after": "the child becomes looked after (care)",
    "ceased_looked_after": "the child ceases to be looked after (care)",
    "first_placement_started": "the first placement starts without a care plan (care)",
    "care_plan_made": "the care plan is made (care)",
    "emergency_placement_started": "an emergency placement starts (care)",
    "placement_notified": "the placement is notified (care)",
    "placement_started": "a placement starts (care)",
    "placement_ended": "a placement ends (care)",
    "cla_visit_made": "a looked-after child is visited (care)",
    "cla_visit_made_long_term": "a visit in a long-term placement after its first year (care)",
    "cla_visit_made_weekly": "a visit while reg 28(4) asks for weekly visits (care)",
    "cla_visit_made_4_weekly": "a visit after the first review where reg 28(4) applies (care)",
    "cla_visit_made_short_break": "a visit during a short break (care, reg 48)",
    "weekly_visits_started": "a placement starts with a connected person under temporary "
    "approval (reg 24), or at home under an interim care order (care)",
    "four_weekly_visits_started": "the first review is held where reg 28(4) applies (care)",
    "care_order_made_at_home": "a care order is made while the child lives with a parent (care)",
    "short_breaks_started": "a placement in an agreed series of short breaks starts (care)",
    "standard_visits_resumed": "reg 28(2) visits apply again to a placement, e.g. once the "
    "fostering panel approves a temporarily approved connected person (care)",
    "lac_review_held": "a looked-after review is held (care)",
    "first_lac_review_held": "the first looked-after review is held (care)",
    "later_lac_review_held": "the second or a later looked-after review is held (care)",
    "health_assessment_done": "a health assessment of a child aged 5 or over (care)",
    "health_assessment_done_under_5": "a health assessment of a child under 5 (care)",
    "pep_held": "a personal education plan meeting is held (care)",
    "became_eligible": "16th birthday of an eligible child, or eligibility if later (care)",
    "pathway_plan_made": "the pathway plan is made or reviewed (care)",
    "care_application_issued": "a care or supervision order application is issued (care)",
    "care_proceedings_ended": "care proceedings end: final order, withdrawal or dismissal (care)",
    "returned_from_missing": "a child returns from being missing or away (care)",
    "return_interview_offered": "a return home interview is offered (care)",
    "complaint_received": "a complaint is received",
    "complaint_responded": "the stage 1 response is sent",
    "complaint_withdrawn": "the complaint is withdrawn",
}


@dataclass(frozen=True)
class Rule:
    code: str
    label: str
    amount: int
    unit: str
    starts_on: tuple[str, ...]
    met_by: tuple[str, ...]
    cancelled_by: tuple[str, ...]
    applies_to: str
    source: str
    action: str  # what the worker does to meet it, as "my work" says it
    local_policy: bool = False  # the law leaves the interval to the council
    for_worker: bool = True  # False: a measure kept for the returns, not a task
    # The first start counts: while the clock is open, the event that started it starts no
    # second clock (a reconvened strategy discussion does not restart the ICPC's 15 days).
    counts_from_first: bool = False
    # Each start is its own duty, met only by an event about the same record: every return
    # from missing is owed its own interview, whatever order the episodes are written up in.
    per_source: bool = False
    retired: bool = False


CASE_ENDS = ("episode_closed",)
PLAN_ENDS = ("cp_plan_ended", "episode_closed")
CARE_ENDS = ("ceased_looked_after",)
CIN_PLAN_ENDS = ("cin_plan_ended", "episode_closed")
CP_VISITS = ("cp_visit_child_seen", "cp_visit_expectant_parent_seen")
# Every visit to a looked-after child meets whichever reg 28 visit clock is running.
CLA_VISITS = (
    "cla_visit_made",
    "cla_visit_made_long_term",
    "cla_visit_made_weekly",
    "cla_visit_made_4_weekly",
    "cla_visit_made_short_break",
)
PLACEMENT_ENDS = ("placement_ended", "ceased_looked_after")
# reg 28(4)'s weekly and 4-weekly visits stop when a care order replaces the interim order.
AT_HOME_CHANGES = ("care_order_made_at_home", "standard_visits_resumed")
# Not in statutory.md: Working Together 2023 leaves CIN plan reviews and visits to the
# council (statutory.md evidence code CFG); these are common local-procedure defaults.
CIN_LOCAL = "Local policy; no national timescale (WT23 leaves it to the council: CFG)"
# "Promoting the education of looked-after and previously looked-after children" (2018),
# with CPR reg. 5(b)(ii) and Sch. 1 para. 2: the PEP is part of the care plan.
PEP_GUIDANCE = "Promoting the education of looked-after children (DfE 2018); CPR reg. 5(b)(ii)"

# fmt: off
RULES: list[Rule] = [
    Rule("referral_decision", "Referral decision", 1, WORKING_DAYS,
         ("contact_received",), ("referral_decided",), (),
         "every contact about a child", f"{WT23} (statutory.md 1.1)", "Decide on the referral",
         for_worker=False),  # the MASH's task, in its queue: not on a worker's caseload
    Rule("assessment", "Child and family assessment", 45, WORKING_DAYS,
         ("referral",), ("assessment_authorised",), CASE_ENDS,
         "every referral accepted by children's social care",
         f"{WT23} (statutory.md 1.4); CIN census rule 8670Q", "Complete the assessment"),
    Rule("strategy_discussion", "Strategy discussion", 1, WORKING_DAYS,
         ("harm_suspected",), ("strategy_discussion_held",), CASE_ENDS,
         "a child where significant harm is suspected",
         f"{WT23} 'promptly'; local default next working day (statutory.md 1.2)",
         "Hold the strategy discussion", local_policy=True),
    Rule("icpc", "Initial child protection conference", 15, WORKING_DAYS,
         ("s47_initiated",), ("icpc_held",), ("icpc_not_required", *CASE_ENDS),
         "every section 47 enquiry, counted from the strategy discussion that started it",
         f"{WT23} (statutory.md 1.5: the first discussion, where there was more than one)",
         "Hold the initial conference", counts_from_first=True),
    Rule("icpc_from_s47", "ICPC timeliness (DfE measure)", 15, WORKING_DAYS,
         ("s47_started",), ("icpc_held",), ("icpc_not_required", *CASE_ENDS),
         "every section 47 enquiry, counted from its start as DfE statistics measure it",
         "DfE CIN statistics; CIN census rule 8675Q (statutory.md 1.5)",
         "Hold the initial conference", for_worker=False),
    Rule("transfer_in_conference", "Transfer-in child protection conference", 15, WORKING_DAYS,
         ("transfer_in_notified",), ("transfer_in_conference_held",), CASE_ENDS,
         "a child on another council's CP plan who moves here, from notice of the move",
         f"{WT23} chapter 4 (children moving across local authority boundaries); "
         "local safeguarding children procedures", "Hold the transfer-in conference"),
    Rule("first_core_group", "First core group meeting", 10, WORKING_DAYS,
         ("cp_plan_started",), ("core_group_held",), PLAN_ENDS,
         "every child made subject of a CP plan at an ICPC",
         f"{WT23} (statutory.md 1.6)", "Hold the first core group"),
    Rule("first_rcpc", "First review conference", 3, MONTHS,
         ("cp_plan_started",), ("rcpc_held",), PLAN_ENDS,
         "every child made subject of a CP plan at an ICPC",
         f"{WT23} (statutory.md 1.7)", "Hold the first review conference"),
    Rule("rcpc", "Review conference", 6, MONTHS,
         ("rcpc_plan_continues",), ("rcpc_held",), PLAN_ENDS,
         "while the CP plan continues after a review",
         f"{WT23} (statutory.md 1.8)", "Hold the review conference"),
    Rule("core_group", "Core group meeting", 6, WEEKS,
         ("core_group_held",), ("core_group_held",), PLAN_ENDS,
         "every child on a CP plan, after the first core group",
         "Local policy (statutory.md 1.6: after the first, the interval is CFG); "
         "default 6 weeks", "Hold the core group", local_policy=True),
    Rule("cp_visit", "Child protection visit", 10, WORKING_DAYS,
         ("cp_plan_started", *CP_VISITS), CP_VISITS, PLAN_ENDS,
         "every child on a CP plan: the child seen (alone where appropriate); before birth, "
         "the expectant parent seen",
         "Local policy; no national minimum (statutory.md 1.9)",
         "Visit and see the child", local_policy=True),
    Rule("cin_plan_review", "Child in need plan review", 3, MONTHS,
         ("cin_plan_started", "cin_plan_review_held"), ("cin_plan_review_held",), CIN_PLAN_ENDS,
         "every child on a child in need plan",
         f"{CIN_LOCAL}; default 3 months, as local procedures commonly set",
         "Review the child in need plan", local_policy=True),
    Rule("cin_visit", "Child in need visit", 20, WORKING_DAYS,
         ("cin_plan_started", "cin_visit_child_seen"), ("cin_visit_child_seen",), CIN_PLAN_ENDS,
         "every child on a child in need plan: the child seen",
         f"{CIN_LOCAL}; default 20 working days (about 4-weekly)",
         "Visit and see the child", local_policy=True),
    Rule("care_plan", "Care plan", 10, WORKING_DAYS,
         ("first_placement_started",), ("care_plan_made",), CARE_ENDS,
         "a child placed before a care plan could be made", f"{CPR} reg. 4(2)",
         "Complete the care plan"),
    Rule("placement_notification", "Placement notification", 5, WORKING_DAYS,
         ("emergency_placement_started",), ("placement_notified",), (),
         "an emergency placement", f"{CPR} reg. 13", "Notify the placement"),
    Rule("first_lac_review", "First looked-after review", 20, WORKING_DAYS,
         ("became_looked_after",), ("lac_review_held",), CARE_ENDS,
         "every child who becomes looked after", f"{CPR} reg. 33(2)(a)",
         "Hold the first review"),
    Rule("second_lac_review", "Second looked-after review", 3, MONTHS,
         ("first_lac_review_held",), ("lac_review_held",), CARE_ENDS,
         "after the first review", f"{CPR} reg. 33(2)(b)", "Hold the second review"),
    Rule("lac_review", "Looked-after review", 6, MONTHS,
         ("later_lac_review_held",), ("lac_review_held",), CARE_ENDS,
         "after the second and each later review", f"{CPR} reg. 33(2)(c)", "Hold the review"),
    Rule("cla_visit", "First visit in a placement", 1, WEEKS,
         ("placement_started",), CLA_VISITS, (*PLACEMENT_ENDS, "short_breaks_started"),
         "any new placement", f"{CPR} reg. 28(2)(a)", "Visit the child in placement"),
    Rule("cla_visit_repeat", "Looked-after visit", 6, WEEKS,
         ("cla_visit_made", "standard_visits_resumed"), CLA_VISITS, PLACEMENT_ENDS,
         "first year of a placement, or a placement not meant to last until 18; a child "
         "at home on a care order", f"{CPR} reg. 28(2)(b), 28(5)(b)",
         "Visit the child in placement"),
    Rule("cla_visit_long_term", "Looked-after visit (long-term placement)", 3, MONTHS,
         ("cla_visit_made_long_term",), CLA_VISITS, PLACEMENT_ENDS,
         "after the first year of a placement meant to last until 18",
         f"{CPR} reg. 28(2)(c)", "Visit the child in placement"),
    Rule("cla_visit_weekly", "Weekly visit until the first review", 1, WEEKS,
         ("weekly_visits_started", "cla_visit_made_weekly"), CLA_VISITS,
         ("first_lac_review_held", "four_weekly_visits_started", *AT_HOME_CHANGES,
          *PLACEMENT_ENDS),
         "a connected person temporarily approved under reg. 24, or a child at home on an "
         "interim care order, until the first review", f"{CPR} reg. 28(4)(a)",
         "Visit the child in placement"),
    Rule("cla_visit_4_weekly", "Looked-after visit (4-weekly)", 4, WEEKS,
         ("four_weekly_visits_started", "cla_visit_made_4_weekly"), CLA_VISITS,
         (*AT_HOME_CHANGES, *PLACEMENT_ENDS),
         "after the first review, where reg. 28(4) applies", f"{CPR} reg. 28(4)(b)",
         "Visit the child in placement"),
    Rule("cla_visit_care_order_at_home", "Visit after a care order at home", 1, WEEKS,
         ("care_order_made_at_home",), CLA_VISITS, PLACEMENT_ENDS,
         "a care order made while the child lives with a parent", f"{CPR} reg. 28(5)(a)",
         "Visit the child at home"),
    Rule("short_break_first_visit", "First visit in a series of short breaks", 3, MONTHS,
         ("short_breaks_started",), CLA_VISITS, CARE_ENDS,
         "a child accommodated for an agreed series of short breaks (V3/V4), from the first",
         f"{CPR} reg. 48(3)(c)(i)", "Visit the child during a short break",
         counts_from_first=True),
    Rule("short_break_visit", "Short-break visit", 6, MONTHS,
         ("cla_visit_made_short_break",), CLA_VISITS, CARE_ENDS,
         "a series of short breaks: at intervals agreed with the IRO and parents, at most "
         "6 months", f"{CPR} reg. 48(3)(c)(ii)", "Visit the child during a short break",
         local_policy=True),
    Rule("initial_health_assessment", "Initial health assessment", 20, WORKING_DAYS,
         ("became_looked_after",), ("health_assessment_done", "health_assessment_done_under_5"),
         CARE_ENDS, "every child who becomes looked after",
         "Promoting the health and well-being of looked-after children (2015)",
         "Arrange the health assessment"),
    Rule("review_health_assessment", "Review health assessment", 12, MONTHS,
         ("health_assessment_done",), ("health_assessment_done", "health_assessment_done_under_5"),
         CARE_ENDS, "looked-after children aged 5 or over",
         "Promoting the health and well-being of looked-after children (2015)",
         "Arrange the review health assessment"),
    Rule("review_health_assessment_under_5", "Review health assessment (under 5)", 6, MONTHS,
         ("health_assessment_done_under_5",),
         ("health_assessment_done", "health_assessment_done_under_5"),
         CARE_ENDS, "looked-after children under 5",
         "Promoting the health and well-being of looked-after children (2015)",
         "Arrange the review health assessment"),
    # The PEP is started as part of the care plan, before placement or within 10 working
    # days of an emergency placement; counted from becoming looked after.
    Rule("pep", "Personal education plan", 10, WORKING_DAYS,
         ("became_looked_after",), ("pep_held",), CARE_ENDS,
         "every child who becomes looked after", PEP_GUIDANCE,
         "Hold the PEP meeting"),
    # "Reviewed each school term": terms are the council's own dates, which the engine does
    # not hold, so the default is 3 months, short enough that a PEP held in one term falls
    # due again before the next one ends; a council can set its own interval.
    Rule("pep_review", "PEP review", 3, MONTHS,
         ("pep_held",), ("pep_held",), CARE_ENDS,
         "every looked-after child with a PEP: once each school term",
         f"{PEP_GUIDANCE}: 'each term', locally 3 months",
         "Review the PEP", local_policy=True),
    Rule("pathway_plan", "Pathway plan", 3, MONTHS,
         ("became_eligible",), ("pathway_plan_made",), (),
         "eligible children: by 16 years 3 months, or 3 months after later eligibility",
         f"{CPR} regs. 40-43; Care Leavers (England) Regulations 2010",
         "Complete the pathway plan"),
    Rule("pathway_plan_review", "Pathway plan review", 6, MONTHS,
         ("pathway_plan_made",), ("pathway_plan_made",), (),
         "care leavers with a pathway plan", "Care Leavers (England) Regulations 2010",
         "Review the pathway plan"),
    Rule("care_proceedings", "Care proceedings (26 weeks)", 26, WEEKS,
         ("care_application_issued",), ("care_proceedings_ended",), (),
         "every application for a care or supervision order, from the day it is issued; "
         "the court may extend by up to 8 weeks at a time (s32(5)-(8))",
         "Children Act 1989 s32(1)(a), as amended by the Children and Families Act 2014 s14",
         "Conclude the proceedings"),
    # The guidance says 72 hours; the engine counts whole days, so the clock is 3 calendar
    # days from the day of return: a child back on Monday evening is due by Thursday.
    Rule("return_home_interview", "Return home interview offered (72 hours)", 3,
         CALENDAR_DAYS, ("returned_from_missing",), ("return_interview_offered",), (),
         "every child who returns from being missing or away, looked after or not; counted "
         "as 3 calendar days from the date of return, as the clock cannot count hours",
         "Statutory guidance on children who run away or go missing from home or care (2014)",
         "Offer a return home interview", per_source=True),
    Rule("complaint_stage1", "Complaint (stage 1)", 10, WORKING_DAYS,
         ("complaint_received",), ("complaint_responded",), ("complaint_withdrawn",),
         "complaints under the Children Act 1989 procedure (may extend to 20 working days)",
         "Children Act 1989 Representations Procedure (England) Regulations 2006",
         "Respond to the complaint"),
]
# fmt: on

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
