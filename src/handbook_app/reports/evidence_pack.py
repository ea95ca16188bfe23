"""The evidence pack: the whole record, laid out for a union, labour office or lawyer.

Cover (with how to read the figures and a contents list with page numbers); a summary of the
findings the app already computes, each pointing to its page; trainee and contract; incident
timeline; payslips against the minimum wage with the estimated shortfall; debts; money sent home
by year and by month; attachments with SHA-256 and thumbnails; the audit chain's head hash and the
exact command to check it; earlier handovers; a declaration with signature lines.

Every label in the two chosen languages. In sentences each language writes figures its own way;
in table cells both readers share one neutral form (ISO dates, ¥1,027), stated on the cover.
Every section has a PDF bookmark; every page says whose record it is, the document id, the short
head hash and "page X of Y". Transaction lists are embedded as CSV files (and optionally printed
in an appendix), so the body stays short however long the record is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import BinaryIO

from handbook_app.core import prefectures
from handbook_app.core import records as r
from handbook_app.core.loans import LoanLedger
from handbook_app.i18n import N_, language_names, tr
from handbook_app.reports import csv_files, findings, images
from handbook_app.reports.base import (
    MM,
    Cancelled,
    DocMeta,
    Kit,
    PageFrame,
    Progress,
    RenderInfo,
    ReportCancelled,
    anchor,
    ref_line,
    render_pdf,
)
from handbook_app.reports.checkpoints import checkpoint_flowables
from handbook_app.reports.labels import DOT, Labels
from handbook_app.reports.languages import written_in
from handbook_app.reports.model import REPORT_KINDS, SECTIONS, ReportOptions, VaultData
from handbook_app.reports.pack_money import (
    MoneySections,
)
from handbook_app.resources import facts_label

WIDTH = 178 * MM  # A4 less the margins
NOT_PROTECTED = N_("This PDF is not protected by the vault: anyone who has the file can read it. "
                   "Give it only to people you trust, and delete copies you no longer need.")
PASSWORD_NOTE = N_("This PDF is protected with a password (AES-256): it opens only with that password. Give the "
                   "password separately, not with the file. Anyone who has both can read, print and copy it.")
FOOTER_OPEN = N_("No password")
FOOTER_PASSWORD = N_("Password-protected copy")
NONE_RECORDED = N_("Nothing of this kind is recorded in the vault for the chosen period.")
READING_NOTES = (
    N_("How to read the figures: in tables, dates are written year-month-day (2026-12-05) and months "
       "year-month (2026-12); amounts use a comma between thousands and a point before decimals: ¥1,027 is one "
       "thousand and twenty-seven yen, 181,000,000 ₫ is one hundred and eighty-one million dong, and eight "
       "tenths of a percent is written 0.8 %. In sentences each language writes figures its own way."),
)
VERIFY_COMMAND = "handbook-app verify VAULT --expect {entries}:{hash}"


def doc_id(data: VaultData, kind: str) -> str:
    """A short id of one document: the same on every page, in the metadata and in the handover."""
    head = data.integrity.head_hash if data.integrity else ""
    seed = f"{kind}|{head}|{data.generated.isoformat()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:8].upper()


def initials(name: str) -> str:
    return " ".join(part[0] + "." for part in name.split() if part)


def owner_text(data: VaultData, options: ReportOptions) -> str:
    """Whose record this is, for the footer: the name, or initials when the name is withheld."""
    if data.profile is None:
        return ""
    name = data.profile.full_name or data.profile.display_name
    return name if options.show_trainee_name else initials(name)


def short_head(data: VaultData) -> str:
    return data.integrity.head_hash[:12] if data.integrity and data.integrity.head_hash else ""


def other_language_name(shown_in: str, code: str) -> str:
    """The name of language `code` written in language `shown_in` ("tiếng Nhật", "ベトナム語")."""
    from babel import Locale

    try:
        return Locale.parse(shown_in).languages.get(code, code)
    except (ValueError, TypeError):
        return code


class _Builder(MoneySections):
    def __init__(self, data: VaultData, options: ReportOptions, cancelled: Cancelled | None,
                 progress: Progress | None) -> None:
        self.data = data
        self.options = options
        self.kit = Kit(Labels(options.langs))
        self.labels = self.kit.labels
        self.cancelled = cancelled
        self.progress = progress
        self.as_of = min(options.date_to or data.generated.date(), data.generated.date())
        self.story: list = []
        self._ticks = 0
        self.checks = findings.month_checks(data)
        self.incidents = sorted(data.incidents, key=lambda i: (i.started, i.id or 0))
        # Exhibit numbers: the incident's place in the timeline, used everywhere (overview, blocks, attachments).
        # an incident's number is its place among all incidents in the vault (by date), so a pack limited to a
        # period or with incidents left out numbers them as the full pack made the same day does
        self.exhibit = dict(data.incident_numbers) or {inc.id: n for n, inc in enumerate(self.incidents, start=1)}
        self.by_loan: dict[int | None, list[r.Repayment]] = {}
        for rep in data.repayments:
            self.by_loan.setdefault(rep.loan_id, []).append(rep)
        # one ledger per loan, reused by every table that needs it (a ten-year vault has thousands of repayments)
        self.ledgers = {loan.id: LoanLedger(loan, self.by_loan.get(loan.id, []), self.as_of) for loan in data.loans}
        self.balances = {loan.id: ledger.state(self.as_of).balance for loan in data.loans
                         for ledger in (self.ledgers[loan.id],)}
        self.embedded = csv_files.transaction_files(data, self.options.in_range)

    # -- helpers
    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled()

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks % 100 == 0:
            self.check_cancel()

    def add(self, *flowables) -> None:
        self.story.extend(flowables)

    def choice(self, table: dict[str, str], key: str) -> str:
        return self.labels.inline(table[key]) if key in table else key

    def choice_cell(self, table: dict[str, str], key: str) -> list:
        return self.kit.choice(table[key]) if key in table else [self.kit.p(key, "cell")]

    def none_recorded(self) -> None:
        self.add(self.kit.note(NONE_RECORDED))

    def section_title(self, key: str, message: str, level: int = 0) -> None:
        """A heading with its bookmark (outline entry) and anchor for page references."""
        self.add(anchor(self.kit, key, self.labels.inline(message), level))
        self.add(self.kit.h1(message) if level == 0 else self.kit.h2(message))

    def who(self, by: str) -> str:
        return self.labels.inline(N_("the trainee")) if by == "trainee" else by

    def provenance_text(self, kind: str, row_id: int | None) -> str:
        """'Entered 2024-06-03 09:12 (UTC+09:00) by the trainee; changed 1 time, last ...'."""
        prov = self.data.provenance.get((kind, row_id)) if row_id is not None else None
        if prov is None:
            return ""
        lab = self.labels
        text = lab.inline(N_("Entered {when} by {who}"), when=_when(prov.entered_at),
                          who=lab.lword(N_("the trainee")) if prov.entered_by == "trainee" else prov.entered_by)
        if prov.changes:
            text += DOT + lab.inline(N_("changed {count} times, last {when} by {who}"), count=prov.changes,
                                     when=_when(prov.changed_at),
                                     who=lab.lword(N_("the trainee")) if prov.changed_by == "trainee"
                                     else prov.changed_by)
        return text

    # -- the whole document
    def build(self) -> list:
        from reportlab.platypus import PageBreak

        steps = [key for key in SECTIONS if key in self.options.sections]
        self.cover(steps)
        for index, key in enumerate(steps):
            self.check_cancel()
            # A section with content starts a page; empty ones (and the short closing ones) follow on,
            # so an empty vault gives a short pack.
            self.add(PageBreak() if self.has_content(key) else self.kit.spacer(6))
            getattr(self, "section_" + key)()
            if self.progress is not None:
                self.progress(10 + 30 * (index + 1) // len(steps), 100)
        if self.options.transactions:
            self.appendix_transactions()
        if self.options.full_images and self.options.images and "attachments" in self.options.sections:
            self.appendix_images()
        return self.story

    def has_content(self, key: str) -> bool:
        d = self.data
        return {
            "findings": True,
            "summary": d.profile is not None or bool(d.contracts),
            "incidents": bool(d.incidents),
            "payslips": bool(d.payslips),
            "debts": bool(d.loans or d.fees),
            "remittances": bool(d.remittances),
            "attachments": bool(d.attachments),
            "integrity": True,
        }.get(key, False)

    def cover(self, steps: list[str]) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(anchor(k, "cover", lab.inline(REPORT_KINDS["evidence"])))
        self.add(k.spacer(10))
        self.add(k.p(lab.inline(N_("Trainee Handbook")), "subtitle"))
        self.add(k.spacer(2))
        for title in lab.each(REPORT_KINDS["evidence"]):
            self.add(k.p(title, "title"))
        self.add(k.spacer(4))
        name = ""
        if d.profile is not None:
            name = d.profile.full_name or d.profile.display_name
        if not self.options.show_trainee_name:
            name = lab.inline(N_("(name withheld)"))
        pairs = [
            (N_("Trainee"), name or lab.inline(N_("(not recorded)"))),
            (N_("Generated on"), lab.datetime(d.generated)),
            (N_("Period"), self.period_text()),
            (N_("Languages"), " / ".join(_LANGUAGE_NAMES[x] for x in self.options.langs)),
            (N_("Document id"), doc_id(d, "evidence")),
            (N_("Facts used (minimum wages, fee limits, guide)"), facts_label()),
        ]
        if d.integrity is not None:
            pairs.append((N_("History entries"), str(d.integrity.entries)))
            pairs.append((N_("Head of the history chain (SHA-256)"), d.integrity.head_hash))
        self.add(k.facts(pairs))
        self.add(k.spacer(3))
        self.add(k.note(PASSWORD_NOTE if self.options.password else NOT_PROTECTED))
        self.add(k.note(READING_NOTES[0]))
        self.add(k.h2(N_("Contents")))
        for number, key in enumerate(steps, start=1):
            self.add(ref_line(k, k.p(f"{number}. {lab.inline(SECTIONS[key])}"), key))
            if key == "debts" and self.data.fees:  # the fee findings on the summary page point here
                self.add(ref_line(k, k.p(f"{number}.1 {lab.inline(N_('Recruitment fees paid before leaving'))}"),
                                  "fees"))
        if self.options.transactions:
            self.add(ref_line(k, k.p(lab.inline(N_("Appendix: every transaction"))), "appendix-transactions"))
        missing = self.missing_items()
        if missing:
            self.add(k.h2(N_("Not in this record")))
            for item in missing:
                self.add(k.p("• " + lab.inline(item)))
        excluded = len(self.options.exclude)
        if excluded:
            self.add(k.p(lab.inline(N_("{count} records were left out of this PDF by the person who made it."),
                                    count=excluded), "muted"))
        if self.options.mask_third_parties:
            self.add(k.p(lab.inline(N_("Names and addresses of other people are hidden (•••).")), "muted"))

    def period_text(self) -> str:
        lab, o = self.labels, self.options
        if o.date_from and o.date_to:
            return f"{lab.date(o.date_from)} – {lab.date(o.date_to)}"
        if o.date_from:
            return lab.inline(N_("from {date}"), date=lab.date(o.date_from))
        if o.date_to:
            return lab.inline(N_("until {date}"), date=lab.date(o.date_to))
        return lab.inline(N_("All records"))

    def missing_items(self) -> list[str]:
        d, s = self.data, self.options.sections
        items = []
        if d.profile is None:
            items.append(N_("No trainee profile."))
        if "summary" in s and not d.contracts:
            items.append(N_("No contract."))
        if "incidents" in s and not d.incidents:
            items.append(N_("No incidents."))
        if "payslips" in s and not d.payslips:
            items.append(N_("No payslips."))
        if "debts" in s and not d.loans and not d.fees:
            items.append(N_("No debts or recruitment fees."))
        if "remittances" in s and not d.remittances:
            items.append(N_("No money sent home."))
        if "attachments" in s and not d.attachments:
            items.append(N_("No attachments (photos, documents)."))
        return items

    # -- sections
    def section_findings(self) -> None:
        from reportlab.platypus import KeepTogether

        k, lab, d = self.kit, self.labels, self.data
        self.section_title("findings", SECTIONS["findings"])
        self.add(*k.both(N_("What the app found when it checked the records, before anyone has reviewed them. Each "
                            "line gives the page with the detail. These are estimates from the records, not a legal "
                            "decision."), "small"))
        groups = [
            (N_("Wages"), findings.wage_lines(lab, self.checks, findings.missing_months(d, self.options))
             if "payslips" in self.options.sections else []),
            (N_("Recruitment fees and deposits"), findings.fee_lines(lab, d)),
            (N_("Debts"), findings.loan_lines(lab, d, self.balances)),
            (N_("Incidents"), findings.incident_lines(lab, d)),
            (N_("Attachments"), findings.duplicate_lines(lab, d, self.owner_in)),
        ]
        marks = {"shortfall": "■", "warning": "▲", "info": "•"}
        any_line = False
        for title, lines in groups:
            if not lines:
                continue
            any_line = True
            self.add(k.h2(title))
            for line in lines:
                first, *rest = line.texts
                block = [ref_line(k, k.p(f"{marks[line.severity]} {first}"), line.target)]
                block += [k.p(t, "second") for t in rest]
                for sub in line.details:
                    block += [k.p(f"– {t}", "second-small") for t in sub]
                self.add(KeepTogether(block))
        if not any_line:
            self.add(k.note(N_("The records hold nothing the app can check yet.")))

    def section_summary(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.section_title("summary", SECTIONS["summary"])
        self.add(k.h2(N_("Trainee")))
        p = d.profile
        if p is None:
            self.add(k.note(N_("No trainee profile is recorded.")))
        else:
            name = p.full_name or p.display_name
            if not self.options.show_trainee_name:
                name = lab.inline(N_("(name withheld)"))
            self.add(k.facts([
                (N_("Name"), name),
                (N_("Date of birth"), lab.date(p.birth_date)),
                (N_("Home province"), p.home_province),
                (N_("Languages"), language_names(p.languages)),
                (N_("Phone"), p.phone),
            ]))
        if not d.contracts:
            self.add(k.h2(r.Contract.LABEL))
            self.add(k.note(N_("No contract is recorded.")))
        for index, c in enumerate(d.contracts, start=1):
            self.tick()
            title = lab.inline(r.Contract.LABEL) + (f" {index}" if len(d.contracts) > 1 else "")
            self.add(k.p(title, "h2", bold=True))
            wage = lab.money(c.wage)
            wage += " (" + lab.inline(r.WAGE_KINDS.get(c.wage_kind, c.wage_kind)) + ")"
            period = " – ".join(x for x in (lab.date(c.start), lab.date(c.end)) if x)
            prefecture = ""
            if c.prefecture:
                prefecture = " / ".join(dict.fromkeys(prefectures.name(c.prefecture, x) for x in self.options.langs))
            deductions = "\n".join(
                f"{lab.inline(r.DEDUCTION_KEYS[key])}: {lab.money(getattr(c, field))}"
                for key, field in (("housing", "housing"), ("utilities", "utilities"), ("meals", "meals"),
                                   ("other", "other_deductions"))
            )
            hours = ""
            if c.hours_per_month:
                hours = lab.inline(N_("{hours} hours"), hours=lab.number(c.hours_per_month))
            self.add(k.facts([
                (N_("Employer (implementing organisation)"), c.employer),
                (N_("Employer's address"), c.employer_address),
                (N_("Supervising organisation"), c.supervising_org),
                (N_("Sending organisation"), c.sending_org),
                (N_("Job category"), c.job_category),
                (N_("Prefecture"), prefecture),
                (N_("Contract period"), period),
                (N_("Residence status"), c.residence_status),
                (N_("Period of stay ends"), lab.date(c.stay_expiry)),
                (N_("Promised wage"), wage),
                (N_("Scheduled hours per month"), hours),
                (N_("Promised deductions per month"), deductions),
                (N_("Notes"), self.marked(c.notes)),
                (N_("Recorded"), self.provenance_text("contract", c.id)),
            ]))

    def title_cell(self, inc: r.Incident) -> list:
        """The title as written, and for a reader of the other language the start of the translation or the
        marker that there is none."""
        k = self.kit
        out = [k.line(inc.title or self.labels.inline(N_("(no title)")), "cell")]
        for lang in self.labels.langs:
            if lang == inc.description_lang:
                continue
            if inc.translation and inc.translation_lang == lang:
                first = inc.translation.strip().splitlines()[0] if inc.translation.strip() else ""
                out.append(k.line(first, "cell", clip=True))  # the start of it, on one line
            elif inc.description or inc.title:
                out.append(k.line(self.no_translation(lang, inc.description_lang), "cell"))
        return out

    def marked(self, text: str) -> str:
        """A free text as written, then the "no translation" marker for each language of the pack it is not
        written in (contract notes, a loan's purpose or collateral: fields without a translation of their own)."""
        source = next((lang for lang in ("vi", "ja", "en") if text and written_in(text, lang)), "")
        if not source:
            return text  # empty, or only figures and symbols
        return "\n".join([text, *(self.no_translation(lang, source) for lang in self.labels.langs
                                   if not written_in(text, lang))])

    def no_translation(self, lang: str, original: str) -> str:
        return tr(lang, N_("[No translation: the original is in {language}.]")).format(
            language=other_language_name(lang, original))

    def detailed(self, inc: r.Incident) -> bool:
        how = self.options.incident_detail
        if how == "open":
            return inc.status in ("open", "reported")
        if how == "period":
            return self.options.in_range(inc.started)
        if how == "selected":
            return inc.id in self.options.detail_ids
        return True

    def section_incidents(self) -> None:
        k, lab = self.kit, self.labels
        self.section_title("incidents", SECTIONS["incidents"])
        incidents = self.incidents
        if not incidents:
            self.none_recorded()
            return
        rows = []
        for inc in incidents:
            self.tick()
            rows.append([
                k.cell(str(self.exhibit[inc.id])), k.cell(lab.date(inc.started)),
                self.choice_cell(r.INCIDENT_CATEGORIES, inc.category),
                self.title_cell(inc), self.choice_cell(r.INCIDENT_STATUSES, inc.status),
            ])
        self.add(k.table([N_("No."), N_("Date"), N_("Category"), N_("Title"), N_("Status")], rows,
                         [10 * MM, 20 * MM, 40 * MM, 84 * MM, 24 * MM]))
        numbers = [self.exhibit[inc.id] for inc in incidents]
        if numbers != list(range(1, len(numbers) + 1)):
            self.add(k.p(lab.inline(N_("Numbers are each incident's place among all {count} incidents in the record "
                                       "(by date), the same in every pack made from it; a missing number is an "
                                       "incident this pack leaves out."), count=self.data.all_incident_count),
                         "small"))
        shown = [inc for inc in incidents if self.detailed(inc)]
        if len(shown) < len(incidents):
            self.add(k.spacer(2))
            self.add(k.p(lab.inline(N_("{shown} of {count} incidents are printed in full below ({which}); the "
                                       "table above lists every one."), shown=len(shown), count=len(incidents),
                                    which=lab.lword(_DETAIL_WORDS[self.options.incident_detail])), "small"))
        owned = self.attachments_by_owner()
        for inc in shown:
            self.tick()
            self.incident_block(self.exhibit[inc.id], inc, owned.get(("incident", inc.id), []))

    def incident_block(self, number: int, inc: r.Incident, attachments: list) -> None:
        from reportlab.lib import colors
        from reportlab.platypus import CondPageBreak, HRFlowable

        k, lab = self.kit, self.labels
        self.add(CondPageBreak(45 * MM))
        self.add(HRFlowable(width="100%", thickness=0.4, color=colors.HexColor("#9a9a9a"), spaceBefore=6,
                            spaceAfter=2))
        title = inc.title or lab.inline(N_("(no title)"))
        # a title in one language only: the category in the other one, so that reader knows what the block is about
        kind = " · ".join(lab.one(r.INCIDENT_CATEGORIES[inc.category], lang) for lang in lab.langs
                          if inc.category in r.INCIDENT_CATEGORIES and not written_in(title, lang))
        heading = (f"{title}（{kind}）" if written_in(kind, "ja") else f"{title} ({kind})") if kind else title
        self.add(anchor(k, f"incident-{number}", f"{number}. {heading}", 1))
        self.add(k.line(f"{lab.inline(N_('Incident {number}'), number=number)}{DOT}{heading}", "h2", bold=True))
        period = lab.date(inc.started) + (f" – {lab.date(inc.ended)}" if inc.ended else "")
        pairs = [
            (N_("When"), period),
            (N_("Where"), inc.place),
            (N_("Category"), self.choice(r.INCIDENT_CATEGORIES, inc.category)),
            (N_("Status"), self.choice(r.INCIDENT_STATUSES, inc.status)),
        ]
        if inc.people:
            pairs.append((N_("People involved"), inc.people))
        if inc.witnesses:
            pairs.append((N_("Witnesses"), inc.witnesses))
        if attachments:
            pairs.append((N_("Attachments"), ", ".join(f"#{a.meta.id} {a.meta.name}" for a in attachments)))
        recorded = self.provenance_text("incident", inc.id)
        if recorded:
            pairs.append((N_("Recorded"), recorded))
        # "label: value" lines drawn as they are when they fit (no table, no paragraph: 2,000 incidents)
        self.add(*k.field_lines([(lab.inline(key), value) for key, value in pairs], "small"))
        if inc.description:
            self.add(k.labelled(lab.inline(N_("Description (original, {language})"),
                                           language=self.language_word(inc.description_lang)), inc.description))
        if inc.translation:
            self.add(k.labelled(lab.inline(N_("Translation ({language})"),
                                           language=self.language_word(inc.translation_lang)), inc.translation))
        elif inc.description:
            for other in lab.langs:
                if other != inc.description_lang:
                    self.add(k.line(self.no_translation(other, inc.description_lang), "note"))
        # the description is the only field with a translation: the other free texts say where they are not
        # in a language of the pack, so a reader knows nothing was left out
        for message, text in ((N_("Actions taken"), inc.actions), (N_("Outcome"), inc.outcome)):
            if text:
                self.add(k.labelled(lab.inline(message), text))
                for other in lab.langs:
                    if not written_in(text, other):
                        original = "ja" if written_in(text, "ja") else (
                            inc.description_lang if inc.description_lang != "ja" else "vi")
                        self.add(k.line(self.no_translation(other, original), "note"))

    def language_word(self, code: str):
        """The name of language `code` in each language of the pack ("tiếng Việt" / "ベトナム語")."""
        from handbook_app.reports.labels import Local

        return Local(lambda lang: other_language_name(lang, code), _LANGUAGE_NAMES.get(code, code))

    def attachments_by_owner(self) -> dict[tuple[str, int], list]:
        out: dict[tuple[str, int], list] = {}
        for a in self.data.attachments:
            out.setdefault((a.meta.owner_kind, a.meta.owner_id), []).append(a)
        return out

    def owner_in(self, meta: r.Attachment, lang: str) -> str:
        """What an attachment belongs to, in one language ("事案3 · 2024-06-03")."""
        lab = self.labels
        if meta.owner_kind == "incident" and meta.owner_id in self.exhibit:
            inc = next(i for i in self.incidents if i.id == meta.owner_id)
            return lab.one(N_("Incident {number}"), lang, number=self.exhibit[meta.owner_id]) + DOT + \
                lab.date(inc.started)
        cls = r.RECORD_TYPES.get(meta.owner_kind)
        return (lab.one(cls.LABEL, lang) if cls else meta.owner_kind) + f" #{meta.owner_id}"

    def owner_text(self, meta: r.Attachment) -> str:
        lab = self.labels
        if meta.owner_kind == "incident" and meta.owner_id in self.exhibit:
            text = lab.inline(N_("Incident {number}"), number=self.exhibit[meta.owner_id])
        else:
            cls = r.RECORD_TYPES.get(meta.owner_kind)
            text = (lab.inline(cls.LABEL) if cls else meta.owner_kind) + f" #{meta.owner_id}"
        owner = self._owners().get((meta.owner_kind, meta.owner_id))
        if owner:
            text += DOT + owner
        return text

    def _owners(self) -> dict[tuple[str, int], str]:
        if not hasattr(self, "_owner_cache"):
            lab, d = self.labels, self.data
            cache: dict[tuple[str, int], str] = {}
            for i in d.incidents:
                cache[("incident", i.id)] = f"{lab.date(i.started)} {i.title}"
            for p in d.payslips:
                cache[("payslip", p.id)] = lab.month(p.month)
            for c in d.contracts:
                cache[("contract", c.id)] = c.employer
            for x in d.loans:
                cache[("loan", x.id)] = x.lender
            for x in d.remittances:
                cache[("remittance", x.id)] = lab.date(x.date)
            self._owner_cache = cache
        return self._owner_cache

    def section_attachments(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.section_title("attachments", SECTIONS["attachments"])
        if not d.attachments:
            self.none_recorded()
            return
        self.add(*k.both(N_("Each file is kept unchanged inside the vault. Its SHA-256 fingerprint lets anyone "
                            "check that a copy is the same file: on a copy, run sha256sum (Linux), "
                            "shasum -a 256 (macOS) or certutil -hashfile FILE SHA256 (Windows)."), "small"))
        by_hash: dict[str, list[int]] = {}
        for a in d.attachments:
            by_hash.setdefault(a.meta.sha256, []).append(a.meta.id)
        rows = []
        for a in d.attachments:
            self.tick()
            m = a.meta
            thumb: object = ""
            if self.options.images and a.is_image and a.load is not None:
                scaled = images.scale_image(a.load(), 240)
                thumb = images.flowable(scaled, 30 * MM, 30 * MM) if scaled else k.p(
                    lab.stacked(N_("(no preview)")), "small")
            elif a.is_image:
                thumb = k.p(lab.stacked(N_("(image not included)")), "small")
            details = [
                (lab.inline(N_("File")) + ": ", True), (m.name + "\n", False),
                (lab.inline(N_("Belongs to")) + ": ", True), (self.owner_text(m) + "\n", False),
                (lab.inline(N_("Type and size")) + ": ", True), (f"{m.media_type}, {_size(m.size)}\n", False),
            ]
            if m.captured:
                details += [(lab.inline(N_("Taken or received on")) + ": ", True), (lab.date(m.captured) + "\n", False)]
            twins = [x for x in by_hash[m.sha256] if x != m.id]
            if twins:
                details += [(lab.inline(N_("Same file as")) + ": ", True),
                            (", ".join(f"#{x}" for x in twins) + "\n", False)]
            details += [("SHA-256: ", True), (m.sha256, False)]
            rows.append([k.cell(str(m.id)), thumb, k.rich(details, "cell")])
        self.add(k.table([N_("No."), N_("Preview"), N_("Details")], rows, [12 * MM, 34 * MM, 132 * MM]))

    def appendix_images(self) -> None:
        from reportlab.platypus import KeepTogether, PageBreak

        k = self.kit
        shown = [a for a in self.data.attachments if a.is_image and a.load is not None]
        if not shown:
            return
        self.add(PageBreak())
        self.section_title("appendix-images", N_("Images in full"))
        for a in shown:
            self.check_cancel()
            scaled = images.scale_image(a.load(), 1600)
            if scaled is None:
                continue
            caption = k.p(f"#{a.meta.id} {a.meta.name}{DOT}{self.owner_text(a.meta)}\nSHA-256: {a.meta.sha256}",
                          "small")
            self.add(KeepTogether([images.flowable(scaled, WIDTH, 200 * MM), caption, k.spacer(4)]))

    def section_integrity(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.section_title("integrity", SECTIONS["integrity"])
        info = d.integrity
        if info is None:
            self.add(k.note(N_("The history of this vault could not be read.")))
            return
        self.add(k.facts([(N_("History entries"), str(info.entries)), (N_("Document id"), doc_id(d, "evidence"))],
                         widths=(70 * MM, 108 * MM)))
        self.add(k.spacer(2))
        self.add(k.label(N_("Head of the history chain (SHA-256)"), "small"))
        self.add(k.p(info.head_hash, "hash", bold=True))
        if info.ok:
            self.add(*k.both(N_("When this PDF was made, the check found the history intact and every record "
                                "consistent with it.")))
        else:
            if info.chain_broken_at is not None:
                self.add(k.note(N_("Warning: when this PDF was made, the history was broken at entry {seq}."),
                                seq=info.chain_broken_at))
            if info.row_problems:
                self.add(k.note(N_("Warning: when this PDF was made, {count} records did not match their history "
                                   "(changed outside the app)."), count=info.row_problems))
            if info.damaged:
                self.add(k.note(N_("Warning: when this PDF was made, the vault file reported damage.")))
        self.add(*checkpoint_flowables(k, info.checkpoints))  # who vouched for the history, and whether it holds
        self.add(k.h2(N_("Check the history (needs the vault and its passphrase)")))
        self.add(*k.both(N_("Every change to the records (insert, update, delete, export) is an entry in a history "
                            "chain. Each entry's SHA-256 covers the entry before it, so changing, removing or "
                            "reordering any past entry changes every hash after it. Whoever holds the vault file "
                            "and its passphrase (usually the trainee, with the support group) runs this one "
                            "command; it recomputes the whole chain and checks that entry {entries} still carries "
                            "the hash printed above:"), "small", entries=info.entries))
        self.add(k.p(VERIFY_COMMAND.format(entries=info.entries, hash=info.head_hash), "command"))
        self.add(*k.both(VAULT_NOTE, "small"))
        self.add(*k.both(N_("Making this PDF added one more entry (the handover) and later changes add more, so the "
                            "newest head differs; the check passes as long as entry {entries} is unchanged."),
                         "small", entries=info.entries))
        self.add(k.h2(N_("What anyone who receives this PDF can check alone")))
        self.add(*k.both(N_("The attachments: a copy of each file must give the SHA-256 printed in the list of "
                            "attachments. This PDF: its own SHA-256 (sha256sum, or certutil -hashfile FILE SHA256 on "
                            "Windows) is recorded in the vault when it is saved and printed in the list of earlier "
                            "handovers of the next pack. The data files below are embedded in this PDF (open the "
                            "PDF's attachments panel): their SHA-256 must match."), "small"))
        if self.embedded:
            rows = [[k.cell(name), k.p(lab.inline(_EMBEDDED_TITLES.get(name, name)), "cell"),
                     k.cell(str(len(content))), k.p(csv_files.sha256(content), "cell")]
                    for name, content, _description in self.embedded]
            self.add(k.table([N_("File"), N_("What it holds"), N_("Bytes"), N_("SHA-256")], rows,
                             [26 * MM, 30 * MM, 12 * MM, 110 * MM], align_right=(2,)))

    def section_handovers(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.section_title("handovers", SECTIONS["handovers"])
        if not d.handovers:
            self.add(k.p(lab.inline(N_("This record has not been handed over or exported before.")), "muted"))
            return
        rows = []
        for h in d.handovers:
            self.tick()
            det = h.details or {}
            what = h.kind.upper()
            if det.get("report"):
                what += DOT + lab.inline(REPORT_KINDS.get(det["report"], det["report"]))
            sections = det.get("sections") or []
            if sections and set(sections) != set(SECTIONS):
                what += "\n" + ", ".join(lab.one(SECTIONS.get(x, x)) for x in sections)
            if det.get("pages"):
                what += "\n" + lab.inline(N_("Pages: {pages}"), pages=det["pages"])
            # which pack it was: same-length packs differ by their languages and period, not only by hash
            if det.get("langs"):
                what += "\n" + ", ".join(det["langs"])
            period = [x for x in det.get("period") or [] if x]
            if period:
                what += "\n" + " – ".join(x or "…" for x in det["period"])
            who = lab.inline(N_("Trainee")) if h.actor_kind == "trainee" and not h.who else h.who
            if h.actor_kind == "support":
                who = f"{h.who}\n{lab.inline(N_('Support worker'))}" if h.who else lab.inline(N_("Support worker"))
            rows.append([k.cell(str(h.seq)), k.cell(_utc_text(h.at)), k.p(who, "cell"), k.p(what, "cell"),
                         k.p(str(det.get("recipient") or "—"), "cell"),
                         k.p(str(det.get("sha256") or "—"), "cell")])
        self.add(k.table([N_("Entry"), N_("When (UTC)"), N_("Who"), N_("What"), N_("Given to"),
                          N_("SHA-256 of the file")], rows,
                         [13 * MM, 27 * MM, 30 * MM, 44 * MM, 28 * MM, 36 * MM]))

    def section_declaration(self) -> None:
        from reportlab.platypus import KeepTogether

        k = self.kit
        block = [anchor(k, "declaration", self.labels.inline(SECTIONS["declaration"])), k.h1(SECTIONS["declaration"])]
        block += k.both(DECLARATION)
        block += others_who_entered(k, self.data)
        block += signatures(k, (N_("Trainee"), N_("Support worker or witness")))
        self.add(KeepTogether(block))


VAULT_NOTE = N_("VAULT is the path of the vault file (for example E:\\handbook.vault on a USB stick); the command asks "
                "for the passphrase. It prints whether the history holds and, if not, the first entry that was "
                "changed.")


def others_who_entered(kit: Kit, data: VaultData) -> list:
    """The trainee signs for their records; whoever else entered or changed some is named and can sign too."""
    others = sorted({who for prov in data.provenance.values()
                     for who in (prov.entered_by, prov.changed_by) if who and who != "trainee"})
    if not others:
        return []
    return kit.both(N_("Records were also entered or changed by: {people}, as each record's history shows. They "
                       "can sign below for what they entered."), people="; ".join(others))


DECLARATION = N_("I declare that the records in this document are true to the best of my knowledge, and that they "
                 "were entered at the times shown in their history.")
_DETAIL_WORDS = {
    "all": N_("all"),
    "open": N_("the unresolved ones"),
    "period": N_("those that started in the period"),
    "selected": N_("those chosen by the person who made it"),
}
_EMBEDDED_TITLES = {
    "payslips.csv": N_("Payslips"),
    "loans.csv": N_("Loans and their terms"),
    "repayments.csv": N_("Loan repayments"),
    "remittances.csv": N_("Money sent home"),
    "recruitment-fees.csv": N_("Recruitment fees"),
}


def _when(at: str) -> str:
    """An audit timestamp (UTC) as 'YYYY-MM-DD HH:MM UTC' (the chain stores UTC; the cover gives the local zone)."""
    return (at[:16].replace("T", " ") + " UTC") if at else ""


_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "ja": "日本語", "en": "English"}


def signatures(kit: Kit, people) -> list:
    """For each person: their role, then lines to write the name, sign and date on."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    lab, dark, out = kit.labels, colors.HexColor("#333333"), []
    for who in people:
        rows = [[kit.p(lab.inline(who), "body", bold=True), "", ""], ["", "", ""],
                [kit.p(lab.inline(N_("Name")), "small"), kit.p(lab.inline(N_("Signature")), "small"),
                 kit.p(lab.inline(N_("Date")), "small")]]
        table = Table(rows, colWidths=[68 * MM, 68 * MM, 42 * MM], rowHeights=[6 * MM, 11 * MM, 6 * MM],
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("SPAN", (0, 0), (-1, 0)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (0, 1), 0.7, dark), ("LINEBELOW", (1, 1), (1, 1), 0.7, dark),
            ("LINEBELOW", (2, 1), (2, 1), 0.7, dark),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ]))
        out += [kit.spacer(7), table]
    return out


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def _utc_text(at: str) -> str:
    return at[:16].replace("T", " ") if at else ""


def build_story(data: VaultData, options: ReportOptions, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> tuple[Kit, list]:
    builder = _Builder(data, options, cancelled, progress)
    return builder.kit, builder.build()


def page_frame(kit: Kit, data: VaultData, options: ReportOptions, kind: str) -> PageFrame:
    lab = kit.labels
    return PageFrame(title=lab.inline(REPORT_KINDS[kind]), generated=data.generated,
                     footer_note=lab.inline(FOOTER_PASSWORD if options.password else FOOTER_OPEN),
                     owner=owner_text(data, options), doc_id=doc_id(data, kind), head=short_head(data))


def render_evidence_pack(data: VaultData, options: ReportOptions, out: BinaryIO,
                         progress: Progress | None = None, cancelled: Cancelled | None = None) -> RenderInfo:
    """Write the evidence pack PDF into `out` (a binary stream)."""
    builder = _Builder(data, options, cancelled, progress)
    story = builder.build()
    kit = builder.kit
    lab = kit.labels
    frame = page_frame(kit, data, options, "evidence")
    meta = DocMeta(title=frame.title, subject=lab.inline(N_("Records of a technical intern trainee in Japan")),
                   author=_author(data, options),
                   keywords=("evidence", "technical intern training", f"document {frame.doc_id}"))
    return render_pdf(kit, story, out, frame, meta, progress, cancelled, progress_span=(40, 99),
                      embedded=builder.embedded)


def _author(data: VaultData, options: ReportOptions) -> str:
    if not options.show_trainee_name or data.profile is None:
        return "Trainee Handbook"
    return data.profile.full_name or data.profile.display_name or "Trainee Handbook"


RenderFn = Callable[[BinaryIO], RenderInfo]
