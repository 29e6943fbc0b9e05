"""The safeguarding signals: patterns of risk that no single agency sees, as data.

Each rule names the source it rests on, the thresholds a council may change (the defaults
are the ones below; ``lantern.signals.settings`` holds a council's own), and who is told.
The engine (``engine.py``) reads these; nothing else knows what a rule counts.

Event kinds are the words of the batch interface (``lantern signals scan``); live, each is
read from a chronology entry (``events.py``).
"""

from dataclasses import dataclass, field

INJURY = "injury"
AE_ATTENDANCE = "ae_attendance"
DOMESTIC_ABUSE = "domestic_abuse"
NOT_BROUGHT = "not_brought"
MISSING = "missing"
CONCERN = "concern"
REFERRAL = "referral"
PLAN_STARTED = "plan_started"
PLAN_ENDED = "plan_ended"
ADULT_JOINED = "adult_joined"

EVENT_KINDS = (
    INJURY,
    AE_ATTENDANCE,
    DOMESTIC_ABUSE,
    NOT_BROUGHT,
    MISSING,
    CONCERN,
    REFERRAL,
    PLAN_STARTED,
    PLAN_ENDED,
    ADULT_JOINED,
)

# Who is told when a signal is raised.
ALLOCATED_WORKER = "allocated_worker"
TEAM_MANAGER = "team_manager"
MASH = "mash"
AUDIENCES = {
    ALLOCATED_WORKER: "The child's allocated social worker",
    TEAM_MANAGER: "The allocated worker's team manager",
    MASH: "The MASH, for a child with no allocated worker",
}
EVERYONE = (ALLOCATED_WORKER, TEAM_MANAGER, MASH)


@dataclass(frozen=True)
class Threshold:
    """One number a council may set. ``minimum`` keeps a rule meaningful (a count of 0
    would fire on every child)."""

    name: str
    label: str
    default: int
    minimum: int = 1
    maximum: int = 3650


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    why: str
    source: str
    trigger: str
    # What the evidence counts, for headlines: ("A&E attendance", "A&E attendances").
    noun: tuple[str, str]
    thresholds: tuple[Threshold, ...] = ()
    told: tuple[str, ...] = EVERYONE
    defaults: dict[str, int] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "defaults", {t.name: t.default for t in self.thresholds})


RULES = (
    Rule(
        "injury_non_mobile",
        "Injury to a baby who is not yet mobile",
        "Any injury to a baby who is not independently mobile needs an explanation: bruising "
        "in a non-mobile infant is a recognised marker of physical abuse.",
        'NICE CG89 "Child maltreatment: when to suspect maltreatment in under 18s" (1.2)',
        INJURY,
        ("injury", "injuries"),
        (Threshold("months", "Younger than this many months", 6, maximum=24),),
    ),
    Rule(
        "repeat_ae",
        "Repeated A&E attendances of a young child",
        "Frequent attendance at emergency departments by a young child can mean injuries "
        "that are not accidental or care that is not keeping the child safe.",
        'NICE CG89 "When to suspect child maltreatment" (1.2, 1.7)',
        AE_ATTENDANCE,
        ("A&E attendance", "A&E attendances"),
        (
            Threshold("count", "Attendances", 3, minimum=2),
            Threshold("days", "Within this many days", 365),
            Threshold("years", "Child younger than this many years", 5, maximum=18),
        ),
    ),
    Rule(
        "repeat_domestic_abuse",
        "Repeated domestic abuse incidents",
        "Children who live with domestic abuse are victims of it in their own right; "
        "repeated police notifications show that the abuse is continuing.",
        "Working Together to Safeguard Children 2023; Domestic Abuse Act 2021 s3",
        DOMESTIC_ABUSE,
        ("domestic abuse incident", "domestic abuse incidents"),
        (
            Threshold("count", "Incidents", 3, minimum=2),
            Threshold("days", "Within this many days", 365),
        ),
    ),
    Rule(
        "not_brought",
        "Not brought to appointments",
        "A child who is repeatedly not brought to health appointments may be neglected: "
        "the child cannot bring themselves.",
        'NICE CG89 (1.3, neglect); NSPCC "Was not brought" learning from case reviews',
        NOT_BROUGHT,
        ("missed appointment", "missed appointments"),
        (
            Threshold("count", "Appointments", 2, minimum=2),
            Threshold("days", "Within this many days", 182),
        ),
    ),
    Rule(
        "repeat_missing",
        "Repeatedly missing",
        "Children who go missing repeatedly are at risk of exploitation; repeat episodes "
        "call for a strategy discussion.",
        "DfE statutory guidance on children who run away or go missing from home or care (2014)",
        MISSING,
        ("missing episode", "missing episodes"),
        (
            Threshold("count", "Episodes", 3, minimum=2),
            Threshold("days", "Within this many days", 90),
        ),
    ),
    Rule(
        "rereferral",
        "Re-referred within a year",
        "A child referred again within 12 months of a previous referral: the help given "
        "last time may not have worked.",
        "DfE Characteristics of children in need: re-referrals within 12 months",
        REFERRAL,
        ("referral", "referrals"),
        (Threshold("days", "Within this many days", 365),),
    ),
    Rule(
        "adult_joined_on_plan",
        "An adult joined the household during a plan",
        "An adult moving in while a child is on a plan changes the risk, and the plan must "
        "take account of them: the unknown man in the household was missed for Peter "
        "Connelly.",
        "Working Together to Safeguard Children 2023; Haringey SCR into Peter Connelly",
        ADULT_JOINED,
        ("adult joined", "adults joined"),
    ),
    Rule(
        "agencies_worried",
        "Several agencies worried since the last referral",
        "Concerns from different agencies that no referral has yet brought together: the "
        "fragments each agency holds.",
        "Working Together to Safeguard Children 2023 (multi-agency information sharing)",
        CONCERN,
        ("concern", "concerns"),
        (
            Threshold("count", "Concerns", 3, minimum=2),
            Threshold("days", "Within this many days", 90),
            Threshold("agencies", "From at least this many agencies", 2, minimum=1, maximum=20),
        ),
    ),
)
BY_CODE = {rule.code: rule for rule in RULES}
CHOICES = [(rule.code, rule.title) for rule in RULES]
DEFAULTS = {rule.code: rule.defaults for rule in RULES}
