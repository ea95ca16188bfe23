"""`handbook-app recover VAULT`: open a vault with its recovery sheet's code and set a new passphrase.

The code comes from $HANDBOOK_RECOVERY_CODE or a no-echo prompt, the new passphrase from
$HANDBOOK_PASSPHRASE or a no-echo prompt typed twice: neither is ever on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from handbook_app.i18n import _
from handbook_app.i18n.formatting import ParseError as InputError  # the CLI's "wrong input" (exit 2)


def _secret(variable: str, missing: str, prompt: str, again: str | None = None) -> str:
    value = os.environ.get(variable, "")
    if value:
        return value
    if not sys.stdin.isatty():
        raise InputError(missing)
    value = getpass.getpass(prompt)
    if again is not None and getpass.getpass(again) != value:
        raise InputError(_("The two passphrases are different."))
    return value


def cmd_recover(args: argparse.Namespace) -> int:
    from handbook_app.services import recovery
    from handbook_app.services.handbook import passphrase_problem

    code = _secret("HANDBOOK_RECOVERY_CODE", _("Set HANDBOOK_RECOVERY_CODE or run in a terminal to type the code."),
                   _("Code from the recovery sheet (all 4 lines, spaces allowed): "))
    problem = recovery.code_problem(code)
    if problem:
        raise InputError(problem)
    new = _secret("HANDBOOK_PASSPHRASE", _("Set HANDBOOK_PASSPHRASE or run in a terminal to type the passphrase."),
                  _("New passphrase: "), _("Repeat the passphrase: "))
    problem = passphrase_problem(new)
    if problem:
        raise InputError(problem)
    handbook, _info = recovery.unlock_with_code(args.vault, code)
    try:
        recovery.set_new_passphrase(handbook, new)
    finally:
        handbook.lock()
    print(_("The vault was opened with the recovery code and has a new passphrase. The old recovery sheet no "
            "longer works: make a new one in the app."))
    return 0


def add_commands(sub) -> None:
    recover = sub.add_parser("recover", help=_("open a vault with its recovery sheet's code and set a new passphrase"))
    recover.add_argument("vault")
    recover.set_defaults(func=cmd_recover)
