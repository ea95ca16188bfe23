"""The money sections of the evidence pack: payslips against the minimum wage with the findings, debts with
monthly repayment totals and the recruitment fees, money sent home by year and by month, and the optional
appendix of every transaction. Mixed into the pack's builder (`evidence_pack._Builder`), which holds the data,
the options, the kit and the story.

The findings helpers here are shared with the shortfall statement.
"""

from __future__ import annotations

import datetime as dt

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.core.remittances import yearly_totals
from handbook_app.core.wage_checks import CheckStatus, Severity
from handbook_app.i18n import N_, tr
from handbook_app.reports import findings, plural
from handbook_app.reports import wages as wage_report
from handbook_app.reports.base import MM, Kit, anchor
from handbook_app.reports.labels import DOT, glue_units, one_yen_sign, readable_url, readable_urls
from handbook_app.reports.model import SECTIONS
from handbook_app.reports.plural import Plural

MINISTRY_LIST = ("厚生労働省「地域別最低賃金の全国一覧」 (Ministry of Health, Labour and Welfare)",
                 "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/koyou_roudou/roudoukijun/minimumichiran/")


def finding_paragraphs(kit: Kit, finding, langs, month: str = "") -> list:
    """One finding in each language, both at the same size and colour (keep them together when placing);
    `month` ("2016-01") is put before it when it stands for the same finding in other months."""
    mark = {"shortfall": "■", "warning": "▲", "info": "•"}[finding.severity.value]
    style = "body" if finding.severity is Severity.SHORTFALL else "small"
    out, seen = [], []
    for index, lang in enumerate(langs):
        template = tr(lang, finding.template) if finding.template else finding.message
        if template in seen:
            continue  # that language's catalogue lacks the sentence: do not print it twice
        seen.append(template)
        text = (f"{month}: " if month else "") + glue_units(one_yen_sign(finding.render(lang)))
        if index == 0:
            out.append(kit.p(f"{mark} {text}", style))
        else:
            out.append(kit.p(text, "second" if style == "body" else "second-small"))
    return out


NO_PAYSLIP_CELL = N_("no payslip recorded")
# The values of a finding that are the month's own figures; every other value (the rate, what it was compared
# with, the deduction's item and limit, ...) is part of the rule the finding applies.
AMOUNT_KINDS = ("yen", "hours")


def merge_key(f) -> tuple:
    """Findings with the same key say the same thing in different months: the same check, the same sentence
    (e.g. the 125% overtime rule, not the one for hours beyond 60) and the same rule values. Findings with an
    amount merge whatever their own figures (each month's amount is listed); others only when word for word
    the same."""
    if f.shortfall_yen and f.template:
        rule = tuple((name, kind, repr(value)) for name, kind, value in f.values
                     if kind not in AMOUNT_KINDS and kind != "month")
        return (f.code, f.template, f.status, rule)
    # a "month" value is the finding's own month ("not checked: … {month}"): the same note in every such month
    return (f.code, f.template, f.status,
            tuple((name, kind, repr(value)) for name, kind, value in f.values if kind != "month"),
            "" if f.template else f.message)


def merged_findings(checks) -> tuple[list[tuple[object, list]], set]:
    """[(finding of the first month, [(month check, amount), ...]), ...] for every finding found in two months or
    more (in the order of their first month), and the set of their keys. One rule for every PDF (full pack,
    date-limited pack, shortfall statement)."""
    seen: dict[tuple, list] = {}
    first: dict[tuple, object] = {}
    for m in checks:
        own: dict[tuple, int] = {}
        for f in m.findings:
            key = merge_key(f)
            first.setdefault(key, f)
            own[key] = own.get(key, 0) + f.shortfall_yen
        for key, amount in own.items():
            seen.setdefault(key, []).append((m, amount))
    repeated = [key for key, months in seen.items() if len(months) >= 2]
    repeated.sort(key=lambda key: seen[key][0][0].payslip.month)
    return [(first[key], seen[key]) for key in repeated], set(repeated)


def month_amounts(lab, months) -> str:
    """'2024-10: ¥7,600 · 2024-11: ¥8,216 · …' (the shared table forms, read alike in every language)."""
    return DOT.join(f"{lab.month(m.payslip.month)}: {lab.yen(amount)}" for m, amount in months)


