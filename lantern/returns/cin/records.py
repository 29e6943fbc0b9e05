"""One child's CIN census entry as plain values, in the DfE's modules and words.

The query (``cin.query``) fills these as the records stood on the reference date; the
writer (``cin.xml``) only spells them out, so what goes in the return is decided in one
place and how it is written in another.
"""

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Assessment:
    start: dt.date
    authorised: dt.date | None  # AssessmentAuthorisationDate: completed by 31 March
    factors: list[str]  # only for a completed assessment (rule 8614)


@dataclass
class CINPlanDates:
    start: dt.date
    end: dt.date | None


@dataclass
class Section47:
    start: dt.date
    icpc_target: dt.date | None
    icpc: dt.date | None  # DateOfInitialCPC, when the conference followed this enquiry
    icpc_not_required: bool


@dataclass
class ProtectionPlan:
    start: dt.date
    end: dt.date | None
    initial_category: str
    latest_category: str
    previous_plans: int  # NumberOfPreviousCPP
    reviews: list[dt.date]


@dataclass
class CINDetails:
    referral_date: dt.date
    referral_source: str
    primary_need: str
    closure_date: dt.date | None
    reason_for_closure: str
    icpc: dt.date | None  # DateOfInitialCPC of a conference no enquiry here led to
    referral_nfa: bool
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[CINPlanDates] = field(default_factory=list)
    enquiries: list[Section47] = field(default_factory=list)
    cp_plans: list[ProtectionPlan] = field(default_factory=list)


@dataclass
class Child:
    la_child_id: str
    upn: str
    former_upn: str
    upn_unknown: str
    birth_date: dt.date | None
    expected_birth_date: dt.date | None
    sex: str  # Lantern's M/F/U; the writer spells it for the year
    death_date: dt.date | None
    ethnicity: str
    disabilities: list[str]
    episodes: list[CINDetails] = field(default_factory=list)
