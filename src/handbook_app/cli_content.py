"""`handbook-app content …`: verify, install, list and roll back offline fact updates; build one (publishers).

Exit codes as for every command: 0 done, 1 a pack failed verification, 2 wrong input (a pack that cannot
be used, a file that is not a pack), 130 cancelled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook_app.i18n import _, current_locale

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _error(message: object) -> None:
    print(_("Error: {message}").format(message=message), file=sys.stderr)


def _describe(changes: list[str]) -> None:
    for line in changes:
        print(f"  - {line}")


def cmd_verify(args: argparse.Namespace) -> int:
    from handbook_app.services.content import PackError, facts_store

    store = facts_store()
    try:
        prepared = store.prepare(Path(args.pack))
    except PackError as exc:
        _error(exc)
        return EXIT_FAILED
    try:
        m = prepared.pack.manifest
        print(_("Signed by {publisher} (key {fingerprint}). {label}").format(
            publisher=m.publisher, fingerprint=m.key_fingerprint[:16], label=m.label()))
        print(m.change_text(current_locale()))
        print(_("Installing it would change:"))
        _describe(prepared.changes)
        if prepared.older:
            print(_("It is not newer than the facts in use ({label}).").format(label=store.current().label()))
    finally:
        store.discard(prepared)
    return EXIT_OK


def cmd_install(args: argparse.Namespace) -> int:
    from handbook_app.services.content import PackError, facts_store

    store = facts_store()
    try:
        prepared = store.prepare(Path(args.pack))
        print(_("Installing {label}, which changes:").format(label=prepared.pack.manifest.label()))
        _describe(prepared.changes)
        info = store.commit(prepared, allow_older=args.allow_older)
    except PackError as exc:
        _error(exc)
        return EXIT_USAGE
    except OSError as exc:
        _error(_("The facts could not be written ({detail}); the facts in use did not change.").format(
            detail=exc.strerror or exc))
        return EXIT_USAGE
    print(_("Facts in use: {label}.").format(label=info.label()))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from handbook_app.services.content import bundled_info, facts_store

    store = facts_store()
    current = store.current()
    for info in [bundled_info(), *store.installed()]:
        mark = "*" if info.folder == current.folder else " "
        who = _("bundled with the program") if info.bundled else info.publisher
        print(f"{mark} {info.label()}\t{who}")
    return EXIT_OK


def cmd_rollback(args: argparse.Namespace) -> int:
    from handbook_app.services.content import PackError, facts_store

    try:
        info = facts_store().rollback()
    except PackError as exc:
        _error(exc)
        return EXIT_USAGE
    print(_("Facts in use: {label}.").format(label=info.label()))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from handbook_app.content.build import build_pack
    from handbook_app.content.keys import load_private_key
    from handbook_app.services.content import PackError

    try:
        key = load_private_key(Path(args.key))
    except (OSError, ValueError, TypeError) as exc:
        _error(_("The key file {name} cannot be used ({detail}).").format(name=args.key, detail=exc))
        return EXIT_USAGE
    try:
        manifest = build_pack(Path(args.folder), Path(args.out), key)
    except PackError as exc:
        _error(exc)
        return EXIT_USAGE
    print(_("Signed pack written to {path}: {label}, {count} files.").format(
        path=args.out, label=manifest.label(), count=len(manifest.files)))
    return EXIT_OK


def cmd_keygen(args: argparse.Namespace) -> int:
    from handbook_app.content.keys import fingerprint, load_public_key, new_key_pair
    from handbook_app.private_files import open_private

    private_path, public_path = Path(args.private), Path(args.private).with_suffix(".pub.pem")
    if private_path.exists() or public_path.exists():
        _error(_("{path} already exists; choose another name.").format(path=private_path))
        return EXIT_USAGE
    private_pem, public_pem = new_key_pair()
    with open_private(private_path) as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    print(_("Private key: {private} (keep it offline, never share it). Public key to have trusted: {public} "
            "(fingerprint {fingerprint}).").format(private=private_path, public=public_path,
                                                   fingerprint=fingerprint(load_public_key(public_path).key)))
    return EXIT_OK


def add_commands(sub) -> None:
    content = sub.add_parser("content", help=_("offline updates of the guide, contacts, minimum wages and fee limits"))
    content_sub = content.add_subparsers(dest="content_command", required=True)
    verify = content_sub.add_parser("verify", help=_("check a facts update file and say what it would change"))
    verify.add_argument("pack")
    verify.set_defaults(func=cmd_verify)
    install = content_sub.add_parser("install", help=_("install a facts update file"))
    install.add_argument("pack")
    install.add_argument("--allow-older", action="store_true",
                         help=_("install even when it is not newer than the facts in use"))
    install.set_defaults(func=cmd_install)
    content_sub.add_parser("list", help=_("the facts bundled and installed; * marks those in use")).set_defaults(
        func=cmd_list)
    content_sub.add_parser("rollback", help=_("go back to the facts used before the last update")).set_defaults(
        func=cmd_rollback)
    build = content_sub.add_parser("build", help=_("(publishers) sign the fact files of a folder into a pack"))
    build.add_argument("folder")
    build.add_argument("--key", required=True, help=_("the publisher's private key file"))
    build.add_argument("--out", required=True)
    build.set_defaults(func=cmd_build)
    keygen = content_sub.add_parser("keygen", help=_("(publishers) make a new signing key pair"))
    keygen.add_argument("private", help=_("file for the private key (the public key goes beside it)"))
    keygen.set_defaults(func=cmd_keygen)