def findings_by_month(kit: Kit, checks) -> list:
    """A finding found in two months or more once, with each month's own amount; the rest under their month's
    heading. A finding is never split from its translation, a heading never left alone."""
    from reportlab.platypus import KeepTogether

    k, lab = kit, kit.labels
    out: list = []
    if not any(m.findings for m in checks):
        return out
    merged, keys = merged_findings(checks)
    out.append(k.h2(N_("Findings by month")))
    if merged:
        out.append(k.p(lab.inline(N_("Findings in several months")), "month", bold=True))
        for f, months in merged:
            count = len(months)
            block = finding_paragraphs(k, f, lab.langs, lab.month(months[0][0].payslip.month))
            total = sum(amount for _m, amount in months)
            if total:
                lower = f.status is not CheckStatus.CHECKED
                message = (Plural.ngettext(
                    "Found in {count} month under the same rule (the figures above are {month}'s). Its amount, at "
                    "least:",
                    "Found in {count} months under the same rule (the figures above are {month}'s). Each month's "
                    "amount, at least:", count) if lower else Plural.ngettext(
                    "Found in {count} month under the same rule (the figures above are {month}'s). Its amount:",
                    "Found in {count} months under the same rule (the figures above are {month}'s). Each month's "
                    "amount:", count))
                block += [k.p(t, "second-small") for t in plural.each(
                    lab, message, count=count, month=lab.month(months[0][0].payslip.month))]
                block.append(k.p(f"{month_amounts(lab, months)}{DOT}Σ {lab.yen(total)}", "second-small"))
            else:
                block.append(k.p(plural.inline(lab, Plural.ngettext(
                    "Found in {count} month: {months}.", "Found in {count} months: {months}.",
                    count), count=count, months=findings.months_text(lab, [m.payslip.month for m, _a in months])),
                    "second-small"))
            out.append(KeepTogether(block))
    for m in checks:
        own = [f for f in m.findings if merge_key(f) not in keys]
        if not own:
            continue
        blocks = [finding_paragraphs(k, f, lab.langs) for f in own]
        # the month's heading travels with its first finding
        out.append(KeepTogether([k.p(lab.month(m.payslip.month, long=True), "month", bold=True)] + blocks[0]))
        out += [KeepTogether(block) for block in blocks[1:]]
    return out


def rate_cell(m, lab) -> str:
    """The minimum wage the month was compared with (reports.wages words it), URLs decoded."""
    return readable_urls(wage_report.rate_cell(m, lab))


shortfall_cell = wage_report.shortfall_cell  # "not checked" / "at least" in words, never a bare 0 for an unchecked month


def rate_source_lines(checks, lab) -> list[str]:
    """One line per source of the rates compared with (kind, title, address, what it was checked against)."""
    return [readable_urls(line) for line in wage_report.rate_sources(checks, lab)]


