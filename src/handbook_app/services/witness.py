"""Witnessed checkpoints for support workers: make an organisation key, sign a vault's history head.

The key file lives on the support worker's own stick, never in the vault. It is JSON holding the
organisation's name and its Ed25519 private key as PKCS#8 PEM, encrypted with the key's own passphrase
(cryptography's best available scheme). Signing appends a checkpoint row and a "witness" history entry.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handbook_app.core.records import Actor
from handbook_app.core.witness import Checkpoint, fingerprint, public_raw, sign
from handbook_app.i18n import _
from handbook_app.private_files import open_private
from handbook_app.services.changes import Changes
from handbook_app.services.handbook import Handbook
from handbook_app.services.passphrase_policy import passphrase_problem
from handbook_app.vault.connection import VaultError, VaultExists

KEY_FORMAT = "trainee-handbook-witness-key"


class WitnessKeyError(VaultError):
    """The key file is missing, not a witness key, or its passphrase is wrong."""


def generate_key(dest: str | os.PathLike, organisation: str, key_passphrase: str) -> str:
    """Write a new organisation key file (never overwriting); returns the public key's fingerprint."""
    dest = Path(dest)
    organisation = organisation.strip()
    if not organisation:
        raise WitnessKeyError(_("Enter the organisation's name."))
    problem = passphrase_problem(key_passphrase)
    if problem:
        raise WitnessKeyError(problem)
    if dest.exists():
        raise VaultExists(_("A file with this name already exists. Choose another name; nothing was overwritten."))
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(key_passphrase.encode("utf-8")))
    with open_private(dest, "w", encoding="utf-8") as out:
        json.dump({"format": KEY_FORMAT, "organisation": organisation, "private_key": pem.decode("ascii")}, out,
                  ensure_ascii=False, indent=1)
    return fingerprint(public_raw(key))


def load_key(path: str | os.PathLike, key_passphrase: str) -> tuple[str, Ed25519PrivateKey]:
    """(organisation, private key) from a key file, or a clear message."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WitnessKeyError(_("No key file was found at {path}.").format(path=path)) from None
    except (OSError, ValueError):
        raise WitnessKeyError(_("This is not an organisation key file.")) from None
    if not isinstance(data, dict) or data.get("format") != KEY_FORMAT or not data.get("organisation"):
        raise WitnessKeyError(_("This is not an organisation key file."))
    try:
        key = serialization.load_pem_private_key(str(data["private_key"]).encode("ascii"),
                                                 key_passphrase.encode("utf-8"))
    except (ValueError, TypeError, KeyError):
        raise WitnessKeyError(_("The key file's passphrase is wrong, or the key file is damaged.")) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise WitnessKeyError(_("This is not an organisation key file."))
    return str(data["organisation"]), key


def witness(handbook: Handbook, key_path: str | os.PathLike, key_passphrase: str, worker: str = "") -> Checkpoint:
    """Sign the current head of the history with the organisation's key and store the checkpoint."""
    organisation, key = load_key(key_path, key_passphrase)
    handbook.vault.check_writable()
    seq, head = handbook.audit_head()
    if seq == 0:
        raise VaultError(_("The vault has no history yet: there is nothing to witness."))
    vault_id = handbook.meta("vault_id")
    if not vault_id:
        raise VaultError(_("This vault has no id to sign (it could not be read)."))
    signed_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    checkpoint = sign(key, vault_id, seq, head, signed_at, organisation)
    actor = Actor("support", worker, organisation)
    with handbook.vault.transaction():
        handbook.store.add_checkpoint(checkpoint)
        handbook.store.append_audit(actor, "witness", "checkpoint", None, None, {
            "seq": seq, "head_hash": head, "organisation": organisation, "fingerprint": checkpoint.fingerprint,
            "signed_at": signed_at,
        })
    return checkpoint


def checkpoints(handbook: Handbook) -> list[Checkpoint]:
    return handbook.store.checkpoints()


__all__ = ["Changes", "WitnessKeyError", "checkpoints", "generate_key", "load_key", "witness"]
