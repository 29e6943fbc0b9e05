"""Carers: the fostering households, kinship carers, children's homes and supported
accommodation the council places children with. Not a child's record, so no chronology; the
audit log still says who added or changed one."""

from django.db import transaction

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.care import codes
from lantern.care.models import Carer
from lantern.casework.actions.base import refuse

# Ofsted registers children's homes and supported accommodation (Supported Accommodation
# (England) Regulations 2023): a URN is required to place there (903 rule 218).
NEEDS_URN = (Carer.Kind.CHILDRENS_HOME, Carer.Kind.SUPPORTED_ACCOMMODATION)


def _check(kind: str, name: str, provider: str, urn: str) -> None:
    if not name.strip():
        refuse("Enter the carer's name", "name")
    if kind not in Carer.Kind.values:
        refuse("Choose the kind of carer", "kind")
    if provider not in codes.PROVIDER:
        refuse("Choose the placement provider", "provider")
    if kind in NEEDS_URN and not urn:
        refuse(
            "Enter the Ofsted URN: children's homes and supported accommodation are "
            "registered with Ofsted",
            "urn",
        )
    if kind == Carer.Kind.PARENTS and provider != "PR0":
        refuse("A child placed with parents is provided by PR0", "provider")


@transaction.atomic
def record_carer(
    *,
    acting_user,
    name: str,
    kind: str,
    provider: str,
    urn: str = "",
    postcode: str = "",
    request=None,
) -> Carer:
    urn, postcode = urn.strip().upper(), postcode.strip().upper()
    _check(kind, name, provider, urn)
    carer = Carer(name=name.strip(), kind=kind, provider=provider, urn=urn, postcode=postcode)
    carer.full_clean()
    carer.save()
    audit.record(
        request, AuditEntry.Action.CREATE, user=acting_user, obj=carer, detail="added carer"
    )
    return carer


@transaction.atomic
def update_carer(carer: Carer, *, acting_user, request=None, **changes) -> Carer:
    carer = Carer.objects.select_for_update().get(pk=carer.pk)
    for field, value in changes.items():
        if field not in {"name", "kind", "provider", "urn", "postcode", "active"}:
            raise TypeError(f"update_carer() got an unexpected field {field!r}")
        setattr(carer, field, value.strip().upper() if field in {"urn", "postcode"} else value)
    _check(carer.kind, carer.name, carer.provider, carer.urn)
    carer.full_clean()
    carer.save()
    audit.record(
        request, AuditEntry.Action.UPDATE, user=acting_user, obj=carer, detail="changed carer"
    )
    return carer