class MoneySections:
    """Payslips, debts, money sent home and the transactions appendix (needs the builder's attributes)."""

    def section_payslips(self) -> None:

        k, lab = self.kit, self.labels
        self.section_title("payslips", SECTIONS["payslips"])
        checks = self.checks
        if not checks:
            self.none_recorded()
            return
        self.add(*k.both(N_("Each month's base pay is divided by the hours it pays for and compared with the "
                            "prefecture's minimum wage in force that month; overtime, late-night and holiday pay "
                            "and the deductions are compared with the law and the contract. Months with a "
                            "probable shortfall are shaded. Hours: regular / overtime / late-night (late-night "
                            "hours are part of the first two)."), "small"))
        rows, flagged = [], []
        for index, m in enumerate(checks):
            self.tick()
            s = m.payslip
            hours = "/".join(lab.number(h, 1) for h in (s.regular_hours, s.overtime_hours, s.late_night_hours))
            prov = self.data.provenance.get(("payslip", s.id))
            rows.append([
                k.cell(lab.month(s.month)), k.cell(hours), k.cell(lab.money(s.base_pay)),
                k.cell(lab.number(m.base_hourly, 0) if m.base_hourly is not None else "—"),
                k.cell(rate_cell(m, lab)),
                k.cell(lab.money(s.gross)), k.cell(lab.money(s.deductions_total())), k.cell(lab.money(s.net)),
                k.cell(shortfall_cell(m, lab)),
                k.cell(prov.entered_at[:10] if prov else ""),
            ])
            if m.flagged:
                flagged.append(index)
        missing = findings.missing_months(self.data, self.options)
        if missing:  # a month of the contract with no payslip is a row of the table too: "not checked", never blank
            months = [m.payslip.month for m in checks]
            not_checked = lab.inline(wage_report.NOT_CHECKED_CELL)
            for month in missing:
                at = sum(1 for x in months if x <= month) + sum(1 for x in missing if x < month)
                rows.insert(at, [k.cell(lab.month(month)), k.choice(NO_PAYSLIP_CELL), "", "", k.cell(not_checked),
                                 "", "", "", k.cell(not_checked), ""])
                flagged = [i + 1 if i >= at else i for i in flagged]
        self.add(k.table(
            [N_("Month"), N_("Hours (regular / overtime / night)"), N_("Base pay"), N_("Yen per hour"),
             N_("Minimum wage per hour"), N_("Gross pay"), N_("Deductions"), N_("Net pay"), N_("Shortfall"),
             N_("Entered")],
            rows, [15 * MM, 27 * MM, 18 * MM, 14 * MM, 17 * MM, 18 * MM, 18 * MM, 18 * MM, 16 * MM, 17 * MM],
            align_right=range(1, 9), flagged_rows=flagged,
        ))
        summary = wage_report.summarise(checks)
        self.add(k.spacer(2))
        total = lab.yen(summary.total_yen)
        if summary.checked_months == 0:  # nothing fully checked: never a bare total that reads as a clean bill
            total = lab.inline(N_("at least {amount}, no month fully checked"), amount=total)
        elif summary.is_lower_bound or missing:  # a month without a payslip was not checked either
            total = lab.inline(N_("at least {amount}"), amount=total)
        self.add(k.rich([(lab.inline(N_("Estimated total shortfall")) + ": ", True), (total, True)], "h2"))
        self.add(k.p(plural.inline(lab, Plural.ngettext("{flagged} of {months} month flagged.",
                                                        "{flagged} of {months} months flagged.", len(checks)),
                                   flagged=len(flagged), months=len(checks)), "small"))
        sums = findings.category_sums(checks)
        if summary.total_yen:
            rows = [[k.choice(findings.CATEGORIES[key]), k.cell(lab.yen(v))] for key, v in sums.items() if v]
            self.add(k.table([N_("Category"), N_("Shortfall")], rows, [90 * MM, 30 * MM], align_right=(1,)))
        for message, values in wage_report.summary_lines(summary):
            if "amount" in values:
                values = {**values, "amount": lab.lyen(values["amount"])}
            self.add(*[k.p(t, "small") for t in plural.each(lab, message, **values)])
        unchecked = findings.not_checked(checks)
        if unchecked:
            self.add(k.note(N_("Months not checked (not counted in the total, not a clean result): {months}."),
                            months=findings.months_text(lab, [m.payslip.month for m in unchecked])))
        if missing:
            self.add(k.note(findings.NO_PAYSLIP, months=findings.months_text(lab, missing)))
        for text in (findings.ROUNDING_RULE, findings.MID_MONTH_RULE,
                     N_("This is an estimate from the figures on the payslips. It is not a legal decision: "
                        "a labour standards inspection office or a lawyer checks the final amount.")):
            self.add(*k.both(text, "small"))
        self.add(*findings_by_month(k, checks))
        self.sources(checks)

    def sources(self, checks) -> None:
        k = self.kit
        self.add(k.h2(N_("Sources of the minimum wages")))
        self.add(k.p(f"{MINISTRY_LIST[0]}: {MINISTRY_LIST[1]}", "small"))
        lines = rate_source_lines(checks, self.labels)
        if lines:
            self.add(k.p(self.labels.inline(N_("Sources recorded with each rate in the app's table:")), "small"))
            for line in lines:
                self.add(k.p(line, "small"))

    def section_debts(self) -> None:
        k, lab, d, o = self.kit, self.labels, self.data, self.options
        self.section_title("debts", SECTIONS["debts"])
        if not d.loans and not d.fees:
            self.none_recorded()
            return
        period = o.date_from is not None or o.date_to is not None
        if d.loans:
            rows = []
            for loan in d.loans:
                reps = self.by_loan.get(loan.id, [])
                state = self.ledgers[loan.id].state(self.as_of)
                row = [k.p(loan.lender or lab.inline(r.LENDER_KINDS.get(loan.lender_kind, "")), "cell"),
                       k.cell(lab.date(loan.start)), k.cell(lab.money(loan.principal))]
                if period:
                    row.append(k.cell(lab.money(Money(self.paid_in_period(loan, reps), state.paid.currency))))
                row += [k.cell(lab.money(state.paid)), k.cell(lab.money(state.interest)),
                        k.cell(lab.money(state.balance))]
                rows.append(row)
            self.add(k.p(lab.inline(N_("Balances on {date}"), date=lab.ldate(self.as_of)), "h2", bold=True))
            if period:
                self.add(k.table([N_("Lender"), N_("Start"), N_("Principal"), N_("Paid in the period"),
                                  N_("Paid since the loan began"), N_("Interest since the loan began"),
                                  N_("Balance")], rows,
                                 [38 * MM, 20 * MM, 24 * MM, 24 * MM, 24 * MM, 24 * MM, 24 * MM],
                                 align_right=range(2, 7)))
                self.add(k.p(lab.inline(N_("\"Paid in the period\" adds up the repayments listed for {start} – "
                                           "{end}; \"since the loan began\" counts every repayment up to {end}, "
                                           "which the balance needs."), start=lab.date(o.date_from) or "…",
                                        end=lab.date(self.as_of)), "small"))
            else:
                self.add(k.table([N_("Lender"), N_("Start"), N_("Principal"), N_("Paid"), N_("Interest"),
                                  N_("Balance")], rows,
                                 [48 * MM, 24 * MM, 27 * MM, 27 * MM, 25 * MM, 27 * MM], align_right=range(2, 6)))
        outlooks = {x.loan_id: x for x in d.loan_outlooks}
        detailed = len(d.loans) <= 6
        for loan in d.loans:
            self.check_cancel()
            name = " · ".join(x for x in (loan.lender, loan.purpose) if x) or lab.inline(r.Loan.LABEL)
            if not detailed:
                self.add(anchor(k, f"loan-{loan.id}", name, 1))
                continue
            reps = self.by_loan.get(loan.id, [])
            self.add(k.spacer(3))
            self.add(anchor(k, f"loan-{loan.id}", name, 1))
            self.add(k.p(name, "h2", bold=True))
            rate = lab.percent(loan.monthly_rate * 100, 3) if loan.monthly_rate else ""
            pairs = [
                (N_("Lender"), f"{loan.lender} ({lab.inline(r.LENDER_KINDS.get(loan.lender_kind, ''))})"),
                (N_("Purpose"), self.marked(loan.purpose)),
                (N_("Principal"), lab.money(loan.principal)),
                (N_("Start"), lab.date(loan.start)),
                (N_("Interest"), lab.inline(r.INTEREST_MODELS.get(loan.interest_model, loan.interest_model))
                 + (": " + lab.inline(N_("{rate} a month"), rate=rate) if rate else "")),
                (N_("Term in months"), str(loan.term_months or "")),
                (N_("Guarantor"), self.marked(loan.guarantor)),
                (N_("Collateral"), self.marked(loan.collateral)),
                (N_("Notes"), self.marked(loan.notes)),
            ]
            out = outlooks.get(loan.id)
            if out is not None:
                if out.term_end:
                    pairs.append((N_("Term ends"), lab.date(out.term_end)))
                if out.never_pays_off:
                    pairs.append((N_("Paid off at the recent pace"), lab.inline(N_("never"))))
                elif out.payoff:
                    pairs.append((N_("Paid off at the recent pace"), lab.date(out.payoff)))
                if out.debt_trap and out.deadline:
                    contract_end, _stay = findings.contract_ends(d, out.as_of or self.as_of)
                    pairs.append((N_("Warning"), lab.inline(
                        N_("Not paid off before the contract ends ({date}).") if out.deadline == contract_end else
                        N_("Not paid off before the period of stay ends ({date})."), date=lab.ldate(out.deadline))))
            pairs.append((N_("Recorded"), self.provenance_text("loan", loan.id)))
            self.add(k.facts(pairs))
            self.repayments_by_month(loan, reps)
        if d.fees:
            self.fees_table()

    def paid_in_period(self, loan: r.Loan, reps: list[r.Repayment]) -> int:
        ledger = self.ledgers[loan.id]
        return sum(e.amount for e in ledger.entries
                   if e.kind == "payment" and e.repayment is not None and self.options.in_range(e.repayment.date)
                   and e.repayment.date <= self.as_of)

    def repayments_by_month(self, loan: r.Loan, reps: list[r.Repayment]) -> None:
        """The loan's repayments in the period as monthly totals with their count and the balance at month end
        (every single repayment is in repayments.csv and, when chosen, the appendix)."""
        k, lab = self.kit, self.labels
        ledger = self.ledgers[loan.id]
        months: dict[tuple[int, int], list[int]] = {}
        for entry in ledger.entries:
            if entry.kind != "payment" or entry.repayment is None:
                continue
            rep = entry.repayment
            if not self.options.in_range(rep.date) or rep.date > self.as_of:
                continue
            acc = months.setdefault((rep.date.year, rep.date.month), [0, 0, 0])
            acc[0] += 1
            acc[1] += entry.amount
            acc[2] = entry.balance
        if not months:
            self.add(k.p(lab.inline(N_("No repayments in the chosen period.")), "muted"))
            return
        cur = ledger.currency
        rows = [[k.cell(f"{y:04d}-{mo:02d}"), k.cell(str(n)), k.cell(lab.money(Money(paid, cur))),
                 k.cell(lab.money(Money(bal, cur)))] for (y, mo), (n, paid, bal) in sorted(months.items())]
        total = sum(v[1] for v in months.values())
        rows.append([k.p(lab.inline(N_("Total")), "cell", bold=True), k.cell(str(sum(v[0] for v in months.values()))),
                     k.cell(lab.money(Money(total, cur))), ""])
        self.add(k.spacer(2))
        self.add(k.table([N_("Month"), N_("Repayments"), N_("Paid (in the loan's currency)"),
                          N_("Balance at the last repayment")], rows, [24 * MM, 24 * MM, 40 * MM, 40 * MM],
                         align_right=(1, 2, 3)))

    def fees_table(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.add(k.spacer(3))
        self.add(anchor(k, "fees", lab.inline(N_("Recruitment fees paid before leaving")), 1))
        self.add(k.h2(N_("Recruitment fees paid before leaving")))
        rows = []
        totals: dict[str, int] = {}
        for fee in sorted(d.fees, key=lambda f: (f.date or dt.date.min, f.id or 0)):
            totals[fee.amount.currency] = totals.get(fee.amount.currency, 0) + fee.amount.minor
            rows.append([k.cell(lab.date(fee.date)), self.choice_cell(r.FEE_ITEMS, fee.item),
                         k.cell(lab.money(fee.amount)), k.p(fee.paid_to, "cell"),
                         k.choice(N_("Yes") if fee.receipt else N_("No"))])
        self.add(k.table([N_("Date"), N_("Item"), N_("Amount"), N_("Paid to"), N_("Receipt")], rows,
                         [24 * MM, 40 * MM, 30 * MM, 60 * MM, 24 * MM], align_right=(2,)))
        total_text = ", ".join(lab.money(Money(v, c)) for c, v in sorted(totals.items()))
        self.add(k.rich([(lab.inline(N_("Total")) + ": ", True), (total_text, False)]))
        for line in findings.fee_lines(lab, d):
            self.add(*[k.p(("▲ " if i == 0 else "") + t, "body" if i == 0 else "second")
                       for i, t in enumerate(line.texts)])
        sources = sorted({(f.source_title, f.source_url) for f in d.fee_findings
                          if getattr(f, "level", "") in ("over", "banned", "check") and f.source_url})
        for title, url in sources:
            self.add(k.p(f"{title}: {readable_url(url)}", "small"))

    def section_remittances(self) -> None:
        k, lab, d = self.kit, self.labels, self.data
        self.section_title("remittances", SECTIONS["remittances"])
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
                         k.cell(lab.percent(fee * 100, 2) if fee is not None else "—")])
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
            period = self.options.date_from is not None or self.options.date_to is not None
            self.add(k.h2(N_("The whole period") if period else N_("All years")))
            self.add(*[k.p(t) for t in plural.each(lab, Plural.ngettext(
                "{count} transfer; sent {sent}, fees {fee}, received {received}",
                "{count} transfers; sent {sent}, fees {fee}, received {received}", count),
                count=count, sent=lab.lmoney(Money(sent, sc)), fee=lab.lmoney(Money(fee, sc)),
                received=lab.lmoney(Money(received, rc)))])
        recipients = sorted({x.recipient for x in d.remittances if x.recipient})
        if recipients:
            self.add(k.rich([(lab.inline(N_("Recipients")) + ": ", True), ("; ".join(recipients[:10]), False)],
                            "small"))
        self.money_by_month()

    def money_by_month(self) -> None:
        """Every month's money in one row: transfers home and (when debts are shown) repayments, with counts."""
        k, lab, d = self.kit, self.labels, self.data
        months: dict[tuple[int, int], dict] = {}

        def acc(day: dt.date) -> dict:
            return months.setdefault((day.year, day.month), {"n": 0, "sent": {}, "fee": {}, "recv": {}, "rn": 0,
                                                              "rep": {}})

        def add(bucket: dict, money: Money) -> None:
            bucket[money.currency] = bucket.get(money.currency, 0) + money.minor

        for x in d.remittances:
            a = acc(x.date)
            a["n"] += 1
            add(a["sent"], x.sent)
            add(a["fee"], x.fee)
            add(a["recv"], x.received)
        with_debts = "debts" in self.options.sections and bool(d.loans)
        if with_debts:
            for x in d.repayments:
                if self.options.in_range(x.date) and x.date <= self.as_of:
                    a = acc(x.date)
                    a["rn"] += 1
                    add(a["rep"], x.paid)

        def text(bucket: dict) -> str:
            return "\n".join(lab.money(Money(v, c)) for c, v in sorted(bucket.items())) or "—"

        rows = []
        for (y, mo), a in sorted(months.items()):
            self.tick()
            row = [k.cell(f"{y:04d}-{mo:02d}"), k.cell(str(a["n"] or "")), k.cell(text(a["sent"])),
                   k.cell(text(a["fee"])), k.cell(text(a["recv"]))]
            if with_debts:
                row += [k.cell(str(a["rn"] or "")), k.cell(text(a["rep"]))]
            rows.append(row)
        if not rows:
            return
        self.add(anchor(k, "money-by-month", lab.inline(N_("Money by month")), 1))
        self.add(k.h2(N_("Money by month")))
        self.add(*k.both(N_("Totals per month with the number of transactions. Every single transaction is in the "
                            "CSV files embedded in this PDF (listed on the integrity page)."), "small"))
        headers = [N_("Month"), N_("Transfers"), N_("Sent"), N_("Fees"), N_("Received")]
        widths = [18 * MM, 18 * MM, 26 * MM, 22 * MM, 32 * MM]
        if with_debts:
            headers += [N_("Repayments"), N_("Repaid")]
            widths += [22 * MM, 34 * MM]
        self.add(k.table(headers, rows, widths, align_right=range(1, len(headers))))

    def appendix_transactions(self) -> None:
        from reportlab.platypus import PageBreak

        k, lab, d = self.kit, self.labels, self.data
        self.add(PageBreak())
        self.section_title("appendix-transactions", N_("Appendix: every transaction"))
        for loan in d.loans:
            self.check_cancel()
            ledger = self.ledgers[loan.id]
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
                self.add(k.p(loan.lender or lab.inline(r.Loan.LABEL), "h2", bold=True))
                self.add(k.table([N_("Date"), N_("Paid"), N_("In the loan's currency"), N_("Balance after"),
                                  N_("Notes")], rows, [26 * MM, 30 * MM, 32 * MM, 34 * MM, 56 * MM],
                                 align_right=(1, 2, 3)))
        if d.remittances:
            rows = [[k.cell(lab.date(x.date)), k.cell(lab.money(x.sent)), k.cell(lab.money(x.fee)),
                     k.cell(lab.money(x.received)), k.p(x.provider or x.channel, "cell")] for x in d.remittances]
            self.add(k.h2(N_("Money sent home")))
            self.add(k.table([N_("Date"), N_("Sent"), N_("Fees"), N_("Received"), N_("Channel")], rows,
                             [26 * MM, 30 * MM, 26 * MM, 40 * MM, 56 * MM], align_right=(1, 2, 3)))
