"""Roles as data: each role is a Django group holding exactly the permissions listed here.

A permission not listed for a role is denied. Changing who may do what is an edit to this
table (and a migration run), never a scattered ``if`` in a view.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

SEARCH = "people.search_index"
VIEW_RECORD = "people.view_record"
VIEW_AUDIT = "access.view_audit"
MANAGE_STAFF = "workforce.manage_staff"
ADD_PERSON = "people.add_person"
SEE_WHO_VIEWED = "access.view_record_access"
RESTRICT_RECORD = "access.restrict_record"
EXPORT_SAR = "access.export_subject_access"
VIEW_RETENTION = "access.view_retention"
DECIDE_RETENTION = "access.decide_retention"
TRIAGE_CONTACT = "frontdoor.triage_contact"
MAKE_REFERRAL = "frontdoor.make_referral"
RECORD_CASEWORK = "casework.record_casework"
VIEW_CASE_NOTES = "casework.view_case_notes"
RECORD_OVERSIGHT = "casework.record_oversight"
AUTHORISE_ASSESSMENT = "casework.authorise_assessment"
ALLOCATE_WORKER = "casework.allocate_worker"
VIEW_MY_WORK = "casework.view_my_work"
VIEW_TEAM_WORK = "casework.view_team_work"
MANAGE_CLOCKS = "clocks.manage_clocks"
VIEW_IRO_CASELOAD = "care.view_iro_caseload"
BUILD_RETURNS = "returns.build_returns"
DECIDE_SIGNAL = "signals.decide_signal"
MANAGE_SIGNAL_RULES = "signals.manage_signal_rules"
VIEW_INSIGHT = "insight.view_insight"
VIEW_CHILDREN_BEHIND_FIGURES = "insight.view_children_behind_figures"
SET_TARGETS = "insight.set_targets"

MASH_OFFICER = "MASH officer"
SOCIAL_WORKER = "Social worker"
TEAM_MANAGER = "Team manager"
IRO = "Independent reviewing officer"
PERFORMANCE_ANALYST = "Performance analyst"
PARTNER_USER = "Partner agency user"
DATA_PROTECTION_OFFICER = "Data protection officer"
SYSTEM_ADMINISTRATOR = "System administrator"
DIRECTOR = "Director of children's services"

ROLE_PERMISSIONS: dict[str, list[str]] = {
    MASH_OFFICER: [SEARCH, VIEW_RECORD, ADD_PERSON, TRIAGE_CONTACT, VIEW_CASE_NOTES],
    SOCIAL_WORKER: [
        SEARCH,
        VIEW_RECORD,
        ADD_PERSON,
        RECORD_CASEWORK,
        VIEW_CASE_NOTES,
        VIEW_MY_WORK,
    ],
    TEAM_MANAGER: [
        SEARCH,
        VIEW_RECORD,
        SEE_WHO_VIEWED,
        RESTRICT_RECORD,
        RECORD_CASEWORK,
        VIEW_CASE_NOTES,
        RECORD_OVERSIGHT,
        AUTHORISE_ASSESSMENT,
        ALLOCATE_WORKER,
        VIEW_MY_WORK,
        VIEW_TEAM_WORK,
        DECIDE_SIGNAL,
    ],
    IRO: [SEARCH, VIEW_RECORD, RECORD_CASEWORK, VIEW_CASE_NOTES, VIEW_IRO_CASELOAD],
    # The statutory returns (build, validate, download); no case records: a failure's link
    # to the child's record is refused like any other record this role may not open. Team
    # managers are not given the returns: a return lists every child in the borough, well
    # beyond a manager's team, and its fixes reach them through the children's own records.
    # The figures and their counts, and the council's targets; never a child's name behind
    # a figure (the returns' own pages name children by council id, as before).
    PERFORMANCE_ANALYST: [BUILD_RETURNS, VIEW_INSIGHT, SET_TARGETS],
    # Partners see only their own contacts (front door); never the person index.
    PARTNER_USER: [MAKE_REFERRAL],
    DATA_PROTECTION_OFFICER: [
        VIEW_AUDIT,
        SEE_WHO_VIEWED,
        RESTRICT_RECORD,
        EXPORT_SAR,
        VIEW_RETENTION,
        DECIDE_RETENTION,
    ],
    # Administrators manage accounts; they do not read case records by default.
    SYSTEM_ADMINISTRATOR: [MANAGE_STAFF, MANAGE_CLOCKS, MANAGE_SIGNAL_RULES, SET_TARGETS],
    # The figures, and the names of the children behind one (``policy.named_behind_figures``:
    # a name in a list, never a record opened; restricted records stay counted, not named).
    DIRECTOR: [VIEW_INSIGHT, VIEW_CHILDREN_BEHIND_FIGURES],
}
ROLES = list(ROLE_PERMISSIONS)

# Permissions that open children's records, or let someone decide who sees them.
CASE_PERMISSIONS = {
    SEARCH,
    VIEW_RECORD,
    VIEW_CASE_NOTES,
    RECORD_CASEWORK,
    TRIAGE_CONTACT,
    ALLOCATE_WORKER,
}
CASE_HOLDING_ROLES = {
    role for role, codes in ROLE_PERMISSIONS.items() if CASE_PERMISSIONS & set(codes)
}
# Granting one of these needs a second administrator's approval: a case-holding role opens
# children's records; the DPO reads the whole audit log; an administrator could otherwise
# make a second account of their own to approve with; the performance analyst downloads
# the statutory returns, which hold every child's details; the director sees the names of
# the children behind any figure.
NEEDS_APPROVAL = CASE_HOLDING_ROLES | {
    DATA_PROTECTION_OFFICER,
    SYSTEM_ADMINISTRATOR,
    PERFORMANCE_ANALYST,
    DIRECTOR,
}


def sync_roles() -> None:
    """Make each role's group hold exactly the permissions in ROLE_PERMISSIONS."""
    from django.contrib.auth.models import Group, Permission

    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """Runs after every migrate; permissions of later apps are created first so none is missed."""
    if sender.label != "access":
        return
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    sync_roles()
