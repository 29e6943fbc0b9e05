"""The expected outcomes, written out by hand (not computed from the policy they check).

Record classes, seen from the personas: the social worker's own case (OWN), a case of a
colleague in the same team, which the manager manages (TEAM), a case in another team
(OTHER), a restricted record the manager owns with no one else named (RESTRICTED), an
accepted referral with no allocation yet (UNALLOCATED), another team's case for which the
user under test has already stated a reason (BROKEN_GLASS), and a restricted record in the
manager's own team owned by another team's manager, with none of the personas named
(RESTRICTED_BY_OTHER).

Outcomes: ALLOW (200), REASON (sent to state a reason first), NO_PERMISSION (403: the role
never may), HIDDEN (404: the role may, but not for this record — same answer as "no such
record"), REDIRECT (let in, sent on), LET_IN (a write the gate let through: a 200 with form
errors or a redirect on success), 401 (the partner API without its token).

Cells marked ``# issue 8 §2`` are what issue 8 §2 demands: a restriction is changed and its
viewers seen only by its owner and the DPO; an unallocated child is written on only by the
manager of the team it was referred to.
"""

from lantern.access import roles

ALLOW, REASON, NO_PERMISSION, HIDDEN, REDIRECT = "allow", "reason", "403", "404", "redirect"
LET_IN = "let in"
DENIED = {REASON, NO_PERMISSION, HIDDEN}

SW, TM, MASH, IRO = "sw", "tm", "mash", "iro"
PERF, PARTNER, DPO, ADMIN = "perf", "partner", "dpo", "admin"
DIRECTOR = "director"
ROLE_OF = {
    SW: roles.SOCIAL_WORKER,
    TM: roles.TEAM_MANAGER,
    MASH: roles.MASH_OFFICER,
    IRO: roles.IRO,
    PERF: roles.PERFORMANCE_ANALYST,
    PARTNER: roles.PARTNER_USER,
    DPO: roles.DATA_PROTECTION_OFFICER,
    ADMIN: roles.SYSTEM_ADMINISTRATOR,
    DIRECTOR: roles.DIRECTOR,
}
PERSONAS = list(ROLE_OF)
# Roles that never open a child's record (the director sees names behind figures: a list)
NO_RECORDS = (PERF, PARTNER, DPO, ADMIN, DIRECTOR)

OWN, TEAM, OTHER, RESTRICTED = "own", "team", "other", "restricted"
UNALLOCATED, BROKEN_GLASS, RESTRICTED_BY_OTHER = "unallocated", "broken_glass", "restricted_by"
CLASSES = [OWN, TEAM, OTHER, RESTRICTED, UNALLOCATED, BROKEN_GLASS, RESTRICTED_BY_OTHER]


def every(outcome):
    return dict.fromkeys(CLASSES, outcome)


def row(own, team, other, restricted, unallocated, broken_glass, restricted_by_other):
    return dict(zip(CLASSES, [own, team, other, restricted, unallocated, broken_glass,
                              restricted_by_other], strict=True))  # fmt: skip


def only(allowed: set[str], otherwise=NO_PERMISSION):
    return {p: (ALLOW if p in allowed else otherwise) for p in PERSONAS}


def as_write(table):
    """The same table for a POST: where a GET is let in, so is the POST (a form error or a
    redirect on success); the refusals are the same refusals."""
    if isinstance(table, str):
        return LET_IN if table in (ALLOW, REDIRECT) else table
    return {key: as_write(value) for key, value in table.items()}


