"""The evidence pack: the whole record, laid out for a union, labour office or lawyer.

Cover; trainee and contract; incident timeline; payslips against the minimum wage with the
estimated shortfall; debts with repayments and balances; money sent home by year;
attachments with SHA-256 and thumbnails; the audit chain's head hash and how to check it;
earlier handovers; a declaration with signature lines. Every label in the two chosen
languages, money and dates the first language's way, "page X of Y" on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import BinaryIO

from handbook_app.core import prefectures
from handbook_app.core import records as r
from handbook_app.core.loans import LoanLedger, loan_state
from handbook_app.core.money import Money
from handbook_app.core.remittances import yearly_totals
from handbook_app.core.wage_checks import Severity
from handbook_app.i18n import N_, language_names, tr
from handbook_app.reports import images
from handbook_app.reports.base import (
    MM,
    Cancelled,
    DocMeta,
    Kit,
    PageFrame,
    Progress,
    RenderInfo,
    ReportCancelled,
    render_pdf,
)
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import REPORT_KINDS, SECTIONS, ReportOptions, VaultData
from handbook_app.reports.wages import (
    check_months,
    rate_cell,
    rate_sources,
    shortfall_cell,
    summarise,
    summary_lines,
)

WIDTH = 178 * MM  # A4 less the margins
NOT_PROTECTED = N_("This PDF is not protected by the vault: anyone who has the file can read it. "
                   "Give it only to people you trust, and delete copies you no longer need.")
PASSWORD_NOTE = N_("This PDF is protected with a password. Give the password separately, not with the file.")
NONE_RECORDED = N_("Nothing of this kind is recorded in the vault for the chosen period.")


class _Builder:
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

    def none_recorded(self) -> None:
        self.add(self.kit.note(NONE_RECORDED))

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
        if self.options.full_images and self.options.images and "attachments" in self.options.sections:
            self.appendix_images()
        return self.story

    def has_content(self, key: str) -> bool:
        d = self.data
        return {
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
        self.add(k.spacer(22))
        self.add(k.p(lab.inline(N_("Trainee Handbook")), "subtitle"))
        self.add(k.spacer(4))
        for title in lab.each(REPORT_KINDS["evidence"]):
            self.add(k.p(title, "title"))
        self.add(k.spacer(6))
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
        ]
        if d.integrity is not None:
            pairs.append((N_("History entries"), str(d.integrity.entries)))
        self.add(k.facts(pairs))
        self.add(k.spacer(5))
        self.add(k.note(NOT_PROTECTED))
        if self.options.password:
            self.add(k.note(PASSWORD_NOTE))
        self.add(k.h2(N_("Contents")))
        for number, key in enumerate(steps, start=1):
            self.add(k.p(f"{number}. {lab.inline(SECTIONS[key])}"))
        missing = self.missing_items()
        if missing:
            self.add(k.h2(N_("Not in this record")))
            for item in missing:
                self.add(k.p("• " + lab.inline(item)))
        excluded = len(self.options.exclude)
        if excluded or self.options.mask_third_parties:
            self.add(k.spacer(3))
        if excluded:
            self.add(k.p(lab.inline(N_("{count} records were left out of this PDF by the person who made it."),
                                    count=excluded), "muted"))
        if self.options.mask_third_parties:
            self.add(k.p(lab.inline(N_("Names and addresses of other people are hidden (•••)."), ), "muted"))

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
    def section_summary(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["summary"]))
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
                names = []
                for lang in self.options.langs:
                    n = prefectures.name(c.prefecture, lang)
                    if n not in names:
                        names.append(n)
                prefecture = " / ".join(names)
            deductions = ", ".join(
                f"{lab.inline(r.DEDUCTION_KEYS[key])}: {lab.money(getattr(c, field))}"
                for key, field in (("housing", "housing"), ("utilities", "utilities"), ("meals", "meals"),
                                   ("other", "other_deductions"))
            )
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
                (N_("Scheduled hours per month"), lab.number(c.hours_per_month) if c.hours_per_month else ""),
                (N_("Promised deductions per month"), deductions),
                (N_("Notes"), c.notes),
            ]))

    def section_incidents(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["incidents"]))
        incidents = sorted(d.incidents, key=lambda i: (i.started, i.id or 0))
        if not incidents:
            self.none_recorded()
            return
        rows = []
        for number, inc in enumerate(incidents, start=1):
            rows.append([
                k.cell(str(number)), k.cell(lab.date(inc.started)),
                k.p(self.choice(r.INCIDENT_CATEGORIES, inc.category), "cell"),
                k.p(inc.title, "cell"), k.p(self.choice(r.INCIDENT_STATUSES, inc.status), "cell"),
            ])
        self.add(k.table([N_("No."), N_("Date"), N_("Category"), N_("Title"), N_("Status")], rows,
                         [10 * MM, 26 * MM, 42 * MM, 70 * MM, 30 * MM]))
        owned = self.attachments_by_owner()
        for number, inc in enumerate(incidents, start=1):
            self.tick()
            self.incident_block(number, inc, owned.get(("incident", inc.id), []))

    def incident_block(self, number: int, inc: r.Incident, attachments: list) -> None:
        from reportlab.lib import colors
        from reportlab.platypus import CondPageBreak, HRFlowable

        k, lab = self.kit, self.labels
        self.add(CondPageBreak(45 * MM))
        self.add(HRFlowable(width="100%", thickness=0.4, color=colors.HexColor("#9a9a9a"), spaceBefore=6,
                            spaceAfter=2))
        self.add(k.p(f"{number}. {inc.title or lab.inline(N_('(no title)'))}", "h2", bold=True))
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
            pairs.append((N_("Attachments"), ", ".join(a.meta.name for a in attachments)))
        # One paragraph of "label: value" lines (a table per incident is slow in a 2,000-incident pack).
        parts: list[tuple[str, bool]] = []
        for index, (key, value) in enumerate(pairs):
            parts += [(lab.inline(key) + ": ", True), (value + ("\n" if index < len(pairs) - 1 else ""), False)]
        self.add(k.rich(parts, "small"))
        if inc.description:
            lang = _LANGUAGE_NAMES.get(inc.description_lang, inc.description_lang)
            self.add(k.rich([(lab.inline(N_("Description (original, {language})"), language=lang), True)], "small"))
            self.add(k.p(inc.description))
        if inc.translation:
            lang = _LANGUAGE_NAMES.get(inc.translation_lang, inc.translation_lang)
            self.add(k.rich([(lab.inline(N_("Translation ({language})"), language=lang), True)], "small"))
            self.add(k.p(inc.translation))
        if inc.actions:
            self.add(k.rich([(lab.inline(N_("Actions taken")), True)], "small"))
            self.add(k.p(inc.actions))
        if inc.outcome:
            self.add(k.rich([(lab.inline(N_("Outcome")), True)], "small"))
            self.add(k.p(inc.outcome))

    def section_payslips(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["payslips"]))
        checks = check_months(d.payslips, d.contracts, d.hours)
        if not checks:
            self.none_recorded()
            return
        self.add(*k.both(N_("Each month's base pay is divided by the hours it pays for and compared with the "
                            "prefecture's minimum wage in force that month; overtime, late-night and holiday pay "
                            "and the deductions are compared with the law and the contract. Months with a "
                            "probable shortfall are shaded."), "small"))
        rows, flagged = [], []
        for index, m in enumerate(checks):
            self.tick()
            s = m.payslip
            hours = "/".join(lab.number(h, 1) for h in (s.regular_hours, s.overtime_hours, s.late_night_hours))
            rows.append([
                k.cell(lab.month(s.month)), k.cell(hours), k.cell(lab.money(s.base_pay)),
                k.cell(lab.number(m.base_hourly, 0) if m.base_hourly is not None else "—"),
                k.cell(rate_cell(m, lab)),
                k.cell(lab.money(s.gross)), k.cell(lab.money(s.deductions_total())), k.cell(lab.money(s.net)),
                k.cell(shortfall_cell(m, lab)),
            ])
            if m.flagged:
                flagged.append(index)
        self.add(k.table(
            [N_("Month"), N_("Hours (regular / overtime / night)"), N_("Base pay"), N_("Yen per hour"),
             N_("Minimum wage per hour"), N_("Gross pay"), N_("Deductions"), N_("Net pay"), N_("Shortfall")],
            rows, [20 * MM, 22 * MM, 20 * MM, 16 * MM, 18 * MM, 20 * MM, 20 * MM, 20 * MM, 22 * MM],
            align_right=range(1, 9), flagged_rows=flagged,
        ))
        summary = summarise(checks)
        self.add(k.spacer(2))
        total = lab.yen(summary.total_yen)
        if summary.checked_months == 0:  # nothing fully checked: never a bare total that reads as a clean bill
            total = lab.inline(N_("at least {amount}, no month fully checked"), amount=total)
        elif summary.is_lower_bound:
            total = lab.inline(N_("at least {amount}"), amount=total)
        self.add(k.rich([(lab.inline(N_("Estimated total shortfall")) + ": ", True), (total, True)], "h2"))
        self.add(k.p(lab.inline(N_("{flagged} of {months} months flagged."), flagged=len(flagged),
                                months=len(checks)), "small"))
        for message, values in summary_lines(summary):
            if "amount" in values:
                values = {**values, "amount": lab.yen(values["amount"])}
            self.add(*k.both(message, "small", **values))
        self.add(*k.both(N_("This is an estimate from the figures on the payslips. It is not a legal decision: "
                            "a labour standards inspection office or a lawyer checks the final amount."), "muted"))
        with_findings = [m for m in checks if m.findings]
        if with_findings:
            self.add(k.h2(N_("Findings by month")))
        for m in with_findings:
            self.tick()
            self.add(k.p(lab.month(m.payslip.month, long=True), "body", bold=True))
            for f in m.findings:
                self.add(*finding_paragraphs(k, f, self.options.langs))
        sources = rate_sources(checks, lab)
        if sources:
            self.add(k.h2(N_("Sources of the minimum wages")))
            for line in sources:
                self.add(k.p(line, "small"))

    def section_debts(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["debts"]))
        if not d.loans and not d.fees:
            self.none_recorded()
            return
        by_loan: dict[int | None, list[r.Repayment]] = {}
        for rep in d.repayments:
            by_loan.setdefault(rep.loan_id, []).append(rep)
        if d.loans:
            rows = []
            for loan in d.loans:
                state = loan_state(loan, by_loan.get(loan.id, []), self.as_of)
                rows.append([k.p(loan.lender or lab.inline(r.LENDER_KINDS.get(loan.lender_kind, "")), "cell"),
                             k.cell(lab.date(loan.start)), k.cell(lab.money(loan.principal)),
                             k.cell(lab.money(state.paid)), k.cell(lab.money(state.interest)),
                             k.cell(lab.money(state.balance))])
            self.add(k.p(lab.inline(N_("Balances on {date}"), date=lab.date(self.as_of)), "h2", bold=True))
            self.add(k.table([N_("Lender"), N_("Start"), N_("Principal"), N_("Paid"), N_("Interest"),
                              N_("Balance")], rows,
                             [48 * MM, 24 * MM, 27 * MM, 27 * MM, 25 * MM, 27 * MM], align_right=range(2, 6)))
        for loan in d.loans:
            self.check_cancel()
            reps = by_loan.get(loan.id, [])
            self.add(k.spacer(3))
            self.add(k.p(" — ".join(x for x in (loan.lender, loan.purpose) if x) or lab.inline(r.Loan.LABEL),
                         "h2", bold=True))
            rate = lab.number(loan.monthly_rate * 100, 3) + " %" if loan.monthly_rate else ""
            self.add(k.facts([
                (N_("Lender"), f"{loan.lender} ({lab.inline(r.LENDER_KINDS.get(loan.lender_kind, ''))})"),
                (N_("Purpose"), loan.purpose),
                (N_("Principal"), lab.money(loan.principal)),
                (N_("Start"), lab.date(loan.start)),
                (N_("Interest"), lab.inline(r.INTEREST_MODELS.get(loan.interest_model, loan.interest_model))
                 + (f" — {rate}" if rate else "")),
                (N_("Term in months"), str(loan.term_months or "")),
                (N_("Guarantor"), loan.guarantor),
                (N_("Collateral"), loan.collateral),
                (N_("Notes"), loan.notes),
            ]))
            ledger = LoanLedger(loan, reps, self.as_of)
            rows = []
            for entry in ledger.entries:
                if entry.kind != "payment" or entry.repayment is None:
                    continue
                rep = entry.repayment
                if not self.options.in_range(rep.date) or rep.date > self.as_of:
                    continue
                self.tick()
                converted = Money(entry.amount, ledger.currency)
                rows.append([k.cell(lab.date(rep.date)), k.cell(lab.money(rep.paid)),
                             k.cell(lab.money(converted) if rep.paid.currency != ledger.currency else ""),
                             k.cell(lab.money(Money(entry.balance, ledger.currency))), k.cell(rep.notes)])
            if rows:
                self.add(k.table([N_("Date"), N_("Paid"), N_("In the loan's currency"), N_("Balance after"),
                                  N_("Notes")], rows, [26 * MM, 30 * MM, 32 * MM, 34 * MM, 56 * MM],
                                 align_right=(1, 2, 3)))
            else:
                self.add(k.p(lab.inline(N_("No repayments in the chosen period.")), "muted"))
        if d.fees:
            self.add(k.spacer(3))
            self.add(k.h2(N_("Recruitment fees paid before leaving")))
            rows = []
            totals: dict[str, int] = {}
            for fee in sorted(d.fees, key=lambda f: (f.date or dt.date.min, f.id or 0)):
                totals[fee.amount.currency] = totals.get(fee.amount.currency, 0) + fee.amount.minor
                rows.append([k.cell(lab.date(fee.date)), k.p(self.choice(r.FEE_ITEMS, fee.item), "cell"),
                             k.cell(lab.money(fee.amount)), k.p(fee.paid_to, "cell"),
                             k.p(lab.inline(N_("Yes") if fee.receipt else N_("No")), "cell")])
            self.add(k.table([N_("Date"), N_("Item"), N_("Amount"), N_("Paid to"), N_("Receipt")], rows,
                             [24 * MM, 40 * MM, 30 * MM, 60 * MM, 24 * MM], align_right=(2,)))
            total_text = ", ".join(lab.money(Money(v, c)) for c, v in sorted(totals.items()))
            self.add(k.rich([(lab.inline(N_("Total")) + ": ", True), (total_text, False)]))

    def section_remittances(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["remittances"]))
        if not d.remittances:
            self.none_recorded()
            return
        rows = []
        for total in yearly_totals(d.remittances):
            self.tick()
            rate = total.effective_rate
            fee = total.fee_fraction
            rows.append([k.cell(str(total.period.year)), k.cell(str(total.count)), k.cell(lab.money(total.sent)),
                         k.cell(lab.money(total.fee)), k.cell(lab.money(total.received)),
                         k.cell(lab.number(rate, 2) if rate is not None else "—"),
                         k.cell(lab.number(fee * 100, 2) + " %" if fee is not None else "—")])
        self.add(k.table([N_("Year"), N_("Transfers"), N_("Sent"), N_("Fees"), N_("Received"),
                          N_("Rate received per unit sent"), N_("Fee share")], rows,
                         [16 * MM, 20 * MM, 30 * MM, 24 * MM, 36 * MM, 28 * MM, 24 * MM], align_right=range(1, 7)))
        sums: dict[tuple[str, str], list[int]] = {}
        for rem in d.remittances:
            acc = sums.setdefault((rem.sent.currency, rem.received.currency), [0, 0, 0, 0])
            acc[0] += rem.sent.minor
            acc[1] += rem.fee.minor if rem.fee.currency == rem.sent.currency else 0
            acc[2] += rem.received.minor
            acc[3] += 1
        for (sc, rc), (sent, fee, received, count) in sorted(sums.items()):
            self.add(k.spacer(2))
            self.add(k.rich([
                (lab.inline(N_("All years")) + ": ", True),
                (lab.inline(N_("{count} transfers; sent {sent}, fees {fee}, received {received}"), count=count,
                            sent=lab.money(Money(sent, sc)), fee=lab.money(Money(fee, sc)),
                            received=lab.money(Money(received, rc))), False),
            ]))
        recipients = sorted({x.recipient for x in d.remittances if x.recipient})
        if recipients:
            self.add(k.rich([(lab.inline(N_("Recipients")) + ": ", True), ("; ".join(recipients[:10]), False)],
                            "small"))

    def attachments_by_owner(self) -> dict[tuple[str, int], list]:
        out: dict[tuple[str, int], list] = {}
        for a in self.data.attachments:
            out.setdefault((a.meta.owner_kind, a.meta.owner_id), []).append(a)
        return out

    def owner_text(self, meta: r.Attachment) -> str:
        lab = self.labels
        cls = r.RECORD_TYPES.get(meta.owner_kind)
        name = lab.inline(cls.LABEL) if cls else meta.owner_kind
        text = f"{name} #{meta.owner_id}"
        owner = self._owners().get((meta.owner_kind, meta.owner_id))
        if owner is not None:
            text += " — " + owner
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
        self.add(k.h1(SECTIONS["attachments"]))
        if not d.attachments:
            self.none_recorded()
            return
        self.add(*k.both(N_("Each file is kept unchanged inside the vault. Its SHA-256 fingerprint lets anyone "
                            "check that a copy is the same file: on a copy, run sha256sum (Linux), "
                            "shasum -a 256 (macOS) or certutil -hashfile FILE SHA256 (Windows)."), "small"))
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
            details += [("SHA-256: ", True), (m.sha256, False)]
            rows.append([k.cell(str(m.id)), thumb, k.rich(details, "cell")])
        self.add(k.table([N_("No."), N_("Preview"), N_("Details")], rows, [12 * MM, 34 * MM, 132 * MM]))

    def appendix_images(self) -> None:
        from reportlab.platypus import KeepTogether, PageBreak

        k = self.kit
        shown = [a for a in self.data.attachments if a.is_image and a.load is not None]
        if not shown:
            return
        self.add(PageBreak(), k.h1(N_("Images in full")))
        for a in shown:
            self.check_cancel()
            scaled = images.scale_image(a.load(), 1600)
            if scaled is None:
                continue
            caption = k.p(f"#{a.meta.id} {a.meta.name} — {self.owner_text(a.meta)}\nSHA-256: {a.meta.sha256}", "small")
            self.add(KeepTogether([images.flowable(scaled, WIDTH, 200 * MM), caption, k.spacer(4)]))

    def section_integrity(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["integrity"]))
        info = d.integrity
        if info is None:
            self.add(k.note(N_("The history of this vault could not be read.")))
            return
        self.add(k.facts([(N_("History entries"), str(info.entries))], widths=(70 * MM, 108 * MM)))
        self.add(k.spacer(2))
        self.add(k.label(N_("Head of the history chain (SHA-256)"), "small"))
        self.add(k.p(info.head_hash, "hash", bold=True))
        if info.ok:
            self.add(k.p(lab.inline(N_("When this PDF was made, the check found the history intact and every "
                                       "record consistent with it.")), "body"))
        else:
            if info.chain_broken_at is not None:
                self.add(k.note(N_("Warning: when this PDF was made, the history was broken at entry {seq}."),
                                seq=info.chain_broken_at))
            if info.row_problems:
                self.add(k.note(N_("Warning: when this PDF was made, {count} records did not match their history "
                                   "(changed outside the app)."), count=info.row_problems))
            if info.damaged:
                self.add(k.note(N_("Warning: when this PDF was made, the vault file reported damage.")))
        self.add(k.h2(N_("How to check it")))
        for text in (
            N_("Every change to the records (insert, update, delete, export) is an entry in a history chain. Each "
               "entry's SHA-256 covers the entry before it, so changing, removing or reordering any past entry "
               "changes every hash after it."),
            N_("With the vault file and its passphrase, run: handbook-app verify VAULT. It recomputes the whole "
               "chain from the first entry, compares every record with its last entry, and prints the head of "
               "the chain."),
            N_("Making this PDF added one more entry (the handover), and later changes add more, so the head "
               "printed today may differ. The entry numbered {entries} must still carry the hash printed above: "
               "handbook-app verify VAULT --expect {entries}:HASH checks exactly that."),
        ):
            self.add(*k.both(text, "small", entries=info.entries))

    def section_handovers(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.h1(SECTIONS["handovers"]))
        if not d.handovers:
            self.add(k.p(lab.inline(N_("This record has not been handed over or exported before.")), "muted"))
            return
        rows = []
        for h in d.handovers:
            self.tick()
            det = h.details or {}
            what = h.kind.upper()
            if det.get("report"):
                what += " — " + lab.inline(REPORT_KINDS.get(det["report"], det["report"]))
            sections = det.get("sections") or []
            if sections and set(sections) != set(SECTIONS):
                what += "\n" + ", ".join(lab.one(SECTIONS.get(x, x)) for x in sections)
            if det.get("pages"):
                what += "\n" + lab.inline(N_("{pages} pages"), pages=det["pages"])
            when = _utc_text(h.at)
            rows.append([k.cell(str(h.seq)), k.cell(when), k.p(h.who, "cell"), k.p(what, "cell"),
                         k.p(str(det.get("recipient") or "—"), "cell"),
                         k.p(str(det.get("sha256") or "—"), "cell")])
        self.add(k.table([N_("Entry"), N_("When (UTC)"), N_("Who"), N_("What"), N_("Given to"),
                          N_("SHA-256 of the file")], rows,
                         [13 * MM, 27 * MM, 30 * MM, 44 * MM, 28 * MM, 36 * MM]))

    def section_declaration(self) -> None:
        from reportlab.platypus import KeepTogether

        k = self.kit
        block = [k.h1(SECTIONS["declaration"])]
        block += k.both(N_("I declare that the records in this document are true to the best of my knowledge, and "
                           "that they were entered at the times shown in their history."))
        block += signatures(k, (N_("Trainee"), N_("Support worker or witness")))
        self.add(KeepTogether(block))


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


def finding_paragraphs(kit: Kit, finding, langs) -> list:
    """One finding in each language: the first as body text, the second smaller and grey beneath it."""
    mark = {"shortfall": "■", "warning": "▲", "info": "•"}[finding.severity.value]
    out, seen = [], []
    for index, lang in enumerate(langs):
        template = tr(lang, finding.template) if finding.template else finding.message
        if template in seen:
            continue  # that language's catalogue lacks the sentence: do not print it twice
        seen.append(template)
        text = finding.render(lang)
        if index == 0:
            out.append(kit.p(f"{mark} {text}", "body" if finding.severity is Severity.SHORTFALL else "small"))
        else:
            out.append(kit.p(text, "second"))
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


def render_evidence_pack(data: VaultData, options: ReportOptions, out: BinaryIO,
                         progress: Progress | None = None, cancelled: Cancelled | None = None) -> RenderInfo:
    """Write the evidence pack PDF into `out` (a binary stream)."""
    kit, story = build_story(data, options, progress, cancelled)
    lab = kit.labels
    title = lab.inline(REPORT_KINDS["evidence"])
    frame = PageFrame(title=title, generated=data.generated,
                      footer_note=lab.inline(N_("Not protected by the vault")))
    meta = DocMeta(title=title, subject=lab.inline(N_("Records of a technical intern trainee in Japan")),
                   author=_author(data, options), keywords=("evidence", "technical intern training"))
    return render_pdf(kit, story, out, frame, meta, progress, cancelled, progress_span=(40, 99))


def _author(data: VaultData, options: ReportOptions) -> str:
    if not options.show_trainee_name or data.profile is None:
        return "Trainee Handbook"
    return data.profile.full_name or data.profile.display_name or "Trainee Handbook"


RenderFn = Callable[[BinaryIO], RenderInfo]
