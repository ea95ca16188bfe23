"""CLI for support workers: make an organisation key, and witness (sign) a vault's history.

The key's own passphrase comes from $HANDBOOK_WITNESS_KEY_PASSPHRASE or a no-echo prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from handbook_app.i18n import _


def _key_passphrase(confirm: bool = False) -> str:
    from handbook_app.cli import CliError

    secret = os.environ.get("HANDBOOK_WITNESS_KEY_PASSPHRASE")
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise CliError(_("Set HANDBOOK_WITNESS_KEY_PASSPHRASE or run in a terminal to type the key's passphrase."))
    secret = getpass.getpass(_("Passphrase of the organisation key: "))
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != secret:
        raise CliError(_("The two passphrases are different."))
    return secret


def cmd_witness_key(args: argparse.Namespace) -> int:
    from handbook_app.services.witness import generate_key

    fingerprint = generate_key(args.out, args.organisation, _key_passphrase(confirm=True))
    print(_("Organisation key written to {path}. Keep it on your own stick, never in a vault. Its fingerprint "
            "(publish it so others can check your checkpoints): {fingerprint}").format(
        path=args.out, fingerprint=fingerprint))
    return 0


def cmd_witness(args: argparse.Namespace) -> int:
    from handbook_app.cli import _open
    from handbook_app.services.witness import witness

    key_passphrase = _key_passphrase()
    handbook = _open(args.vault, read_only=False)
    try:
        cp = witness(handbook, args.key, key_passphrase, worker=args.worker or "")
    finally:
        handbook.lock()
    print(_("Witnessed: entry {seq}, head {hash}, {date}, by {organisation} (key {fingerprint}). Write this line "
            "down in your own records.").format(seq=cp.seq, hash=cp.head_hash, date=cp.signed_at,
                                               organisation=cp.organisation, fingerprint=cp.fingerprint))
    return 0


def add_commands(sub) -> None:
    key = sub.add_parser("witness-key", help=_("support workers: make an organisation key file for witnessing"))
    key.add_argument("out", help=_("the new key file (keep it on your own stick)"))
    key.add_argument("--organisation", required=True, help=_("the organisation's name, as it will be shown"))
    key.set_defaults(func=cmd_witness_key)
    wit = sub.add_parser("witness", help=_("support workers: sign the vault's history as it is now"))
    wit.add_argument("vault")
    wit.add_argument("--key", required=True, metavar="KEYFILE", help=_("the organisation key file"))
    wit.add_argument("--worker", help=_("your name, recorded with the checkpoint"))
    wit.set_defaults(func=cmd_witness)
