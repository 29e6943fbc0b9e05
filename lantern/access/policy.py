"""Who may read and change a person's record: the one place these rules live.

Deny by default. A role permission is necessary, never sufficient on its own: it is
combined with the user's relation to the child. Staff in the child's own team (allocated
worker, team colleagues, the team's manager), the front door (MASH) and reviewing officers
open records directly; other staff with the role may open one only by stating a reason,
which is audited. A restricted record opens directly only for its named list; everyone else
states a reason and the record's owner is told.
"""

import enum
from dataclasses import dataclass, field

from django.utils import timezone

from lantern.access.backends import role_names
from lantern.access.roles import IRO, MASH_OFFICER, TEAM_MANAGER, VIEW_RECORD
from lantern.prepared import prepared


class Relation(enum.Enum):
    ALLOCATED = "allocated worker"
    TEAM = "member of the allocated team"
    MANAGER = "manager of the allocated team"
    FRONT_DOOR = "front door (MASH)"
    REVIEWING = "independent reviewing officer"
    ALLOCATED_IRO = "the child's allocated independent reviewing officer"
    ALLOCATING = "manager allocating a new referral"
    NONE = "no working relation"


DIRECT = {
    Relation.ALLOCATED,
    Relation.TEAM,
    Relation.MANAGER,
    Relation.FRONT_DOOR,
    Relation.REVIEWING,
    Relation.ALLOCATED_IRO,
    Relation.ALLOCATING,
}
# Working relations kept by apps above this one, asked after the allocated worker and team:
# each is called with (user, person) and answers a Relation or None. Care registers the
# child's allocated IRO (``care.queries.iro.iro_relation``) from its AppConfig.ready.
RELATIONS: list = []
# A child accepted at the front door but not yet allocated belongs to no team yet; the manager
# of the team the referral was sent to must be able to read it to allocate it.
AWAITING_ALLOCATION = {"contact", "assessment"}


@dataclass
class Decision:
    allowed: bool
    needs_reason: bool = False
    notify: list = field(default_factory=list)
    relation: Relation = Relation.NONE
    named: bool = False
    # What ``decide(..., for_write=True)`` would answer: read once, asked again by panels.
    writable: bool = False

    @property
    def basis(self) -> str:
        if self.named:
            return "named on a restricted record"
        if self.relation in DIRECT:
            return self.relation.value
        return "stated a reason"


@prepared
def _current_allocation(child_id):
    from lantern.workforce.models import Allocation

    return (
        Allocation.objects.filter(child_id=child_id, end__isnull=True)
        .select_related("team", "worker")
        .order_by("pk")[:1]
    )


@prepared
def _restriction(person_id):
    from lantern.access.models import RestrictedRecord

    return RestrictedRecord.objects.filter(person_id=person_id)


def current_allocation(person):
    """The child's open allocation (there is at most one), read once and kept on the person:
    the policy asks it first, then the pages that name the worker."""
    if not hasattr(person, "current_allocation"):
        person.current_allocation = next(iter(_current_allocation(person.pk)), None)
    return person.current_allocation


def relation_to(user, person) -> Relation:
    # Read afresh: a decision is never made on an allocation read before a change.
    person.current_allocation = next(iter(_current_allocation(person.pk)), None)
    allocation = person.current_allocation
    if allocation is not None:
        if allocation.worker_id == user.pk:
            return Relation.ALLOCATED
        if allocation.team.manager_id == user.pk:
            return Relation.MANAGER
        staff = getattr(user, "staff", None)
        if staff is not None and staff.team_id == allocation.team_id:
            return Relation.TEAM
    for relation_of in RELATIONS:
        relation = relation_of(user, person)
        if relation is not None:
            return relation
    roles = role_names(user)
    if MASH_OFFICER in roles:
        return Relation.FRONT_DOOR
    if IRO in roles:
        return Relation.REVIEWING
    if (
        allocation is None
        and TEAM_MANAGER in roles
        and person.care_status in AWAITING_ALLOCATION
        and _manages_team_referred_to(user, person)
    ):
        return Relation.ALLOCATING
    return Relation.NONE


def _manages_team_referred_to(user, person) -> bool:
    """The child's latest referral was sent to a team ``user`` manages: not any manager's to
    read and write, only the one who must allocate it."""
    from lantern.workforce.models import Team

    return (
        person.awaiting_team_id is not None
        and Team.objects.filter(pk=person.awaiting_team_id, manager=user).exists()
    )


def _has_glass(user, person) -> bool:
    from lantern.access.models import BreakGlass

    return BreakGlass.objects.filter(
        user=user, person=person, expires_at__gt=timezone.now()
    ).exists()


