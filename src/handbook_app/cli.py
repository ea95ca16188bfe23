"""Headless commands over the same services as the desktop app (never a second code path).

The passphrase comes from $HANDBOOK_PASSPHRASE or a no-echo prompt, never from the command line,
where other users of the PC could see it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence

from handbook_app import __version__
from handbook_app.i18n import LOCALES, _, set_locale
from handbook_app.i18n.system_language import system_language

# Exit codes a script can tell apart: verification found a problem (1), the command or its input is wrong (2),
# the vault cannot be opened or written — wrong passphrase, missing or foreign file, in use (3), cancelled (130).
# A damaged vault: verify and an incomplete export-json exit 1; a bug in the app exits 70 (never a traceback).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_VAULT, EXIT_CANCELLED = 0, 1, 2, 3, 130
EXIT_INTERNAL = 70
DEMO_PASSPHRASE = "demo"  # the same as the desktop app's demo vault


class CliError(Exception):
    """A one-line, translated message for the user; exits non-zero without a traceback."""


def _default_locale() -> str:
    return system_language()  # the environment, or Windows' display language


def _passphrase(confirm: bool = False) -> str:
    secret = os.environ.get("HANDBOOK_PASSPHRASE")
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise CliError(_("Set HANDBOOK_PASSPHRASE or run in a terminal to type the passphrase."))
    secret = getpass.getpass(_("Passphrase: "))
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != secret:
        raise CliError(_("The two passphrases are different."))
    if not secret:
        raise CliError(_("Please enter a passphrase."))
    return secret


def _open(path: str, read_only: bool | None = None):
    from handbook_app.services.session import unlock

    handbook, _info = unlock(path, _passphrase(), read_only=read_only)
    return handbook


def cmd_demo(args: argparse.Namespace) -> int:
    from handbook_app.services.demo import build_demo
    from handbook_app.services.session import create

    # Invented records: the passphrase is "demo" like the app's demo vault, unless one is set (scripts work).
    passphrase = os.environ.get("HANDBOOK_PASSPHRASE") or DEMO_PASSPHRASE
    # the invented demo vault is exempt from the passphrase policy only with its printed passphrase "demo"
    handbook = create(args.vault, passphrase, check_policy=passphrase != DEMO_PASSPHRASE)
    try:
        build_demo(handbook)
        count = len(handbook.audit_entries())
    finally:
        handbook.lock()
    print(_("Demo vault written to {path} ({count} changes recorded).").format(path=args.vault, count=count))
    if passphrase == DEMO_PASSPHRASE:
        print(_("Its passphrase is: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from handbook_app.services.export_json import export_json

    handbook = _open(args.vault, read_only=True)  # an export leaves the vault file byte for byte as it was
    try:
        result = export_json(handbook, args.out)
    finally:
        handbook.lock()
    print(_("Exported to {path}. This file is NOT encrypted: keep it safe and delete it when done.").format(
        path=args.out), file=sys.stderr)
    if result.unreadable:
        print(_("The vault is damaged: the export is INCOMPLETE (marked so in the file). Parts that could not be "
                "read: {parts}").format(parts="; ".join(result.unreadable[:10])), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from handbook_app.services.verification import describe_report
    from handbook_app.vault.connection import VaultDamaged

    expected = _parse_expect(args.expect) if getattr(args, "expect", None) else None
    try:
        handbook = _open(args.vault, read_only=True)  # verify never writes: the file's SHA-256 stays the same
    except VaultDamaged as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        report = handbook.verify()
        entry = handbook.audit_entry(expected[0]) if expected else None
    finally:
        handbook.lock()
    ok, lines = describe_report(report)
    if expected:
        seq, digest = expected
        if entry is None or entry.hash != digest:
            ok = False
            lines.insert(0, _("History entry {seq} does not carry the hash printed earlier ({hash}): the history was "
                              "rewritten or cut short after that print.").format(seq=seq, hash=digest[:16] + "…"))
        else:
            lines.insert(0, _("History entry {seq} still carries the hash printed earlier.").format(seq=seq))
    for line in lines:
        print(line, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else EXIT_FAILED


def _parse_expect(text: str) -> tuple[int, str]:
    seq, _sep, digest = text.partition(":")
    digest = digest.strip().lower()
    if not seq.strip().isdigit() or int(seq) >= 2**63 or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise CliError(_("--expect takes ENTRY:HASH, for example 120:3f2a… (the 64-character hash printed in a PDF)."))
    return int(seq), digest


def cmd_guide_search(args: argparse.Namespace) -> int:
    from handbook_app.services.guide import search_guide

    hits = search_guide(args.query, args.lang)
    if not hits:
        print(_("No article matches '{query}'.").format(query=args.query), file=sys.stderr)
        return EXIT_FAILED
    for slug, lang, title in hits:
        print(f"{slug}\t{lang}\t{title}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook-app",
        description=_("Trainee Handbook: an encrypted record and rights guide. Without a command, opens the app."),
    )
    parser.add_argument("--version", action="version", version=f"handbook-app {__version__}")
    parser.add_argument("--lang", choices=LOCALES, help=_("language of messages (vi, ja, en)"))
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help=_("create a demo vault with three years of invented records"))
    demo.add_argument("vault")
    demo.set_defaults(func=cmd_demo)

    export = sub.add_parser("export-json", help=_("export every record and the audit chain as JSON"))
    export.add_argument("vault")
    export.add_argument("out")
    export.set_defaults(func=cmd_export_json)

    verify = sub.add_parser("verify", help=_("check the vault's integrity and recompute the audit chain"))
    verify.add_argument("vault")
    verify.add_argument("--expect", metavar="ENTRY:HASH",
                        help=_("also check that history entry ENTRY still has HASH (as printed in an earlier PDF)"))
    verify.set_defaults(func=cmd_verify)

    guide = sub.add_parser("guide", help=_("the rights guide"))
    guide_sub = guide.add_subparsers(dest="guide_command", required=True)
    search = guide_sub.add_parser("search", help=_("search the rights guide"))
    search.add_argument("query")
    search.add_argument("--lang", dest="guide_lang", choices=LOCALES)
    search.set_defaults(func=lambda a: cmd_guide_search(argparse.Namespace(query=a.query, lang=a.guide_lang)))

    _extend_parser(sub)
    return parser


def _extend_parser(sub) -> None:
    """Commands that live in their own modules (reports, recovery, witnessing, facts updates) register here."""
    from handbook_app.cli_recovery import add_commands as add_recovery
    from handbook_app.cli_witness import add_commands as add_witness

    add_recovery(sub)
    add_witness(sub)
    try:
        from handbook_app.cli_reports import add_commands
    except ImportError:
        return
    add_commands(sub, _open)
    from handbook_app.cli_content import add_commands as add_content_commands

    add_content_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_locale(_default_locale())
    # The language must be set before --help texts are built.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LOCALES:
            set_locale(argv[i + 1])
        elif arg.startswith("--lang=") and arg[7:] in LOCALES:
            set_locale(arg[7:])
    from handbook_app.cli_words import install

    install()  # argparse's own words follow --lang too
    parser = build_parser()
    args = parser.parse_args(argv)
    from handbook_app.services.content import activate_facts

    activate_facts()  # the guide, minimum wages and fee limits from an installed update, if any
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from handbook_app.core.validation import ValidationError
    from handbook_app.i18n.formatting import ParseError
    from handbook_app.vault.connection import VaultError

    try:
        return func(args)
    except VaultError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_VAULT
    except (CliError, ParseError, ValidationError) as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE
    except (KeyboardInterrupt, EOFError):  # Ctrl+C, or Ctrl+D at the passphrase prompt
        print(_("Cancelled."), file=sys.stderr)
        return EXIT_CANCELLED
    except Exception as exc:  # the one top-level guard: never a traceback for the user
        from handbook_app.services.crash import report_unexpected

        print(report_unexpected(exc), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
