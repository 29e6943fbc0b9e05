"""Partner API tokens: one or more per partner organisation, stored only as a hash.

A token is 256 bits from ``secrets``; SHA-256 of such a value cannot be reversed or guessed,
so (unlike a password) it needs no slow hash, and the indexed hash is the lookup. Only the
hash and a short prefix (to tell tokens apart in lists and logs) are kept: a database copy
gives nobody a working token. Revoking sets ``revoked_at``; the row stays for the audit.
"""

from django.db import models


class PartnerToken(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=120)
    prefix = models.CharField(max_length=12, unique=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