def decide(user, person, *, for_write: bool = False) -> Decision:
    if not user.is_authenticated or not user.has_perm(VIEW_RECORD):
        return Decision(False)
    relation = relation_to(user, person)
    restriction = next(iter(_restriction(person.pk)), None)  # one to one
    person.current_restriction = restriction
    if restriction is not None:
        if restriction.owner_id == user.pk or restriction.named_users.filter(pk=user.pk).exists():
            return Decision(True, relation=relation, named=True, writable=True)
        if for_write:
            return Decision(False, relation=relation)
        glass = _has_glass(user, person)
        return Decision(
            glass, needs_reason=not glass, notify=[restriction.owner], relation=relation
        )
    if relation in DIRECT:
        return Decision(True, relation=relation, writable=True)
    if for_write:
        return Decision(False, relation=relation)
    glass = _has_glass(user, person)
    return Decision(glass, needs_reason=not glass, relation=relation)


def may_write(user, person) -> bool:
    """May ``user`` change this record? Answered from the decision that opened it in this
    request (``people.queries.access_person`` keeps it on the person), else decided afresh:
    a panel on a page need not repeat the policy's queries."""
    opened = getattr(person, "access_decision", None)
    if opened is not None and opened[0] == user.pk:
        return opened[1].writable
    return decide(user, person, for_write=True).allowed


def _restriction_of(person):
    """The person's restriction, reusing what ``decide`` already read for this request."""
    from lantern.access.models import RestrictedRecord

    if hasattr(person, "current_restriction"):
        return person.current_restriction
    return RestrictedRecord.objects.filter(person=person).first()


def _owner_or_dpo(user, person, permission: str) -> bool:
    """Once a record is restricted only its owner and the data protection officer manage it
    and see who looked: a manager who is not on the named list must not be able to take the
    restriction over, wipe the list and let themselves in unseen. Before that, the manager
    of the child's team may."""
    from lantern.access.roles import VIEW_AUDIT

    if not user.has_perm(permission):
        return False
    if user.has_perm(VIEW_AUDIT):
        return True
    restriction = _restriction_of(person)
    if restriction is not None:
        return restriction.owner_id == user.pk
    return relation_to(user, person) == Relation.MANAGER


def may_see_who_viewed(user, person) -> bool:
    """The data protection officer for anyone; a manager for children in their team; only
    the owner (and the DPO) for a restricted record."""
    from lantern.access.roles import SEE_WHO_VIEWED

    return _owner_or_dpo(user, person, SEE_WHO_VIEWED)


def may_restrict(user, person) -> bool:
    """Restrict a record, or change a restriction: see ``_owner_or_dpo``."""
    from lantern.access.roles import RESTRICT_RECORD

    return _owner_or_dpo(user, person, RESTRICT_RECORD)


def closed_restricted(user, person_ids) -> set[int]:
    """Of ``person_ids``, the restricted records ``user`` may not open now (not the owner,
    not named, no reason stated): the set ``decide`` would send to state a reason. One to
    three queries for a whole list, so every list (search results, household names,
    candidates) applies the same rule as opening the record."""
    from lantern.access.models import BreakGlass, RestrictedRecord

    ids = set(person_ids)
    if not ids:
        return set()
    # Most lists hold no restricted record: one plain query answers those, and only a list
    # that holds some asks who is named on them.
    restricted = _restrictions(frozenset(ids))
    if not restricted:
        return set()
    named, own = set(), None  # a user without the role is named on none and owns none
    if user.is_authenticated and user.has_perm(VIEW_RECORD):
        own = user.pk
        named = set(
            RestrictedRecord.named_users.through.objects.filter(
                restrictedrecord_id__in=[pk for pk, _, _ in restricted], user_id=user.pk
            ).values_list("restrictedrecord_id", flat=True)
        )
    closed = {
        person_id
        for pk, person_id, owner_id in restricted
        if pk not in named and (own is None or owner_id != own)
    }
    if closed and user.is_authenticated:
        closed -= set(
            BreakGlass.objects.filter(
                user=user, person_id__in=closed, expires_at__gt=timezone.now()
            ).values_list("person_id", flat=True)
        )
    return closed


@prepared
def _restrictions(person_ids):
    from lantern.access.models import RestrictedRecord

    return RestrictedRecord.objects.filter(person_id__any=person_ids).values_list(
        "pk", "person_id", "owner_id"
    )


def named_behind_figures(user, person_ids) -> set[int]:
    """Of ``person_ids`` (the children behind a performance figure), those whose names
    ``user`` may be shown in the figure's list.

    A basis of its own, and a narrow one: the director of children's services answers for
    every child in the borough's figures, so the role that holds
    ``insight.view_children_behind_figures`` sees the names behind a figure, as a list
    (each name audited as listed), without any working relation to the children. It opens
    no record: ``decide`` is unchanged, and the role holds no ``people.view_record``.
    Restricted records stay as closed as in every other list (``closed_restricted``): they
    are counted, never named. Every other user is shown no names at all.
    """
    from lantern.access.roles import VIEW_CHILDREN_BEHIND_FIGURES

    if not user.is_authenticated or not user.has_perm(VIEW_CHILDREN_BEHIND_FIGURES):
        return set()
    ids = set(person_ids)
    return ids - closed_restricted(user, ids)
