"""One page for the trainee: what is owed, what was repaid, what was sent home.

Balances are those of `core.loans` on the end of the chosen period (or today); remittance
totals come from `core.remittances.yearly_totals`.
"""

from __future__ import annotations

from typing import BinaryIO

from handbook_app.core import records as r
from handbook_app.core.loans import loan_state
from handbook_app.core.money import Money
from handbook_app.core.remittances import yearly_totals
from handbook_app.i18n import N_
from handbook_app.reports import findings, plural
from handbook_app.reports.base import MM, Cancelled, DocMeta, Kit, Progress, RenderInfo, render_pdf
from handbook_app.reports.labels import Labels
from handbook_app.reports.model import REPORT_KINDS, ReportOptions, VaultData
from handbook_app.reports.plural import Plural
from handbook_app.resources import facts_label


def _add(totals: dict[str, int], money: Money) -> None:
    totals[money.currency] = totals.get(money.currency, 0) + money.minor


def build_story(data: VaultData, options: ReportOptions) -> tuple[Kit, list]:
    kit = Kit(Labels(options.langs))
    k, lab = kit, kit.labels
    as_of = min(options.date_to or data.generated.date(), data.generated.date())
    story: list = [k.p(lab.inline(REPORT_KINDS["debt-summary"]), "h1", bold=True)]
    name = ""
    if data.profile is not None and options.show_trainee_name:
        name = data.profile.full_name or data.profile.display_name
    story.append(k.facts([(N_("Trainee"), name or "—"), (N_("Balances on"), lab.date(as_of)),
                          (N_("Generated on"), lab.datetime(data.generated)),
                          (N_("Facts used (minimum wages, fee limits, guide)"), facts_label())]
                         # which state of the record the figures come from (the evidence pack says how to check it)
                         + ([(N_("History entries"), f"{data.integrity.entries} · SHA-256 {data.integrity.head_hash}")]
                            if data.integrity is not None else [])))
    story.append(k.h2(N_("Debts")))
    by_loan: dict[int, list[r.Repayment]] = {}
    for rep in data.repayments:
        by_loan.setdefault(rep.loan_id, []).append(rep)
    owed: dict[str, int] = {}
    paid: dict[str, int] = {}
    if data.loans:
        rows = []
        for loan in data.loans:
            state = loan_state(loan, by_loan.get(loan.id, []), as_of)
            _add(owed, Money(max(state.balance.minor, 0), state.balance.currency))
            _add(paid, state.paid)
            rows.append([k.p(loan.lender or lab.inline(r.LENDER_KINDS.get(loan.lender_kind, "")), "cell"),
                         k.cell(lab.money(loan.principal)), k.cell(lab.money(state.paid)),
                         k.cell(lab.money(state.interest)), k.cell(lab.money(state.balance))])
        story.append(k.table([N_("Lender"), N_("Principal"), N_("Paid"), N_("Interest"), N_("Balance")], rows,
                             [58 * MM, 30 * MM, 30 * MM, 28 * MM, 32 * MM], align_right=range(1, 5)))
        story.append(k.spacer(2))
        story.append(k.rich([(lab.inline(N_("Still owed")) + ": ", True),
                             (", ".join(lab.money(Money(v, c)) for c, v in sorted(owed.items())), True)], "h2"))
        story.append(k.rich([(lab.inline(N_("Repaid so far")) + ": ", True),
                             (", ".join(lab.money(Money(v, c)) for c, v in sorted(paid.items())), False)]))
        balances = {loan.id: loan_state(loan, by_loan.get(loan.id, []), as_of).balance for loan in data.loans}
        for line in findings.loan_lines(lab, data, balances):
            first, *rest = line.texts
            story.append(k.p("▲ " + first, "small"))
            story += [k.p(t, "second-small") for t in rest]
    else:
        story.append(k.p(lab.inline(N_("No debts are recorded.")), "muted"))
    if data.fees:
        fees: dict[str, int] = {}
        for fee in data.fees:
            _add(fees, fee.amount)
        story.append(k.rich([(lab.inline(N_("Recruitment fees paid before leaving")) + ": ", True),
                             (", ".join(lab.money(Money(v, c)) for c, v in sorted(fees.items())), False)]))
        marks = {"shortfall": "■", "warning": "▲", "info": "•"}
        for line in findings.fee_lines(lab, data):  # above the legal limit, a banned deposit: as in the pack
            first, *rest = line.texts
            story.append(k.p(f"{marks.get(line.severity, '•')} {first}", "small"))
            story += [k.p(t, "second-small") for t in rest]  # (how it was compared: in the evidence pack; one page)
    story.append(k.h2(N_("Money sent home")))
    if data.remittances:
        rows = []
        for t in yearly_totals(data.remittances):
            rows.append([k.cell(str(t.period.year)), k.cell(str(t.count)), k.cell(lab.money(t.sent)),
                         k.cell(lab.money(t.fee)), k.cell(lab.money(t.received))])
        story.append(k.table([N_("Year"), N_("Transfers"), N_("Sent"), N_("Fees"), N_("Received")], rows,
                             [22 * MM, 24 * MM, 40 * MM, 32 * MM, 50 * MM], align_right=range(1, 5)))
        sent: dict[str, int] = {}
        received: dict[str, int] = {}
        fee_total: dict[str, int] = {}
        for x in data.remittances:
            _add(sent, x.sent)
            _add(received, x.received)
            _add(fee_total, x.fee)
        story.append(k.spacer(2))
        story.append(k.p(lab.inline(N_("All years")), "h2", bold=True))
        story += [k.p(t) for t in plural.each(lab, Plural.ngettext(
            "{count} transfer; sent {sent}, fees {fee}, received {received}",
            "{count} transfers; sent {sent}, fees {fee}, received {received}", len(data.remittances)),
            count=len(data.remittances), sent=lab.lmoneys([Money(v, c) for c, v in sorted(sent.items())]),
            fee=lab.lmoneys([Money(v, c) for c, v in sorted(fee_total.items())]),
            received=lab.lmoneys([Money(v, c) for c, v in sorted(received.items())]))]
    else:
        story.append(k.p(lab.inline(N_("No money sent home is recorded.")), "muted"))
    story.append(k.spacer(2))
    story += k.both(N_("Balances follow the interest rules recorded with each loan. Check them against the "
                       "lender's own statement; a difference is worth asking about."), "small")
    story += k.both(ROUNDING_NOTE, "small")  # issue 11: the rounding convention, stated
    return kit, story


ROUNDING_NOTE = N_("Rounding: interest is rounded to the currency's smallest unit each month (half up); an "
                   "instalment computed from a term is rounded up, as lenders do, so the agreed number of payments "
                   "clears the loan; an agreed instalment recorded with the loan is used as it is.")


def render_debt_summary(data: VaultData, options: ReportOptions, out: BinaryIO, progress: Progress | None = None,
                        cancelled: Cancelled | None = None) -> RenderInfo:
    from handbook_app.reports.evidence_pack import _author, page_frame

    kit, story = build_story(data, options)
    lab = kit.labels
    frame = page_frame(kit, data, options, "debt-summary")
    meta = DocMeta(title=frame.title, subject=lab.inline(N_("Debts, repayments and money sent home")),
                   author=_author(data, options), keywords=(f"document {frame.doc_id}",))
    return render_pdf(kit, story, out, frame, meta, progress, cancelled, progress_span=(40, 99))
