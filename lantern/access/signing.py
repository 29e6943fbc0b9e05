"""The key that signs audit checkpoints: an Ed25519 pair, the private half outside the database.

Whoever can write to the database can re-hash the whole audit chain, so the chain alone
proves nothing against a database administrator. A signature made with a key they cannot
read can: the private key lives in a file (``LANTERN_AUDIT_SIGNING_KEY_FILE``) readable only
by the application's service account, and checking a signature needs only the public key,
which the DPO holds and can use without being able to forge (docs/audit.md).

Production must name the file (settings refuse to start otherwise) and the file must exist;
development makes a key under the var directory on first use, like the secret key.
"""

import base64
import contextlib
import functools
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SigningKeyMissing(ImproperlyConfigured):
    pass


def key_id(public_key: Ed25519PublicKey) -> str:
    """A short fingerprint naming the key, so a rotated-out key's checkpoints still verify."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def write_key_pair(path: Path) -> Ed25519PrivateKey:
    """Make a new pair: the private key at ``path`` (owner-only), the public at ``path.pub``.

    Refuses to overwrite: replacing a key in place would make every earlier checkpoint
    unverifiable unless its public half had been kept.
    """
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    public_path(path).write_bytes(public_pem(key.public_key()))
    return key


def public_path(path: Path) -> Path:
    return path.with_name(path.name + ".pub")


@functools.cache
def _load_private(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyMissing(f"{path} is not an Ed25519 private key")
    return key


def signing_key() -> Ed25519PrivateKey:
    """The private key, loaded once per process (a file read per audit write would cost)."""
    configured = settings.LANTERN_AUDIT_SIGNING_KEY_FILE
    if not configured:
        raise SigningKeyMissing("LANTERN_AUDIT_SIGNING_KEY_FILE is not set")
    path = Path(configured)
    if not path.exists():
        if settings.PRODUCTION:
            raise SigningKeyMissing(
                f"the audit signing key {path} does not exist; make one with "
                "`lantern audit keygen --out <file>` (docs/audit.md)"
            )
        with contextlib.suppress(FileExistsError):  # another process made it first
            write_key_pair(path)
    return _load_private(path)


def load_public(path: Path) -> Ed25519PublicKey:
    data = Path(path).read_bytes()
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        key = serialization.load_pem_private_key(data, password=None).public_key()
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyMissing(f"{path} is not an Ed25519 key")
    return key


def trusted_keys(public_key_files=()) -> dict[str, Ed25519PublicKey]:
    """The keys whose checkpoints count, by key id.

    Given files (the DPO's copy of the public key) are trusted alone, so verification
    outside the system never depends on anything the database or server could swap.
    Otherwise: the current signing key plus older public keys kept after a rotation
    (``LANTERN_AUDIT_PUBLIC_KEY_FILES``).
    """
    if public_key_files:
        keys = [load_public(Path(p)) for p in public_key_files]
    else:
        keys = [signing_key().public_key()]
        keys += [load_public(Path(p)) for p in settings.LANTERN_AUDIT_PUBLIC_KEY_FILES]
    return {key_id(k): k for k in keys}


def sign(message: bytes) -> tuple[str, str]:
    key = signing_key()
    return key_id(key.public_key()), base64.b64encode(key.sign(message)).decode()


def signature_holds(public_key: Ed25519PublicKey, message: bytes, signature: str) -> bool:
    try:
        public_key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True
