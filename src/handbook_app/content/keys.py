"""Publisher keys: Ed25519 public keys the app trusts, shipped in resources/content-keys/ (PEM files).

A key is named by its fingerprint, the SHA-256 of its 32 raw bytes in hex; a manifest names the
fingerprint of the key that signed it, so the app never has to try every key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from handbook_app.resources import resource_path

KEYS_FOLDER = "content-keys"


@dataclass(frozen=True)
class PublisherKey:
    name: str  # the file's stem, e.g. "example-union"
    key: Ed25519PublicKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)


def fingerprint(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def load_public_key(path: Path) -> PublisherKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path.name}: not an Ed25519 public key")
    return PublisherKey(path.stem, key)


def trusted_keys(folder: Path | None = None) -> tuple[PublisherKey, ...]:
    """The keys shipped with the program (resources/content-keys/*.pem)."""
    folder = folder or resource_path(KEYS_FOLDER)
    if not folder.is_dir():
        return ()
    return tuple(load_public_key(p) for p in sorted(folder.glob("*.pem")))


def find_key(keys: Iterable[PublisherKey], wanted: str) -> PublisherKey | None:
    return next((k for k in keys if k.fingerprint == wanted), None)


def signature_ok(key: PublisherKey, signature: bytes, data: bytes) -> bool:
    try:
        key.key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """A publisher's private key file (PEM, unencrypted or with $HANDBOOK_KEY_PASSWORD)."""
    import os

    password = os.environ.get("HANDBOOK_KEY_PASSWORD")
    key = serialization.load_pem_private_key(path.read_bytes(), password.encode() if password else None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path.name}: not an Ed25519 private key")
    return key


def new_key_pair() -> tuple[bytes, bytes]:
    """(private PEM, public PEM) of a fresh Ed25519 key, for a publisher to keep and to have trusted."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    return private_pem, public_pem
