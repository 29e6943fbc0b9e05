"""Password hashing at the cost OWASP recommends, not Django's default.

OWASP's Password Storage Cheat Sheet (2024) recommends Argon2id with at least 19 MiB of
memory, 2 iterations and 1 degree of parallelism. Django's default (100 MiB, 2 iterations,
8 lanes) is stronger than that floor but costs about 200 ms of CPU per sign-in on a 2-core
machine, so a morning's sign-in wave queues every page behind it (issue 15). At OWASP's
parameters a hash costs about 20 ms. Memory hardness, not CPU time, is what slows an
attacker's GPUs, and 19 MiB per guess keeps that. Sign-in attempts are also rate-limited
(django-axes).

Existing hashes carry their own parameters, so they still verify. Django rehashes each one
with these on the member of staff's next sign-in (``must_update``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
