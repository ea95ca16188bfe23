"""Witnessed checkpoints: a support organisation signs the head of a vault's history with Ed25519.

The signed message is canonical JSON of (vault id, entry number, head hash, time, organisation), so a
signature cannot be moved to another vault, entry or name. The private key never enters the vault: only
the signature, the public key and its fingerprint are stored. Whoever lacks the private key cannot
rewrite history before a checkpoint without `verify` noticing (the entry's hash would no longer match).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from handbook_app.core.audit import canonical_json

MESSAGE_FORMAT = "trainee-handbook-checkpoint-1"


@dataclass(frozen=True)
class Checkpoint:
    vault_id: str
    seq: int
    head_hash: str
    signed_at: str  # UTC ISO 8601 with Z
    organisation: str
    public_key: str  # raw Ed25519 public key, hex
    signature: str  # hex
    id: int | None = None

    def message(self) -> bytes:
        return signed_message(self.vault_id, self.seq, self.head_hash, self.signed_at, self.organisation)

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes.fromhex(self.public_key))

    def signature_valid(self) -> bool:
        try:
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(self.public_key))
            key.verify(bytes.fromhex(self.signature), self.message())
            return True
        except (ValueError, InvalidSignature):
            return False


def signed_message(vault_id: str, seq: int, head_hash: str, signed_at: str, organisation: str) -> bytes:
    return canonical_json({
        "format": MESSAGE_FORMAT, "vault_id": vault_id, "seq": seq, "head_hash": head_hash,
        "signed_at": signed_at, "organisation": organisation,
    }).encode("utf-8")


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, grouped for reading aloud over the phone: 'ab12 cd34 …' (first 128 bits)."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def public_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, vault_id: str, seq: int, head_hash: str, signed_at: str,
         organisation: str) -> Checkpoint:
    signature = key.sign(signed_message(vault_id, seq, head_hash, signed_at, organisation))
    return Checkpoint(vault_id, seq, head_hash, signed_at, organisation, public_raw(key).hex(), signature.hex())
