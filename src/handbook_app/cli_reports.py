"""`handbook-app export-pdf`: the PDF reports from the command line, with the app's own options.

The vault passphrase comes from $HANDBOOK_PASSPHRASE or a prompt (the `open_vault` that `cli`
hands to `add_commands`; this module never imports `cli`, so the two do not import each other); with
--protect the PDF password comes from $HANDBOOK_PDF_PASSWORD or a no-echo prompt, never from
the command line, where other users of the PC could read it in the process list.

Wrong input (a bad option, a date not written YYYY-MM-DD, an output file that exists or a folder
that does not) raises `ParseError`, which `cli.main` turns into exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
from pathlib import Path

from handbook_app.i18n import _, ngettext
from handbook_app.i18n.formatting import ParseError

CliError = ParseError  # a translated one-line message, exit code 2
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IDS = re.compile(r"^[0-9]+(,[0-9]+)*$")  # ASCII digits only: "²".isdigit() is True but int("²") fails
_EXCLUDE_ITEM = re.compile(r"^([^:\s]+):([0-9]+)$")

PDF_PASSWORD_ENV = "HANDBOOK_PDF_PASSWORD"


def iso_date(text: str, option: str) -> dt.date:
    """Only YYYY-MM-DD: '01/02/2025' would mean 2 January to one reader and 1 February to another."""
    value = text.strip()
    if _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise CliError(_("{option} '{text}' is not a date written year-month-day: write it like 2024-01-31.").format(
        option=option, text=text))


def _pdf_password() -> str:
    secret = os.environ.get(PDF_PASSWORD_ENV)
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise CliError(_("Set HANDBOOK_PDF_PASSWORD or run in a terminal to type the PDF password."))
    secret = getpass.getpass(_("Password for the PDF: "))
    if getpass.getpass(_("Repeat the password for the PDF: ")) != secret:
        raise CliError(_("The two passwords are different."))
    if not secret:
        raise CliError(_("Please enter a password."))
    return secret


def _options(args: argparse.Namespace):
    from handbook_app.reports.labels import parse_langs
    from handbook_app.reports.model import SECTIONS, ReportOptions

    try:
        langs = parse_langs(args.langs)
    except ValueError:
        raise CliError(_("--langs takes one or two of vi, ja, en separated by a comma, e.g. vi,ja.")) from None
    sections = frozenset(SECTIONS)
    if args.sections:
        chosen = {s.strip() for s in args.sections.split(",") if s.strip()}
        unknown = chosen - set(SECTIONS)
        if unknown:
            raise CliError(_("Unknown section: {names}. Choose from: {choices}.").format(
                names=", ".join(sorted(unknown)), choices=", ".join(SECTIONS)))
        sections = frozenset(chosen)
    exclude = set()
    for item in (args.exclude or "").split(","):
        if not item.strip():
            continue
        match = _EXCLUDE_ITEM.match(item.strip().lower())
        if match is None:
            raise CliError(_("--exclude takes KIND:ID items, e.g. incident:4,payslip:12."))
        exclude.add((match.group(1), int(match.group(2))))
    incident_detail, detail_ids = _incident_detail(args.incidents)
    date_from = iso_date(args.date_from, "--from") if args.date_from else None
    date_to = iso_date(args.date_to, "--to") if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise CliError(_("--from is after --to."))
    password = _pdf_password() if args.protect else None
    return ReportOptions(
        langs=langs, date_from=date_from, date_to=date_to, sections=sections, exclude=frozenset(exclude),
        mask_third_parties=args.mask, show_trainee_name=not args.hide_name, images=not args.no_images,
        full_images=args.full_images, password=password, recipient=args.recipient or "",
        incident_detail=incident_detail, detail_ids=detail_ids, transactions=args.transactions,
    )


def _incident_detail(text: str) -> tuple[str, frozenset[int]]:
    """`--incidents`: all, open, period, or the ids of the incidents to print in full ("3,5")."""
    from handbook_app.reports.model import INCIDENT_DETAIL

    value = text.strip().lower().replace(" ", "")
    if value in INCIDENT_DETAIL and value != "selected":
        return value, frozenset()
    if _IDS.match(value):
        return "selected", frozenset(int(x) for x in value.split(","))
    if value == "selected":
        raise CliError(_("--incidents: write the ids of the incidents to print in full instead of 'selected', "
                         "e.g. --incidents 3,5."))
    raise CliError(_("--incidents takes all, open, period, or incident ids separated by commas, e.g. 3,5 (not "
                     "'{text}').").format(text=text))


def _check_records(handbook, options) -> None:
    """Ids typed on the command line must name records in this vault (the app only offers real ones)."""
    from handbook_app.reports.model import EXCLUDABLE
    from handbook_app.services.report_options import chosen_incidents_left_out, unknown_records

    unknown = unknown_records(handbook, options.exclude)
    if unknown:
        raise CliError(_("--exclude names records that are not in this vault or cannot be left out: {items}. Use KIND:ID with an id "
                         "from export-json; KIND is one of {kinds}. No PDF was made.").format(
            items=", ".join(f"{kind}:{row_id}" for kind, row_id in unknown), kinds=", ".join(sorted(EXCLUDABLE))))
    if options.incident_detail == "selected":
        missing = [row_id for _kind, row_id in unknown_records(handbook, (("incident", i) for i in options.detail_ids))]
        if missing:
            raise CliError(ngettext(
                "--incidents: this vault has no incident with the id {ids}. No PDF was made.",
                "--incidents: this vault has no incidents with the ids {ids}. No PDF was made.",
                len(missing)).format(ids=", ".join(map(str, missing))))
        left_out = chosen_incidents_left_out(handbook, options)
        if left_out:
            raise CliError(ngettext(
                "--incidents: incident {ids} is not in this pack (left out with --exclude, or it started outside "
                "--from/--to), so it cannot be printed in full. No PDF was made.",
                "--incidents: incidents {ids} are not in this pack (left out with --exclude, or they started "
                "outside --from/--to), so they cannot be printed in full. No PDF was made.",
                len(left_out)).format(ids=", ".join(map(str, left_out))))


def _check_out(out: str, overwrite: bool) -> None:
    """The output path is input too: a wrong one is exit code 2, before the vault is even opened."""
    path = Path(out)
    if path.exists() and not overwrite:
        raise CliError(_("A file with this name already exists. Choose another name or add --overwrite; nothing "
                         "was overwritten."))
    if not path.resolve().parent.is_dir():
        raise CliError(_("This folder does not exist: {folder}. The PDF was not saved.").format(folder=path.parent))


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from handbook_app.services.reports import ReportCancelled, export_report

    _check_out(args.out, args.overwrite)
    options = _options(args)
    handbook = args.open_vault(args.vault)
    try:
        _check_records(handbook, options)
        result = export_report(handbook, args.report, args.out, options, overwrite=args.overwrite)
    except ReportCancelled:
        raise KeyboardInterrupt from None
    finally:
        handbook.lock()
    print(ngettext("Saved {path}: {pages} page, SHA-256 {sha256}.", "Saved {path}: {pages} pages, SHA-256 {sha256}.",
                   result.pages).format(path=result.path, pages=result.pages, sha256=result.sha256))
    if result.missing_glyphs:
        print(_("Some characters have no glyph in the bundled fonts and are shown as \ufffd: {codes}").format(
            codes=", ".join(result.missing_glyphs)), file=sys.stderr)
    if options.password:
        print(_("This PDF needs its password to open. Give the password separately from the file."),
              file=sys.stderr)
    else:
        print(_("This PDF is NOT protected by the vault: anyone with the file can read it. Keep it safe and "
                "delete it when done."), file=sys.stderr)
    return 0


def add_commands(sub, open_vault) -> None:
    """Register `export-pdf`; `open_vault(path)` unlocks a vault the way the CLI does (passphrase, errors)."""
    from handbook_app.reports.model import REPORT_KINDS, SECTIONS

    pdf = sub.add_parser("export-pdf", help=_("make a PDF: the evidence pack or a short summary"))
    pdf.add_argument("vault")
    pdf.add_argument("out")
    pdf.add_argument("--report", choices=tuple(REPORT_KINDS), default="evidence",
                     help=_("which PDF (default: evidence)"))
    pdf.add_argument("--langs", default="vi,ja", help=_("one or two languages, first one for numbers and dates "
                                                        "(default: vi,ja)"))
    pdf.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                     help=_("first day of the period, written year-month-day (2024-01-31)"))
    pdf.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                     help=_("last day of the period, written year-month-day"))
    pdf.add_argument("--sections", metavar="LIST",
                     help=_("comma-separated sections of the evidence pack: {choices}").format(
                         choices=",".join(SECTIONS)))
    pdf.add_argument("--exclude", metavar="KIND:ID,...",
                     help=_("records to leave out, by the ids export-json shows, e.g. incident:4,payslip:12"))
    pdf.add_argument("--mask", action="store_true", help=_("hide the names and addresses of other people"))
    pdf.add_argument("--hide-name", action="store_true", help=_("leave the trainee's name out"))
    pdf.add_argument("--no-images", action="store_true", help=_("no thumbnails of attached images"))
    pdf.add_argument("--full-images", action="store_true", help=_("add every attached image at full page width"))
    pdf.add_argument("--protect", action="store_true",
                     help=_("protect the PDF with a password (from HANDBOOK_PDF_PASSWORD or a prompt)"))
    pdf.add_argument("--recipient", metavar="TEXT", help=_("to whom the PDF is given (recorded in the history)"))
    pdf.add_argument("--incidents", metavar="all|open|period|ID,...", default="all",
                     help=_("which incidents are printed in full: all, open, those that started in the period, or "
                            "the ones whose ids you list, e.g. 3,5 (the ids --exclude uses); the overview lists "
                            "every one (default: all)"))
    pdf.add_argument("--transactions", action="store_true",
                     help=_("print every repayment and transfer in an appendix (they are always embedded as CSV)"))
    pdf.add_argument("--overwrite", action="store_true", help=_("replace an existing file"))
    pdf.set_defaults(func=cmd_export_pdf, open_vault=open_vault)