#                OWN    TEAM   OTHER   RESTR. UNALLOC. GLASS  RESTR.BY OTHER
CHILD_RECORD = {
    SW:   row(ALLOW, ALLOW, REASON, REASON, REASON,  ALLOW, REASON),
    TM:   row(ALLOW, ALLOW, REASON, ALLOW,  ALLOW,   ALLOW, REASON),
    MASH: row(ALLOW, ALLOW, ALLOW,  REASON, ALLOW,   ALLOW, REASON),
    IRO:  row(ALLOW, ALLOW, ALLOW,  REASON, ALLOW,   ALLOW, REASON),
    **{p: every(NO_PERMISSION) for p in NO_RECORDS},
}  # fmt: skip
STATE_REASON = {  # the reason page itself: shown where a reason is needed, else straight in
    **{
        p: {c: (ALLOW if o == REASON else REDIRECT) for c, o in CHILD_RECORD[p].items()}
        for p in (SW, TM, MASH, IRO)
    },
    **{p: every(NO_PERMISSION) for p in NO_RECORDS},
}
# Who has seen a record, and restricting it: the data protection officer for anyone, a
# manager for their team's children, and a restricted record only for its owner.
WHO_HAS_SEEN = {
    **{p: every(NO_PERMISSION) for p in PERSONAS},
    TM: row(ALLOW, ALLOW, HIDDEN, ALLOW, HIDDEN, HIDDEN,
            HIDDEN),  # issue 8 §2: a manager who does not own the restriction
    DPO: every(ALLOW),
}  # fmt: skip
SUBJECT_ACCESS = {p: every(ALLOW if p == DPO else NO_PERMISSION) for p in PERSONAS}
# Writing casework (a new record, a change, a draft): the child's own team and the reviewing
# officer; a stated reason never opens a record for writing, and a restriction's named list
# (its owner) is the only way in to a restricted one.
WRITE = {
    **{p: every(NO_PERMISSION) for p in PERSONAS},
    SW:  row(ALLOW, ALLOW, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    TM:  row(ALLOW, ALLOW, HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN),
    IRO: row(ALLOW, ALLOW, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN),
}  # fmt: skip
ALLOCATE = {  # only managers allocate; no reason opens another team's child for allocating
    **{p: every(NO_PERMISSION) for p in PERSONAS},
    TM: row(ALLOW, ALLOW, HIDDEN, ALLOW, ALLOW, HIDDEN, HIDDEN),
}
OVERSIGHT = {  # management oversight: the manager's own kind of record
    **{p: every(NO_PERMISSION) for p in PERSONAS},
    TM: WRITE[TM],
}
PERSON_URLS = {
    "people:record": CHILD_RECORD,
    "people:history": CHILD_RECORD,  # the history of their details: read as the record is
    "people:chronology-print": CHILD_RECORD,  # the printable chronology: read as the record is
    "people:chronology-csv": CHILD_RECORD,  # and its CSV download
    "people:correct": WRITE,  # correcting their details: as casework, never through a reason
    "people:census": WRITE,  # census details (UPN unknown, UASC, disability): as a correction
    "people:birth": WRITE,  # recording an unborn child's birth: as a correction
    "access:state-reason": STATE_REASON,
    "access:seen-by": WHO_HAS_SEEN,
    "access:restrict": WHO_HAS_SEEN,
    "access:subject-access": SUBJECT_ACCESS,
    # issue 13: the DPO's retention decision on one record (said "not due" where it is not)
    "access:retention-decision": SUBJECT_ACCESS,
    "casework:overview": CHILD_RECORD,
    "casework:allocate": ALLOCATE,
}
# Casework sub-pages, about one kind of record (``casework.kinds``).
# casework:new, every kind with a form of its own: GET the form, and POST it empty.
NEW_RECORD = {
    "episode": WRITE,
    "assessment": WRITE,
    "strategy-discussion": WRITE,
    "section-47": WRITE,
    "icpc": WRITE,
    "rcpc": WRITE,
    "transfer-in": WRITE,
    "transfer-conference": WRITE,
    "core-group": WRITE,
    "cin-plan": WRITE,
    "visit": WRITE,
    # issue 8 §2: on an unallocated child only the manager of the team it was referred to
    # (the world refers it to the manager's own team, so the manager is let in)
    "case-note": WRITE,
    "oversight": OVERSIGHT,
    "period-of-care": WRITE,  # issue 10: starting a period of care
    # issue 10 §5: a looked-after child's health and education, recorded as casework is
    "health-assessment": WRITE,
    "dental-check": WRITE,
    "immunisations": WRITE,
    "sdq": WRITE,
    "substance-misuse": WRITE,
    "conviction": WRITE,
    "pep": WRITE,
    "education-setting": WRITE,
    # care: court and legal, missing episodes, UASC (issue 10 §2, §6, §10)
    "pre-proceedings": WRITE,
    "pre-proceedings-meeting": WRITE,
    "court-application": WRITE,
    "court-order": WRITE,
    "s20-consent": WRITE,
    "missing-episode": WRITE,
    "age-assessment": WRITE,
    "nts-referral": WRITE,
}
# casework:record (the child's open referral), casework:change (its "edit" step) and
# casework:draft (the autosave of a new visit), per class.
EPISODE_PAGE = CHILD_RECORD
EPISODE_CHANGE = WRITE
DRAFT = as_write(WRITE)
# Forms about a child that take a POST: the same gate as the page, the body left empty.
PERSON_POSTS = {
    "access:state-reason": as_write(STATE_REASON),
    "access:restrict": as_write(WHO_HAS_SEEN),
    "access:retention-decision": as_write(SUBJECT_ACCESS),
    "casework:allocate": as_write(ALLOCATE),
    "people:correct": as_write(WRITE),
    "people:census": as_write(WRITE),
    "people:birth": as_write(WRITE),
}

PAGES = {
    "home": only(set(PERSONAS)),
    "people:search": only({SW, TM, MASH, IRO}),
    "people:add": only({SW, MASH}),
    "access:audit-search": only({DPO}),
    "access:retention": only({DPO}),
    "workforce:staff": only({ADMIN}),
    "workforce:add-staff": only({ADMIN}),
    "workforce:role-changes": only({ADMIN}),
    # issue 14: funded posts and the budget, recorded by administrators (no child named)
    "workforce:establishment": only({ADMIN}),
    "workforce:budget": only({ADMIN}),
    "frontdoor:queue": only({MASH}),
    "frontdoor:refer": only({PARTNER}),
    "frontdoor:my-referrals": only({PARTNER}),
    "casework:my-work": only({SW, TM}),
    "casework:team": only({TM}),
    "casework:my-children": only({SW, TM}),  # issue 13: a worker's own caseload
    "care:permanence": only({TM}),
    "care:stability": only({TM}),
    "care:leavers": only({SW, TM}),
    "clocks:timescales": only(set(PERSONAS)),
    "care:iro-reviews": only({IRO}),
    "clocks:interval": {p: REDIRECT if p == ADMIN else NO_PERMISSION for p in PERSONAS},
    "clocks:closure-day": {p: REDIRECT if p == ADMIN else NO_PERMISSION for p in PERSONAS},
    # issue 13: how many working days My work looks ahead, set as the other local policy is
    "clocks:look-ahead": {p: REDIRECT if p == ADMIN else NO_PERMISSION for p in PERSONAS},
    # issue 10: the council's carers, seen by those who open children's records; added by
    # those who record casework
    "care:carers": only({SW, TM, MASH, IRO}),
    "care:new-carer": only({SW, TM, IRO}),
    # issue 11 §5: the statutory returns hold every child's details; only the performance
    # team builds and downloads them (asking for a build is a POST; a GET goes back)
    "returns:returns": only({PERF}),
    "returns:build": {p: REDIRECT if p == PERF else NO_PERMISSION for p in PERSONAS},
    # issue 12 §1: the council's signal thresholds, set by administrators (no child named)
    "signal-rules:rules": only({ADMIN}),
    # issue 14: the figures and their counts for the director and the performance team; the
    # council's targets set by the performance team and administrators
    "insight:dashboard": only({DIRECTOR, PERF}),
    "insight:workforce": only({DIRECTOR, PERF}),
    "insight:cost": only({DIRECTOR, PERF}),
    "insight:targets": only({PERF, ADMIN}),
}
PAGE_POSTS = {  # forms on pages about no particular child, POSTed empty
    name: as_write(PAGES[name])
    for name in (
        "people:add",
        "workforce:add-staff",
        "workforce:establishment",
        "workforce:budget",
        "frontdoor:refer",
        "clocks:interval",
        "clocks:closure-day",
        "clocks:look-ahead",
        "care:new-carer",
        "returns:build",
        "signal-rules:rules",
        "insight:targets",
    )
}
# issue 12: a signal on a child's record, decided by a manager who may write to the record
# (the same cells as management oversight); the POST is tried as every write is.
SIGNAL_URLS = {"signals:decide": OVERSIGHT}
SIGNAL_POSTS = {"signals:decide": as_write(OVERSIGHT)}
NOT_IN_MATRIX = {"sign-in", "healthz", "sign-out", "two-factor"}  # tested in test_sign_in
NOT_IN_MATRIX |= {"open-message"}  # one's own messages: lantern/workforce/tests/test_messages.py
STAFF_URLS = {  # about a member of staff, not a child (the social worker persona)
    "workforce:staff-member": only({ADMIN}),
    "workforce:contracts": only({ADMIN}),  # issue 14: what a member of staff costs
    # issue 13: a worker's caseload, opened by the manager of their team from the team page
    "casework:worker-caseload": only({TM}),
}
# The partner API takes a token, not a session: its own section below.
NOT_IN_MATRIX |= {"api:api-root"}
NOT_IN_MATRIX |= {"casework:history"}  # lantern/casework/tests/test_history.py
# One finished build of the returns and one of its files: its page and the download.
RETURN_RUN_URLS = {"returns:run": only({PERF}), "returns:download": only({PERF})}
# issue 14: one figure (a stand-in with children behind it), its downloads, and the list of
# the children behind it: named for the director only (the analyst sees the count).
INSIGHT_URLS = {
    "insight:figure": only({DIRECTOR, PERF}),
    "insight:figure-download": only({DIRECTOR, PERF}),
    "insight:dashboard-download": only({DIRECTOR, PERF}),
    "insight:tables-download": only({DIRECTOR, PERF}),
    "insight:children": only({DIRECTOR}),
    "insight:children-download": only({DIRECTOR}),
}
CASEWORK_URLS = {"casework:new", "casework:record", "casework:change", "casework:draft"}

# Contacts, seen from the partner persona: one its own user made, one another agency made.
PARTNER_OWN, PARTNER_OTHER = "partner_own", "partner_other"
CONTACT_CLASSES = [PARTNER_OWN, PARTNER_OTHER]


def mash_only():
    return {
        p: dict.fromkeys(CONTACT_CLASSES, ALLOW if p == MASH else NO_PERMISSION) for p in PERSONAS
    }


REFERRER_ONLY = {
    p: (
        {PARTNER_OWN: ALLOW, PARTNER_OTHER: HIDDEN}
        if p == PARTNER
        else dict.fromkeys(CONTACT_CLASSES, NO_PERMISSION)
    )
    for p in PERSONAS
}
# MASH actions are forms that POST: a GET sends the MASH back to the contact; others denied.
MASH_ACTION = {
    p: dict.fromkeys(CONTACT_CLASSES, REDIRECT if p == MASH else NO_PERMISSION) for p in PERSONAS
}
CONTACT_URLS = {
    "frontdoor:contact": mash_only(),
    "frontdoor:rate": MASH_ACTION,
    "frontdoor:request-check": MASH_ACTION,
    "frontdoor:decide": MASH_ACTION,
    "frontdoor:my-referral": REFERRER_ONLY,
}
CHECK_URLS = {"frontdoor:record-answer": MASH_ACTION}
SUBJECT_URLS = {
    name: MASH_ACTION
    for name in ("frontdoor:same-person", "frontdoor:not-same-person", "frontdoor:new-person")
}
CONTACT_POSTS = {  # every MASH action POSTed empty: the MASH is let in (and told what is missing)
    name: as_write(MASH_ACTION)
    for name in (*CONTACT_URLS, *CHECK_URLS, *SUBJECT_URLS)
    if name not in ("frontdoor:contact", "frontdoor:my-referral")
}

# The partner API: callers are the partner's token, and every persona's signed-in session.
API_URLS = {
    # url name: (method, outcome with the partner's token by contact class, without a token)
    "api:contact-detail": ("get", {PARTNER_OWN: ALLOW, PARTNER_OTHER: HIDDEN}, "401"),
    "api:contact-create": ("post", None, "401"),
    "api:openapi-json": ("get", None, "401"),
}
